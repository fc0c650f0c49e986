// Scoring standards as score sheets write them (assess/standard.hpp), and what they score.
#include <gtest/gtest.h>

#include "assess/standard.hpp"

using pufa::assess::auto_score;
using pufa::assess::Found;
using pufa::assess::parse_standard;
using pufa::assess::Standard;
using Form = Standard::Form;

namespace {

Standard parsed(std::string_view text) {
  std::string error;
  auto s = parse_standard(text, error);
  EXPECT_TRUE(s) << text << ": " << error;
  return s.value_or(Standard{});
}

std::string refused(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parse_standard(text, error)) << text;
  return error;
}

}  // namespace

TEST(AssessStandard, CountsWithStepsAndCaps) {
  auto s = parsed("专题研究不少于3次，每少一次扣0.5分，累计扣分不超过该项分值");
  EXPECT_EQ(s.form, Form::count);
  EXPECT_EQ(s.required, 3);
  EXPECT_EQ(s.step, 0.5);
  EXPECT_FALSE(s.cap);
  EXPECT_FALSE(s.per_year);
  s = parsed("每年开展不少于十二场，每少一场扣０.２分，最多扣2分。");
  EXPECT_EQ(s.form, Form::count);
  EXPECT_EQ(s.required, 12);
  EXPECT_EQ(s.step, 0.2);
  EXPECT_TRUE(s.per_year);
  ASSERT_TRUE(s.cap);
  EXPECT_EQ(*s.cap, 2);
  EXPECT_EQ(parsed("≥3次，每少1次扣1分").required, 3);
}

TEST(AssessStandard, RatesFaultsBonusesAndTheRest) {
  auto s = parsed("参考率达到95%，每低1个百分点扣0.5分");
  EXPECT_EQ(s.form, Form::rate);
  EXPECT_EQ(s.required, 95);
  EXPECT_EQ(s.step, 0.5);
  EXPECT_EQ(parsed("满意率不低于９０％，每低一个百分点扣1分").required, 90);
  EXPECT_EQ(parsed("未制定年度计划的不得分").form, Form::all_or_nothing);
  s = parsed("每发现一处问题扣1分，扣完为止");
  EXPECT_EQ(s.form, Form::per_fault);
  EXPECT_EQ(s.step, 1);
  s = parsed("每获市级以上表彰一次加1分，最高加3分");
  EXPECT_EQ(s.form, Form::bonus);
  EXPECT_TRUE(s.each);
  EXPECT_EQ(*s.cap, 3);
  EXPECT_EQ(parsed("根据工作情况酌情扣分").form, Form::manual);
  EXPECT_EQ(parsed("建立工作领导小组").form, Form::manual);
  EXPECT_EQ(parsed("").form, Form::manual);
}

TEST(AssessStandard, DeductionsInNoKnownFormAreRefused) {
  EXPECT_NE(refused("每季度检查，发现问题扣分").find("无法识别"), std::string::npos);
  refused("不少于3次，少了扣分");
  refused("达到95%，不达标扣2分");
  refused("每少一次扣0分，不少于3次");
}

TEST(AssessStandard, ScoresFromWhatTheRecordsFound) {
  auto const count = parsed("不少于3次，每少一次扣1.5分，累计扣分不超过该项分值");
  EXPECT_EQ(auto_score(count, 4, {.value = 1})->score, 1);
  EXPECT_EQ(auto_score(count, 4, {.value = 0})->score, 0);  // capped at the points
  EXPECT_EQ(auto_score(count, 4, {.value = 9})->score, 4);
  auto const yearly = parsed("每年不少于2次，每少一次扣0.5分");
  auto const y = auto_score(yearly, 3, {.value = 5, .per_year = {0, 3, 2}});
  EXPECT_EQ(y->score, 2);
  EXPECT_NE(y->words.find("各年找到 0、3、2"), std::string::npos);
  auto const rate = parsed("达到95%，每低1个百分点扣0.5分");
  EXPECT_EQ(auto_score(rate, 5, {.value = 92.5})->score, 3.5);  // 2.5 points short: 3 steps
  EXPECT_EQ(auto_score(rate, 5, {.value = 99})->score, 5);
  EXPECT_FALSE(auto_score(rate, 5, {.value = 0, .any = false}));  // nothing to rate
  auto const none = parsed("未开展的不得分");
  EXPECT_EQ(auto_score(none, 2, {.value = 0})->score, 0);
  EXPECT_EQ(auto_score(none, 2, {.value = 1})->score, 2);
  auto const bonus = parsed("每篇加0.5分，最高加2分");
  EXPECT_EQ(auto_score(bonus, 2, {.value = 3})->score, 1.5);
  EXPECT_EQ(auto_score(bonus, 2, {.value = 9})->score, 2);
  EXPECT_FALSE(auto_score(parsed("酌情扣分"), 3, {.value = 3}));
}
