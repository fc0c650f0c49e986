#include "assess/standard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "text/normalize.hpp"

namespace pufa::assess {

namespace {

// Chinese numerals as digits: 三 → 3, 十二 → 12, 两 → 2 (only runs up to 99, as sheets write counts).
std::string arabic(std::string const& text) {
  static constexpr std::pair<std::string_view, int> digits[] = {
      {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4}, {"五", 5},
      {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}};
  std::string out;
  std::size_t i = 0;
  auto digit_at = [&](std::size_t at) -> int {
    for (auto const& [word, value] : digits) {
      if (text.compare(at, word.size(), word) == 0) return value;
    }
    return -1;
  };
  while (i < text.size()) {
    if (digit_at(i) < 0) {
      out += text[i++];
      continue;
    }
    int value = 0, pending = 0;
    bool tens = false;
    while (i < text.size()) {
      auto const d = digit_at(i);
      if (d < 0) break;
      if (d == 10) {
        value += (pending ? pending : 1) * 10;
        pending = 0;
        tens = true;
      } else {
        pending = pending * 10 + d;
      }
      i += 3;  // every numeral above is three bytes of UTF-8
    }
    out += std::to_string(tens ? value + pending : pending);
  }
  return out;
}

double number(std::string const& text) { return std::stod(text); }

constexpr char const* units = "(?:次|场|篇|期|个|项|人次|件|条|名|所|家|天|日|课时|学时|批|份|处|户|套|本)";

std::optional<double> find(std::string const& text, std::regex const& re, int group = 1) {
  std::smatch m;
  if (!std::regex_search(text, m, re)) return std::nullopt;
  return number(m[group].str());
}

}  // namespace

std::optional<Standard> parse_standard(std::string_view input, std::string& error) {
  auto text = arabic(text::nfkc(input));
  // Sentence ends as ASCII (NFKC made ，；：（） ASCII already).
  for (std::string_view stop : {"。", "、"}) {
    for (auto at = text.find(stop); at != std::string::npos; at = text.find(stop, at)) text.replace(at, stop.size(), ";");
  }
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  static std::regex const rate_req(R"((?:不少于|不低于|达到|不得低于|≥|>=)(\d+(?:\.\d+)?)%)");
  static std::regex const count_req(std::string(R"((?:不少于|不低于|至少|达到|不得少于|≥|>=)(\d+(?:\.\d+)?))") + units);
  static std::regex const rate_step(R"(每(?:低|少|下降|降低|减少)(?:于)?1?(?:个)?百分点扣(\d+(?:\.\d+)?)分)");
  static std::regex const count_step(std::string("每(?:少|缺|差|缺少|减少)1?") + units + R"(?扣(\d+(?:\.\d+)?)分)");
  static std::regex const any_step(R"(每([^;]{0,60}?)扣(\d+(?:\.\d+)?)分)");
  static std::regex const bonus(R"((每[^;]{0,60}?)?加(\d+(?:\.\d+)?)分)");
  static std::regex const bonus_cap(R"((?:最高|最多|累计|封顶)(?:加分)?(?:加)?(?:不超过)?(\d+(?:\.\d+)?)分|加分不超过(\d+(?:\.\d+)?)分)");
  static std::regex const cap_points(R"(累计扣分不超过该项分值|扣完为止|扣完该项分(?:值)?为止|扣分不超过该项分值|扣满为止)");
  static std::regex const cap_value(R"((?:最多|最高|累计)扣(?:分)?(?:不超过)?(\d+(?:\.\d+)?)分|扣分不超过(\d+(?:\.\d+)?)分)");
  static std::regex const nothing(R"(不得分|不计分|扣除该项全部分值|扣该项全部分|该项得0分|得0分)");
  static std::regex const names_points(R"((?:扣|加)[^;]{0,12}分)");

  Standard out;
  std::smatch m;
  auto deduction_cap = [&]() -> std::optional<double> {
    if (std::regex_search(text, cap_points)) return std::nullopt;
    if (std::regex_search(text, m, cap_value)) return number(m[1].matched ? m[1].str() : m[2].str());
    return std::nullopt;
  };
  auto fail = [&](std::string message) -> std::optional<Standard> {
    error = std::move(message);
    return std::nullopt;
  };
  out.per_year = text.find("每年") != std::string::npos;
  bool const zero = std::regex_search(text, nothing);
  if (auto const rate = find(text, rate_req)) {
    out.required = *rate;
    if (auto const step = find(text, rate_step)) {
      out.form = Standard::Form::rate;
      out.step = *step;
    } else if (zero) {
      out.form = Standard::Form::all_or_nothing;
    } else if (std::regex_search(text, names_points)) {
      return fail("比率的扣分请写成“达到95%，每低1个百分点扣0.5分”");
    } else {
      out.form = Standard::Form::manual;
    }
  } else if (auto const count = find(text, count_req)) {
    out.required = *count;
    if (auto const step = find(text, count_step)) {
      out.form = Standard::Form::count;
      out.step = *step;
    } else if (zero) {
      out.form = Standard::Form::all_or_nothing;
    } else if (std::regex_search(text, names_points)) {
      return fail("次数的扣分请写成“不少于3次，每少一次扣0.5分”");
    } else {
      out.form = Standard::Form::manual;
    }
  } else if (std::regex_search(text, m, bonus) && text.find("扣") == std::string::npos) {
    out.form = Standard::Form::bonus;
    out.step = number(m[2].str());
    out.each = m[1].matched;
    if (std::regex_search(text, m, bonus_cap)) out.cap = number(m[1].matched ? m[1].str() : m[2].str());
    if (out.cap && !out.each) out.cap = std::min(*out.cap, out.step);
  } else if (zero) {
    out.form = Standard::Form::all_or_nothing;
    out.required = 1;
  } else if (std::regex_search(text, m, any_step)) {
    out.form = Standard::Form::per_fault;
    out.step = number(m[2].str());
  } else if (text.find("酌情") != std::string::npos) {
    out.form = Standard::Form::manual;
  } else if (std::regex_search(text, names_points)) {
    return fail("无法识别的扣分规则：请写成“不少于3次，每少一次扣0.5分”“达到95%，每低1个百分点扣0.5分”“每发现一处扣1分”"
                "“未…的不得分”或“酌情扣分”");
  }
  if (out.form != Standard::Form::bonus) out.cap = deduction_cap();
  if ((out.form == Standard::Form::count || out.form == Standard::Form::rate ||
       out.form == Standard::Form::per_fault || out.form == Standard::Form::bonus) && !(out.step > 0)) {
    return fail("每次扣（加）的分值应大于 0");
  }
  if (out.cap && !(*out.cap > 0)) return fail("累计扣（加）分的上限应大于 0");
  if ((out.form == Standard::Form::count || out.form == Standard::Form::all_or_nothing) && out.required > 100000) {
    return fail("要求的次数过大");
  }
  return out;
}

double round2(double value) { return std::round(value * 100.0) / 100.0; }

std::string points_text(double value) {
  auto text = fmt::format("{:.2f}", round2(value));
  while (text.ends_with('0')) text.pop_back();
  if (text.ends_with('.')) text.pop_back();
  return text == "-0" ? "0" : text;
}

std::optional<AutoScore> auto_score(Standard const& s, double points, Found const& found) {
  using Form = Standard::Form;
  if (s.form == Form::manual || s.form == Form::per_fault || !found.any) return std::nullopt;
  AutoScore out;
  auto const cap = s.cap.value_or(points);
  auto finish = [&](double deduction, std::string words) {
    out.deduction = round2(std::min(deduction, cap));
    out.score = round2(std::max(0.0, points - out.deduction));
    out.words = std::move(words);
    if (out.deduction > 0) out.words += fmt::format("，扣 {} 分", points_text(out.deduction));
    else out.words += "，不扣分";
    return out;
  };
  switch (s.form) {
    case Form::count: {
      auto const need = std::ceil(s.required - 1e-9);
      if (s.per_year && !found.per_year.empty()) {
        double deduction = 0;
        std::string years;
        for (auto v : found.per_year) {
          deduction += std::max(0.0, need - v) * s.step;
          years += (years.empty() ? "" : "、") + points_text(v);
        }
        return finish(deduction, fmt::format("每年不少于 {}：各年找到 {}", points_text(need), years));
      }
      return finish(std::max(0.0, need - found.value) * s.step,
                    fmt::format("不少于 {}：找到 {}", points_text(need), points_text(found.value)));
    }
    case Form::rate: {
      auto const shortfall = s.required - found.value;
      auto const steps = shortfall > 1e-9 ? std::ceil(shortfall - 1e-9) : 0.0;
      return finish(steps * s.step, fmt::format("达到 {}%：实际 {}%", points_text(s.required), points_text(found.value)));
    }
    case Form::all_or_nothing: {
      auto const need = s.required > 0 ? s.required : 1.0;
      bool const met = found.value + 1e-9 >= need;
      out.deduction = met ? 0 : points;
      out.score = met ? points : 0;
      out.words = fmt::format("要求 {}：实际 {}，{}", points_text(need), points_text(found.value), met ? "得满分" : "不得分");
      return out;
    }
    case Form::bonus: {
      auto const most = std::min(points > 0 ? points : cap, cap);
      auto const add = s.each ? found.value * s.step : (found.value >= 1 ? s.step : 0);
      out.score = round2(std::min(add, most));
      out.words = fmt::format("找到 {}，加 {} 分", points_text(found.value), points_text(out.score));
      return out;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace pufa::assess
