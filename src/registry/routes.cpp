#include "registry/routes.hpp"

#include <boost/json/array.hpp>

#include <map>
#include <memory>
#include <mutex>

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

// Every choice list a registry's fields use, by name (served at GET /api/v1/choices).
struct ChoiceCatalogue {
  std::mutex mutex;
  std::map<std::string_view, ChoiceList const*> lists;
};

ChoiceCatalogue& catalogue() {
  static ChoiceCatalogue instance;
  return instance;
}

void remember_choices(Entity const& entity) {
  auto& cat = catalogue();
  std::lock_guard lock(cat.mutex);
  for (auto const& field : entity.fields) {
    if (field.choices) cat.lists.emplace(field.choices->name, field.choices);
  }
}

bool numeric(Kind kind) { return kind == Kind::integer || is_reference(kind); }

bool wants_reveal(Request const& request) { return request.query_value("reveal").value_or("") == "1"; }

}  // namespace

ListQuery list_query(Registry const& registry, Request const& request) {
  auto const& entity = registry.entity();
  ListQuery query;
  query.region_id = http::query_int(request, "region_id");
  query.shared = request.query_value("shared").value_or("") == "1";
  query.mine = request.query_value("mine").value_or("") == "1";
  query.q = std::string(request.query_value("q").value_or(""));
  query.tag = std::string(request.query_value("tag").value_or(""));
  if (!query.tag.empty() && !entity.field("tags")) {
    throw ApiError(AppError::validation_failed, "该列表不能按标签筛选", "tag");
  }
  for (auto const& field : entity.fields) {
    if (!field.filter) continue;
    auto value = request.query_value(field.key);
    if (!value || value->empty()) continue;
    if (numeric(field.kind)) http::query_int(request, field.key);
    query.equals.emplace_back(&field, std::string(*value));
  }
  for (auto const& field : entity.fields) {
    if (!field.range) continue;
    auto from = std::string(request.query_value(std::string(field.key) + "_from").value_or(""));
    auto to = std::string(request.query_value(std::string(field.key) + "_to").value_or(""));
    for (auto const* date : {&from, &to}) {
      if (!date->empty() && !base::is_date(*date)) {
        throw ApiError(AppError::validation_failed, std::string(field.label) + "的起止日期应为 1900 至 2100 年间的日期，如 2020-09-01",
                       std::string(field.key));
      }
    }
    if (!from.empty() || !to.empty()) query.ranges.push_back({&field, from, to});
  }
  query.sort = std::string(request.query_value("sort").value_or(entity.default_sort));
  std::string_view key = query.sort;
  if (key.starts_with('-')) key.remove_prefix(1);
  if (key != "id") {
    auto const* field = entity.field(key);
    // Personal data is never an order: where a row lands would tell its value.
    bool const personal = field && (field->kind == Kind::phone || field->kind == Kind::id_number);
    if (!field || !field->sortable || personal) {
      throw ApiError(AppError::validation_failed, "不能按“" + std::string(key) + "”排序", "sort");
    }
  }
  auto const page = http::page_of(request, max_list_page);
  query.page = page.page;
  query.page_size = page.size;
  return query;
}

void add_routes(http::Router& router, db::Database& db, Registry const& registry, RouteSettings settings) {
  remember_choices(registry.entity());
  auto const records = std::make_shared<Records const>(db, registry, std::move(settings.hooks));
  auto const& entity = registry.entity();
  std::string const base = "/api/v1/" + std::string(entity.name);
  std::string const name(entity.name);
  http::RouteOptions const read{.permission = settings.read_permission};

  router.add(Method::get, base, [records](Request& request) {
    auto const page = records->list(auth::actor(request), list_query(records->registry(), request));
    boost::json::array items;
    for (auto const& record : page.items) items.push_back(records->registry().to_json(record, false));
    return Response::ok({{"items", std::move(items)}, {"total", page.total}});
  }, read);

  router.add(Method::get, base + "/export", [records](Request& request) {
    auto const& entity = records->registry().entity();
    auto bytes = records->export_xlsx(auth::actor(request), list_query(records->registry(), request), wants_reveal(request));
    return Response::download(std::move(bytes), xlsx::content_type, std::string(entity.label) + "列表.xlsx");
  }, read);

  if (entity.importable) {
    router.add(Method::get, base + "/template", [records](Request&) {
      auto const& registry = records->registry();
      return Response::download(template_xlsx(registry), xlsx::content_type,
                                std::string(registry.entity().label) + "导入模板.xlsx");
    }, {.permission = settings.write_permission});

    router.add(Method::post, base + "/import", [records](Request& request) {
      auto const result = records->import(auth::actor(request), request.body);
      return Response::ok({{"imported", result.created + result.updated},
                           {"created", result.created},
                           {"updated", result.updated},
                           {"examples_skipped", result.examples},
                           {"sheet", result.sheet},
                           {"header_row", result.header_row}});
    }, {.permission = settings.write_permission, .action = name + ".import", .body_limit = import_body_limit,
        .accepts = std::string(xlsx::upload_types)});

    // The same upload again: its failed rows with a 错误原因 column, to fix and import.
    router.add(Method::post, base + "/import/errors", [records](Request& request) {
      auto const& registry = records->registry();
      return Response::download(records->failed_rows(auth::actor(request), request.body), xlsx::content_type,
                                std::string(registry.entity().label) + "导入出错的行.xlsx");
    }, {.permission = settings.write_permission, .body_limit = import_body_limit,
        .accepts = std::string(xlsx::upload_types)});
  }

  router.add(Method::get, base + "/{id}", [records](Request& request) {
    bool const reveal = wants_reveal(request);
    auto const detail = records->get(auth::actor(request), request.id_param("id"), reveal);
    auto item = records->registry().to_json(detail.record, reveal);
    for (auto const& related : detail.related) {
      boost::json::array list;
      for (auto const& record : related.records) list.push_back(related.registry->to_json(record, reveal));
      item[related.key] = std::move(list);
    }
    return Response::ok({{"item", std::move(item)}});
  }, read);

  router.add(Method::post, base, [records](Request& request) {
    auto const record = records->create(auth::actor(request), http::json_object(request));
    return Response::created({{"item", records->registry().to_json(record, false)}});
  }, {.permission = settings.write_permission, .action = name + ".create"});

  router.add(Method::put, base + "/{id}", [records](Request& request) {
    auto const id = request.id_param("id");
    auto const record = records->update(auth::actor(request), id, http::json_object(request));
    return Response::ok({{"item", records->registry().to_json(record, false)}});
  }, {.permission = settings.write_permission, .action = name + ".update"});

  router.add(Method::del, base + "/{id}", [records](Request& request) {
    records->remove(auth::actor(request), request.id_param("id"));
    return Response::no_content();
  }, {.permission = settings.write_permission, .action = name + ".delete"});
}

void add_choice_routes(http::Router& router) {
  router.add(Method::get, "/api/v1/choices", [](Request&) {
    auto& cat = catalogue();
    std::lock_guard lock(cat.mutex);
    boost::json::object lists;
    for (auto const& [list_name, list] : cat.lists) {
      boost::json::array items;
      for (auto const& item : list->items) items.push_back({{"code", item.code}, {"label", item.label}});
      lists[list_name] = std::move(items);
    }
    return Response::ok({{"lists", std::move(lists)}});
  }, {.access = http::Access::open});
}

}  // namespace pufa::registry
