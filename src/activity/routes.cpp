#include "activity/routes.hpp"

#include "activity/counters.hpp"
#include "activity/entities.hpp"
#include "activity/store.hpp"
#include "auth/audit.hpp"
#include "auth/principal.hpp"
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
using registry::Record;

namespace {

std::size_t index_of(registry::Registry const& registry, std::string_view key) {
  auto const& fields = registry.entity().fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == key) return i;
  }
  throw std::logic_error("no field " + std::string(key));
}

// Counters follow every change; a returned record that its owner edits is resubmitted.
registry::RouteSettings ledger_settings(std::string_view name, void (*count)(db::Connection&, Record const&, int)) {
  auto const& registry = registry_of(name);
  std::string const table(registry.entity().table);
  auto const status = index_of(registry, "status");
  return {
      .read_permission = "activity.read",
      .write_permission = "activity.write",
      .changed = [count, table, status](db::Connection& conn, Record const* before, Record const* after) {
        if (before) count(conn, *before, -1);
        if (after) count(conn, *after, 1);
        if (before && after && before->values[status] == std::string(returned)) {
          set_status(conn, table, after->id, submitted, std::nullopt);
        }
      },
  };
}

// POST /api/v1/{activities|study_records}/{id}/return {"reason"}: back to its owner for correction.
void add_return_route(http::Router& router, db::Database& db, std::string_view name) {
  auto const& registry = registry_of(name);
  std::string const action = std::string(name) + ".return";
  router.add(Method::post, "/api/v1/" + std::string(name) + "/{id}/return", [&db, &registry, action](Request& request) {
    auto const& caller = auth::principal(request);
    auto const id = request.id_param("id");
    auto body = http::json_object(request);
    auto const reason = http::req_string(body, "reason", "退回原因", 500);
    auto item = db.write([&](db::Connection& conn) {
      registry.load(conn, caller, id);
      set_status(conn, std::string(registry.entity().table), id, returned, reason);
      auto entry = auth::audit_entry(request, &caller, action, std::string(registry.entity().name), std::to_string(id));
      entry.detail = reason.substr(0, 200);
      auth::record_audit(conn, entry);
      return registry.to_json(registry.load(conn, caller, id), false);
    });
    return Response::ok({{"item", std::move(item)}});
  }, {.permission = "activity.review", .action = action});
}

// The scope a dashboard reads: the caller's township (or the city), or ?region_id= inside it.
std::int64_t scope_of(db::Connection& conn, auth::Principal const& caller, Request const& request) {
  auto const path = registry::region_path_of(conn, caller, request);
  // "/1/5/23/": the dashboard is counted for the city (1) and its townships (5).
  auto const ids = registry::path_ids(path);
  return ids.size() >= 2 ? ids[1] : ids.front();
}

int year_of(Request const& request, char const* name, int low, int high, int fallback) {
  auto value = http::query_int(request, name).value_or(fallback);
  if (value < low || value > high) {
    throw ApiError(AppError::validation_failed, std::string("参数 ") + name + " 超出范围", name);
  }
  return static_cast<int>(value);
}

}  // namespace

void add_routes(http::Router& router, db::Database& db) {
  registry::add_routes(router, db, registry_of("activities"), ledger_settings("activities", count_activity));
  registry::add_routes(router, db, registry_of("study_records"), ledger_settings("study_records", count_study));
  for (auto name : {"channels", "channel_items"}) {
    registry::add_routes(router, db, registry_of(name), {.read_permission = "activity.read",
                                                         .write_permission = "activity.write"});
  }
  registry::add_routes(router, db, registry_of("dictionary_items"),
                       {.read_permission = "activity.read", .write_permission = "activity.review"});
  add_return_route(router, db, "activities");
  add_return_route(router, db, "study_records");

  router.add(Method::get, "/api/v1/dashboard/activities", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    int const this_year = std::atoi(base::iso8601(base::now_ms()).substr(0, 4).c_str());
    int const year = year_of(request, "year", 2000, 2100, this_year);
    return Response::ok(db.read([&](db::Connection& conn) { return dashboard(conn, year, scope_of(conn, caller, request)); }));
  }, {.permission = "activity.read"});

  router.add(Method::get, "/api/v1/calendar", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    auto const today = base::iso8601(base::now_ms());
    int const year = year_of(request, "year", 2000, 2100, std::atoi(today.substr(0, 4).c_str()));
    int const month = year_of(request, "month", 1, 12, std::atoi(today.substr(5, 2).c_str()));
    return Response::ok(db.read([&](db::Connection& conn) {
      return calendar(conn, year, month, registry::region_path_of(conn, caller, request));
    }));
  }, {.permission = "activity.read"});
}

}  // namespace pufa::activity
