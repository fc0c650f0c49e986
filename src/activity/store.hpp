// The activity area's own SQL beyond the registry engine: review status, dictionaries, the
// dashboard counters and the calendar's day totals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace pufa::activity::store {

bool dictionary_has(db::Connection& conn, std::string_view dict, std::string_view value);

struct CounterKey {
  int year = 0, month = 0;
  std::int64_t scope_id = 0;
  std::string dimension, key;
};
void add_to_counter(db::Connection& conn, CounterKey const& key, std::int64_t records, std::int64_t people);
void clear_counters(db::Connection& conn);
void insert_counter(db::Connection& conn, CounterKey const& key, std::int64_t records, std::int64_t people);

struct CounterRow {
  std::string dimension, key;
  int month = 0;
  std::int64_t records = 0, people = 0;
};
std::vector<CounterRow> counters(db::Connection& conn, int year, std::int64_t scope_id);
std::vector<int> counter_years(db::Connection& conn, std::int64_t scope_id);

struct DayUnit {
  std::string date;
  std::optional<std::int64_t> unit_id;
  std::int64_t records = 0, people = 0;
};
// Activities per day and organiser in [first, last] within a subtree, busiest organiser first.
std::vector<DayUnit> activities_by_day(db::Connection& conn, std::string const& first, std::string const& last,
                                       std::string const& region_path);

}  // namespace pufa::activity::store
