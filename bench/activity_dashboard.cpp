// The dashboard with a large ledger: fills a SQLite database with N activity rows (default
// 1,000,000) on the Lanxi demo, builds the counters, then times, in this process and on the
// same data, the dashboard as served (from the counters) against the reference of computing
// the same figures by scanning the ledger with GROUP BY.
//
//   build/release/activity_dashboard_bench [ROWS] [DB_PATH]
// The database is left at DB_PATH (default /tmp/pufa-bench-1m.db) for bench/dashboard.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "activity/counters.hpp"
#include "auth/regions.hpp"
#include "app/areas.hpp"
#include "timing.hpp"
#include "app/demo.hpp"
#include "base/random.hpp"
#include "base/sequence.hpp"
#include "base/time.hpp"
#include "app/keys.hpp"
#include "db/migrate.hpp"

namespace {

using Clock = std::chrono::steady_clock;

using pufa::bench::time_it;

constexpr char const* themes[] = {"宪法", "民法典", "未成年人保护", "扫黑除恶", "企业风险防范", "禁毒", "安全生产",
                                  "婚姻家庭", "乡村振兴", "疫情防控"};
constexpr char const* audiences[] = {"领导干部", "公务员", "青少年", "群众", "企业职工", "老年人"};
constexpr char const* places[] = {"机关", "乡村", "社区", "学校", "企业", "单位"};
constexpr char const* forms[] = {"讲座", "法律赶集", "文艺演出", "以案释法", "模拟法庭", "知识竞赛", "线上推送"};

}  // namespace

int main(int argc, char** argv) {
  using namespace pufa;
  long const rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  std::string const path = argc > 2 ? argv[2] : "/tmp/pufa-bench-1m.db";
  base::init_crypto();
  base::sealed::install(app::ephemeral_field_keys());
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto db = db::Database::open("sqlite:" + path, {.readers = 2});
  db::migrate(*db, app::all_migrations());
  app::load_demo(*db);

  std::vector<std::pair<std::int64_t, std::int64_t>> regions_units;  // village region, a unit
  db->read([&](db::Connection& conn) {
    auto villages = conn.query("SELECT id FROM regions WHERE level = 3 ORDER BY id");
    auto units = conn.query("SELECT id FROM units ORDER BY id");
    for (std::size_t i = 0; i < villages.size(); ++i) {
      regions_units.emplace_back(villages.row(i).i64("id"), units.row(i % units.size()).i64("id"));
    }
  });

  auto const fill_start = Clock::now();
  base::Sequence sequence(42);
  auto next = [&](int n) { return sequence.below(n); };
  constexpr long batch = 20'000;
  for (long done = 0; done < rows; done += batch) {
    db->write([&](db::Connection& conn) {
      for (long i = done; i < std::min(rows, done + batch); ++i) {
        auto const& [region, unit] = regions_units[next(int(regions_units.size()))];
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2017 + next(4), 1 + next(12), 1 + next(28));
        conn.exec("INSERT INTO activities (region_id, title, starts_on, unit_id, theme, audience, six_place, form,"
                  " participants, status, created_at, updated_at) VALUES (?, '普法活动', ?, ?, ?, ?, ?, ?, ?, 'approved', 0, 0)",
                  {region, date, unit, themes[next(10)], std::string(",") + audiences[next(6)] + ",", places[next(6)],
                   forms[next(7)], 20 + next(400)});
      }
    });
  }
  db->write([](db::Connection& conn) {
    auth::regions::fill_region_paths(conn, "activities");  // the scope column the rows were inserted without
    activity::rebuild_counters(conn);
  });
  double const fill_s = std::chrono::duration<double>(Clock::now() - fill_start).count();

  std::int64_t const root = db->read([](db::Connection& c) { return *c.scalar("SELECT id FROM regions WHERE parent_id IS NULL"); });
  std::int64_t const counted = db->read([](db::Connection& c) {
    return *c.scalar("SELECT SUM(records) FROM activity_counters WHERE dimension = 'total' AND scope_id = 1");
  });
  auto const served = time_it(50, [&] {
    db->read([&](db::Connection& conn) { activity::dashboard(conn, 2020, root); });
  });
  // Reference: the same headline figures by scanning the ledger.
  auto const scanned = time_it(5, [&] {
    db->read([&](db::Connection& conn) {
      for (auto const* group : {"theme", "six_place", "form", "unit_id", "substr(starts_on, 6, 2)"}) {
        conn.query(std::string("SELECT ") + group + ", COUNT(*), SUM(participants) FROM activities"
                   " WHERE starts_on >= '2020-01-01' AND starts_on <= '2020-12-31' GROUP BY " + group);
      }
    });
  });
  std::printf("ledger rows: %ld (+ demo), counted: %lld, filled and counted in %.1f s\n", rows,
              static_cast<long long>(counted), fill_s);
  std::printf("| method | median ms | p99 ms |\n|---|---|---|\n");
  std::printf("| dashboard from counters (served) | %.2f | %.2f |\n", served.median, served.p99);
  std::printf("| reference: GROUP BY over the ledger | %.1f | %.1f |\n", scanned.median, scanned.p99);
  std::printf("ratio (reference / served): %.0fx\n", scanned.median / served.median);
  return 0;
}
