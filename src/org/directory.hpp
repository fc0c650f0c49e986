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

}  // namespace pufa::org::directory
