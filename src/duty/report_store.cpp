// The SQL of duty_reports and duty_reminders (declared in store.hpp with the rest of the area's store).
#include "duty/store.hpp"

namespace pufa::duty::store {

namespace {

constexpr char const* report_columns =
    "id, unit_id, year, kind, title, status, return_reason, region_path, submitted_at, created_at, updated_at";

Report report_row(db::Row const& row, bool with_body) {
  Report r;
  r.id = row.i64("id");
  r.unit_id = row.i64("unit_id");
  r.year = static_cast<int>(row.i64("year"));
  r.kind = row.str("kind");
  r.title = row.str("title");
  if (with_body) r.body = row.str("body");
  r.status = row.str("status");
  r.return_reason = row.opt_str("return_reason");
  r.region_path = row.str("region_path");
  r.submitted_at = row.opt_i64("submitted_at");
  r.created_at = row.i64("created_at");
  r.updated_at = row.i64("updated_at");
  return r;
}

}  // namespace

std::int64_t insert_report(db::Connection& conn, Report const& r, std::int64_t by) {
  return conn.insert(
      "INSERT INTO duty_reports (unit_id, year, kind, title, body, status, return_reason, region_path, submitted_at, created_by,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.unit_id, r.year, r.kind, r.title, r.body, r.status, r.return_reason, r.region_path, r.submitted_at, by, r.created_at,
       r.updated_at});
}

void update_report(db::Connection& conn, Report const& r) {
  conn.exec("UPDATE duty_reports SET title = ?, body = ?, status = ?, return_reason = ?, submitted_at = ?, updated_at = ? WHERE id = ?",
            {r.title, r.body, r.status, r.return_reason, r.submitted_at, r.updated_at, r.id});
}

std::optional<Report> report(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string("SELECT body, ") + report_columns + " FROM duty_reports WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return report_row(rows.front(), true);
}

bool has_report(db::Connection& conn, std::int64_t unit_id, int year, std::string_view kind) {
  return conn.scalar("SELECT id FROM duty_reports WHERE unit_id = ? AND year = ? AND kind = ?", {unit_id, year, kind}).has_value();
}

std::vector<Report> reports(db::Connection& conn, std::string const& region_path, std::optional<std::int64_t> unit_id,
                            std::optional<int> year) {
  std::string sql = std::string("SELECT ") + report_columns + " FROM duty_reports WHERE region_path LIKE ?";
  std::vector<db::Param> params{region_path + "%"};
  if (unit_id) {
    sql += " AND unit_id = ?";
    params.emplace_back(*unit_id);
  }
  if (year) {
    sql += " AND year = ?";
    params.emplace_back(*year);
  }
  sql += " ORDER BY year DESC, updated_at DESC, id DESC LIMIT 500";
  std::vector<Report> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(report_row(row, false));
  return out;
}

bool reminded_on(db::Connection& conn, std::int64_t unit_id, std::string const& day) {
  return conn.scalar("SELECT unit_id FROM duty_reminders WHERE unit_id = ? AND day = ?", {unit_id, day}).has_value();
}

void insert_reminder(db::Connection& conn, std::int64_t unit_id, int year, std::string const& day, std::int64_t open,
                     std::int64_t overdue, std::int64_t recipients, std::int64_t by, base::Millis at) {
  conn.exec("INSERT INTO duty_reminders (unit_id, day, year, open, overdue, recipients, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {unit_id, day, year, open, overdue, recipients, by, at});
}

}  // namespace pufa::duty::store
