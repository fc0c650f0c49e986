// How a year's service days are laid out (docs/service.md, "Schedules"): a pure function of the standard,
// the calendar and the contracts, so that it is tested without a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/library.hpp"
#include "service/model.hpp"

namespace pufa::service {

struct Term {
  std::int64_t village_id = 0, advisor_id = 0, contract_id = 0;
  bool remote = false;
  std::string starts_on;
  std::optional<std::string> ends_on;
};

struct PlannedDay {
  std::int64_t village_id = 0, advisor_id = 0, contract_id = 0;
  std::string nominal_on, planned_on;
  std::optional<std::string> moved;  // weekend | holiday | full
};

// Every day of `year` from `from_day` on (earlier days are not planned). Per month each village gets
// town_days (remote: remote_days) of the listed days, rotated among one advisor's villages; a day that is no
// working day moves to the next working day; an advisor has at most villages_per_day villages on a date (the
// next working day with room otherwise: `full`); a contract counts on the days it is in force. `taken` lists
// (village, date) pairs already held (days kept from an earlier run) and dates an advisor already serves.
struct Taken {
  std::vector<std::pair<std::int64_t, std::string>> village_dates;
  std::vector<std::pair<std::int64_t, std::string>> advisor_dates;
};
std::vector<PlannedDay> plan_year(Standard const& standard, calendar::Calendar const& cal, int year,
                                  std::vector<Term> const& terms, std::string const& from_day, Taken const& taken = {});

}  // namespace pufa::service
