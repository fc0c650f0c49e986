#include "exam/routes.hpp"

#include "auth/principal.hpp"
#include "exam/codec.hpp"
#include "exam/route_groups.hpp"
#include "exam/view.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::size_t import_body_limit = 20 * 1024 * 1024;
constexpr std::size_t question_body_limit = 128 * 1024;
constexpr char const* import_types =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json,"
    "application/x-ndjson,application/jsonl,application/jsonlines,text/plain,application/octet-stream";

Bank bank_from(json::object const& body) {
  Bank b;
  b.name = http::req_string(body, "name", "题库名称", 50);
  b.audience = http::req_string(body, "audience", "适用对象", 20);
  if (std::find(std::begin(audiences), std::end(audiences), b.audience) == std::end(audiences))
    throw ApiError(AppError::validation_failed, "适用对象应为 civil_servant（公务员）、leader（领导干部）、youth（青少年）或 public（群众）", "audience");
  b.description = http::opt_string(body, "description", "说明", 500).value_or("");
  return b;
}

}  // namespace

void add_bank_routes(http::Router& router, Service service) {
  http::RouteOptions const manage{.permission = "exam.manage"};
  router.add(Method::get, "/api/v1/question-banks", [service](Request&) {
    json::array items;
    auto const banks = service->banks();
    for (auto const& b : banks) items.push_back(bank_json(b));
    return Response::ok({{"items", std::move(items)}, {"total", banks.size()}});
  }, manage);
  router.add(Method::post, "/api/v1/question-banks", [service](Request& request) {
    auto bank = service->save_bank(auth::actor(request), std::nullopt, bank_from(http::json_object(request)));
    return Response::created(bank_json(bank));
  }, {.permission = "exam.manage", .action = "exam.bank.create"});
  router.add(Method::get, "/api/v1/question-banks/{id}", [service](Request& request) {
    return Response::ok(bank_json(service->bank(request.id_param("id"))));
  }, manage);
  router.add(Method::put, "/api/v1/question-banks/{id}", [service](Request& request) {
    auto bank = service->save_bank(auth::actor(request), request.id_param("id"), bank_from(http::json_object(request)));
    return Response::ok(bank_json(bank));
  }, {.permission = "exam.manage", .action = "exam.bank.update"});
  router.add(Method::del, "/api/v1/question-banks/{id}", [service](Request& request) {
    service->delete_bank(auth::actor(request), request.id_param("id"));
    return Response::no_content();
  }, {.permission = "exam.manage", .action = "exam.bank.delete"});

  router.add(Method::get, "/api/v1/question-banks/{id}/questions", [service](Request& request) {
    store::QuestionFilter filter;
    filter.bank_id = request.id_param("id");
    filter.type = std::string(request.query_value("type").value_or(""));
    filter.tag = std::string(request.query_value("tag").value_or(""));
    auto const q = std::string(request.query_value("q").value_or(""));
    if (q.size() > 400) throw ApiError(AppError::validation_failed, "搜索词过长", "q");
    if (!q.empty()) filter.q = http::contains_pattern(q);
    filter.difficulty = static_cast<int>(http::query_int(request, "difficulty").value_or(0));
    auto const page = http::page_of(request, max_list_page);
    filter.limit = page.size;
    filter.offset = page.offset();
    auto [items, total] = service->questions(filter);
    auto const links = service->law_links(law_refs(items));
    json::array out;
    for (auto const& item : items) out.push_back(question_json(item, links));
    return Response::ok({{"items", std::move(out)}, {"total", total}});
  }, manage);
  router.add(Method::post, "/api/v1/question-banks/{id}/questions", [service](Request& request) {
    auto q = service->save_question(auth::actor(request), request.id_param("id"), std::nullopt,
                                    question_from_json(http::json_object(request)));
    return Response::created(question_json(q, service->law_links({q.law_ref})));
  }, {.permission = "exam.manage", .action = "exam.question.create", .body_limit = question_body_limit});
  router.add(Method::get, "/api/v1/questions/{id}", [service](Request& request) {
    auto q = service->question(request.id_param("id"));
    return Response::ok(question_json(q, service->law_links({q.law_ref})));
  }, manage);
  router.add(Method::put, "/api/v1/questions/{id}", [service](Request& request) {
    auto q = service->save_question(auth::actor(request), 0, request.id_param("id"),
                                    question_from_json(http::json_object(request)));
    return Response::ok(question_json(q, service->law_links({q.law_ref})));
  }, {.permission = "exam.manage", .action = "exam.question.update", .body_limit = question_body_limit});
  router.add(Method::del, "/api/v1/questions/{id}", [service](Request& request) {
    service->delete_question(auth::actor(request), request.id_param("id"));
    return Response::no_content();
  }, {.permission = "exam.manage", .action = "exam.question.delete"});

  router.add(Method::get, "/api/v1/question-banks/{id}/import-template", [](Request&) {
    return Response::download(xlsx::write_workbook({import_template()}), xlsx::content_type, "题目导入模板.xlsx");
  }, manage);
  router.add(Method::post, "/api/v1/question-banks/{id}/import", [service](Request& request) {
    auto const named = request.query_value("format");
    Format format = sniff_format(request.body);
    if (named && !named->empty()) {
      auto f = format_named(*named);
      if (!f) throw ApiError(AppError::validation_failed, "format 应为 xlsx、csv、json 或 jsonl", "format");
      format = *f;
    }
    auto result = service->import(auth::actor(request), request.id_param("id"), request.body, format);
    json::array skipped;
    for (auto const& [row, stem] : result.skipped) skipped.push_back({{"row", row}, {"stem", stem}});
    return Response::ok({{"imported", result.imported}, {"skipped_duplicates", std::move(skipped)}});
  }, {.permission = "exam.manage", .action = "exam.question.import", .body_limit = import_body_limit, .accepts = import_types});

  router.add(Method::get, "/api/v1/exam-examinees", [service](Request& request) {
    auto const unit = http::query_int(request, "unit_id");
    auto const q = std::string(request.query_value("q").value_or(""));
    auto const page = http::page_of(request, max_list_page);
    auto const all = service->examinees(auth::principal(request), unit, q);
    json::array items;
    for (std::size_t i = page.offset(); i < all.size() && items.size() < static_cast<std::size_t>(page.size); ++i) {
      items.push_back(examinee_json(all[i]));
    }
    return Response::ok({{"items", std::move(items)}, {"total", all.size()}});
  }, manage);
  router.add(Method::put, "/api/v1/exam-examinees/{user_id}", [service](Request& request) {
    auto body = http::json_object(request);
    auto const unit = http::opt_int(body, "unit_id", "单位");
    auto const rank = http::opt_string(body, "rank", "职级", 20).value_or("");
    auto e = service->set_examinee(auth::actor(request), request.id_param("user_id"), unit, rank);
    return Response::ok({{"user_id", e.user_id}, {"display_name", e.display_name},
                         {"unit_id", e.unit_id ? json::value(*e.unit_id) : json::value(nullptr)}, {"unit_name", e.unit_name},
                         {"rank", e.rank}});
  }, {.permission = "exam.manage", .action = "exam.examinee.update"});
}

void add_routes(http::Router& router, db::Database& db, todo::Centre& todo) {
  auto service = std::make_shared<ExamService>(db);
  // Exams the examinee may sit now, or has started and not handed in.
  todo.add([service](auth::Principal const& caller) {
    std::vector<todo::Item> out;
    if (!caller.has("exam.take")) return out;
    std::int64_t open = 0;
    for (auto const& m : service->my_exams(caller)) open += m.state == ExamState::open || m.state == ExamState::in_progress;
    out.push_back({"exams.open", open});
    return out;
  });
  add_bank_routes(router, service);
  add_exam_routes(router, db, service);
  add_attempt_routes(router, service);
  add_certificate_routes(router, service);
}

}  // namespace pufa::exam
