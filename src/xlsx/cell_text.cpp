#include "xlsx/cell_text.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "xlsx/xlsx.hpp"
#include "base/time.hpp"
#include "text/utf8.hpp"

namespace pufa::xlsx {

namespace {

constexpr std::size_t max_column_letters = 3;  // XFD
constexpr std::size_t max_row_digits = 7;      // 1048576
constexpr int excel_digits = 15;               // Excel keeps 15 significant digits
constexpr std::size_t escape_length = 7;       // _xHHHH_
constexpr double ms_per_day = 86'400'000;
constexpr double fake_leap_day = 60;        // Lotus 1-2-3's 1900-02-29, kept by Excel
constexpr double last_excel_day = 2958465;  // 9999-12-31

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<unsigned> escape_at(std::string_view text, std::size_t at) {
  if (at + escape_length > text.size()) return std::nullopt;
  if (text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return std::nullopt;
  unsigned value = 0;
  auto const* first = text.data() + at + 2;
  auto const [end, error] = std::from_chars(first, first + 4, value, 16);
  if (error != std::errc() || end != first + 4) return std::nullopt;
  return value;
}

bool is_high_surrogate(unsigned c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_low_surrogate(unsigned c) { return c >= 0xDC00 && c <= 0xDFFF; }

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t at = 0;
  std::size_t column = 0;
  while (at < ref.size() && is_upper(ref[at])) column = column * 26 + (ref[at++] - 'A' + 1);
  if (at == 0 || at > max_column_letters) return std::nullopt;
  auto const digits = ref.substr(at);
  if (digits.empty() || digits.size() > max_row_digits || digits[0] == '0') return std::nullopt;
  std::size_t row = 0;
  for (char const c : digits) {
    if (!is_digit(c)) return std::nullopt;
    row = row * 10 + (c - '0');
  }
  return CellRef{row - 1, column - 1};
}

std::string format_number(std::string_view raw) {
  double value = 0;
  auto const [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) {
    return std::string(raw);
  }
  // %.15g is what Excel shows: whole numbers below 1e15 come out with all their digits.
  return fmt::format("{:.{}g}", value, excel_digits);
}

std::string decode_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto const code = escape_at(text, at);
    if (!code || is_low_surrogate(*code)) {
      out += text[at++];
      continue;
    }
    if (!is_high_surrogate(*code)) {
      text::append_utf8(out, *code);
      at += escape_length;
      continue;
    }
    auto const low = escape_at(text, at + escape_length);
    if (!low || !is_low_surrogate(*low)) {
      out += text[at++];
      continue;
    }
    text::append_utf8(out, 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00));
    at += 2 * escape_length;
  }
  return out;
}

std::string excel_date(double serial) {
  if (!std::isfinite(serial)) return "";
  // Round to Excel's millisecond first, so 23:59:59.9999 does not fall back a day.
  double const day = std::floor(std::round(serial * ms_per_day) / ms_per_day);
  if (day < 1 || day > last_excel_day) return "";
  if (day == fake_leap_day) return "1900-02-29";
  // Serials count from 1900-01-01 = 1; past the fake leap day they are off by one.
  std::chrono::sys_days const epoch = std::chrono::year{1899} / 12 / 31;
  int const offset = static_cast<int>(day) - (day > fake_leap_day ? 1 : 0);
  std::chrono::year_month_day const date{epoch + std::chrono::days{offset}};
  return base::date_text(static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                         static_cast<unsigned>(date.day()));
}

std::string_view trim(std::string_view text) {
  constexpr std::array<std::string_view, 6> blanks{" ", "\t", "\r", "\n", "\u00A0", "\u3000"};
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (auto const blank : blanks) {
      if (text.starts_with(blank)) {
        text.remove_prefix(blank.size());
        trimmed = true;
      }
      if (text.ends_with(blank)) {
        text.remove_suffix(blank.size());
        trimmed = true;
      }
    }
  }
  return text;
}

}  // namespace pufa::xlsx
