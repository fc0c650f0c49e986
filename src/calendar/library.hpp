// The working-day calendar every area counts statutory time limits in: Monday to Friday, less the
// holidays of the State Council's yearly arrangement (法定节假日), plus its 调休 workdays (a Saturday
// or Sunday worked in their stead). The arrangement is data (calendar_days, migration calendar 1 holds
// 2019-2021 as published; the system administrator records later years). A year with nothing recorded
// counts Monday to Friday only. The calendar's table is touched only by calendar/store.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace pufa::calendar {

inline constexpr std::string_view holiday = "holiday";
inline constexpr std::string_view workday = "workday";

struct Day {
  std::string day;   // 2020-10-01
  std::string kind;  // holiday | workday
  std::string name;  // 国庆节、中秋节
};

// The days one reads of the calendar at once: a span of years loaded in one query.
class Calendar {
 public:
  // Every recorded day from `from_year` to `to_year`.
  static Calendar load(db::Connection& conn, int from_year, int to_year);

  bool is_working_day(std::string_view date) const;
  // The n-th working day after `date` (the day itself never counts: 期间开始之日不计算在内); n ≥ 0,
  // n = 0 is `date` itself.
  std::string add_working_days(std::string_view date, int n) const;
  // Working days in (from, to]; negative when `to` is before `from`.
  int working_days_between(std::string_view from, std::string_view to) const;
  // Whether the year's arrangement is recorded.
  bool knows(int year) const;

 private:
  std::vector<Day> days_;  // by day
  std::vector<int> known_years_;
};

std::vector<Day> year_days(db::Connection& conn, int year);

// Dates as counted days ("2020-10-01" ↔ days since 1970-01-01); `date` must be valid.
int day_number(std::string_view date);
std::string date_of(int day_number);
// Monday = 1 … Sunday = 7.
int weekday(std::string_view date);

}  // namespace pufa::calendar
