// The org area's own SQL beyond the registry engine: the overview counts and the directory.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "org/directory.hpp"

namespace pufa::org::store {

std::optional<directory::Unit> unit_where(db::Connection& conn, std::string_view column, db::Param value);
std::vector<directory::Unit> units_of_type(db::Connection& conn, std::string_view type);
std::vector<directory::Unit> units_under(db::Connection& conn, std::string const& region_path, std::int64_t limit);
// Units whose name contains `q` in a subtree, by name (at most `limit`): an account's unit to pick.
std::vector<directory::Unit> units_named_like(db::Connection& conn, std::string const& q, std::string const& region_path,
                                              std::int64_t limit);
std::map<std::int64_t, std::string> unit_names(db::Connection& conn, std::vector<std::int64_t> const& ids);
std::vector<std::int64_t> people_tagged(db::Connection& conn, std::string_view tag);
std::map<std::int64_t, std::int64_t> tagged_by_region(db::Connection& conn, std::string const& region_path, std::string_view tag);
void set_person_user(db::Connection& conn, std::int64_t person_id, std::int64_t user_id);
std::optional<directory::Person> person_where(db::Connection& conn, std::string_view column, db::Param value);
// Village contracts matching `condition` (on alias c, one parameter) in force on some day of [from, to].
std::vector<directory::VillageContract> village_contracts(db::Connection& conn, std::string_view condition, db::Param value,
                                                          std::string const& from, std::string const& to);

// The overview's counts in a subtree (`today` bounds terms and contracts in force).
struct Counts {
  std::int64_t units = 0, schools = 0, schools_with_vice_principal = 0, vice_principals = 0,
               schools_with_advisor = 0, villages_with_advisor = 0, people = 0, lecturer_teams = 0, places = 0,
               volunteers = 0, legal_advisors = 0;
};
Counts counts(db::Connection& conn, std::string const& region_path, std::string const& today);
// Places of a type at the given regions (constitution rooms at the townships).
std::int64_t places_at(db::Connection& conn, std::string_view type, std::vector<std::int64_t> const& region_ids);

}  // namespace pufa::org::store
