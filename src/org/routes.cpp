#include "org/routes.hpp"

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "org/entities.hpp"
#include "org/stats.hpp"
#include "org/store.hpp"
#include "registry/routes.hpp"

namespace pufa::org {

using http::Method;
using http::Request;
using http::Response;
using registry::Record;
using registry::Registry;

namespace {

// A school is shown with its vice-principals and advisor contracts.
std::vector<registry::Related> school_relations(db::Connection& conn, auth::Principal const& caller,
                                                Record const& school) {
  auto related = [&](std::string_view name, std::string_view key, std::string out_key) {
    auto const& other = registry_of(name);
    registry::ListFilter filter;
    filter.region_path = caller.region_path;
    filter.equals.emplace_back(other.entity().field(key), std::to_string(school.id));
    filter.limit = 100;
    return registry::Related{std::move(out_key), &other, other.list(conn, filter)};
  };
  return {related("vice_principals", "school_id", "vice_principals"),
          related("advisor_contracts", "client_unit_id", "advisor_contracts")};
}

}  // namespace

void add_routes(http::Router& router, db::Database& db, std::vector<OverviewFigures> more) {
  for (auto const& e : entities()) {
    registry::RouteSettings settings{.read_permission = "org.read", .write_permission = "org.write"};
    if (e.name == "schools") settings.hooks.related = school_relations;
    registry::add_routes(router, db, registry_of(e.name), std::move(settings));
  }

  // The units an account may be bound to (a department's liaison): names only, for the system
  // administrator's account form (user.manage reads no business data, but names the unit).
  router.add(Method::get, "/api/v1/unit-choices", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    auto const q = std::string(request.query_value("q").value_or(""));
    if (q.size() > 100) throw http::ApiError(http::AppError::validation_failed, "搜索词过长", "q");
    boost::json::array items;
    db.read([&](db::Connection& conn) {
      auto const path = auth::regions::scope_path(conn, caller, http::query_int(request, "region_id"));
      std::vector<directory::Unit> units;
      if (auto const id = http::query_int(request, "id")) {  // the name of an account's current unit
        if (auto unit = directory::unit(conn, *id); unit && unit->region_path.starts_with(path)) units.push_back(*unit);
      } else {
        units = store::units_named_like(conn, q, path, 20);
      }
      for (auto const& unit : units) items.push_back({{"id", unit.id}, {"name", unit.name}, {"region_id", unit.region_id}});
    });
    return Response::ok({{"items", std::move(items)}});
  }, {.permission = "user.manage"});

  router.add(Method::get, "/api/v1/stats/overview", [&db, more = std::move(more)](Request& request) {
    auto const& caller = auth::principal(request);
    auto const today = base::shanghai_date(base::now_ms());
    boost::json::object out;
    db.read([&](db::Connection& conn) {
      auto const path = auth::regions::scope_path(conn, caller, http::query_int(request, "region_id"));
      for (auto const& figure : overview(conn, path, today)) out[figure.key] = figure.value;
      for (auto const& add : more) add(conn, path, out);
    });
    return Response::ok(out);
  }, {.permission = "org.read"});
}

}  // namespace pufa::org
