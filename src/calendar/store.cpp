// The SQL of calendar_days.
#include "calendar/store.hpp"

#include <fmt/format.h>

namespace pufa::calendar::store {

std::vector<Day> days(db::Connection& conn, int from_year, int to_year) {
  std::vector<Day> out;
  for (auto const& row : conn.query("SELECT day, kind, name FROM calendar_days WHERE day >= ? AND day <= ? ORDER BY day",
                                    {fmt::format("{:04}-01-01", from_year), fmt::format("{:04}-12-31", to_year)})) {
    out.push_back({row.str("day"), row.str("kind"), row.str("name")});
  }
  return out;
}

std::optional<Day> day(db::Connection& conn, std::string const& date) {
  auto const rows = conn.query("SELECT day, kind, name FROM calendar_days WHERE day = ?", {date});
  if (rows.empty()) return std::nullopt;
  return Day{rows.front().str("day"), rows.front().str("kind"), rows.front().str("name")};
}

void put(db::Connection& conn, Day const& d, std::int64_t by, base::Millis at) {
  if (day(conn, d.day)) {
    conn.exec("UPDATE calendar_days SET kind = ?, name = ?, updated_by = ?, updated_at = ? WHERE day = ?", {d.kind, d.name, by, at, d.day});
  } else {
    conn.exec("INSERT INTO calendar_days (day, kind, name, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)", {d.day, d.kind, d.name, by, at});
  }
}

void remove(db::Connection& conn, std::string const& date) { conn.exec("DELETE FROM calendar_days WHERE day = ?", {date}); }

}  // namespace pufa::calendar::store
