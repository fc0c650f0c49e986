// What the ledger benchmarks share: `rows` generated ledger rows over the given units, a tenth of them
// study records, dated over `years` years from `first_year`, from a fixed seed (the same data every run).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <vector>

#include "base/sequence.hpp"
#include "db/database.hpp"

namespace pufa::bench {

inline constexpr char const* ledger_themes[] = {"宪法", "民法典", "未成年人保护", "扫黑除恶", "企业风险防范", "禁毒", "安全生产",
                                                "婚姻家庭", "乡村振兴", "疫情防控"};
inline constexpr char const* ledger_places[] = {"organs", "villages", "communities", "schools", "enterprises", "units"};
inline constexpr char const* ledger_forms[] = {"lecture", "law_fair", "performance", "case_talk", "mock_court", "quiz", "online"};

inline void fill_ledger(db::Database& db, std::vector<std::int64_t> const& units, std::vector<std::int64_t> const& regions,
                        long rows, std::uint64_t seed, int first_year, int years, std::span<char const* const> study_kinds) {
  base::Sequence sequence(seed);
  auto next = [&](int n) { return sequence.below(n); };
  auto const count = static_cast<int>(units.size());
  constexpr long batch = 20'000;
  for (long done = 0; done < rows; done += batch) {
    db.write([&](db::Connection& conn) {
      for (long i = done; i < std::min(rows, done + batch); ++i) {
        auto const u = static_cast<std::size_t>(next(count));
        auto const date = fmt::format("{:04}-{:02}-{:02}", first_year + next(years), 1 + next(12), 1 + next(28));
        if (i % 10 == 9) {  // a tenth are study records
          conn.exec("INSERT INTO study_records (region_id, region_path, kind, unit_id, held_on, topic, status, created_at,"
                    " updated_at) VALUES (?, '/', ?, ?, ?, '学法', 'approved', 0, 0)",
                    {regions[u], study_kinds[static_cast<std::size_t>(next(static_cast<int>(study_kinds.size())))], units[u], date});
        } else {
          conn.exec("INSERT INTO activities (region_id, region_path, title, starts_on, unit_id, theme, six_place, form,"
                    " participants, status, created_at, updated_at) VALUES (?, '/', '普法活动', ?, ?, ?, ?, ?, ?, 'approved', 0, 0)",
                    {regions[u], date, units[u], ledger_themes[next(10)], ledger_places[next(6)], ledger_forms[next(7)], 20 + next(400)});
        }
      }
    });
  }
}

}  // namespace pufa::bench
