#include "org/routes.hpp"

#include <boost/json/array.hpp>

#include "auth/audit.hpp"
#include "auth/principal.hpp"
#include "auth/store.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "org/entities.hpp"
#include "registry/excel.hpp"
#include "org/stats.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::org {

using namespace pufa::registry;  // NOLINT: entities are written in the engine's terms

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;

namespace {

constexpr std::size_t import_body_limit = 10 * 1024 * 1024;

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

// The subtree a list asks for (?region_id=), checked against the caller's scope.
std::string region_path_of(db::Connection& conn, auth::Principal const& caller, Request const& request) {
  auto const region_id = http::query_int(request, "region_id");
  if (!region_id) return caller.region_path;
  auto region = region_ref(conn, *region_id);
  if (!region) throw ApiError(AppError::validation_failed, "区域不存在", "region_id");
  if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope);
  return region->path;
}

ListFilter filter_of(db::Connection& conn, auth::Principal const& caller, Registry const& registry,
                     Request const& request) {
  ListFilter filter;
  filter.region_path = region_path_of(conn, caller, request);
  filter.q = std::string(request.query_value("q").value_or(""));
  filter.tag = std::string(request.query_value("tag").value_or(""));
  if (!filter.tag.empty() && !registry.entity().field("tags")) {
    throw ApiError(AppError::validation_failed, "该列表不能按标签筛选", "tag");
  }
  for (auto const& field : registry.entity().fields) {
    if (!field.filter) continue;
    auto value = request.query_value(field.key);
    if (!value || value->empty()) continue;
    if (field.kind != Kind::choice && field.kind != Kind::text) http::query_int(request, field.key);
    filter.equals.emplace_back(&field, std::string(*value));
  }
  filter.sort = std::string(request.query_value("sort").value_or("-id"));
  std::string_view key = filter.sort;
  if (key.starts_with('-')) key.remove_prefix(1);
  if (key != "id" && !registry.entity().field(key)) {
    throw ApiError(AppError::validation_failed, "不能按“" + std::string(key) + "”排序", "sort");
  }
  return filter;
}

bool wants_reveal(Request const& request, auth::Principal const& caller) {
  if (request.query_value("reveal").value_or("") != "1") return false;
  if (!caller.has("pii.read")) throw ApiError(AppError::forbidden, "您没有查看完整个人信息的权限");
  return true;
}

Response xlsx_response(std::string bytes, std::string const& filename) {
  Response response;
  response.body = std::move(bytes);
  response.set_header("Content-Type", std::string(xlsx::content_type));
  response.set_header("Content-Disposition", xlsx::attachment_header(filename));
  response.set_header("Cache-Control", "no-store");
  return response;
}

std::string audit_action(Registry const& registry, std::string_view verb) {
  return std::string(registry.entity().name) + "." + std::string(verb);
}

// GET one, with a school's vice-principals and advisor contracts beside it.
boost::json::object item_json(db::Connection& conn, auth::Principal const& caller,
                              Registry const& registry, Record const& record, bool reveal) {
  auto item = registry.to_json(record, reveal);
  if (registry.entity().name != "schools") return item;
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
  return item;
}

void add_registry_routes(http::Router& router, db::Database& db, Registry const& registry) {
  std::string const base = "/api/v1/" + std::string(registry.entity().name);
  http::RouteOptions const read{.permission = "org.read"};

  router.add(Method::get, base, [&db, &registry](Request& request) {
    auto const& caller = auth::principal(request);
    auto const page = http::page_of(request);
    auto [items, total] = db.read([&](db::Connection& conn) {
      auto filter = filter_of(conn, caller, registry, request);
      filter.limit = page.size;
      filter.offset = page.offset();
      boost::json::array items;
      for (auto const& record : registry.list(conn, filter)) items.push_back(registry.to_json(record, false));
      return std::pair(std::move(items), registry.count(conn, filter));
    });
    return Response::ok({{"items", std::move(items)}, {"total", total}});
  }, read);

  router.add(Method::get, base + "/export", [&db, &registry](Request& request) {
    auto const& caller = auth::principal(request);
    bool const reveal = wants_reveal(request, caller);
    auto records = db.read([&](db::Connection& conn) {
      auto filter = filter_of(conn, caller, registry, request);
      filter.limit = max_export_rows;
      return registry.list(conn, filter);
    });
    db.write([&](db::Connection& conn) {
      auto entry = auth::audit_entry(request, &caller, audit_action(registry, reveal ? "export_pii" : "export"),
                                     std::string(registry.entity().name));
      entry.detail = std::to_string(records.size()) + " rows";
      auth::record_audit(conn, entry);
    });
    return xlsx_response(export_xlsx(registry, records, reveal),
                         std::string(registry.entity().label) + "列表.xlsx");
  }, read);

  if (registry.entity().importable) {
    router.add(Method::get, base + "/template", [&registry](Request&) {
      return xlsx_response(template_xlsx(registry), std::string(registry.entity().label) + "导入模板.xlsx");
    }, {.permission = "org.write"});

    router.add(Method::post, base + "/import", [&db, &registry](Request& request) {
      auto const& caller = auth::principal(request);
      auto imported = db.write([&](db::Connection& conn) {
        auto count = import_xlsx(conn, caller, registry, request.body);
        auto entry = auth::audit_entry(request, &caller, audit_action(registry, "import"),
                                       std::string(registry.entity().name));
        entry.detail = std::to_string(count) + " rows";
        auth::record_audit(conn, entry);
        return count;
      });
      return Response::ok({{"imported", imported}});
    }, {.permission = "org.write", .action = audit_action(registry, "import"),
        .body_limit = import_body_limit, .accepts = std::string(xlsx::content_type)});
  }

  router.add(Method::get, base + "/{id}", [&db, &registry](Request& request) {
    auto const& caller = auth::principal(request);
    bool const reveal = wants_reveal(request, caller);
    auto const id = request.id_param("id");
    auto read = [&](db::Connection& conn) {
      return item_json(conn, caller, registry, registry.load(conn, caller, id), reveal);
    };
    if (!reveal) return Response::ok({{"item", db.read(read)}});
    return Response::ok({{"item", db.write([&](db::Connection& conn) {
      auto item = read(conn);
      auth::record_audit(conn, auth::audit_entry(request, &caller, "pii.reveal",
                                                 std::string(registry.entity().name), std::to_string(id)));
      return item;
    })}});
  }, read);

  router.add(Method::post, base, [&db, &registry](Request& request) {
    auto const& caller = auth::principal(request);
    auto body = http::json_object(request);
    auto item = db.write([&](db::Connection& conn) {
      auto id = registry.create(conn, caller, body);
      auth::record_audit(conn, auth::audit_entry(request, &caller, audit_action(registry, "create"),
                                                 std::string(registry.entity().name), std::to_string(id)));
      return registry.to_json(registry.load(conn, caller, id), false);
    });
    return Response::created({{"item", std::move(item)}});
  }, {.permission = "org.write", .action = audit_action(registry, "create")});

  router.add(Method::put, base + "/{id}", [&db, &registry](Request& request) {
    auto const& caller = auth::principal(request);
    auto const id = request.id_param("id");
    auto body = http::json_object(request);
    auto item = db.write([&](db::Connection& conn) {
      registry.update(conn, caller, id, body);
      auth::record_audit(conn, auth::audit_entry(request, &caller, audit_action(registry, "update"),
                                                 std::string(registry.entity().name), std::to_string(id)));
      return registry.to_json(registry.load(conn, caller, id), false);
    });
    return Response::ok({{"item", std::move(item)}});
  }, {.permission = "org.write", .action = audit_action(registry, "update")});

  router.add(Method::del, base + "/{id}", [&db, &registry](Request& request) {
    auto const& caller = auth::principal(request);
    auto const id = request.id_param("id");
    db.write([&](db::Connection& conn) {
      registry.remove(conn, caller, id);
      auth::record_audit(conn, auth::audit_entry(request, &caller, audit_action(registry, "delete"),
                                                 std::string(registry.entity().name), std::to_string(id)));
    });
    return Response::no_content();
  }, {.permission = "org.write", .action = audit_action(registry, "delete")});
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
    return Response::ok(db.read([&](db::Connection& conn) { return overview(conn, caller.region_path, today); }));
  }, {.permission = "org.read"});
}

}  // namespace

void add_routes(http::Router& router, db::Database& db) {
  for (auto const& e : entities()) add_registry_routes(router, db, registry_of(e.name));
  add_region_routes(router, db);
}

}  // namespace pufa::org
