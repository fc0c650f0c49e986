// Routes parse, call the use cases (service.cpp), render.
#include "calendar/routes.hpp"

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "base/time.hpp"
#include "calendar/service.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"

namespace pufa::calendar {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

std::string day_param(Request const& request) {
  auto const found = request.params.find("day");
  if (found == request.params.end() || !base::is_date(found->second)) throw ApiError(AppError::not_found, "日期应为 1900 至 2100 年间的日期");
  return found->second;
}

json::object day_json(Day const& d) { return {{"day", d.day}, {"kind", d.kind}, {"name", d.name}}; }

}  // namespace

void add_routes(http::Router& router, db::Database& db) {
  auto* database = &db;
  router.add(Method::get, "/api/v1/holidays", [database](Request& request) {
    auto const year = http::query_int(request, "year").value_or(base::shanghai_year(base::now_ms()));
    if (year < base::first_year || year > base::last_year) throw ApiError(AppError::validation_failed, "年度应为 1900 至 2100 年间的年份", "year");
    auto const view = year_view(*database, static_cast<int>(year));
    json::array days;
    for (auto const& d : view.days) days.push_back(day_json(d));
    return Response::ok({{"year", year}, {"known", view.known}, {"days", std::move(days)}});
  }, {});
  router.add(Method::put, "/api/v1/holidays/{day}", [database](Request& request) {
    auto const day = day_param(request);
    auto const body = http::json_object(request);
    auto kind = http::req_string(body, "kind", "类型", 20);
    auto name = http::req_string(body, "name", "名称", 40);
    return Response::ok(day_json(put_day(*database, auth::actor(request), {day, std::move(kind), std::move(name)})));
  }, {.permission = "settings.manage", .action = "calendar.put"});
  router.add(Method::del, "/api/v1/holidays/{day}", [database](Request& request) {
    remove_day(*database, auth::actor(request), day_param(request));
    return Response::no_content();
  }, {.permission = "settings.manage", .action = "calendar.delete"});
}

}  // namespace pufa::calendar
