#include "activity/store.hpp"

namespace pufa::activity::store {

bool dictionary_has(db::Connection& conn, std::string_view dict, std::string_view value) {
  return conn.scalar("SELECT 1 AS found FROM dictionary_items WHERE dict = ? AND value = ?", {dict, value}).has_value();
}

void add_to_counter(db::Connection& conn, CounterKey const& key, std::int64_t records, std::int64_t people) {
  conn.exec(
      "INSERT INTO activity_counters (year, month, scope_id, dimension, key, records, people)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (year, scope_id, dimension, key, month) DO UPDATE"
      " SET records = activity_counters.records + excluded.records,"
      " people = activity_counters.people + excluded.people",
      {key.year, key.month, key.scope_id, key.dimension, key.key, records, people});
}

void clear_counters(db::Connection& conn) { conn.exec("DELETE FROM activity_counters"); }

void insert_counter(db::Connection& conn, CounterKey const& key, std::int64_t records, std::int64_t people) {
  conn.exec("INSERT INTO activity_counters (year, month, scope_id, dimension, key, records, people)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {key.year, key.month, key.scope_id, key.dimension, key.key, records, people});
}

std::vector<CounterRow> counters(db::Connection& conn, int year, std::int64_t scope_id) {
  std::vector<CounterRow> out;
  for (auto row : conn.query("SELECT dimension, key, month, records, people FROM activity_counters"
                             " WHERE year = ? AND scope_id = ?",
                             {year, scope_id})) {
    out.push_back({row.str("dimension"), row.str("key"), static_cast<int>(row.i64("month")), row.i64("records"),
                   row.i64("people")});
  }
  return out;
}

std::vector<int> counter_years(db::Connection& conn, std::int64_t scope_id) {
  std::vector<int> out;
  for (auto row : conn.query("SELECT DISTINCT year FROM activity_counters WHERE scope_id = ? AND dimension = 'total'"
                             " ORDER BY year",
                             {scope_id})) {
    out.push_back(static_cast<int>(row.i64("year")));
  }
  return out;
}

std::vector<DayUnit> activities_by_day(db::Connection& conn, std::string const& first, std::string const& last,
                                       std::string const& region_path) {
  std::vector<DayUnit> out;
  for (auto row : conn.query("SELECT starts_on, unit_id, COUNT(*) AS records, SUM(participants) AS people FROM activities"
                             " WHERE starts_on >= ? AND starts_on <= ? AND region_path LIKE ?"
                             " GROUP BY starts_on, unit_id ORDER BY starts_on, COUNT(*) DESC, unit_id",
                             {first, last, region_path + "%"})) {
    out.push_back({row.str("starts_on"), row.opt_i64("unit_id"), row.i64("records"), row.opt_i64("people").value_or(0)});
  }
  return out;
}

}  // namespace pufa::activity::store
