#include "duty/digest.hpp"

#include <fmt/format.h>

#include "activity/library.hpp"

namespace pufa::duty::digest {

void rebuild(db::Connection& conn, std::string_view kind, std::int64_t unit_id, int year) {
  auto const facts = activity::library::facts(conn, kind, {unit_id}, fmt::format("{:04}-01-01", year),
                                              fmt::format("{:04}-12-31", year));
  std::string text;
  text.reserve(facts.size() * 40);
  for (auto const& fact : facts) {
    text += fact.day;
    for (auto const* value : {&fact.theme, &fact.form, &fact.six_place, &fact.study_kind}) {
      text += '\t';
      if (*value) text += **value;
    }
    text += '\n';
  }
  conn.exec("DELETE FROM duty_ledger_digests WHERE kind = ? AND unit_id = ? AND year = ?", {kind, unit_id, year});
  if (facts.empty()) return;
  conn.exec("INSERT INTO duty_ledger_digests (kind, unit_id, year, records, facts) VALUES (?, ?, ?, ?, ?)",
            {kind, unit_id, year, static_cast<std::int64_t>(facts.size()), text});
}

void rebuild_all(db::Connection& conn) {
  conn.exec("DELETE FROM duty_ledger_digests");
  for (auto kind : {activity::library::activity_kind, activity::library::study_kind}) {
    for (auto const& [unit, year] : activity::library::unit_years(conn, kind)) rebuild(conn, kind, unit, year);
  }
}

std::vector<std::pair<std::int64_t, std::string>> read(db::Connection& conn, std::string_view kind, int year,
                                                      std::vector<std::int64_t> const& unit_ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  constexpr std::size_t chunk = 500;
  for (std::size_t start = 0; start < unit_ids.size(); start += chunk) {
    auto const end = std::min(unit_ids.size(), start + chunk);
    std::string marks;
    std::vector<db::Param> params{kind, year};
    for (auto i = start; i < end; ++i) {
      marks += i == start ? "?" : ", ?";
      params.emplace_back(unit_ids[i]);
    }
    auto const rows = conn.query("SELECT unit_id, facts FROM duty_ledger_digests WHERE kind = ? AND year = ? AND unit_id IN (" +
                                     marks + ")",
                                 std::span<db::Param const>(params));
    for (auto const& row : rows) out.emplace_back(row.i64("unit_id"), row.str("facts"));
  }
  return out;
}

}  // namespace pufa::duty::digest
