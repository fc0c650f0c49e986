#include "calendar/library.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

#include "calendar/store.hpp"

namespace pufa::calendar {

namespace chr = std::chrono;

int day_number(std::string_view date) {
  if (date.size() != 10) throw std::invalid_argument("not a date");
  auto const y = std::stoi(std::string(date.substr(0, 4)));
  auto const m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  auto const d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  chr::year_month_day const ymd{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!ymd.ok()) throw std::invalid_argument("not a date");
  return static_cast<int>(chr::sys_days{ymd}.time_since_epoch().count());
}

std::string date_of(int n) {
  chr::year_month_day const ymd{chr::sys_days{chr::days{n}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

int weekday(std::string_view date) {
  chr::weekday const w{chr::sys_days{chr::days{day_number(date)}}};
  return static_cast<int>(w.iso_encoding());
}

Calendar Calendar::load(db::Connection& conn, int from_year, int to_year) {
  Calendar c;
  c.days_ = store::days(conn, from_year, to_year);
  for (auto const& d : c.days_) {
    if (d.kind != holiday) continue;
    auto const year = std::stoi(d.day.substr(0, 4));
    if (c.known_years_.empty() || c.known_years_.back() != year) c.known_years_.push_back(year);
  }
  return c;
}

bool Calendar::knows(int year) const {
  return std::find(known_years_.begin(), known_years_.end(), year) != known_years_.end();
}

bool Calendar::is_working_day(std::string_view date) const {
  auto const found = std::lower_bound(days_.begin(), days_.end(), date,
                                      [](Day const& d, std::string_view key) { return d.day < key; });
  if (found != days_.end() && found->day == date) return found->kind == workday;
  return weekday(date) <= 5;
}

std::string Calendar::add_working_days(std::string_view date, int n) const {
  auto day = day_number(date);
  while (n > 0) {
    ++day;
    if (is_working_day(date_of(day))) --n;
  }
  return date_of(day);
}

int Calendar::working_days_between(std::string_view from, std::string_view to) const {
  auto const a = day_number(from), b = day_number(to);
  int count = 0;
  for (int day = std::min(a, b) + 1; day <= std::max(a, b); ++day) {
    if (is_working_day(date_of(day))) ++count;
  }
  return b >= a ? count : -count;
}

std::vector<Day> year_days(db::Connection& conn, int year) { return store::days(conn, year, year); }

}  // namespace pufa::calendar
