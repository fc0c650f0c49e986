// Assessment at scale: every automatic leaf of 400 units' sheets scored over a 1,000,000-row ledger
// (assess::live_results: one read of the period's records per kind through the ledger's interface,
// each unit's articles and exam sittings, the rules in memory), against the reference of one
// GROUP BY over the ledger that counts the same records, in the same process on the same data.
// The served counts are checked against the reference on every activity and study-record leaf.
//
//   build/release/bench/assess_scoring_bench [ROWS] [DB_PATH] [--reuse]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/areas.hpp"
#include "activity/library.hpp"
#include "app/demo.hpp"
#include "content/library.hpp"
#include "duty/library.hpp"
#include "exam/library.hpp"
#include "assess/common.hpp"
#include "assess/store.hpp"
#include "base/random.hpp"
#include "app/keys.hpp"
#include "db/migrate.hpp"
#include "duty/digest.hpp"
#include "ledger.hpp"
#include "timing.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using pufa::bench::time_it;

constexpr char const* study_kinds[] = {"party_group", "executive_meeting", "three_heads", "court_hearing", "duty_report"};

}  // namespace

int main(int argc, char** argv) {
  using namespace pufa;
  long const rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  std::string const path = argc > 2 ? argv[2] : "/tmp/pufa-bench-assess.db";
  constexpr int unit_count = 400;
  bool const reuse = argc > 3 && std::string(argv[3]) == "--reuse" && std::filesystem::exists(path);
  base::init_crypto();
  base::sealed::install(app::ephemeral_field_keys());
  if (!reuse) {
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  auto db = db::Database::open("sqlite:" + path, {.readers = 2});
  db::migrate(*db, app::all_migrations());
  if (!reuse) app::load_demo(*db);

  std::vector<std::int64_t> units, regions;
  db->read([&](db::Connection& conn) {
    for (auto const& row : conn.query("SELECT id, region_id FROM units ORDER BY id LIMIT ?", {unit_count})) {
      units.push_back(row.i64("id"));
      regions.push_back(row.i64("region_id"));
    }
  });
  auto const fill_start = Clock::now();
  if (!reuse) {
    bench::fill_ledger(*db, units, regions, rows, 15, 2016, 5, study_kinds);
    // The rows went in past the ledger's change observer: the responsibility system's digests from scratch.
    db->write([](db::Connection& conn) { duty::digest::rebuild_all(conn); });
    // A round of the 400 units on the demo's 七五 township sheet (its measured leaves: 法律六进 by place,
    // themes, 中心组学法, articles, exam pass rate).
    db->write([&](db::Connection& conn) {
      std::int64_t set_id = 0;
      for (auto const& s : assess::store::all_sets(conn)) {
        if (s.code == "qiwu-township") set_id = s.id;
      }
      assess::Round round{.year = 2020, .title = "负载测试考核", .period_from = "2016-01-01", .period_to = "2020-12-31",
                          .status = std::string(assess::round_status::inspection), .region_path = "/"};
      round.id = assess::store::insert_round(conn, round, 0);
      std::vector<assess::RoundUnit> members;
      for (auto id : units) members.push_back({.unit_id = id, .set_id = set_id, .category = "township"});
      assess::store::set_units(conn, round.id, members);
    });
  }
  double const fill_s = std::chrono::duration<double>(Clock::now() - fill_start).count();

  assess::Round round;
  db->read([&](db::Connection& conn) {
    for (auto& r : assess::store::all_rounds(conn)) {
      if (r.title == "负载测试考核") round = std::move(r);
    }
  });
  std::vector<assess::Ranked> results;
  auto const served = time_it(7, [&] {
    db->read([&](db::Connection& conn) { results = assess::live_results(conn, round, assess::store::units(conn, round.id)); });
  });

  // Where the served time goes: one pass over the digests counting every ledger leaf (Counter::expect);
  // reading the period's ledger rows instead (what it costs without the digests); the per-unit reads.
  std::vector<org::directory::Unit> org_units;
  std::vector<assess::Measure> measures;
  db->read([&](db::Connection& conn) {
    for (auto id : units) org_units.push_back(*org::directory::unit(conn, id));
    auto const round_units = assess::store::units(conn, round.id);
    auto const sheet = assess::load_set(conn, round_units.front().set_id);
    for (auto const* leaf : assess::leaves_of(sheet)) {
      if (leaf->measure) measures.push_back(*leaf->measure);
    }
  });
  auto const digests = time_it(5, [&] {
    db->read([&](db::Connection& conn) {
      assess::Counter counter(conn, org_units, round.period_from, round.period_to, round.period_to, "/");
      counter.expect(measures);
    });
  });
  auto const read_only = time_it(3, [&] {
    db->read([&](db::Connection& conn) {
      activity::library::facts(conn, "activity", units, round.period_from, round.period_to);
      activity::library::facts(conn, "study_record", units, round.period_from, round.period_to);
    });
  });
  auto const per_unit = time_it(3, [&] {
    db->read([&](db::Connection& conn) {
      for (auto id : units) {
        auto const unit = org::directory::unit(conn, id);
        content::library::published_by(conn, unit->name, "", 5000);
        exam::library::unit_sittings(conn, id, "", 1000);
      }
    });
  });

  // The counts behind the measured ledger leaves, served: one Counter over the 400 units.
  std::map<std::pair<std::int64_t, std::int64_t>, double> served_counts;  // (unit, item) → found
  std::vector<assess::Item const*> measured;
  assess::IndicatorSet set;
  db->read([&](db::Connection& conn) {
    auto const round_units = assess::store::units(conn, round.id);
    set = assess::load_set(conn, round_units.front().set_id);
    for (auto const* leaf : assess::leaves_of(set)) {
      if (leaf->measure && (leaf->measure->source == "activity" || leaf->measure->source == "study_record")) measured.push_back(leaf);
    }
    assess::Counter counter(conn, org_units, round.period_from, round.period_to, round.period_to, "/");
    counter.expect(measures);  // as live_results counts them
    for (auto id : units) {
      for (auto const* leaf : measured) served_counts[{id, leaf->id}] = counter.found(*leaf->measure, id).value;
    }
  });

  // Reference: the ledger grouped once per kind over the period, each leaf's count summed from the groups.
  std::map<std::pair<std::int64_t, std::int64_t>, double> reference;
  auto const grouped = time_it(3, [&] {
    reference.clear();
    db->read([&](db::Connection& conn) {
      auto const a = conn.query("SELECT unit_id, theme, six_place, form, COUNT(*) AS n FROM activities"
                                " WHERE starts_on >= ? AND starts_on <= ? AND status <> 'returned' AND unit_id IS NOT NULL"
                                " GROUP BY unit_id, theme, six_place, form",
                                {round.period_from, round.period_to});
      auto const s = conn.query("SELECT unit_id, kind, COUNT(*) AS n FROM study_records"
                                " WHERE held_on >= ? AND held_on <= ? AND status <> 'returned' AND unit_id IS NOT NULL"
                                " GROUP BY unit_id, kind",
                                {round.period_from, round.period_to});
      for (auto const* leaf : measured) {
        auto const& m = *leaf->measure;
        if (m.source == "activity") {
          for (auto const& row : a) {
            if (m.theme && row.opt_str("theme") != m.theme) continue;
            if (m.six_place && row.opt_str("six_place") != m.six_place) continue;
            if (m.form && row.opt_str("form") != m.form) continue;
            reference[{row.i64("unit_id"), leaf->id}] += static_cast<double>(row.i64("n"));
          }
        } else {
          for (auto const& row : s) {
            if (m.study_kind && row.str("kind") != *m.study_kind) continue;
            reference[{row.i64("unit_id"), leaf->id}] += static_cast<double>(row.i64("n"));
          }
        }
      }
    });
  });

  std::size_t checked = 0, differ = 0;
  for (auto const& [key, count] : served_counts) {
    ++checked;
    auto const found = reference.find(key);
    if ((found == reference.end() ? 0.0 : found->second) != count) ++differ;
  }
  std::printf("ledger rows: %ld (+ demo), units: %zu, measured leaves per sheet: %zu (ledger) of %zu, filled in %.1f s\n",
              rows, results.size(), measured.size(), assess::leaves_of(set).size(), fill_s);
  std::printf("ledger-leaf counts checked against the reference: %zu, differing: %zu\n", checked, differ);
  std::printf("| method (400 units, 2016–2020) | median ms | p99 ms |\n|---|---|---|\n");
  std::printf("| served: live_results (every leaf scored, totals, ranks) | %.1f | %.1f |\n", served.median, served.p99);
  std::printf("| reference: GROUP BY over the ledger (activities and study records) | %.1f | %.1f |\n", grouped.median, grouped.p99);
  std::printf("| of which: one pass over the digests counting every ledger leaf (Counter::expect) | %.1f | %.1f |\n", digests.median, digests.p99);
  std::printf("| for comparison: only reading the period's ledger rows (activity/library facts) | %.1f | %.1f |\n", read_only.median, read_only.p99);
  std::printf("| of which: each unit's articles and exam sittings | %.1f | %.1f |\n", per_unit.median, per_unit.p99);
  std::printf("ratio (served / reference): %.2fx\n", served.median / grouped.median);
  return differ == 0 ? 0 : 1;
}
