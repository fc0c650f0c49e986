// The exam area's SQL for certificate settings and issued certificates.
#include "exam/store.hpp"

namespace pufa::exam::store {

namespace {

constexpr char const* certificate_columns =
    "SELECT number, exam_id, user_id, attempt_id, check_code, issued_at FROM exam_certificates ";

std::optional<IssuedCertificate> certificate_row(db::ResultSet const& rows) {
  if (rows.empty()) return std::nullopt;
  auto const row = rows.front();
  return IssuedCertificate{row.str("number"), row.i64("exam_id"), row.i64("user_id"), row.i64("attempt_id"),
                           row.str("check_code"), row.i64("issued_at")};
}

}  // namespace

std::map<std::string, std::string> settings(db::Connection& conn) {
  std::map<std::string, std::string> out;
  auto const rows = conn.query("SELECT name, value FROM exam_settings");
  for (auto row : rows) out[row.str("name")] = row.str("value");
  return out;
}

void put_setting(db::Connection& conn, std::string const& name, std::string const& value, base::Millis now) {
  conn.exec(
      "INSERT INTO exam_settings (name, value, updated_at) VALUES (?, ?, ?)"
      " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      {name, value, now});
}

void delete_setting(db::Connection& conn, std::string const& name) {
  conn.exec("DELETE FROM exam_settings WHERE name = ?", {name});
}

std::optional<IssuedCertificate> certificate_of(db::Connection& conn, std::int64_t exam_id, std::int64_t user_id) {
  return certificate_row(
      conn.query(std::string(certificate_columns) + "WHERE exam_id = ? AND user_id = ?", {exam_id, user_id}));
}

std::optional<IssuedCertificate> certificate_by_number(db::Connection& conn, std::string const& number) {
  return certificate_row(conn.query(std::string(certificate_columns) + "WHERE number = ?", {number}));
}

void insert_certificate(db::Connection& conn, IssuedCertificate const& c) {
  conn.exec(
      "INSERT INTO exam_certificates (number, exam_id, user_id, attempt_id, check_code, issued_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {c.number, c.exam_id, c.user_id, c.attempt_id, c.check_code, c.issued_at});
}

void set_certificate_attempt(db::Connection& conn, std::string const& number, std::int64_t attempt_id) {
  conn.exec("UPDATE exam_certificates SET attempt_id = ? WHERE number = ?", {attempt_id, number});
}

}  // namespace pufa::exam::store
