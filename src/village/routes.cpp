// Routes parse, call the use cases, render (view.cpp).
#include "village/routes.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "village/service.hpp"
#include "village/view.hpp"

namespace pufa::village {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

std::string const readers = "village.read|village.manage|village.file|village.township";

std::optional<std::string> code_of(Request const& request, std::string_view name, std::initializer_list<std::string_view> allowed) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  for (auto const a : allowed) {
    if (a == *value) return std::string(*value);
  }
  throw ApiError(AppError::validation_failed, "筛选条件不在可选范围内", std::string(name));
}

double number_in(json::value const& v, std::string const& field) {
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  if (v.is_double()) return v.as_double();
  throw ApiError(AppError::validation_failed, "得分应为数字", field);
}

Scores scores_in(json::object const& body) {
  Scores out;
  auto const found = body.find("scores");
  if (found == body.end() || found->value().is_null()) return out;
  if (!found->value().is_object()) throw ApiError(AppError::validation_failed, "得分格式不正确", "scores");
  for (auto const& [key, v] : found->value().as_object()) {
    auto const field = "scores." + std::string(key);
    std::int64_t id = 0;
    try {
      std::size_t used = 0;
      id = std::stoll(std::string(key), &used);
      if (used != key.size() || id <= 0) throw std::invalid_argument("id");
    } catch (std::exception const&) {
      throw ApiError(AppError::validation_failed, "评价内容编号不正确", field);
    }
    out[id] = number_in(v, field);
  }
  return out;
}

SetInput set_in(json::object const& body) {
  SetInput in;
  in.name = http::opt_string(body, "name", "标准名称", 100).value_or("");
  in.base_id = http::opt_int(body, "base_id", "所依据的标准");
  in.active = http::opt_bool(body, "active", "是否启用").value_or(true);
  auto const found = body.find("items");
  if (found == body.end() || !found->value().is_array()) throw ApiError(AppError::validation_failed, "请至少填写一项评价内容", "items");
  auto const& items = found->value().as_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto const at = [&](char const* key) { return fmt::format("items[{}].{}", i, key); };
    if (!items[i].is_object()) throw ApiError(AppError::validation_failed, "评价内容格式不正确", fmt::format("items[{}]", i));
    auto const& o = items[i].as_object();
    Criterion c;
    auto text = [&](char const* key, char const* label, std::size_t max) {
      auto const v = o.find(key);
      if (v == o.end() || v->value().is_null()) return std::string();
      if (!v->value().is_string()) throw ApiError(AppError::validation_failed, fmt::format("{}应为文字", label), at(key));
      auto s = std::string(v->value().as_string());
      if (s.size() > max * 3) throw ApiError(AppError::validation_failed, fmt::format("{}过长", label), at(key));
      return s;
    };
    c.part = text("part", "所属部分", 30);
    c.title = text("title", "项目", 100);
    c.standard = text("standard", "评定标准", 1000);
    c.rule = text("rule", "评分细则", 1000);
    auto const source = text("source", "数据来源", 30);
    if (!source.empty()) c.source = source;
    auto const points = o.find("points");
    c.points = points == o.end() ? 0 : number_in(points->value(), at("points"));
    in.items.push_back(std::move(c));
  }
  return in;
}

}  // namespace

void add_overview(db::Connection& conn, std::string const& region_path, json::object& out) {
  VillageService::add_overview(conn, region_path, out);
}

void add_routes(http::Router& router, db::Database& db, todo::Centre& todo) {
  VillageService const service(db);
  todo.add([service](auth::Principal const& caller) { return service.todo(caller); });
  auto write = [](char const* permission, char const* action) {
    return http::RouteOptions{.permission = permission, .action = action, .body_limit = 256 * 1024};
  };

  router.add(Method::get, "/api/v1/village/files", [service](Request& request) {
    auto const page = http::page_of(request, 100);
    FileQuery q;
    q.region_id = http::query_int(request, "region_id");
    q.level = code_of(request, "level", {"national", "provincial", "jinhua", "county", "none"});
    q.plaque = code_of(request, "plaque", {"none", "hung", "removed"});
    if (auto v = request.query_value("q"); v && !v->empty()) {
      if (v->size() > 100) throw ApiError(AppError::validation_failed, "关键词过长", "q");
      q.q = std::string(*v);
    }
    q.under_review = request.query_value("under_review").value_or("") == "1";
    q.page = page.page;
    q.page_size = page.size;
    auto const result = service.files(auth::actor(request), q);
    json::array items;
    for (auto const& r : result.items) items.push_back(file_json(r));
    return Response::ok({{"items", std::move(items)}, {"total", result.total}, {"page", page.page}, {"page_size", page.size}});
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/village/files/{id}", [service](Request& request) {
    return Response::ok(detail_json(service.file(auth::actor(request), request.id_param("id"))));
  }, {.permission = readers});
  router.add(Method::put, "/api/v1/village/files/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    FileInput in;
    in.level = http::opt_string(body, "level", "命名级别", 20).value_or("");
    in.plaque = http::opt_string(body, "plaque", "挂牌情况", 20).value_or("none");
    if (auto const y = http::opt_int(body, "named_year", "命名年度")) in.named_year = static_cast<int>(std::clamp<std::int64_t>(*y, 0, 10000));
    in.naming_doc = http::opt_string(body, "naming_doc", "命名文件", 100);
    in.history = http::opt_string(body, "history", "创建历程", 5000).value_or("");
    return Response::ok(detail_json(service.update_file(auth::actor(request), id, std::move(in))));
  }, write("village.manage", "village.file.update"));
  router.add(Method::post, "/api/v1/village/files/{id}/entries", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    EntryInput in;
    in.kind = http::opt_string(body, "kind", "记录类别", 20).value_or("");
    in.on = http::opt_string(body, "on", "日期", 10).value_or("");
    in.title = http::opt_string(body, "title", "标题", 100).value_or("");
    in.detail = http::opt_string(body, "detail", "内容", 5000).value_or("");
    return Response::created(detail_json(service.add_entry(auth::actor(request), id, std::move(in))));
  }, write("village.manage|village.file", "village.entry.create"));
  router.add(Method::get, "/api/v1/village/coverage", [service](Request& request) {
    auto const c = service.coverage(auth::actor(request));
    json::array rows;
    for (auto const& r : c.rows) rows.push_back(coverage_json(r));
    return Response::ok({{"items", std::move(rows)}, {"total", coverage_json(c.total)}});
  }, {.permission = readers});

  router.add(Method::get, "/api/v1/village/criteria-sets", [service](Request& request) {
    json::array items;
    for (auto const& s : service.sets(auth::actor(request))) items.push_back(set_json(s, false));
    return Response::ok({{"items", std::move(items)}});
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/village/criteria-sets/{id}", [service](Request& request) {
    return Response::ok(set_json(service.set(auth::actor(request), request.id_param("id")), true));
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/village/criteria-sets", [service](Request& request) {
    return Response::created(set_json(service.create_set(auth::actor(request), set_in(http::json_object(request))), true));
  }, write("village.manage", "village.criteria.create"));
  router.add(Method::put, "/api/v1/village/criteria-sets/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(set_json(service.update_set(auth::actor(request), id, set_in(http::json_object(request))), true));
  }, write("village.manage", "village.criteria.update"));

  router.add(Method::get, "/api/v1/village/rounds", [service](Request& request) {
    json::array items;
    for (auto const& r : service.rounds(auth::actor(request))) items.push_back(round_json(r));
    return Response::ok({{"items", std::move(items)}});
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/village/rounds/{id}", [service](Request& request) {
    return Response::ok(round_json(service.round(auth::actor(request), request.id_param("id"))));
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/village/rounds", [service](Request& request) {
    auto const body = http::json_object(request);
    RoundInput in;
    in.year = static_cast<int>(std::clamp<std::int64_t>(http::opt_int(body, "year", "年度").value_or(0), 0, 10000));
    in.title = http::opt_string(body, "title", "评选名称", 100).value_or("");
    in.target_level = http::opt_string(body, "target_level", "推荐命名级别", 20).value_or("");
    auto const set = http::opt_int(body, "set_id", "评价标准");
    if (!set) throw ApiError(AppError::validation_failed, "请选择评价标准", "set_id");
    in.set_id = *set;
    in.apply_by = http::opt_string(body, "apply_by", "申报截止", 10);
    in.recommend_by = http::opt_string(body, "recommend_by", "推荐截止", 10);
    return Response::created(round_json(service.create_round(auth::actor(request), std::move(in))));
  }, write("village.manage", "village.round.create"));
  router.add(Method::post, "/api/v1/village/rounds/{id}/review", [service](Request& request) {
    return Response::ok(round_json(service.start_review(auth::actor(request), request.id_param("id"))));
  }, write("village.manage", "village.round.review"));
  router.add(Method::post, "/api/v1/village/rounds/{id}/publish", [service](Request& request) {
    auto const id = request.id_param("id");
    auto doc = http::opt_string(http::json_object(request), "naming_doc", "命名文件", 100).value_or("");
    return Response::ok(round_json(service.publish(auth::actor(request), id, std::move(doc))));
  }, write("village.manage", "village.round.publish"));
  router.add(Method::post, "/api/v1/village/rounds/{id}/applications", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto const region = http::opt_int(body, "region_id", "村（社区）");
    if (!region) throw ApiError(AppError::validation_failed, "请选择村（社区）", "region_id");
    auto statement = http::opt_string(body, "statement", "申报材料说明", 5000).value_or("");
    return Response::created(sheet_json(service.apply(auth::actor(request), id, *region, std::move(statement))));
  }, write("village.file|village.manage", "village.application.create"));
  router.add(Method::get, "/api/v1/village/applications/{id}", [service](Request& request) {
    return Response::ok(sheet_json(service.sheet(auth::actor(request), request.id_param("id"))));
  }, {.permission = readers});
  router.add(Method::put, "/api/v1/village/applications/{id}/township", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto note = http::opt_string(body, "note", "乡镇意见", 1000).value_or("");
    auto const recommend = http::opt_bool(body, "recommend", "是否推荐").value_or(false);
    return Response::ok(sheet_json(service.score_township(auth::actor(request), id, scores_in(body), std::move(note), recommend)));
  }, write("village.township", "village.application.township"));
  router.add(Method::put, "/api/v1/village/applications/{id}/county", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto note = http::opt_string(body, "note", "审核意见", 1000).value_or("");
    auto const approve = http::opt_bool(body, "approve", "是否通过").value_or(false);
    return Response::ok(sheet_json(service.score_county(auth::actor(request), id, scores_in(body), std::move(note), approve)));
  }, write("village.manage", "village.application.county"));

  router.add(Method::get, "/api/v1/village/reviews", [service](Request& request) {
    json::array items;
    for (auto const& r : service.reviews(auth::actor(request), code_of(request, "status", {"open", "decided"}))) items.push_back(review_json(r));
    return Response::ok({{"items", std::move(items)}});
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/village/reviews", [service](Request& request) {
    auto const body = http::json_object(request);
    ReviewInput in;
    auto const region = http::opt_int(body, "region_id", "村（社区）");
    if (!region) throw ApiError(AppError::validation_failed, "请选择村（社区）", "region_id");
    in.region_id = *region;
    in.trigger = http::opt_string(body, "trigger", "复核起因", 20).value_or("");
    in.description = http::opt_string(body, "description", "复核事由", 2000).value_or("");
    in.on = http::opt_string(body, "on", "日期", 10).value_or("");
    return Response::created(review_json(service.open_review(auth::actor(request), std::move(in))));
  }, write("village.manage", "village.review.open"));
  router.add(Method::post, "/api/v1/village/reviews/{id}/decide", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto decision = http::opt_string(body, "decision", "复核结论", 20).value_or("");
    auto note = http::opt_string(body, "note", "复核情况", 2000).value_or("");
    return Response::ok(review_json(service.decide_review(auth::actor(request), id, std::move(decision), std::move(note))));
  }, write("village.manage", "village.review.decide"));
}

}  // namespace pufa::village
