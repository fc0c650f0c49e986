#include "org/store.hpp"

#include "base/time.hpp"

#include "http/request.hpp"

namespace pufa::org::store {

namespace {

std::string marks(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

directory::Unit unit_from(db::Row const& row) {
  return {row.i64("id"), row.str("name"), row.str("type"), row.i64("region_id"), row.str("region_path")};
}

constexpr char const* unit_columns = "SELECT id, name, type, region_id, region_path FROM units";

std::int64_t count(db::Connection& conn, std::string const& sql, std::initializer_list<db::Param> params) {
  return conn.scalar(sql, params).value_or(0);
}

}  // namespace

std::optional<directory::Unit> unit_where(db::Connection& conn, std::string_view column, db::Param value) {
  auto rows = conn.query(std::string(unit_columns) + " WHERE " + std::string(column) + " = ? ORDER BY id LIMIT 1",
                         {std::move(value)});
  if (rows.empty()) return std::nullopt;
  return unit_from(rows.front());
}

std::vector<directory::Unit> units_named_like(db::Connection& conn, std::string const& q, std::string const& region_path,
                                              std::int64_t limit) {
  std::vector<directory::Unit> out;
  for (auto row : conn.query(std::string(unit_columns) +
                                 " WHERE region_path LIKE ? AND LOWER(name) LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT ?",
                             {region_path + "%", http::contains_pattern(q), limit})) {
    out.push_back(unit_from(row));
  }
  return out;
}

std::vector<directory::Unit> units_of_type(db::Connection& conn, std::string_view type) {
  std::vector<directory::Unit> out;
  for (auto row : conn.query(std::string(unit_columns) + " WHERE type = ? ORDER BY id", {type})) {
    out.push_back(unit_from(row));
  }
  return out;
}

std::vector<directory::Unit> units_under(db::Connection& conn, std::string const& region_path, std::int64_t limit) {
  std::vector<directory::Unit> out;
  for (auto row : conn.query(std::string(unit_columns) + " WHERE region_path LIKE ? ORDER BY name, id LIMIT ?",
                             {region_path + "%", limit})) {
    out.push_back(unit_from(row));
  }
  return out;
}

std::map<std::int64_t, std::string> unit_names(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::map<std::int64_t, std::string> out;
  constexpr std::size_t chunk = 500;
  for (std::size_t at = 0; at < ids.size(); at += chunk) {
    std::size_t const n = std::min(chunk, ids.size() - at);
    std::vector<db::Param> params(ids.begin() + static_cast<std::ptrdiff_t>(at),
                                  ids.begin() + static_cast<std::ptrdiff_t>(at + n));
    for (auto row : conn.query("SELECT id, name FROM units WHERE id IN (" + marks(n) + ")", params)) {
      out[row.i64("id")] = row.str("name");
    }
  }
  return out;
}

std::vector<std::int64_t> people_tagged(db::Connection& conn, std::string_view tag) {
  std::vector<std::int64_t> out;
  for (auto row : conn.query("SELECT id FROM people WHERE tags LIKE ? ORDER BY id", {"%," + std::string(tag) + ",%"})) {
    out.push_back(row.i64("id"));
  }
  return out;
}

std::map<std::int64_t, std::int64_t> tagged_by_region(db::Connection& conn, std::string const& region_path, std::string_view tag) {
  std::map<std::int64_t, std::int64_t> out;
  for (auto row : conn.query("SELECT region_id, COUNT(*) AS n FROM people WHERE region_path LIKE ? AND tags LIKE ? GROUP BY region_id",
                             {region_path + "%", "%," + std::string(tag) + ",%"})) {
    out[row.i64("region_id")] = row.i64("n");
  }
  return out;
}

void set_person_user(db::Connection& conn, std::int64_t person_id, std::int64_t user_id) {
  conn.exec("UPDATE people SET user_id = ?, updated_at = ? WHERE id = ?", {user_id, base::now_ms(), person_id});
}

std::optional<directory::Person> person_where(db::Connection& conn, std::string_view column, db::Param value) {
  auto rows = conn.query("SELECT id, name, region_id, user_id FROM people WHERE " + std::string(column) + " = ? ORDER BY id LIMIT 1",
                         {std::move(value)});
  if (rows.empty()) return std::nullopt;
  auto const& row = rows.front();
  return directory::Person{row.i64("id"), row.str("name"), row.i64("region_id"), row.opt_i64("user_id")};
}

std::vector<directory::VillageContract> village_contracts(db::Connection& conn, std::string_view condition, db::Param value,
                                                          std::string const& from, std::string const& to) {
  std::vector<directory::VillageContract> out;
  for (auto row : conn.query("SELECT c.id, c.client_region_id, c.region_path, c.advisor_id, p.name AS advisor_name, c.firm,"
                             " c.starts_on, c.ends_on FROM advisor_contracts c JOIN people p ON p.id = c.advisor_id"
                             " WHERE c.client_region_id IS NOT NULL AND " + std::string(condition) +
                             " AND c.starts_on <= ? AND (c.ends_on IS NULL OR c.ends_on = '' OR c.ends_on >= ?)"
                             " ORDER BY c.client_region_id, c.starts_on, c.id",
                             {std::move(value), to, from})) {
    directory::VillageContract c;
    c.id = row.i64("id");
    c.village_id = row.i64("client_region_id");
    c.village_path = row.str("region_path");
    c.advisor_id = row.i64("advisor_id");
    c.advisor_name = row.str("advisor_name");
    c.firm = row.opt_str("firm").value_or("");
    c.starts_on = row.str("starts_on");
    c.ends_on = row.opt_str("ends_on");
    if (c.ends_on && c.ends_on->empty()) c.ends_on.reset();
    out.push_back(std::move(c));
  }
  return out;
}

// Records in force: a term or contract without an end, or ending today or later.
Counts counts(db::Connection& conn, std::string const& region_path, std::string const& today) {
  auto const in = region_path + "%";
  Counts c;
  c.units = count(conn, "SELECT COUNT(*) AS n FROM units WHERE region_path LIKE ?", {in});
  c.schools = count(conn, "SELECT COUNT(*) AS n FROM units WHERE type = 'school' AND region_path LIKE ?", {in});
  c.schools_with_vice_principal = count(
      conn, "SELECT COUNT(DISTINCT school_id) AS n FROM vice_principals WHERE region_path LIKE ?"
            " AND (term_end IS NULL OR term_end >= ?)", {in, today});
  c.vice_principals = count(
      conn, "SELECT COUNT(DISTINCT person_id) AS n FROM vice_principals WHERE region_path LIKE ?"
            " AND (term_end IS NULL OR term_end >= ?)", {in, today});
  c.schools_with_advisor = count(
      conn, "SELECT COUNT(DISTINCT t.client_unit_id) AS n FROM advisor_contracts t JOIN units u ON u.id = t.client_unit_id"
            " WHERE u.type = 'school' AND t.region_path LIKE ? AND (t.ends_on IS NULL OR t.ends_on >= ?)", {in, today});
  c.villages_with_advisor = count(
      conn, "SELECT COUNT(DISTINCT client_region_id) AS n FROM advisor_contracts WHERE client_region_id IS NOT NULL"
            " AND region_path LIKE ? AND (ends_on IS NULL OR ends_on >= ?)", {in, today});
  c.people = count(conn, "SELECT COUNT(*) AS n FROM people WHERE region_path LIKE ?", {in});
  c.lecturer_teams = count(conn, "SELECT COUNT(*) AS n FROM teams WHERE kind = 'lecturers' AND region_path LIKE ?", {in});
  c.places = count(conn, "SELECT COUNT(*) AS n FROM places WHERE region_path LIKE ?", {in});
  c.volunteers = count(conn, "SELECT COUNT(*) AS n FROM people WHERE tags LIKE '%,volunteer,%' AND region_path LIKE ?", {in});
  c.legal_advisors =
      count(conn, "SELECT COUNT(*) AS n FROM people WHERE tags LIKE '%,legal_advisor,%' AND region_path LIKE ?", {in});
  return c;
}

std::int64_t places_at(db::Connection& conn, std::string_view type, std::vector<std::int64_t> const& region_ids) {
  if (region_ids.empty()) return 0;
  std::vector<db::Param> params{type};
  params.insert(params.end(), region_ids.begin(), region_ids.end());
  return conn.query("SELECT COUNT(*) AS n FROM places WHERE type = ? AND region_id IN (" + marks(region_ids.size()) + ")",
                    params)
      .front()
      .i64("n");
}

}  // namespace pufa::org::store
