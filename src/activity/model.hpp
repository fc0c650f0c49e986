// What the activity area's reads return: the dashboard and the campaign calendar.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::activity {

struct Tally {
  std::int64_t records = 0;
  std::int64_t people = 0;
};

// One line of a ranking: a key (a code, a dictionary value, or an id) with its name for ids.
struct Ranked {
  std::string key;
  std::optional<std::int64_t> id;    // townships and units
  std::optional<std::string> name;   // their names
  Tally tally;
};

struct Dashboard {
  int year = 0;
  std::int64_t scope_id = 0;
  std::vector<int> years;
  Tally activities;
  std::array<Tally, 12> by_month{};
  std::vector<Ranked> by_theme, by_audience, by_six_place, by_form, by_campaign, by_township, by_unit;
  struct Study {
    Tally total;
    std::array<Tally, 12> by_month{};
    std::vector<Ranked> by_kind, by_unit;
  } study;
};

struct CalendarUnit {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> name;  // none: no organiser recorded
  Tally tally;
};

struct CalendarDay {
  std::string date;
  std::vector<std::string_view> campaigns;  // codes: service_day, constitution_day, …
  std::int64_t records = 0;
  std::vector<CalendarUnit> units;
};

struct Calendar {
  int year = 0, month = 0;
  std::vector<CalendarDay> days;
};

}  // namespace pufa::activity
