// The calendar's use cases: the system administrator records the year's arrangement (audited).
#pragma once

#include "auth/principal.hpp"
#include "calendar/library.hpp"

namespace pufa::calendar {

struct YearView {
  bool known = false;
  std::vector<Day> days;
};

YearView year_view(db::Database& db, int year);
Day put_day(db::Database& db, auth::Actor const& actor, Day day);
void remove_day(db::Database& db, auth::Actor const& actor, std::string const& day);

}  // namespace pufa::calendar
