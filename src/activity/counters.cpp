#include "activity/counters.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <tuple>
#include <vector>

#include "activity/entities.hpp"
#include "activity/store.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "org/directory.hpp"

namespace pufa::activity {

namespace {

struct Contribution {
  std::string dimension;
  std::string key;
};

// "/1/5/23/" → the root (1) and, inside a township, the township (5).
std::vector<std::int64_t> scopes_of(std::string_view path) {
  auto ids = registry::path_ids(path);
  if (ids.size() > 2) ids.resize(2);
  return ids;
}

// What one record counts for: its month, the scopes it is seen in, and the keys it adds to.
struct Count {
  int year = 0, month = 0;
  std::vector<std::int64_t> scopes;
  std::vector<Contribution> contributions;
  std::int64_t people = 0;
};

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

std::int64_t number(std::optional<std::string> const& value) {
  return value ? std::strtoll(value->c_str(), nullptr, 10) : 0;
}

std::optional<Count> count_of_activity(registry::Record const& record) {
  auto const& entity = registry_of("activities").entity();
  Count count;
  if (!date_parts(record.value(entity, "starts_on"), count.year, count.month)) return std::nullopt;
  auto const scopes = scopes_of(record.region_path);
  auto& contributions = count.contributions;
  contributions.push_back({"total", ""});
  for (auto key : {"theme", "six_place", "form", "campaign", "unit_id"}) {
    if (auto const& value = record.value(entity, key)) contributions.push_back({key, *value});
  }
  for (auto const& audience : split_tags(record.value(entity, "audience").value_or(""))) {
    contributions.push_back({"audience", audience});
  }
  if (scopes.size() >= 2) contributions.push_back({"township", std::to_string(scopes[1])});
  count.scopes = scopes;
  count.people = number(record.value(entity, "participants"));
  return count;
}

std::optional<Count> count_of_study(registry::Record const& record) {
  auto const& entity = registry_of("study_records").entity();
  Count count;
  if (!date_parts(record.value(entity, "held_on"), count.year, count.month)) return std::nullopt;
  count.contributions.push_back({"study_total", ""});
  if (auto const& kind = record.value(entity, "kind")) count.contributions.push_back({"study_kind", *kind});
  if (auto const& unit = record.value(entity, "unit_id")) count.contributions.push_back({"study_unit", *unit});
  count.scopes = scopes_of(record.region_path);
  count.people = number(record.value(entity, "attendees"));
  return count;
}

void add(db::Connection& conn, Count const& count, int sign) {
  for (auto scope : count.scopes) {
    for (auto const& c : count.contributions) {
      store::add_to_counter(conn, {count.year, count.month, scope, c.dimension, c.key}, sign, sign * count.people);
    }
  }
}

}  // namespace

void count_activity(db::Connection& conn, registry::Record const& record, int sign) {
  if (auto count = count_of_activity(record)) add(conn, *count, sign);
}

void count_study(db::Connection& conn, registry::Record const& record, int sign) {
  if (auto count = count_of_study(record)) add(conn, *count, sign);
}

void rebuild_counters(db::Connection& conn) {
  // Summed in memory and written once per counter: a bulk load costs a few thousand writes.
  using Key = std::tuple<int, int, std::int64_t, std::string, std::string>;
  std::map<Key, Tally> sums;
  for (auto name : {"activities", "study_records"}) {
    auto const& registry = registry_of(name);
    registry::ListFilter filter;
    filter.region_path = "/";
    filter.limit = 5000;
    filter.sort = "id";
    bool const activities = std::string_view(name) == "activities";
    for (auto page = registry.list(conn, filter); !page.empty(); page = registry.list(conn, filter)) {
      for (auto const& record : page) {
        auto count = activities ? count_of_activity(record) : count_of_study(record);
        if (!count) continue;
        for (auto scope : count->scopes) {
          for (auto const& c : count->contributions) {
            auto& sum = sums[Key{count->year, count->month, scope, c.dimension, c.key}];
            sum.records += 1;
            sum.people += count->people;
          }
        }
      }
      filter.after_id = page.back().id;
    }
  }
  store::clear_counters(conn);
  for (auto const& [key, sum] : sums) {
    auto const& [year, month, scope, dimension, k] = key;
    store::insert_counter(conn, {year, month, scope, dimension, k}, sum.records, sum.people);
  }
}

namespace {

using Totals = std::map<std::string, Tally>;

std::vector<Ranked> ranked(Totals const& totals, std::size_t limit, std::map<std::int64_t, std::string> const* names = nullptr) {
  std::vector<std::pair<std::string, Tally>> rows(totals.begin(), totals.end());
  std::stable_sort(rows.begin(), rows.end(), [](auto const& a, auto const& b) { return a.second.records > b.second.records; });
  std::vector<Ranked> out;
  for (auto const& [key, tally] : rows) {
    if (out.size() >= limit || tally.records <= 0) break;
    Ranked item{key, std::nullopt, std::nullopt, tally};
    if (names) {
      auto const id = std::strtoll(key.c_str(), nullptr, 10);
      item.id = id;
      auto found = names->find(id);
      item.name = found == names->end() ? key : found->second;
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<std::int64_t> ids_in(Totals const& totals) {
  std::vector<std::int64_t> ids;
  for (auto const& [key, tally] : totals) ids.push_back(std::strtoll(key.c_str(), nullptr, 10));
  return ids;
}

}  // namespace

Dashboard dashboard(db::Connection& conn, int year, std::int64_t scope_id) {
  std::map<std::string, Totals> by_dimension;
  Dashboard out;
  out.year = year;
  out.scope_id = scope_id;
  for (auto const& row : store::counters(conn, year, scope_id)) {
    auto const month = std::clamp(row.month, 1, 12);
    auto& total = by_dimension[row.dimension][row.key];
    total.records += row.records;
    total.people += row.people;
    auto* series = row.dimension == "total"         ? &out.by_month
                   : row.dimension == "study_total" ? &out.study.by_month
                                                    : nullptr;
    if (series) {
      (*series)[month - 1].records += row.records;
      (*series)[month - 1].people += row.people;
    }
  }
  out.years = store::counter_years(conn, scope_id);
  out.activities = by_dimension["total"][""];
  out.by_theme = ranked(by_dimension["theme"], 50);
  out.by_audience = ranked(by_dimension["audience"], 50);
  out.by_six_place = ranked(by_dimension["six_place"], 50);
  out.by_form = ranked(by_dimension["form"], 50);
  out.by_campaign = ranked(by_dimension["campaign"], 50);
  auto const township_names = auth::regions::full_names(conn, ids_in(by_dimension["township"]));
  out.by_township = ranked(by_dimension["township"], 50, &township_names);
  auto const unit_names = org::directory::unit_names(conn, ids_in(by_dimension["unit_id"]));
  out.by_unit = ranked(by_dimension["unit_id"], 20, &unit_names);
  out.study.total = by_dimension["study_total"][""];
  out.study.by_kind = ranked(by_dimension["study_kind"], 20);
  auto const study_units = org::directory::unit_names(conn, ids_in(by_dimension["study_unit"]));
  out.study.by_unit = ranked(by_dimension["study_unit"], 20, &study_units);
  return out;
}

namespace {

// The recurring dates of the legal-education year, as codes the web app labels.
std::vector<std::string_view> campaigns_on(int month, int day) {
  std::vector<std::string_view> codes;
  if (day == 8 || day == 18 || day == 28) codes.emplace_back("service_day");
  if (month == 12 && day == 4) codes.emplace_back("constitution_day");
  if (month == 12 && day >= 1 && day <= 7) codes.emplace_back("constitution_week");
  if (month == 5) codes.emplace_back("civil_code_month");
  if (month == 6 && day == 26) codes.emplace_back("anti_drug_day");
  if (month == 3 && day == 15) codes.emplace_back("consumer_day");
  return codes;
}

}  // namespace

Calendar calendar(db::Connection& conn, int year, int month, std::string const& region_path) {
  using namespace std::chrono;
  auto const days =
      static_cast<int>(unsigned(year_month_day_last(std::chrono::year(year) / std::chrono::month(unsigned(month)) / last).day()));
  auto const rows = store::activities_by_day(conn, base::date_text(year, unsigned(month), 1),
                                             base::date_text(year, unsigned(month), unsigned(days)), region_path);
  std::vector<std::int64_t> unit_ids;
  for (auto const& row : rows) {
    if (row.unit_id) unit_ids.push_back(*row.unit_id);
  }
  auto const names = org::directory::unit_names(conn, unit_ids);
  Calendar out{year, month, {}};
  for (int day = 1; day <= days; ++day) {
    out.days.push_back({base::date_text(year, unsigned(month), unsigned(day)), campaigns_on(month, day), 0, {}});
  }
  for (auto const& row : rows) {
    auto& day = out.days[static_cast<std::size_t>(std::atoi(row.date.c_str() + 8) - 1)];
    day.records += row.records;
    std::optional<std::string> name;
    if (row.unit_id) {
      auto found = names.find(*row.unit_id);
      if (found != names.end()) name = found->second;
    }
    day.units.push_back({row.unit_id, name, {row.records, row.people}});
  }
  return out;
}

}  // namespace pufa::activity
