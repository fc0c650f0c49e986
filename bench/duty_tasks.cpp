// The responsibility system at scale: the progress of every task of 200 units × 50 work points
// (10,000 tasks) over a 1,000,000-row ledger, judged as served (duty::judged_tasks: one read of the
// year's records per kind, every rule in memory) against the reference of evaluating each distinct
// rule by GROUP BY over the ledger, in the same process on the same data. The two are checked to
// agree on every year rule's count.
//
//   build/release/bench/duty_tasks_bench [ROWS] [DB_PATH] [--reuse]
// --reuse times a database an earlier run filled (the fill takes about 45 s).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/areas.hpp"
#include "ledger.hpp"
#include "timing.hpp"
#include "app/demo.hpp"
#include "auth/regions.hpp"
#include "base/random.hpp"
#include "base/time.hpp"
#include "activity/library.hpp"
#include "app/keys.hpp"
#include "db/migrate.hpp"
#include "duty/digest.hpp"
#include "duty/judged.hpp"
#include "duty/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

using pufa::bench::time_it;

constexpr auto const& themes = pufa::bench::ledger_themes;
constexpr auto const& places = pufa::bench::ledger_places;
constexpr auto const& forms = pufa::bench::ledger_forms;
constexpr char const* study_kinds[] = {"party_group", "executive_meeting", "three_heads"};

}  // namespace

int main(int argc, char** argv) {
  using namespace pufa;
  long const rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  std::string const path = argc > 2 ? argv[2] : "/tmp/pufa-bench-duty.db";
  constexpr int unit_count = 200, point_count = 50, year = 2020;
  bool const reuse = argc > 3 && std::string(argv[3]) == "--reuse" && std::filesystem::exists(path);
  base::init_crypto();
  base::sealed::install(app::ephemeral_field_keys());
  if (!reuse) {
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  auto db = db::Database::open("sqlite:" + path, {.readers = 2});
  db::migrate(*db, app::all_migrations());
  if (!reuse) app::load_demo(*db);

  std::vector<std::int64_t> units;
  std::vector<std::int64_t> regions;
  db->read([&](db::Connection& conn) {
    for (auto const& row : conn.query("SELECT id, region_id FROM units ORDER BY id LIMIT ?", {unit_count})) {
      units.push_back(row.i64("id"));
      regions.push_back(row.i64("region_id"));
    }
  });

  auto const fill_start = Clock::now();
  if (!reuse) {
  bench::fill_ledger(*db, units, regions, rows, 42, 2017, 4, study_kinds);
  // 50 points of 2021's kind for all 200 units: rules over themes, forms, places, study kinds, periods.
  db->write([&](db::Connection& conn) {
    auto const plan = duty::store::insert_plan(conn, 2030, "负载测试工作要点", 0, 0);
    std::vector<duty::Point> points;
    for (int p = 0; p < point_count; ++p) {
      duty::Point point;
      point.seq = p + 1;
      point.text = fmt::format("要点 {}", p + 1);
      point.lead_unit_id = units.front();
      point.co_unit_ids.assign(units.begin() + 1, units.end());
      point.deadline = fmt::format("{}-{}", year, p % 3 == 0 ? "06-30" : "12-31");
      point.rule.kind = p % 5 == 4 ? "study_record" : "activity";
      point.rule.min = 1 + p % 4;
      point.rule.period = p % 7 == 6 ? "quarter" : "year";
      if (point.rule.kind == "activity") {
        if (p % 2 == 0) point.rule.theme = themes[p % 10];
        if (p % 3 == 1) point.rule.form = forms[p % 7];
        if (p % 4 == 3) point.rule.six_place = places[p % 6];
      } else {
        point.rule.study_kind = study_kinds[p % 3];
      }
      points.push_back(std::move(point));
    }
    duty::store::save_points(conn, plan, std::move(points));
    auto stored = *duty::store::plan(conn, plan);
    stored.year = year;  // tasks of 2020, judged over the 2020 ledger
    duty::sync_plan_tasks(conn, stored, 0);
  });
  }
  double const fill_s = std::chrono::duration<double>(Clock::now() - fill_start).count();
  // The rows went in past the ledger's change observer: the digests from scratch, timed.
  auto const digest_start = Clock::now();
  if (!reuse) db->write([](db::Connection& conn) { duty::digest::rebuild_all(conn); });
  double const digest_s = std::chrono::duration<double>(Clock::now() - digest_start).count();

  std::string const today = "2020-12-31";
  std::vector<duty::TaskView> served_tasks;
  auto const served = time_it(20, [&] {
    db->read([&](db::Connection& conn) { served_tasks = duty::judged_tasks(conn, "/", year, today); });
  });

  // Where the served time goes: the read of the year's records alone.
  auto const read_only = time_it(5, [&] {
    db->read([&](db::Connection& conn) {
      activity::library::facts(conn, "activity", units, fmt::format("{}-01-01", year), today);
      activity::library::facts(conn, "study_record", units, fmt::format("{}-01-01", year), today);
    });
  });

  // Reference: each distinct rule as one GROUP BY over the ledger (counts and the latest day per
  // unit; per quarter for quarter rules) — no n-th day, which the served path also gives.
  std::vector<duty::Point> points;
  db->read([&](db::Connection& conn) { points = duty::store::plan_of_year(conn, 2030)->points; });
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> reference;  // (rule text, unit) → count
  auto const grouped = time_it(3, [&] {
    reference.clear();
    db->read([&](db::Connection& conn) {
      for (auto const& point : points) {
        auto const& rule = point.rule;
        bool const activity = rule.kind == "activity";
        bool const quarter = rule.period == "quarter";
        std::string sql = activity ? "SELECT unit_id, COUNT(*) AS n, MAX(starts_on) AS last" : "SELECT unit_id, COUNT(*) AS n, MAX(held_on) AS last";
        sql += quarter ? (activity ? ", (CAST(substr(starts_on, 6, 2) AS INTEGER) + 2) / 3 AS q" : ", (CAST(substr(held_on, 6, 2) AS INTEGER) + 2) / 3 AS q") : "";
        sql += activity ? " FROM activities WHERE starts_on >= ? AND starts_on <= ?" : " FROM study_records WHERE held_on >= ? AND held_on <= ?";
        sql += " AND status <> 'returned'";
        std::vector<db::Param> params{fmt::format("{}-01-01", year), today};
        auto add = [&](char const* column, std::optional<std::string> const& value) {
          if (!value) return;
          sql += std::string(" AND ") + column + " = ?";
          params.emplace_back(*value);
        };
        add("theme", rule.theme);
        add("form", rule.form);
        add("six_place", rule.six_place);
        add("kind", rule.study_kind);
        sql += quarter ? " GROUP BY unit_id, q" : " GROUP BY unit_id";
        for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) {
          if (!quarter) reference[{point.text, row.i64("unit_id")}] = row.i64("n");
        }
      }
    });
  });

  // The two agree on every year rule's count.
  std::size_t checked = 0, differ = 0;
  for (auto const& view : served_tasks) {
    if (view.task.rule.period != "year" || !view.task.title.starts_with("要点 ")) continue;  // the demo's own 2020 tasks aside
    auto const found = reference.find({view.task.title, view.task.unit_id});
    auto const expected = found == reference.end() ? 0 : found->second;
    ++checked;
    if (expected != view.progress.count) ++differ;
  }
  std::int64_t done = 0;
  for (auto const& view : served_tasks) done += view.progress.state == "done" || view.progress.state == "late";
  std::printf("ledger rows: %ld (+ demo), tasks: %zu (%lld done), filled in %.1f s, digests built in %.1f s\n", rows,
              served_tasks.size(), static_cast<long long>(done), fill_s, digest_s);
  std::printf("year-rule counts checked against the reference: %zu, differing: %zu\n", checked, differ);
  std::printf("| method (10,000 tasks, year %d) | median ms | p99 ms |\n|---|---|---|\n", year);
  std::printf("| served: judged_tasks (the units' digests, rules in memory) | %.1f | %.1f |\n", served.median, served.p99);
  std::printf("| reference: GROUP BY per distinct rule | %.1f | %.1f |\n", grouped.median, grouped.p99);
  std::printf("| without digests: reading the year's records from the ledger (activity/library facts) | %.1f | %.1f |\n", read_only.median, read_only.p99);
  std::printf("ratio (reference / served): %.2fx\n", grouped.median / served.median);
  return differ == 0 ? 0 : 1;
}
