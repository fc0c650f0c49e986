#include "text/personal.hpp"

#include <array>

#include "text/utf8.hpp"

namespace pufa::text {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool valid_date(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  constexpr std::array<int, 12> month_days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > month_days[m - 1]) return false;
  bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m != 2 || d <= 28 || leap;
}

}  // namespace

IdCheck check_id_number(std::string_view id) {
  if (id.size() != 18) return IdCheck::wrong_length;
  for (std::size_t i = 0; i < 17; ++i) {
    if (!is_digit(id[i])) return IdCheck::bad_character;
  }
  char const last = id[17];
  if (!is_digit(last) && last != 'X' && last != 'x') return IdCheck::bad_character;
  auto number = [&](std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) value = value * 10 + (id[i] - '0');
    return value;
  };
  if (!valid_date(number(6, 4), number(10, 2), number(12, 2))) return IdCheck::bad_date;
  constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  constexpr char check_chars[] = "10X98765432";
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * weights[i];
  char const expected = check_chars[sum % 11];
  char const given = last == 'x' ? 'X' : last;
  return given == expected ? IdCheck::ok : IdCheck::bad_check_digit;
}

bool is_mobile(std::string_view phone) {
  if (phone.size() != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9') return false;
  for (char c : phone) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::string mask_id_number(std::string_view id) {
  if (id.size() < 10) return std::string(id.size(), '*');
  return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') +
         std::string(id.substr(id.size() - 4));
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') +
         std::string(phone.substr(phone.size() - 4));
}

std::string mask_name(std::string_view name) {
  if (!valid_utf8(name) || name.empty()) return "*";
  auto const points = code_points(name);
  std::string out;
  append_utf8(out, points.front());
  if (points.size() == 1) return out;
  auto const hidden = points.size() >= 3 ? points.size() - 2 : points.size() - 1;
  out += std::string(hidden, '*');
  if (points.size() >= 3) append_utf8(out, points.back());
  return out;
}

}  // namespace pufa::text
