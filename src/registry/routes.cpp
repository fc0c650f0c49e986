#include "registry/routes.hpp"

#include <boost/json/array.hpp>
#include <algorithm>
#include <memory>

#include "auth/audit.hpp"
#include "auth/principal.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "registry/excel.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;

namespace {


}  // namespace

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
  // City-wide records (dictionaries) are listed for everyone.
  filter.region_path = registry.entity().region_from.empty() ? "/" : region_path_of(conn, caller, request);
  if (request.query_value("shared").value_or("") == "1") {
    // Candidates for a shared reference: the whole city, limited to the shareable kinds.
    auto const& entity = registry.entity();
    if (!entity.shareable) throw ApiError(AppError::validation_failed, "该列表不能跨区域查询", "shared");
    auto const tag = request.query_value("tag").value_or("");
    if (!entity.shared_tags.empty() &&
        std::find(entity.shared_tags.begin(), entity.shared_tags.end(), tag) == entity.shared_tags.end()) {
      throw ApiError(AppError::validation_failed, "跨区域查询只能按讲师、法律顾问等标签", "tag");
    }
    filter.region_path = "/";
  }
  filter.q = std::string(request.query_value("q").value_or(""));
  filter.tag = std::string(request.query_value("tag").value_or(""));
  if (!filter.tag.empty() && !registry.entity().field("tags")) {
    throw ApiError(AppError::validation_failed, "该列表不能按标签筛选", "tag");
  }
  for (auto const& field : registry.entity().fields) {
    if (!field.filter) continue;
    auto value = request.query_value(field.key);
    if (!value || value->empty()) continue;
    bool const numeric = field.kind == Kind::integer || field.kind == Kind::region || field.kind == Kind::unit ||
                         field.kind == Kind::school || field.kind == Kind::person || field.kind == Kind::team ||
                         field.kind == Kind::user || field.kind == Kind::ref;
    if (numeric) http::query_int(request, field.key);
    filter.equals.emplace_back(&field, std::string(*value));
  }
  for (auto const& field : registry.entity().fields) {
    if (!field.range) continue;
    auto from = std::string(request.query_value(std::string(field.key) + "_from").value_or(""));
    auto to = std::string(request.query_value(std::string(field.key) + "_to").value_or(""));
    for (auto const* date : {&from, &to}) {
      if (!date->empty() && (date->size() != 10 || !base::parse_iso8601(*date))) {
        throw ApiError(AppError::validation_failed, std::string(field.label) + "的起止日期格式应为 2020-09-01",
                       std::string(field.key));
      }
    }
    if (!from.empty() || !to.empty()) filter.ranges.push_back({&field, from, to});
  }
  filter.sort = std::string(request.query_value("sort").value_or("-id"));
  std::string_view key = filter.sort;
  if (key.starts_with('-')) key.remove_prefix(1);
  if (key != "id" && !registry.entity().field(key)) {
    throw ApiError(AppError::validation_failed, "不能按“" + std::string(key) + "”排序", "sort");
  }
  return filter;
}

namespace {

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

}  // namespace

void add_routes(http::Router& router, db::Database& db, Registry const& registry, RouteSettings settings) {
  auto const hooks = std::make_shared<RouteSettings const>(std::move(settings));
  auto const& read_permission = hooks->read_permission;
  auto const& write_permission = hooks->write_permission;
  std::string const base = "/api/v1/" + std::string(registry.entity().name);
  http::RouteOptions const read{.permission = read_permission};

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
    }, {.permission = write_permission});

    router.add(Method::post, base + "/import", [&db, &registry, hooks](Request& request) {
      auto const& caller = auth::principal(request);
      auto imported = db.write([&](db::Connection& conn) {
        auto count = import_xlsx(conn, caller, registry, request.body, [&](std::int64_t id) {
          if (!hooks->changed) return;
          auto created = registry.load(conn, caller, id);
          hooks->changed(conn, nullptr, &created);
        });
        auto entry = auth::audit_entry(request, &caller, audit_action(registry, "import"),
                                       std::string(registry.entity().name));
        entry.detail = std::to_string(count) + " rows";
        auth::record_audit(conn, entry);
        return count;
      });
      return Response::ok({{"imported", imported}});
    }, {.permission = write_permission, .action = audit_action(registry, "import"),
        .body_limit = import_body_limit, .accepts = std::string(xlsx::content_type)});
  }

  router.add(Method::get, base + "/{id}", [&db, &registry, hooks](Request& request) {
    auto const& caller = auth::principal(request);
    bool const reveal = wants_reveal(request, caller);
    auto const id = request.id_param("id");
    auto read = [&](db::Connection& conn) {
      auto record = registry.load(conn, caller, id);
      auto item = registry.to_json(record, reveal);
      if (hooks->decorate) hooks->decorate(conn, caller, record, item, reveal);
      return item;
    };
    if (!reveal) return Response::ok({{"item", db.read(read)}});
    return Response::ok({{"item", db.write([&](db::Connection& conn) {
      auto item = read(conn);
      auth::record_audit(conn, auth::audit_entry(request, &caller, "pii.reveal",
                                                 std::string(registry.entity().name), std::to_string(id)));
      return item;
    })}});
  }, read);

  router.add(Method::post, base, [&db, &registry, hooks](Request& request) {
    auto const& caller = auth::principal(request);
    auto body = http::json_object(request);
    auto item = db.write([&](db::Connection& conn) {
      auto id = registry.create(conn, caller, body);
      auto created = registry.load(conn, caller, id);
      if (hooks->changed) hooks->changed(conn, nullptr, &created);
      auth::record_audit(conn, auth::audit_entry(request, &caller, audit_action(registry, "create"),
                                                 std::string(registry.entity().name), std::to_string(id)));
      return registry.to_json(registry.load(conn, caller, id), false);
    });
    return Response::created({{"item", std::move(item)}});
  }, {.permission = write_permission, .action = audit_action(registry, "create")});

  router.add(Method::put, base + "/{id}", [&db, &registry, hooks](Request& request) {
    auto const& caller = auth::principal(request);
    auto const id = request.id_param("id");
    auto body = http::json_object(request);
    auto item = db.write([&](db::Connection& conn) {
      auto before = registry.load(conn, caller, id);
      registry.update(conn, caller, before, body);
      auto after = registry.load(conn, caller, id);
      if (hooks->changed) hooks->changed(conn, &before, &after);
      auth::record_audit(conn, auth::audit_entry(request, &caller, audit_action(registry, "update"),
                                                 std::string(registry.entity().name), std::to_string(id)));
      return registry.to_json(registry.load(conn, caller, id), false);
    });
    return Response::ok({{"item", std::move(item)}});
  }, {.permission = write_permission, .action = audit_action(registry, "update")});

  router.add(Method::del, base + "/{id}", [&db, &registry, hooks](Request& request) {
    auto const& caller = auth::principal(request);
    auto const id = request.id_param("id");
    db.write([&](db::Connection& conn) {
      auto before = registry.load(conn, caller, id);
      registry.remove(conn, caller, before);
      if (hooks->changed) hooks->changed(conn, &before, nullptr);
      auth::record_audit(conn, auth::audit_entry(request, &caller, audit_action(registry, "delete"),
                                                 std::string(registry.entity().name), std::to_string(id)));
    });
    return Response::no_content();
  }, {.permission = write_permission, .action = audit_action(registry, "delete")});
}


}  // namespace pufa::registry
