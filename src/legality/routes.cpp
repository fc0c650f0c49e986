// Routes parse, call the use cases, render (view.cpp).
#include "legality/routes.hpp"

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "content/files.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "legality/view.hpp"
#include "pdf/pdf.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::int64_t max_page_size = 100;

std::optional<int> year_of(Request const& request) {
  auto const year = http::query_int(request, "year");
  if (!year) return std::nullopt;
  if (*year < 2000 || *year > 2100) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  return static_cast<int>(*year);
}

std::optional<std::string> code_of(Request const& request, std::string_view name, std::initializer_list<std::string_view> allowed) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  for (auto const a : allowed) {
    if (a == *value) return std::string(*value);
  }
  throw ApiError(AppError::validation_failed, "筛选条件不在可选范围内", std::string(name));
}

std::optional<std::string> text_of(Request const& request, std::string_view name) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  if (value->size() > 200) throw ApiError(AppError::validation_failed, "关键词过长", std::string(name));
  return std::string(*value);
}

json::object page_json(json::array items, std::int64_t total, http::Page const& page) {
  return {{"items", std::move(items)}, {"total", total}, {"page", page.page}, {"page_size", page.size}};
}

json::array years_json(std::vector<int> const& years) {
  json::array out;
  for (auto const y : years) out.push_back(y);
  return out;
}

Response file_response(Download d) {
  Response response;
  response.set_header("Content-Type", d.content_type);
  response.set_header("Content-Disposition", http::content_disposition(d.content_type == "application/pdf" ? "inline" : "attachment", d.name));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Content-Security-Policy", "sandbox");
  response.set_header("Cache-Control", "private, max-age=300");
  response.body = std::move(d.bytes);
  return response;
}

}  // namespace

void add_overview(db::Connection& conn, std::string const& region_path, json::object& out) {
  LegalityService::add_overview(conn, region_path, out);
}

void add_routes(http::Router& router, db::Database& db, std::filesystem::path uploads, ReviewDays days, todo::Centre& todo) {
  LegalityService const service(db, std::move(uploads), std::move(days));
  todo.add([service](auth::Principal const& caller) { return service.todo(caller); });
  std::string const readers = "legality.read|legality.submit|legality.review";
  auto write = [](char const* permission, char const* action) {
    return http::RouteOptions{.permission = permission, .action = action, .body_limit = 256 * 1024};
  };

  router.add(Method::get, "/api/v1/legality/submissions", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    ListQuery q;
    q.year = year_of(request);
    q.region_id = http::query_int(request, "region_id");
    q.kind = code_of(request, "kind", {"normative", "major_decision", "contract", "enforcement", "other", "village_rules"});
    q.status = code_of(request, "status", {"open", "reviewing", "material_requested", "issued", "closed", "withdrawn"});
    q.q = text_of(request, "q");
    q.overdue_only = request.query_value("overdue").value_or("") == "1";
    q.page = page.page;
    q.page_size = page.size;
    auto const result = service.submissions(auth::actor(request), q);
    json::array items;
    for (auto const& v : result.items) items.push_back(submission_json(v, false));
    auto out = page_json(std::move(items), result.total, page);
    out["years"] = years_json(result.years);
    return Response::ok(out);
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/legality/units", [service](Request& request) {
    json::array items;
    for (auto const& unit : service.submitting_units(auth::actor(request))) {
      items.push_back({{"id", unit.id}, {"name", unit.name}, {"region_id", unit.region_id}});
    }
    return Response::ok({{"items", std::move(items)}});
  }, {.permission = "legality.submit"});
  router.add(Method::post, "/api/v1/legality/submissions", [service](Request& request) {
    auto const body = http::json_object(request);
    NewSubmission in;
    auto const unit = http::opt_int(body, "unit_id", "送审单位");
    if (!unit) throw ApiError(AppError::validation_failed, "请选择送审单位", "unit_id");
    in.unit_id = *unit;
    in.kind = http::req_string(body, "kind", "文件类别", 20);
    in.title = http::req_string(body, "title", "文件名称", 200);
    in.basis = http::opt_string(body, "basis", "制定依据", 2000).value_or("");
    in.summary = http::opt_string(body, "summary", "起草说明", 5000).value_or("");
    in.requested_by = http::opt_string(body, "requested_by", "要求完成日期", 10);
    if (in.requested_by && in.requested_by->empty()) in.requested_by.reset();
    in.file_ids = file_ids_in(body);
    return Response::created(submission_json(service.submit(auth::actor(request), std::move(in)), true));
  }, write("legality.submit", "legality.submit"));
  router.add(Method::get, "/api/v1/legality/submissions/{id}", [service](Request& request) {
    return Response::ok(submission_json(service.submission(auth::actor(request), request.id_param("id")), true));
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/legality/submissions/{id}/request-material", [service](Request& request) {
    auto const id = request.id_param("id");
    auto note = http::req_string(http::json_object(request), "note", "需补充的材料", 1000);
    return Response::ok(submission_json(service.request_material(auth::actor(request), id, std::move(note)), true));
  }, write("legality.review", "legality.request_material"));
  router.add(Method::post, "/api/v1/legality/submissions/{id}/supply", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto note = http::opt_string(body, "note", "说明", 1000).value_or("");
    return Response::ok(submission_json(service.supply(auth::actor(request), id, std::move(note), file_ids_in(body)), true));
  }, write("legality.submit", "legality.supply"));
  router.add(Method::post, "/api/v1/legality/submissions/{id}/opinion", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto conclusion = http::req_string(body, "conclusion", "审核结论", 30);
    auto summary = http::opt_string(body, "summary", "其他说明", 5000).value_or("");
    return Response::ok(submission_json(service.issue(auth::actor(request), id, std::move(conclusion), std::move(summary), points_in(body)), true));
  }, write("legality.review", "legality.issue"));
  router.add(Method::post, "/api/v1/legality/submissions/{id}/adoption", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto outcome = http::req_string(body, "outcome", "采纳情况", 20);
    auto on = http::req_string(body, "adopted_on", "日期", 10);
    auto note = http::opt_string(body, "note", "说明", 1000).value_or("");
    return Response::ok(submission_json(service.adopt(auth::actor(request), id, std::move(outcome), std::move(on), std::move(note)), true));
  }, write("legality.submit", "legality.adopt"));
  router.add(Method::post, "/api/v1/legality/submissions/{id}/withdraw", [service](Request& request) {
    auto const id = request.id_param("id");
    auto reason = http::req_string(http::json_object(request), "reason", "撤回原因", 500);
    return Response::ok(submission_json(service.withdraw(auth::actor(request), id, std::move(reason)), true));
  }, write("legality.submit", "legality.withdraw"));
  router.add(Method::get, "/api/v1/legality/submissions/{id}/opinion.docx", [service](Request& request) {
    auto const doc = service.opinion(auth::actor(request), request.id_param("id"));
    return Response::download(docx::write(doc), docx::content_type, doc.title + ".docx");
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/legality/submissions/{id}/opinion.pdf", [service](Request& request) {
    auto const doc = service.opinion(auth::actor(request), request.id_param("id"));
    return file_response({doc.title + ".pdf", pdf::content_type, pdf::write(doc)});
  }, {.permission = readers});

  router.add(Method::post, "/api/v1/legality/files", [service](Request& request) {
    std::optional<std::string> name;
    if (auto raw = request.query_value("name"); raw && !raw->empty()) name = http::upload_name(std::string(*raw), "name", 100);
    return Response::created(file_json(service.upload(auth::actor(request), request.body, request.media_type(), std::move(name))));
  }, {.permission = "legality.submit|legality.review", .action = "legality.file.create", .body_limit = content::max_attachment_bytes,
      .accepts = content::accepted_content_types()});
  router.add(Method::get, "/api/v1/legality/files/{id}", [service](Request& request) {
    return file_response(service.file(auth::actor(request), request.id_param("id")));
  }, {.permission = readers});

  router.add(Method::get, "/api/v1/legality/register", [service](Request& request) {
    return file_response(service.register_file(auth::actor(request), year_of(request), http::query_int(request, "region_id")));
  }, {.permission = "legality.read|legality.review"});
  router.add(Method::get, "/api/v1/legality/figures", [service](Request& request) {
    return Response::ok(figures_json(service.figures(auth::actor(request), year_of(request), http::query_int(request, "region_id"))));
  }, {.permission = "legality.read|legality.review"});

  router.add(Method::get, "/api/v1/legality/village-rules", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    auto const result = service.rules(auth::actor(request), http::query_int(request, "region_id"),
                                      code_of(request, "review", {"lawful", "pending", "none", "unlawful"}), text_of(request, "q"),
                                      page.page, page.size);
    json::array items;
    for (auto const& v : result.items) items.push_back(rules_json(v, false));
    auto out = page_json(std::move(items), result.total, page);
    out["summary"] = json::object{{"villages", result.villages}, {"with_rules", result.with_rules}, {"reviewed_lawful", result.reviewed_lawful}};
    return Response::ok(out);
  }, {.permission = "legality.read"});
  router.add(Method::post, "/api/v1/legality/village-rules", [service](Request& request) {
    return Response::created(rules_json(service.create_rules(auth::actor(request), rules_in(http::json_object(request))), true));
  }, write("legality.submit", "legality.rules.create"));
  router.add(Method::get, "/api/v1/legality/village-rules/{id}", [service](Request& request) {
    return Response::ok(rules_json(service.rules_of(auth::actor(request), request.id_param("id")), true));
  }, {.permission = "legality.read"});
  router.add(Method::put, "/api/v1/legality/village-rules/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(rules_json(service.update_rules(auth::actor(request), id, rules_in(http::json_object(request))), true));
  }, write("legality.submit", "legality.rules.update"));
  router.add(Method::post, "/api/v1/legality/village-rules/{id}/submit", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto summary = http::opt_string(body, "summary", "说明", 5000).value_or("");
    return Response::created(submission_json(service.submit_rules(auth::actor(request), id, std::move(summary), file_ids_in(body)), true));
  }, write("legality.submit", "legality.submit"));

  router.add(Method::get, "/api/v1/legality/cases", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    auto const result = service.cases(auth::actor(request), year_of(request), code_of(request, "kind", {"reconsideration", "litigation"}),
                                      code_of(request, "outcome", {"pending", "upheld", "revoked", "changed", "confirmed_illegal", "ordered",
                                                                   "rejected", "withdrawn", "mediated", "terminated"}),
                                      http::query_int(request, "unit_id"), page.page, page.size);
    json::array items;
    for (auto const& v : result.items) items.push_back(case_json(v));
    auto out = page_json(std::move(items), result.total, page);
    out["years"] = years_json(result.years);
    return Response::ok(out);
  }, {.permission = "legality.read|legality.cases"});
  router.add(Method::post, "/api/v1/legality/cases", [service](Request& request) {
    return Response::created(case_json(service.create_case(auth::actor(request), case_in(http::json_object(request)))));
  }, write("legality.cases", "legality.case.create"));
  router.add(Method::get, "/api/v1/legality/cases/{id}", [service](Request& request) {
    return Response::ok(case_json(service.legal_case(auth::actor(request), request.id_param("id"))));
  }, {.permission = "legality.read|legality.cases"});
  router.add(Method::put, "/api/v1/legality/cases/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(case_json(service.update_case(auth::actor(request), id, case_in(http::json_object(request)))));
  }, write("legality.cases", "legality.case.update"));
  router.add(Method::get, "/api/v1/legality/case-figures", [service](Request& request) {
    return Response::ok(case_figures_json(service.case_figures(auth::actor(request), year_of(request))));
  }, {.permission = "legality.read|legality.cases"});
}

}  // namespace pufa::legality
