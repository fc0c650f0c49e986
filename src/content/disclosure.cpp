#include "content/disclosure.hpp"

#include <cstdio>

namespace pufa::content {

namespace {

constexpr base::Millis shanghai_offset = 8 * base::hour_ms;

}  // namespace

std::string format_index_no(std::string_view code, int year, std::int64_t serial) {
  char tail[40];
  std::snprintf(tail, sizeof tail, "/%04d-%05lld", year, static_cast<long long>(serial));
  return std::string(code) + tail;
}

int shanghai_year(base::Millis at) { return std::stoi(base::iso8601(at + shanghai_offset).substr(0, 4)); }

std::string shanghai_date(base::Millis at) { return base::iso8601(at + shanghai_offset).substr(0, 10); }

std::int64_t next_serial(db::Connection& conn, std::string_view code, int year) {
  auto const changed = conn.exec(
      "UPDATE content_index_serials SET last_serial = last_serial + 1 WHERE code = ? AND year = ?",
      {code, year});
  if (changed == 0) {
    conn.exec("INSERT INTO content_index_serials (code, year, last_serial) VALUES (?, ?, 1)", {code, year});
    return 1;
  }
  return *conn.scalar("SELECT last_serial FROM content_index_serials WHERE code = ? AND year = ?", {code, year});
}

void reserve_serial(db::Connection& conn, std::string_view code, int year, std::int64_t serial) {
  auto const changed = conn.exec(
      "UPDATE content_index_serials SET last_serial = ? WHERE code = ? AND year = ? AND last_serial < ?",
      {serial, code, year, serial});
  if (changed == 0 && !conn.scalar("SELECT 1 FROM content_index_serials WHERE code = ? AND year = ?", {code, year})) {
    conn.exec("INSERT INTO content_index_serials (code, year, last_serial) VALUES (?, ?, ?)", {code, year, serial});
  }
}

}  // namespace pufa::content
