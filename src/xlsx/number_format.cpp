#include "xlsx/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "xlsx/cell_text.hpp"

namespace pufa::xlsx {

namespace {

constexpr double ms_per_day = 86'400'000;
constexpr double days_1900_to_1904 = 1462;
constexpr int fake_leap_day = 60;           // Lotus 1-2-3's 1900-02-29, kept by Excel
constexpr double last_excel_day = 2958465;  // 9999-12-31
constexpr int max_fraction_digits = 15;

using Kind = NumberFormat::Kind;

// One piece of a format section: a literal, or a placeholder Excel fills in.
struct Token {
  enum class Type { literal, digit, point, comma, percent, slash, exponent, date_part, ampm, elapsed, at };
  Type type;
  std::string text;  // literal text; the placeholder letters ("yyyy", "0", "?")
};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    char b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The sections of a code split at ';' outside quotes, brackets and escapes.
std::vector<std::string_view> sections(std::string_view code) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char const c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = std::max(0, bracket - 1);
    } else if (c == ';' && bracket == 0) {
      out.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(code.substr(start));
  return out;
}

// UTF-8 length of the character at text[0].
std::size_t char_length(std::string_view text) {
  auto const c = static_cast<unsigned char>(text[0]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, text.size());
}

std::vector<Token> tokenize(std::string_view s) {
  using T = Token::Type;
  std::vector<Token> out;
  auto literal = [&](std::string_view text) {
    if (!out.empty() && out.back().type == T::literal) out.back().text.append(text);
    else out.push_back({T::literal, std::string(text)});
  };
  for (std::size_t i = 0; i < s.size();) {
    char const c = s[i];
    char const l = lower(c);
    if (c == '"') {
      auto const end = s.find('"', i + 1);
      literal(s.substr(i + 1, (end == std::string_view::npos ? s.size() : end) - i - 1));
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else if (c == '\\') {
      if (i + 1 < s.size()) literal(s.substr(i + 1, char_length(s.substr(i + 1))));
      i += 1 + (i + 1 < s.size() ? char_length(s.substr(i + 1)) : 0);
    } else if (c == '_') {  // a space as wide as the next character
      literal(" ");
      i += 1 + (i + 1 < s.size() ? char_length(s.substr(i + 1)) : 0);
    } else if (c == '*') {  // fill: nothing in a value read back
      i += 1 + (i + 1 < s.size() ? char_length(s.substr(i + 1)) : 0);
    } else if (c == '[') {
      auto const end = s.find(']', i);
      auto const inside = s.substr(i + 1, (end == std::string_view::npos ? s.size() : end) - i - 1);
      bool elapsed = !inside.empty();
      for (char const x : inside) elapsed = elapsed && (lower(x) == 'h' || lower(x) == 'm' || lower(x) == 's');
      if (elapsed) out.push_back({T::elapsed, std::string(1, lower(inside[0]))});
      // else a colour, a condition or a locale ([$-804], [DBNum1]): not part of the text
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) {
      out.push_back({T::exponent, std::string(s.substr(i, 2))});
      i += 2;
    } else if (starts_with_ci(s.substr(i), "am/pm")) {
      out.push_back({T::ampm, "AM/PM"});
      i += 5;
    } else if (starts_with_ci(s.substr(i), "a/p")) {
      out.push_back({T::ampm, "A/P"});
      i += 3;
    } else if (s.substr(i).starts_with("上午/下午")) {
      out.push_back({T::ampm, "上午/下午"});
      i += std::string_view("上午/下午").size();
    } else if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's' || l == 'e' || l == 'a' || l == 'b') {
      // "a" is a date letter only as aaa / aaaa (the weekday in Chinese); "b" as the Buddhist year
      std::size_t n = 1;
      while (i + n < s.size() && lower(s[i + n]) == l) ++n;
      if ((l == 'a' && n < 3) || l == 'b') {
        literal(s.substr(i, n));
      } else {
        out.push_back({T::date_part, std::string(n, l)});
      }
      i += n;
    } else if (c == '0' || c == '#' || c == '?') {
      out.push_back({T::digit, std::string(1, c)});
      ++i;
    } else if (c == '.') {
      out.push_back({T::point, "."});
      ++i;
    } else if (c == ',') {
      out.push_back({T::comma, ","});
      ++i;
    } else if (c == '%') {
      out.push_back({T::percent, "%"});
      ++i;
    } else if (c == '/') {
      out.push_back({T::slash, "/"});
      ++i;
    } else if (c == '@') {
      out.push_back({T::at, "@"});
      ++i;
    } else {
      literal(s.substr(i, char_length(s.substr(i))));
      i += char_length(s.substr(i));
    }
  }
  // An "m" right after an hour or right before a second is minutes.
  std::optional<std::size_t> previous;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].type != T::date_part && out[i].type != T::elapsed) continue;
    char const letter = out[i].text[0];
    if (letter == 'm' && out[i].type == T::date_part) {
      bool minute = previous && (out[*previous].text[0] == 'h');
      for (std::size_t j = i + 1; j < out.size() && !minute; ++j) {
        if (out[j].type == T::date_part || out[j].type == T::elapsed) {
          minute = out[j].text[0] == 's';
          break;
        }
      }
      if (minute) out[i].text.assign(out[i].text.size(), 'M');  // 'M': minutes
    }
    previous = i;
  }
  return out;
}

Kind kind_of(std::vector<Token> const& tokens) {
  using T = Token::Type;
  bool date = false, time = false, digits = false, percent = false, slash = false;
  for (auto const& t : tokens) {
    switch (t.type) {
      case T::at: return Kind::text;
      case T::date_part: {
        char const l = t.text[0];
        if (l == 'h' || l == 's' || l == 'M') time = true;
        else date = true;
        break;
      }
      case T::ampm:
      case T::elapsed: time = true; break;
      case T::digit: digits = true; break;
      case T::percent: percent = true; break;
      case T::slash: slash = true; break;
      default: break;
    }
  }
  if (date && time) return Kind::datetime;
  if (date) return Kind::date;
  if (time) return Kind::time;
  if (percent) return Kind::percent;
  if (slash && digits) return Kind::fraction;
  if (digits) return Kind::number;
  return Kind::general;
}

// --- Dates ---------------------------------------------------------------------------------

struct When {
  int year = 0;
  unsigned month = 0, day = 0, weekday = 0;  // weekday: 0 = Sunday
  std::int64_t hours = 0;                    // of the day; total hours for [h]
  int minutes = 0, seconds = 0, millis = 0;
  double serial = 0;
  bool valid = false;
};

When when_of(double value, bool date1904) {
  When w;
  if (!std::isfinite(value) || value < 0) return w;
  double const serial = date1904 ? value + days_1900_to_1904 : value;
  auto const total_ms = static_cast<std::int64_t>(std::llround(serial * ms_per_day));
  auto const day = total_ms / static_cast<std::int64_t>(ms_per_day);
  auto const ms = total_ms % static_cast<std::int64_t>(ms_per_day);
  if (day > last_excel_day) return w;
  w.serial = serial;
  w.hours = ms / 3'600'000;
  w.minutes = static_cast<int>(ms / 60'000 % 60);
  w.seconds = static_cast<int>(ms / 1000 % 60);
  w.millis = static_cast<int>(ms % 1000);
  if (day == 0) {  // a time alone: Excel shows 1900-01-00
    w.year = 1900, w.month = 1, w.day = 0, w.weekday = 6;
  } else if (day == fake_leap_day && !date1904) {
    w.year = 1900, w.month = 2, w.day = 29, w.weekday = 3;
  } else {
    std::chrono::sys_days const epoch = std::chrono::year{1899} / 12 / 31;
    auto const offset = static_cast<int>(day) - (day > fake_leap_day ? 1 : 0);
    std::chrono::sys_days const date = epoch + std::chrono::days{offset};
    std::chrono::year_month_day const ymd{date};
    w.year = static_cast<int>(ymd.year());
    w.month = static_cast<unsigned>(ymd.month());
    w.day = static_cast<unsigned>(ymd.day());
    w.weekday = std::chrono::weekday{date}.c_encoding();
  }
  w.valid = true;
  return w;
}

constexpr std::array<std::string_view, 12> month_short{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> month_long{"January", "February", "March",     "April",
                                                      "May",     "June",     "July",      "August",
                                                      "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> day_short{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> day_long{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 7> day_chinese{"日", "一", "二", "三", "四", "五", "六"};

std::string render_date(double value, std::vector<Token> const& tokens, bool date1904) {
  using T = Token::Type;
  auto const w = when_of(value, date1904);
  if (!w.valid) return fmt::format("{:.15g}", value);
  bool twelve = false;
  for (auto const& t : tokens) twelve = twelve || t.type == T::ampm;
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto const& t = tokens[i];
    std::size_t const n = t.text.size();
    switch (t.type) {
      case T::literal: out += t.text; break;
      case T::elapsed: {
        auto const total_seconds = static_cast<std::int64_t>(std::llround(w.serial * 86400));
        std::int64_t const v = t.text == "h" ? total_seconds / 3600 : t.text == "m" ? total_seconds / 60 : total_seconds;
        out += std::to_string(v);
        break;
      }
      case T::ampm: {
        bool const pm = w.hours >= 12;
        if (t.text == "上午/下午") out += pm ? "下午" : "上午";
        else if (t.text == "A/P") out += pm ? "P" : "A";
        else out += pm ? "PM" : "AM";
        break;
      }
      case T::point: {  // fractions of a second after s: .0, .00, .000
        std::size_t digits = 0;
        while (i + 1 + digits < tokens.size() && tokens[i + 1 + digits].type == T::digit) ++digits;
        if (digits == 0) {
          out += '.';
          break;
        }
        auto const ms = fmt::format("{:03d}", w.millis);
        out += '.' + ms.substr(0, std::min<std::size_t>(digits, 3));
        i += digits;
        break;
      }
      case T::date_part: {
        switch (t.text[0]) {
          case 'y':
          case 'e': out += n <= 2 && t.text[0] == 'y' ? fmt::format("{:02d}", w.year % 100) : std::to_string(w.year); break;
          case 'm':
            if (n == 1) out += std::to_string(w.month);
            else if (n == 2) out += fmt::format("{:02d}", w.month);
            else if (n == 3) out += month_short[w.month - 1];
            else if (n == 4) out += month_long[w.month - 1];
            else out += month_long[w.month - 1].substr(0, 1);
            break;
          case 'd':
            if (n == 1) out += std::to_string(w.day);
            else if (n == 2) out += fmt::format("{:02d}", w.day);
            else if (n == 3) out += day_short[w.weekday];
            else out += day_long[w.weekday];
            break;
          case 'a': out += (n == 3 ? "" : "星期") + std::string(day_chinese[w.weekday]); break;
          case 'h': {
            auto h = w.hours;
            if (twelve) h = h % 12 == 0 ? 12 : h % 12;
            out += n >= 2 ? fmt::format("{:02d}", h) : std::to_string(h);
            break;
          }
          case 'M': out += n >= 2 ? fmt::format("{:02d}", w.minutes) : std::to_string(w.minutes); break;
          case 's': out += n >= 2 ? fmt::format("{:02d}", w.seconds) : std::to_string(w.seconds); break;
          default: break;
        }
        break;
      }
      default: out += t.text; break;
    }
  }
  return out;
}

// --- Numbers -------------------------------------------------------------------------------

std::string group_thousands(std::string digits) {
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

std::string render_plain(double value, std::vector<Token> const& tokens, bool negative_section) {
  using T = Token::Type;
  // Where the integer placeholders end: the point, or the last digit placeholder.
  std::size_t point = tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].type == T::exponent) return fmt::format("{:.15g}", value);
    if (tokens[i].type == T::point && point == tokens.size()) point = i;
  }
  std::vector<std::size_t> ints, fracs;
  bool grouping = false;
  int scale = 0, percents = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto const& t = tokens[i];
    if (t.type == T::percent) ++percents;
    if (t.type == T::digit) (i < point ? ints : fracs).push_back(i);
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].type != T::comma) continue;
    bool const before = !ints.empty() && i > ints.front();
    bool const after_digit = std::any_of(ints.begin(), ints.end(), [&](std::size_t d) { return d > i; });
    if (before && after_digit) grouping = true;
    else if (before && i < point) ++scale;  // 0, : thousands
  }
  double v = std::fabs(value) * std::pow(100.0, percents) / std::pow(1000.0, scale);
  int const decimals = std::min<int>(static_cast<int>(fracs.size()), max_fraction_digits);
  // Half away from zero, as Excel rounds (printf would round 1234.5 to even).
  double const scale_by = std::pow(10.0, decimals);
  auto const fixed = fmt::format("{:.{}f}", std::round(v * scale_by) / scale_by, decimals);
  auto const dot = fixed.find('.');
  std::string int_digits = fixed.substr(0, dot);
  std::string frac_digits = dot == std::string::npos ? "" : fixed.substr(dot + 1);
  if (int_digits == "0") int_digits.clear();

  // Integer part: placeholders filled from the right, the leftmost one takes what is left.
  std::vector<std::string> filled(tokens.size());
  if (grouping) {
    std::size_t zeros = 0;
    for (auto i : ints) zeros += tokens[i].text == "0";
    std::string padded = int_digits;
    if (padded.size() < zeros) padded.insert(0, zeros - padded.size(), '0');
    if (!ints.empty()) filled[ints.front()] = group_thousands(padded);
    for (std::size_t k = 1; k < ints.size(); ++k) filled[ints[k]].clear();
  } else {
    std::size_t left = int_digits.size();
    for (std::size_t k = ints.size(); k-- > 0;) {
      auto const i = ints[k];
      if (left > 0) {
        filled[i] = k == 0 ? int_digits.substr(0, left) : int_digits.substr(left - 1, 1);
        left = k == 0 ? 0 : left - 1;
      } else {
        filled[i] = tokens[i].text == "0" ? "0" : tokens[i].text == "?" ? " " : "";
      }
    }
  }
  // Fraction: left to right; trailing zeros under # are dropped, under ? become spaces.
  std::size_t keep = frac_digits.size();
  while (keep > 0 && frac_digits[keep - 1] == '0' && tokens[fracs[keep - 1]].text != "0") --keep;
  for (std::size_t k = 0; k < fracs.size(); ++k) {
    if (k < keep) filled[fracs[k]] = std::string(1, frac_digits[k]);
    else filled[fracs[k]] = tokens[fracs[k]].text == "?" ? " " : "";
  }
  std::string out;
  bool const negative = value < 0 && !negative_section && !(int_digits.empty() && keep == 0);
  if (negative) out += '-';
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto const& t = tokens[i];
    switch (t.type) {
      case T::digit: out += filled[i]; break;
      case T::point: out += '.'; break;  // "#.##" shows 3 as "3.", as Excel does
      case T::comma: break;
      case T::percent: out += '%'; break;
      default: out += t.text;
    }
  }
  return out;
}

std::string render_fraction(double value, std::vector<Token> const& tokens) {
  using T = Token::Type;
  std::size_t slash = 0;
  while (slash < tokens.size() && tokens[slash].type != T::slash) ++slash;
  // Denominator placeholders (or a fixed denominator written as digits in a literal).
  int max_den = 1;
  std::optional<int> fixed;
  std::size_t den_digits = 0;
  for (std::size_t i = slash + 1; i < tokens.size(); ++i) {
    if (tokens[i].type == T::digit) {
      if (tokens[i].text == "?" || tokens[i].text == "#") ++den_digits;
      else fixed = fixed.value_or(0) * 10;  // "0": unusual; treat as a digit slot
    } else if (tokens[i].type == T::literal) {
      int d = 0;
      for (char c : tokens[i].text) {
        if (c >= '1' && c <= '9') d = d * 10 + (c - '0');
      }
      if (d > 0) fixed = d;
    }
  }
  for (std::size_t k = 0; k < den_digits; ++k) max_den *= 10;
  max_den = std::max(1, max_den - 1);
  // Is there a whole part: digit placeholders, then a space, before the numerator?
  bool whole = false;
  for (std::size_t i = 0; i + 1 < slash; ++i) {
    if (tokens[i].type == T::digit && tokens[i + 1].type == T::literal) whole = true;
  }
  double const v = std::fabs(value);
  std::int64_t w = whole ? static_cast<std::int64_t>(std::floor(v)) : 0;
  double const rest = v - static_cast<double>(w);
  std::int64_t best_num = 0, best_den = 1;
  if (fixed) {
    best_den = *fixed;
    best_num = std::llround(rest * static_cast<double>(best_den));
  } else {
    double best_error = 2;
    for (int den = 1; den <= max_den; ++den) {
      auto const num = std::llround(rest * den);
      double const error = std::fabs(rest - static_cast<double>(num) / den);
      if (error < best_error - 1e-12) best_error = error, best_num = num, best_den = den;
    }
  }
  if (whole && best_num == best_den) ++w, best_num = 0;
  std::string out = value < 0 ? "-" : "";
  if (whole && w > 0) out += std::to_string(w);
  if (best_num > 0 || !whole) {
    if (whole && w > 0) out += ' ';
    out += std::to_string(best_num) + "/" + std::to_string(best_den);
  }
  if (out.empty() || out == "-") out = "0";
  return out;
}

// Built-in codes as Excel shows them in a zh-CN locale.
std::string_view builtin_code(int id) {
  switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5: return "¥#,##0;¥-#,##0";
    case 6: return "¥#,##0;[Red]¥-#,##0";
    case 7: return "¥#,##0.00;¥-#,##0.00";
    case 8: return "¥#,##0.00;[Red]¥-#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/?\?";
    case 14: return "yyyy/m/d";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy/m/d h:mm";
    case 27: case 36: case 50: case 52: case 57: return "yyyy\"年\"m\"月\"";
    case 28: case 29: case 51: case 53: case 54: case 58: return "m\"月\"d\"日\"";
    case 30: return "m-d-yy";
    case 31: return "yyyy\"年\"m\"月\"d\"日\"";
    case 32: return "h\"时\"mm\"分\"";
    case 33: return "h\"时\"mm\"分\"ss\"秒\"";
    case 34: case 55: return "上午/下午h\"时\"mm\"分\"";
    case 35: case 56: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return "";
  }
}

}  // namespace

NumberFormat custom_format(std::string code) {
  NumberFormat out;
  if (code.empty() || starts_with_ci(code, "general")) {
    out.code = std::move(code);
    return out;
  }
  auto const parts = sections(code);
  out.kind = kind_of(tokenize(parts.front()));
  out.code = std::move(code);
  return out;
}

NumberFormat builtin_format(int id) { return custom_format(std::string(builtin_code(id))); }

std::string render_number(double value, NumberFormat const& format, bool date1904) {
  if (!std::isfinite(value)) return format_number(fmt::format("{}", value));
  if (format.kind == Kind::general || format.kind == Kind::text) return format_number(fmt::format("{:.17g}", value));
  auto const parts = sections(format.code);
  // A second section is for negatives (shown without the sign), a third for zero.
  std::string_view section = parts.front();
  bool negative_section = false;
  if (value < 0 && parts.size() >= 2 && !parts[1].empty()) section = parts[1], negative_section = true;
  else if (value == 0 && parts.size() >= 3 && !parts[2].empty()) section = parts[2];
  auto const tokens = tokenize(section);
  auto const kind = kind_of(tokens);
  if (kind == Kind::date || kind == Kind::time || kind == Kind::datetime) return render_date(value, tokens, date1904);
  if (kind == Kind::fraction) return render_fraction(value, tokens);
  if (kind == Kind::general || kind == Kind::text) {
    std::string out;
    for (auto const& t : tokens) out += t.type == Token::Type::literal ? t.text : "";
    auto const number = format_number(fmt::format("{:.17g}", negative_section ? std::fabs(value) : value));
    return out.empty() ? number : out;
  }
  return render_plain(value, tokens, negative_section);
}

std::string iso_of(double value, NumberFormat const& format, bool date1904) {
  auto const w = when_of(value, date1904);
  if (!w.valid) return "";
  bool seconds = format.code.find('s') != std::string::npos || format.code.find('S') != std::string::npos;
  auto const time = seconds ? fmt::format("{:02d}:{:02d}:{:02d}", w.hours % 24, w.minutes, w.seconds)
                            : fmt::format("{:02d}:{:02d}", w.hours % 24, w.minutes);
  if (format.kind == Kind::time) return time;
  if (w.day == 0) return "";
  auto const date = fmt::format("{:04d}-{:02d}-{:02d}", w.year, w.month, w.day);
  if (format.kind == Kind::datetime) return date + " " + time;
  return date;
}

}  // namespace pufa::xlsx
