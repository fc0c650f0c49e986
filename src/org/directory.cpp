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

std::map<std::int64_t, std::int64_t> tagged_by_region(db::Connection& conn, std::string const& region_path, std::string_view tag) {
  return store::tagged_by_region(conn, region_path, tag);
}

std::optional<Person> person(db::Connection& conn, std::int64_t id) { return store::person_where(conn, "id", id); }

std::optional<Person> person_of_user(db::Connection& conn, std::int64_t user_id) {
  return store::person_where(conn, "user_id", user_id);
}

void set_person_user(db::Connection& conn, std::int64_t person_id, std::int64_t user_id) {
  store::set_person_user(conn, person_id, user_id);
}

std::vector<VillageContract> village_contracts(db::Connection& conn, std::string const& region_path, std::string const& from,
                                               std::string const& to) {
  return store::village_contracts(conn, "c.region_path LIKE ?", region_path + "%", from, to);
}

std::vector<VillageContract> contracts_of_advisor(db::Connection& conn, std::int64_t advisor_id, std::string const& from,
                                                  std::string const& to) {
  return store::village_contracts(conn, "c.advisor_id = ?", advisor_id, from, to);
}

}  // namespace pufa::org::directory
