// How a year's service days are laid out (service/schedule.hpp): the listed days rotated among one
// advisor's villages, moved off weekends and holidays to the next working day, at most so many villages
// an advisor serves on a day, and only while the contract is in force.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/areas.hpp"
#include "calendar/library.hpp"
#include "db/migrate.hpp"
#include "service/schedule.hpp"
#include "test_db.hpp"

namespace pufa {

namespace {

calendar::Calendar loaded() {
  static pufa::testing::TempDatabase temp(db::Engine::sqlite);
  static bool migrated = [] {
    db::migrate(temp.db(), app::all_migrations());
    return true;
  }();
  (void)migrated;
  return temp.db().read([](db::Connection& conn) { return calendar::Calendar::load(conn, 2019, 2021); });
}

std::vector<service::Term> villages(int n, bool remote = false) {
  std::vector<service::Term> out;
  for (int v = 1; v <= n; ++v) out.push_back({v, 7, 100 + v, remote, "2019-01-01", std::nullopt});
  return out;
}

}  // namespace

TEST(Schedule, TwoDaysAMonthInTownsOneInRemoteVillagesOffWeekendsAndHolidays) {
  auto const cal = loaded();
  service::Standard standard;
  auto const town = service::plan_year(standard, cal, 2020, villages(1), "2020-01-01");
  ASSERT_EQ(town.size(), 24u);
  auto const remote = service::plan_year(standard, cal, 2020, villages(1, true), "2020-01-01");
  ASSERT_EQ(remote.size(), 12u);
  for (auto const& d : town) EXPECT_TRUE(cal.is_working_day(d.planned_on)) << d.planned_on;
  std::map<std::string, service::PlannedDay> by_nominal;
  for (auto const& d : town) by_nominal[d.nominal_on] = d;
  // 8 February 2020 is a Saturday: the Monday after; 8 October 2020 is 国庆: the Friday after.
  ASSERT_TRUE(by_nominal.contains("2020-02-08"));
  EXPECT_EQ(by_nominal["2020-02-08"].planned_on, "2020-02-10");
  EXPECT_EQ(by_nominal["2020-02-08"].moved, "weekend");
  ASSERT_TRUE(by_nominal.contains("2020-10-08"));
  EXPECT_EQ(by_nominal["2020-10-08"].planned_on, "2020-10-09");
  EXPECT_EQ(by_nominal["2020-10-08"].moved, "holiday");
  // A working Wednesday stays.
  ASSERT_TRUE(by_nominal.contains("2020-01-08"));
  EXPECT_EQ(by_nominal["2020-01-08"].planned_on, "2020-01-08");
  EXPECT_FALSE(by_nominal["2020-01-08"].moved);
}

TEST(Schedule, OneAdvisorServesAtMostSoManyVillagesADay) {
  auto const cal = loaded();
  service::Standard standard;
  standard.villages_per_day = 2;
  auto const days = service::plan_year(standard, cal, 2020, villages(5), "2020-01-01");
  EXPECT_EQ(days.size(), 5u * 24u);
  std::map<std::string, int> load;
  std::set<std::pair<std::int64_t, std::string>> village_dates;
  for (auto const& d : days) {
    EXPECT_LE(++load[d.planned_on], 2) << d.planned_on;
    EXPECT_TRUE(village_dates.insert({d.village_id, d.planned_on}).second) << "one day a date per village";
    EXPECT_TRUE(cal.is_working_day(d.planned_on)) << d.planned_on;
  }
  // The rotation spreads the villages over the listed days: every listed day of January is used.
  std::set<std::string> january;
  for (auto const& d : days) {
    if (d.nominal_on.starts_with("2020-01")) january.insert(d.nominal_on);
  }
  EXPECT_EQ(january.size(), 3u);
}

TEST(Schedule, OnlyWhileTheContractIsInForceAndFromTheDayGiven) {
  auto const cal = loaded();
  service::Standard standard;
  std::vector<service::Term> terms{{1, 7, 101, false, "2020-04-01", std::string("2020-06-30")}};
  auto const days = service::plan_year(standard, cal, 2020, terms, "2020-05-01");
  ASSERT_FALSE(days.empty());
  for (auto const& d : days) {
    EXPECT_GE(d.planned_on, "2020-05-01");
    EXPECT_LE(d.planned_on, "2020-06-30");
  }
  EXPECT_EQ(days.size(), 4u);
}
}  // namespace pufa
