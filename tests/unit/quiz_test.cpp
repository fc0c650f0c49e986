#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <set>

#include "base/random.hpp"
#include "base/time.hpp"
#include "quiz/draw.hpp"
#include "quiz/sender.hpp"

namespace pufa::quiz {
namespace {

class QuizDraw : public ::testing::Test {
 protected:
  void SetUp() override { base::init_crypto(); }
};

base::Millis at(char const* text) { return *base::parse_iso8601(text); }

TEST_F(QuizDraw, DaysAreShanghaiCalendarDays) {
  EXPECT_EQ(base::shanghai_date(at("2026-12-03T15:59:59Z")), "2026-12-03");
  EXPECT_EQ(base::shanghai_date(at("2026-12-03T16:00:00Z")), "2026-12-04");  // midnight in Shanghai
  EXPECT_EQ(base::shanghai_date(at("2020-02-28T16:00:00Z")), "2020-02-29");
  EXPECT_EQ(base::shanghai_date(at("2026-12-31T16:30:00Z")), "2027-01-01");
  EXPECT_EQ(base::shanghai_date(0), "1970-01-01");
}

TEST_F(QuizDraw, DailyQuestionsAreStableDistinctAndPersonal) {
  std::vector<std::int64_t> bank;
  for (std::int64_t id = 100; id < 140; ++id) bank.push_back(id);
  auto const first = daily_questions(1, 7, "2026-12-04", bank, 5);
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(std::set<std::int64_t>(first.begin(), first.end()).size(), 5u);
  for (auto id : first) EXPECT_TRUE(id >= 100 && id < 140);
  // The bank's order does not matter, only its content.
  auto shuffled = bank;
  std::reverse(shuffled.begin(), shuffled.end());
  EXPECT_EQ(daily_questions(1, 7, "2026-12-04", shuffled, 5), first);
  EXPECT_NE(daily_questions(1, 7, "2026-12-05", bank, 5), first);
  EXPECT_NE(daily_questions(1, 8, "2026-12-04", bank, 5), first);
  EXPECT_NE(daily_questions(2, 7, "2026-12-04", bank, 5), first);
  // More than the bank holds: the whole bank, once each.
  auto const all = daily_questions(1, 7, "2026-12-04", {3, 1, 2}, 5);
  EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()), (std::set<std::int64_t>{1, 2, 3}));
  EXPECT_TRUE(daily_questions(1, 7, "2026-12-04", {}, 5).empty());
}

// The same figures as tests/support/quiz-draw-verify.mjs gives: the published algorithm.
TEST_F(QuizDraw, WinnersMatchThePublishedAlgorithm) {
  std::string seed_hex;
  for (int i = 0; i < 32; ++i) seed_hex += "ab";
  EXPECT_EQ(commitment_of(seed_hex),
            "271a413bd339c5709fdceaec41f14f11e9fbfb5042d72d331c65f32b284cd09a");
  EXPECT_EQ(draw_winners(seed_hex, {5, 3, 9, 1, 7, 11, 2}, 3), (std::vector<std::int64_t>{7, 2, 3}));
  EXPECT_EQ(draw_winners(seed_hex, {42}, 5), (std::vector<std::int64_t>{42}));
  EXPECT_TRUE(draw_winners(seed_hex, {}, 5).empty());
  // pufa-draw-2: the pool's hash and the public value go into the seed the winners come from.
  auto const pool = pool_hash_of({5, 3, 9, 1, 7, 11, 2});
  EXPECT_EQ(pool, "951366017a755e90633bbf36bb0ad23881bbad1abd5542b4e1e844b7ae8c3c7d");
  auto const seed = draw_seed_of(seed_hex, pool, "03 09 14 21 26 31 + 07");
  EXPECT_EQ(seed, "b06da224dfdbf474c6222c2185fe8a48966dcd84039032b9ab2ebafd812f9ea4");
  EXPECT_EQ(draw_winners(seed, {5, 3, 9, 1, 7, 11, 2}, 3), (std::vector<std::int64_t>{7, 5, 2}));
  EXPECT_NE(draw_seed_of(seed_hex, pool, "03 09 14 21 26 31 + 08"), seed);
}

TEST_F(QuizDraw, WinnersAreDistinctQualifiedAndDependOnTheSeed) {
  std::vector<std::int64_t> pool;
  for (std::int64_t id = 1; id <= 200; ++id) pool.push_back(id * 3);
  auto const seed = base::random_hex(32);
  auto const winners = draw_winners(seed, pool, 10);
  ASSERT_EQ(winners.size(), 10u);
  EXPECT_EQ(std::set<std::int64_t>(winners.begin(), winners.end()).size(), 10u);
  for (auto id : winners) EXPECT_TRUE(std::binary_search(pool.begin(), pool.end(), id));
  EXPECT_EQ(draw_winners(seed, pool, 10), winners);
  EXPECT_NE(draw_winners(base::random_hex(32), pool, 10), winners);
}

// Only the server draws a seed now (staff can no longer give one): 64 lower-case hex digits,
// the text the commitment hashes.
TEST_F(QuizDraw, SeedsAre64LowerCaseHexDigits) {
  auto const seed = base::random_hex(32);
  EXPECT_EQ(seed.size(), 64u);
  EXPECT_TRUE(std::all_of(seed.begin(), seed.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
}

TEST(QuizSender, TheOutboxHoldsEachMessageAndOnlyItsOwnerMayReadIt) {
  auto const path = std::filesystem::temp_directory_path() / ("pufa-outbox-" + base::random_hex(6)) / "sms.jsonl";
  OutboxSender sender(path);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  sender.send("13800138000", "123456", "测试竞答");
  sender.send("13900139000", "000111", "测试\"竞答\"");
  std::ifstream in(path);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  EXPECT_NE(first.find("\"phone\":\"13800138000\""), std::string::npos) << first;
  EXPECT_NE(first.find("\"code\":\"123456\""), std::string::npos) << first;
  EXPECT_NE(second.find("\"quiz\":\"测试\\\"竞答\\\"\""), std::string::npos) << second;
  std::filesystem::remove_all(path.parent_path());
}

}  // namespace
}  // namespace pufa::quiz
