#include "org/routes.hpp"

#include <boost/json/array.hpp>

#include "auth/audit.hpp"
#include "auth/principal.hpp"
#include "auth/store.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "org/entities.hpp"
#include "registry/routes.hpp"
#include "org/stats.hpp"

namespace pufa::org {

using namespace pufa::registry;  // NOLINT: entities are written in the engine's terms

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;

namespace {

Registry const& registry_of(std::string_view name) {
  static std::vector<Registry> const registries = [] {
    std::vector<Registry> out;
    for (auto const& e : entities()) out.emplace_back(e);
    return out;
  }();
  for (auto const& r : registries) {
    if (r.entity().name == name) return r;
  }
  throw std::logic_error("no registry " + std::string(name));
}

// A school's item carries its vice-principals and advisor contracts.
void add_school_relations(db::Connection& conn, auth::Principal const& caller, Record const& record,
                          boost::json::object& item, bool reveal) {
  auto related = [&](std::string_view name, std::string_view key) {
    auto const& other = registry_of(name);
    ListFilter filter;
    filter.region_path = caller.region_path;
    filter.equals.emplace_back(other.entity().field(key), std::to_string(record.id));
    filter.limit = 100;
    boost::json::array items;
    for (auto const& r : other.list(conn, filter)) items.push_back(other.to_json(r, reveal));
    return items;
  };
  item["vice_principals"] = related("vice_principals", "school_id");
  item["advisor_contracts"] = related("advisor_contracts", "client_unit_id");
}

void add_region_routes(http::Router& router, db::Database& db) {
  router.add(Method::post, "/api/v1/regions", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    auto body = http::json_object(request);
    auto const parent_id = http::opt_int(body, "parent_id", "上级区域");
    auto const name = http::req_string(body, "name", "名称", 50);
    auto const code = http::req_string(body, "code", "区划代码", 20);
    if (!parent_id) throw ApiError(AppError::validation_failed, "请选择上级区域", "parent_id");
    auto id = db.write([&](db::Connection& conn) {
      auto parent = auth::store::region_by_id(conn, *parent_id);
      if (!parent) throw ApiError(AppError::validation_failed, "上级区域不存在", "parent_id");
      if (!caller.covers(parent->path)) throw ApiError(AppError::out_of_scope);
      if (parent->level >= 3) throw ApiError(AppError::validation_failed, "村（社区）下不能再建区域", "parent_id");
      if (auth::store::region_by_code(conn, code)) throw ApiError(AppError::conflict, "区划代码已存在", "code");
      auto id = auth::store::insert_region(conn, parent->id, code, name, parent->level + 1, base::now_ms());
      auth::record_audit(conn, auth::audit_entry(request, &caller, "regions.create", "regions", std::to_string(id)));
      return id;
    });
    return Response::created({{"item", {{"id", id}, {"parent_id", *parent_id}, {"name", name}, {"code", code}}}});
  }, {.permission = "org.write", .action = "regions.create"});

  router.add(Method::put, "/api/v1/regions/{id}", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    auto const id = request.id_param("id");
    auto body = http::json_object(request);
    auto const name = http::req_string(body, "name", "名称", 50);
    auto const code = http::req_string(body, "code", "区划代码", 20);
    db.write([&](db::Connection& conn) {
      auto region = auth::store::region_by_id(conn, id);
      if (!region) throw ApiError(AppError::not_found, "区域不存在");
      if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope);
      if (auto other = auth::store::region_by_code(conn, code); other && other->id != id) {
        throw ApiError(AppError::conflict, "区划代码已存在", "code");
      }
      auth::store::rename_region(conn, id, code, name);
      auth::record_audit(conn, auth::audit_entry(request, &caller, "regions.update", "regions", std::to_string(id)));
    });
    return Response::ok({{"item", {{"id", id}, {"name", name}, {"code", code}}}});
  }, {.permission = "org.write", .action = "regions.update"});

  router.add(Method::get, "/api/v1/stats/overview", [&db](Request& request) {
    auto const& caller = auth::principal(request);
    auto const today = base::iso8601(base::now_ms()).substr(0, 10);
    return Response::ok(db.read([&](db::Connection& conn) {
      return overview(conn, registry::region_path_of(conn, caller, request), today);
    }));
  }, {.permission = "org.read"});
}

}  // namespace

void add_routes(http::Router& router, db::Database& db) {
  for (auto const& e : entities()) {
    RouteSettings settings{.read_permission = "org.read", .write_permission = "org.write"};
    if (e.name == "schools") settings.decorate = add_school_relations;
    registry::add_routes(router, db, registry_of(e.name), std::move(settings));
  }
  add_region_routes(router, db);
}

}  // namespace pufa::org
