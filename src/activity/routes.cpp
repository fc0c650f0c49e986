#include "activity/routes.hpp"

#include <boost/json/array.hpp>

#include "activity/counters.hpp"
#include "activity/entities.hpp"
#include "activity/review.hpp"
#include "auth/principal.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "registry/routes.hpp"

namespace pufa::activity {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

json::object tally_json(Tally const& tally) { return {{"records", tally.records}, {"people", tally.people}}; }

json::array months_json(std::array<Tally, 12> const& months) {
  json::array out;
  for (int m = 0; m < 12; ++m) {
    out.push_back({{"month", m + 1}, {"records", months[m].records}, {"people", months[m].people}});
  }
  return out;
}

// `id_key` names the id of a ranking of ids (region_id, unit_id).
json::array ranked_json(std::vector<Ranked> const& items, char const* id_key = nullptr) {
  json::array out;
  for (auto const& item : items) {
    json::object line{{"key", item.key}, {"records", item.tally.records}, {"people", item.tally.people}};
    if (id_key && item.id) line[id_key] = *item.id;
    if (item.name) line["name"] = *item.name;
    out.push_back(std::move(line));
  }
  return out;
}

json::object dashboard_json(Dashboard const& d) {
  json::array years;
  for (auto year : d.years) years.emplace_back(year);
  return {
      {"year", d.year},
      {"scope_id", d.scope_id},
      {"years", std::move(years)},
      {"activities", tally_json(d.activities)},
      {"by_month", months_json(d.by_month)},
      {"by_theme", ranked_json(d.by_theme)},
      {"by_audience", ranked_json(d.by_audience)},
      {"by_six_place", ranked_json(d.by_six_place)},
      {"by_form", ranked_json(d.by_form)},
      {"by_campaign", ranked_json(d.by_campaign)},
      {"by_township", ranked_json(d.by_township, "region_id")},
      {"by_unit", ranked_json(d.by_unit, "unit_id")},
      {"study", {{"total", tally_json(d.study.total)},
                 {"by_month", months_json(d.study.by_month)},
                 {"by_kind", ranked_json(d.study.by_kind)},
                 {"by_unit", ranked_json(d.study.by_unit, "unit_id")}}},
  };
}

json::object calendar_json(Calendar const& calendar) {
  json::array days;
  for (auto const& day : calendar.days) {
    json::array campaigns, units;
    for (auto code : day.campaigns) campaigns.emplace_back(code);
    for (auto const& unit : day.units) {
      units.push_back({{"unit_id", unit.unit_id ? json::value(*unit.unit_id) : json::value(nullptr)},
                       {"name", unit.name ? json::value(*unit.name) : json::value(nullptr)},
                       {"records", unit.tally.records},
                       {"people", unit.tally.people}});
    }
    days.push_back({{"date", day.date}, {"campaigns", std::move(campaigns)}, {"records", day.records},
                    {"units", std::move(units)}});
  }
  return {{"year", calendar.year}, {"month", calendar.month}, {"days", std::move(days)}};
}

int bounded(Request const& request, char const* name, int low, int high, int fallback) {
  auto value = http::query_int(request, name).value_or(fallback);
  if (value < low || value > high) {
    throw ApiError(AppError::validation_failed, std::string("参数 ") + name + " 超出范围", name);
  }
  return static_cast<int>(value);
}

// POST /api/v1/{activities|study_records}/{id}/return {"reason"}: back to its owner for correction.
void add_return_route(http::Router& router, db::Database& db, std::string_view name) {
  auto const& registry = registry_of(name);
  router.add(Method::post, "/api/v1/" + std::string(name) + "/{id}/return", [&db, &registry](Request& request) {
    auto body = http::json_object(request);
    auto const reason = http::req_string(body, "reason", "退回原因", 500);
    auto const record = return_for_correction(db, auth::actor(request), registry, request.id_param("id"), reason);
    return Response::ok({{"item", registry.to_json(record, false)}});
  }, {.permission = "activity.review", .action = std::string(name) + ".return"});
  // POST /api/v1/{activities|study_records}/{id}/approve: reviewed, nothing to correct.
  router.add(Method::post, "/api/v1/" + std::string(name) + "/{id}/approve", [&db, &registry](Request& request) {
    auto const record = approve(db, auth::actor(request), registry, request.id_param("id"));
    return Response::ok({{"item", registry.to_json(record, false)}});
  }, {.permission = "activity.review", .action = std::string(name) + ".approve"});
}

// Per reviewed ledger: records waiting in the reviewer's scope, and the caller's own records
// that came back for correction.
std::vector<todo::Item> todo_items(db::Database& db, auth::Principal const& caller) {
  std::vector<todo::Item> out;
  db.read([&](db::Connection& conn) {
    for (auto name : {"activities", "study_records"}) {
      auto const& registry = registry_of(name);
      auto const* status = registry.entity().field("status");
      if (caller.has("activity.review")) {
        registry::ListFilter waiting;
        waiting.region_path = caller.region_path;
        waiting.equals = {{status, std::string(submitted)}};
        out.push_back({std::string(name) + ".review", registry.count(conn, waiting)});
      }
      if (caller.has("activity.write")) {
        registry::ListFilter mine;
        mine.region_path = caller.region_path;
        mine.created_by = caller.user_id;
        mine.equals = {{status, std::string(returned)}};
        out.push_back({std::string(name) + ".returned", registry.count(conn, mine)});
      }
    }
  });
  return out;
}

}  // namespace

void add_routes(http::Router& router, db::Database& db, todo::Centre& todo) {
  todo.add([&db](auth::Principal const& caller) { return todo_items(db, caller); });
  auto const& activities = registry_of("activities");
  auto const& studies = registry_of("study_records");
  registry::add_routes(router, db, activities, {"activity.read", "activity.write", review_hooks(activities, count_activity)});
  registry::add_routes(router, db, studies, {"activity.read", "activity.write", review_hooks(studies, count_study)});
  for (auto name : {"channels", "channel_items"}) {
    registry::add_routes(router, db, registry_of(name), {"activity.read", "activity.write"});
  }
  registry::add_routes(router, db, registry_of("dictionary_items"), {"activity.read", "activity.review"});
  add_return_route(router, db, "activities");
  add_return_route(router, db, "study_records");

  router.add(Method::get, "/api/v1/dashboard/activities", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    int const year = bounded(request, "year", 2000, 2100, base::shanghai_year(base::now_ms()));
    auto const dashboard_of = db.read([&](db::Connection& conn) {
      // "/1/5/23/": the dashboard is counted for the city (1) and its townships (5).
      auto const ids = registry::path_ids(auth::regions::scope_path(conn, caller, http::query_int(request, "region_id")));
      return dashboard(conn, year, ids.size() >= 2 ? ids[1] : ids.front());
    });
    return Response::ok(dashboard_json(dashboard_of));
  }, {.permission = "activity.read"});

  router.add(Method::get, "/api/v1/calendar", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    auto const today = base::shanghai_date(base::now_ms());
    int const year = bounded(request, "year", 2000, 2100, std::atoi(today.substr(0, 4).c_str()));
    int const month = bounded(request, "month", 1, 12, std::atoi(today.substr(5, 2).c_str()));
    auto const month_of = db.read([&](db::Connection& conn) {
      return calendar(conn, year, month, auth::regions::scope_path(conn, caller, http::query_int(request, "region_id")));
    });
    return Response::ok(calendar_json(month_of));
  }, {.permission = "activity.read"});
}

}  // namespace pufa::activity
