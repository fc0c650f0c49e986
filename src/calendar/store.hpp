#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "calendar/library.hpp"

namespace pufa::calendar::store {

std::vector<Day> days(db::Connection& conn, int from_year, int to_year);
std::optional<Day> day(db::Connection& conn, std::string const& date);
void put(db::Connection& conn, Day const& d, std::int64_t by, base::Millis at);
void remove(db::Connection& conn, std::string const& date);

}  // namespace pufa::calendar::store
