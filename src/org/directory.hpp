// What other areas read of the organisation: units and people by id, name or tag, and names of
// many units at once. The org area's tables are touched only by its own files.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace pufa::org::directory {

struct Unit {
  std::int64_t id = 0;
  std::string name;
  std::string type;  // a unit_type code
  std::int64_t region_id = 0;
  std::string region_path;
};

std::optional<Unit> unit(db::Connection& conn, std::int64_t id);
// The unit of that exact name (the first by id when several share it).
std::optional<Unit> unit_named(db::Connection& conn, std::string const& name);
std::vector<Unit> units_of_type(db::Connection& conn, std::string_view type);
// Every unit placed in the subtree at `region_path`, by name; at most `limit`.
std::vector<Unit> units_under(db::Connection& conn, std::string const& region_path, std::int64_t limit);
std::map<std::int64_t, std::string> unit_names(db::Connection& conn, std::vector<std::int64_t> const& ids);
// People with a tag (a person_tag code), by id.
std::vector<std::int64_t> people_tagged(db::Connection& conn, std::string_view tag);

// People with a tag (a person_tag code) per region id, in the subtree (法律明白人 per village).
std::map<std::int64_t, std::int64_t> tagged_by_region(db::Connection& conn, std::string const& region_path, std::string_view tag);

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::int64_t region_id = 0;
  std::optional<std::int64_t> user_id;
};
std::optional<Person> person(db::Connection& conn, std::int64_t id);
// The person whose login is that account (an advisor, a mediator); the first by id.
std::optional<Person> person_of_user(db::Connection& conn, std::int64_t user_id);

// Makes `user_id` the person's login (a demo loader binding an advisor's account).
void set_person_user(db::Connection& conn, std::int64_t person_id, std::int64_t user_id);

// A legal advisor's contract with a village (一村居一法律顾问): advisor_contracts with a client_region_id.
struct VillageContract {
  std::int64_t id = 0;
  std::int64_t village_id = 0;
  std::string village_path;
  std::int64_t advisor_id = 0;
  std::string advisor_name, firm;
  std::string starts_on;
  std::optional<std::string> ends_on;
  bool in_force(std::string_view day) const { return starts_on <= day && (!ends_on || *ends_on >= day); }
};
// The contracts with villages of the subtree in force on some day of [from, to] (dates), by village then start.
std::vector<VillageContract> village_contracts(db::Connection& conn, std::string const& region_path, std::string const& from,
                                               std::string const& to);
// One advisor's contracts with villages in force on some day of [from, to].
std::vector<VillageContract> contracts_of_advisor(db::Connection& conn, std::int64_t advisor_id, std::string const& from,
                                                  std::string const& to);

}  // namespace pufa::org::directory
