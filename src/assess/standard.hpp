// A leaf's scoring standard (评分标准) as score sheets write it, parsed into what a scorer or the
// records apply: "专题研究不少于3次，每少一次扣0.5分，累计扣分不超过该项分值", "参考率达到95%，每低1个百分点
// 扣0.5分", "未制定年度计划的不得分", "每发现一处问题扣1分，扣完为止", "每获市级以上表彰一次加1分，最高加3分",
// "根据工作情况酌情扣分". Pure: no database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::assess {

struct Standard {
  enum class Form {
    manual,          // no rule the platform can apply: the scorer gives 0 … points (酌情, or no deduction named)
    count,           // 不少于 N 次, 每少一次扣 step 分 (per year with 每年)
    rate,            // 达到 N%, 每低 1 个百分点扣 step 分
    all_or_nothing,  // 未…不得分 (with 不少于 N: fewer than N scores 0)
    per_fault,       // 每发现一处扣 step 分: the scorer counts the faults
    bonus,           // 每…加 step 分 (or 加 step 分 once), at most cap
  };
  Form form = Form::manual;
  double required = 0;  // count: N; rate: the percent to reach
  bool per_year = false;
  bool each = false;  // bonus: step per record found (每…加), else once
  double step = 0;
  std::optional<double> cap;  // the most deducted (or added); none: the leaf's points

  bool operator==(Standard const&) const = default;
};

// nullopt and `error` set when the text names a deduction or addition ("扣…分", "加…分") in no form
// above, or one that contradicts itself (a step of 0).
std::optional<Standard> parse_standard(std::string_view text, std::string& error);

// What the records found for a leaf: a count (per year of the period when the standard counts per
// year) or a rate; none when there is nothing to rate (no examinee sat, no task was due).
struct Found {
  double value = 0;              // the count over the period, or the rate in percent
  std::vector<double> per_year;  // the count in each year of the period
  bool any = true;               // false: no data (a rate over nothing)
};

struct AutoScore {
  double score = 0;
  double deduction = 0;
  std::string words;  // "≥ 3 次：找到 1 次，扣 1 分"
};

// The score of a leaf worth `points` (a bonus leaf: its most) under the standard from what was found;
// nullopt when the standard is not one the records can apply (manual, per_fault) or there is no data.
std::optional<AutoScore> auto_score(Standard const& standard, double points, Found const& found);

// Scores are kept to two decimals (0.25 steps are common).
double round2(double value);
// "3", "0.5", "2.25" as people write points.
std::string points_text(double value);

}  // namespace pufa::assess
