#include "org/directory.hpp"

#include "org/store.hpp"

namespace pufa::org::directory {

std::optional<Unit> unit(db::Connection& conn, std::int64_t id) { return store::unit_where(conn, "id", id); }

std::optional<Unit> unit_named(db::Connection& conn, std::string const& name) {
  return store::unit_where(conn, "name", name);
}

std::vector<Unit> units_of_type(db::Connection& conn, std::string_view type) { return store::units_of_type(conn, type); }

std::vector<Unit> units_under(db::Connection& conn, std::string const& region_path, std::int64_t limit) {
  return store::units_under(conn, region_path, limit);
}

std::map<std::int64_t, std::string> unit_names(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  return store::unit_names(conn, ids);
}

std::vector<std::int64_t> people_tagged(db::Connection& conn, std::string_view tag) {
  return store::people_tagged(conn, tag);
}

}  // namespace pufa::org::directory
