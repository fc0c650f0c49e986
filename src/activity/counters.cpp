#include "activity/counters.hpp"

#include <boost/json/array.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <vector>

#include "activity/entities.hpp"

namespace pufa::activity {

namespace {

struct Contribution {
  std::string dimension;
  std::string key;
};

std::optional<std::string> value_of(registry::Registry const& registry, registry::Record const& record,
                                    std::string_view key) {
  auto const& fields = registry.entity().fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == key) return record.values[i];
  }
  return std::nullopt;
}

// "/1/5/23/" → the root (1) and, inside a township, the township (5).
std::vector<std::int64_t> scopes_of(std::string_view path) {
  auto ids = registry::path_ids(path);
  if (ids.size() > 2) ids.resize(2);
  return ids;
}

// What one record counts for: its month, the scopes it is seen in, and the keys it adds to.
struct Tally {
  int year = 0, month = 0;
  std::vector<std::int64_t> scopes;
  std::vector<Contribution> contributions;
  std::int64_t people = 0;
};

void upsert(db::Connection& conn, Tally const& tally, std::int64_t records, std::int64_t people) {
  for (auto scope : tally.scopes) {
    for (auto const& c : tally.contributions) {
      conn.exec(
          "INSERT INTO activity_counters (year, month, scope_id, dimension, key, records, people)"
          " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (year, scope_id, dimension, key, month) DO UPDATE"
          " SET records = activity_counters.records + excluded.records,"
          " people = activity_counters.people + excluded.people",
          {tally.year, tally.month, scope, c.dimension, c.key, records, people});
    }
  }
}

std::vector<std::string> split_tags(std::string_view stored) {
  std::vector<std::string> out;
  while (!stored.empty()) {
    auto const comma = stored.find(',');
    if (comma != 0) out.emplace_back(stored.substr(0, comma));
    if (comma == std::string_view::npos) break;
    stored.remove_prefix(comma + 1);
  }
  return out;
}

bool date_parts(std::optional<std::string> const& date, int& year, int& month) {
  return date && std::sscanf(date->c_str(), "%d-%d", &year, &month) == 2;
}

}  // namespace

namespace {

std::optional<Tally> tally_activity(registry::Record const& record) {
  auto const& registry = registry_of("activities");
  Tally tally;
  if (!date_parts(value_of(registry, record, "starts_on"), tally.year, tally.month)) return std::nullopt;
  auto const scopes = scopes_of(record.region_path);
  auto& contributions = tally.contributions;
  contributions.push_back({"total", ""});
  for (auto key : {"theme", "six_place", "form", "campaign", "unit_id"}) {
    if (auto value = value_of(registry, record, key)) contributions.push_back({key, *value});
  }
  for (auto const& audience : split_tags(value_of(registry, record, "audience").value_or(""))) {
    contributions.push_back({"audience", audience});
  }
  if (scopes.size() >= 2) contributions.push_back({"township", std::to_string(scopes[1])});
  tally.scopes = scopes;
  tally.people = std::strtoll(value_of(registry, record, "participants").value_or("0").c_str(), nullptr, 10);
  return tally;
}

std::optional<Tally> tally_study(registry::Record const& record) {
  auto const& registry = registry_of("study_records");
  Tally tally;
  if (!date_parts(value_of(registry, record, "held_on"), tally.year, tally.month)) return std::nullopt;
  tally.contributions.push_back({"study_total", ""});
  if (auto kind = value_of(registry, record, "kind")) tally.contributions.push_back({"study_kind", *kind});
  if (auto unit = value_of(registry, record, "unit_id")) tally.contributions.push_back({"study_unit", *unit});
  tally.scopes = scopes_of(record.region_path);
  tally.people = std::strtoll(value_of(registry, record, "attendees").value_or("0").c_str(), nullptr, 10);
  return tally;
}

}  // namespace

void count_activity(db::Connection& conn, registry::Record const& record, int sign) {
  if (auto tally = tally_activity(record)) upsert(conn, *tally, sign, sign * tally->people);
}

void count_study(db::Connection& conn, registry::Record const& record, int sign) {
  if (auto tally = tally_study(record)) upsert(conn, *tally, sign, sign * tally->people);
}

void rebuild_counters(db::Connection& conn) {
  // Summed in memory and written once per counter: a bulk load costs a few thousand writes.
  using Key = std::tuple<int, int, std::int64_t, std::string, std::string>;
  std::map<Key, std::pair<std::int64_t, std::int64_t>> sums;
  for (auto name : {"activities", "study_records"}) {
    auto const& registry = registry_of(name);
    registry::ListFilter filter;
    filter.limit = 5000;
    filter.sort = "id";
    bool const activities = std::string_view(name) == "activities";
    for (auto page = registry.list(conn, filter); !page.empty(); page = registry.list(conn, filter)) {
      for (auto const& record : page) {
        auto tally = activities ? tally_activity(record) : tally_study(record);
        if (!tally) continue;
        for (auto scope : tally->scopes) {
          for (auto const& c : tally->contributions) {
            auto& sum = sums[Key{tally->year, tally->month, scope, c.dimension, c.key}];
            sum.first += 1;
            sum.second += tally->people;
          }
        }
      }
      filter.after_id = page.back().id;
    }
  }
  conn.exec("DELETE FROM activity_counters");
  for (auto const& [key, sum] : sums) {
    auto const& [year, month, scope, dimension, k] = key;
    conn.exec("INSERT INTO activity_counters (year, month, scope_id, dimension, key, records, people)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)", {year, month, scope, dimension, k, sum.first, sum.second});
  }
}

namespace {

boost::json::array ranked(std::map<std::string, std::pair<std::int64_t, std::int64_t>> const& totals,
                          std::size_t limit, std::map<std::string, std::string> const& names = {},
                          char const* key_name = "key") {
  std::vector<std::pair<std::string, std::pair<std::int64_t, std::int64_t>>> rows(totals.begin(), totals.end());
  std::stable_sort(rows.begin(), rows.end(), [](auto const& a, auto const& b) { return a.second.first > b.second.first; });
  boost::json::array out;
  for (auto const& [key, counts] : rows) {
    if (out.size() >= limit || counts.first <= 0) break;
    boost::json::object item{{"key", key}, {"records", counts.first}, {"people", counts.second}};
    if (std::string_view(key_name) != "key") item[key_name] = std::strtoll(key.c_str(), nullptr, 10);
    if (!names.empty()) {
      auto found = names.find(key);
      item["name"] = found == names.end() ? key : found->second;
    }
    out.push_back(std::move(item));
  }
  return out;
}

// Names of the ids among `keys`, in one query.
std::map<std::string, std::string> names_of(db::Connection& conn, char const* table,
                                            std::map<std::string, std::pair<std::int64_t, std::int64_t>> const& keys) {
  std::map<std::string, std::string> names;
  if (keys.empty()) return names;
  std::string marks;
  std::vector<db::Param> params;
  for (auto const& [key, counts] : keys) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(std::strtoll(key.c_str(), nullptr, 10));
  }
  auto rows = conn.query(std::string("SELECT id, name FROM ") + table + " WHERE id IN (" + marks + ")", params);
  for (std::size_t i = 0; i < rows.size(); ++i) names[std::to_string(rows.row(i).i64(0))] = rows.row(i).str(1);
  return names;
}

}  // namespace

boost::json::object dashboard(db::Connection& conn, int year, std::int64_t scope_id) {
  using Totals = std::map<std::string, std::pair<std::int64_t, std::int64_t>>;
  std::map<std::string, Totals> by_dimension;
  std::array<std::pair<std::int64_t, std::int64_t>, 13> activity_months{}, study_months{};
  auto rows = conn.query("SELECT dimension, key, month, records, people FROM activity_counters"
                         " WHERE year = ? AND scope_id = ?", {year, scope_id});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    auto const dimension = row.str(0);
    auto const month = std::clamp<std::int64_t>(row.i64(2), 1, 12);
    auto& total = by_dimension[dimension][row.str(1)];
    total.first += row.i64(3);
    total.second += row.i64(4);
    if (dimension == "total") {
      activity_months[month].first += row.i64(3);
      activity_months[month].second += row.i64(4);
    } else if (dimension == "study_total") {
      study_months[month].first += row.i64(3);
      study_months[month].second += row.i64(4);
    }
  }
  auto months = [](auto const& series) {
    boost::json::array out;
    for (int m = 1; m <= 12; ++m) out.push_back({{"month", m}, {"records", series[m].first}, {"people", series[m].second}});
    return out;
  };
  auto total_of = [&](char const* dimension) {
    auto const& totals = by_dimension[dimension][""];
    return boost::json::object{{"records", totals.first}, {"people", totals.second}};
  };
  boost::json::array years;
  auto year_rows = conn.query("SELECT DISTINCT year FROM activity_counters WHERE scope_id = ? AND dimension = 'total'"
                              " ORDER BY year", {scope_id});
  for (std::size_t i = 0; i < year_rows.size(); ++i) years.emplace_back(year_rows.row(i).i64(0));
  return {
      {"year", year},
      {"scope_id", scope_id},
      {"years", std::move(years)},
      {"activities", total_of("total")},
      {"by_month", months(activity_months)},
      {"by_theme", ranked(by_dimension["theme"], 50)},
      {"by_audience", ranked(by_dimension["audience"], 50)},
      {"by_six_place", ranked(by_dimension["six_place"], 50)},
      {"by_form", ranked(by_dimension["form"], 50)},
      {"by_campaign", ranked(by_dimension["campaign"], 50)},
      {"by_township", ranked(by_dimension["township"], 50, names_of(conn, "regions", by_dimension["township"]), "region_id")},
      {"by_unit", ranked(by_dimension["unit_id"], 20, names_of(conn, "units", by_dimension["unit_id"]), "unit_id")},
      {"study", {{"total", total_of("study_total")},
                 {"by_month", months(study_months)},
                 {"by_kind", ranked(by_dimension["study_kind"], 20)},
                 {"by_unit", ranked(by_dimension["study_unit"], 20, names_of(conn, "units", by_dimension["study_unit"]), "unit_id")}}},
  };
}

boost::json::object calendar(db::Connection& conn, int year, int month, std::string const& region_path) {
  char first[32], last[32];
  std::snprintf(first, sizeof first, "%04d-%02d-01", year, month);
  std::snprintf(last, sizeof last, "%04d-%02d-31", year, month);
  // Recurring dates of the legal-education year.
  auto campaigns_on = [&](int day) {
    boost::json::array names;
    if (day == 8 || day == 18 || day == 28) names.emplace_back("公共法律服务日");
    if (month == 12 && day == 4) names.emplace_back("国家宪法日");
    if (month == 12 && day >= 1 && day <= 7) names.emplace_back("宪法宣传周");
    if (month == 5) names.emplace_back("民法典宣传月");
    if (month == 6 && day == 26) names.emplace_back("国际禁毒日");
    if (month == 3 && day == 15) names.emplace_back("消费者权益保护日");
    return names;
  };
  auto rows = conn.query(
      "SELECT t.starts_on, t.unit_id, u.name, COUNT(*), SUM(t.participants) FROM activities t"
      " JOIN regions r ON r.id = t.region_id LEFT JOIN units u ON u.id = t.unit_id"
      " WHERE t.starts_on >= ? AND t.starts_on <= ? AND r.path LIKE ?"
      " GROUP BY t.starts_on, t.unit_id, u.name ORDER BY t.starts_on, COUNT(*) DESC",
      {first, last, region_path + "%"});
  std::map<int, boost::json::array> units_by_day;
  std::map<int, std::int64_t> records_by_day;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    int const day = std::atoi(row.str(0).c_str() + 8);
    records_by_day[day] += row.i64(3);
    units_by_day[day].push_back({{"unit_id", row.is_null(1) ? boost::json::value(nullptr) : boost::json::value(row.i64(1))},
                                 {"name", row.is_null(2) ? "（未填主办单位）" : row.str(2)},
                                 {"records", row.i64(3)}, {"people", row.i64(4)}});
  }
  int const days = month == 2 ? ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28)
                   : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
  boost::json::array out;
  for (int day = 1; day <= days; ++day) {
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    out.push_back({{"date", date}, {"campaigns", campaigns_on(day)}, {"records", records_by_day[day]},
                   {"units", std::move(units_by_day[day])}});
  }
  return {{"year", year}, {"month", month}, {"days", std::move(out)}};
}

}  // namespace pufa::activity
