// Sitting an exam: the examinee's list, start or resume, autosave, page events, submit, review
// and the certificate.
#include "auth/principal.hpp"
#include "exam/route_groups.hpp"
#include "exam/view.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::size_t small_body = 4 * 1024;
constexpr std::string_view event_kinds[] = {"blur", "focus", "hidden", "visible", "reload"};

}  // namespace

void add_attempt_routes(http::Router& router, Service service) {
  http::RouteOptions const take{};
  router.add(Method::get, "/api/v1/my/exams", [service](Request& request) {
    auto const now = base::now_ms();
    json::array items;
    for (auto const& m : service->my_exams(auth::principal(request))) {
      json::value best = nullptr;
      if (m.best) {
        best = json::object{{"score", *m.best->score}, {"grade", m.best->grade}, {"passed", m.best->passed},
                            {"attempt_id", m.best->id}};
      }
      items.push_back({{"exam", exam_brief(m.exam, now)}, {"state", code_of(m.state)}, {"attempts_used", m.attempts_used},
                       {"attempts_allowed", m.exam.attempts_allowed}, {"best", std::move(best)},
                       {"attempt_id", m.attempt_id ? json::value(*m.attempt_id) : json::value(nullptr)}});
    }
    auto const total = items.size();
    return Response::ok({{"items", std::move(items)}, {"total", total}});
  }, take);
  router.add(Method::get, "/api/v1/exams/{id}/notice", [service](Request& request) {
    auto n = service->notice(auth::principal(request), request.id_param("id"));
    return Response::ok({{"exam", exam_brief(n.exam, base::now_ms())}, {"state", code_of(n.state)},
                         {"notice", n.notice}, {"pledge", n.pledge}});
  }, take);
  router.add(Method::post, "/api/v1/exams/{id}/attempts", [service](Request& request) {
    // {"pledge": true}: the examinee accepted the integrity pledge (needed to start, not to resume).
    bool pledged = false;
    if (!request.body.empty()) pledged = http::opt_bool(http::json_object(request), "pledge", "诚信承诺").value_or(false);
    auto started = service->start(auth::actor(request), request.id_param("id"), pledged);
    auto body = started_json(started);
    return started.created ? Response::created(body) : Response::ok(body);
  }, {.action = "exam.attempt.start"});
  router.add(Method::put, "/api/v1/attempts/{id}/answers/{question_id}", [service](Request& request) {
    auto body = http::json_object(request);
    auto letters = http::opt_string_list(body, "answer", "答案");
    if (!letters) throw ApiError(AppError::validation_failed, "请提交答案，如 {\"answer\":[\"A\"]}", "answer");
    auto saved = service->save_answer(auth::principal(request), request.id_param("id"), request.id_param("question_id"), *letters);
    return Response::ok({{"saved_at", base::iso8601(saved)}});
  }, {.body_limit = small_body});
  router.add(Method::post, "/api/v1/attempts/{id}/events", [service](Request& request) {
    auto body = http::json_object(request);
    auto kind = http::req_string(body, "kind", "事件", 20);
    if (std::find(std::begin(event_kinds), std::end(event_kinds), kind) == std::end(event_kinds))
      throw ApiError(AppError::validation_failed, "事件应为 blur、focus、hidden、visible 或 reload", "kind");
    service->record_event(auth::actor(request), request.id_param("id"), kind);
    return Response::json(202, json::object{{"recorded", true}});
  }, {.body_limit = small_body});
  router.add(Method::get, "/api/v1/attempts/{id}/events", [service](Request& request) {
    json::array items;
    for (auto const& e : service->attempt_events(auth::principal(request), request.id_param("id")))
      items.push_back({{"kind", e.kind}, {"at", base::iso8601(e.at)}});
    auto const total = items.size();
    return Response::ok({{"items", std::move(items)}, {"total", total}});
  });
  router.add(Method::post, "/api/v1/attempts/{id}/submit", [service](Request& request) {
    auto [a, exam] = service->submit(auth::actor(request), request.id_param("id"));
    return Response::ok({{"attempt_id", a.id}, {"status", code_of(a.status)}, {"score", a.score.value_or(0)},
                         {"total_score", exam->exam.total_score}, {"grade", a.grade}, {"passed", a.passed},
                         {"submitted_at", opt_time(a.submitted_at)}});
  }, {.action = "exam.attempt.submit"});
  router.add(Method::get, "/api/v1/attempts/{id}", [service](Request& request) {
    auto [a, exam] = service->attempt(auth::principal(request), request.id_param("id"));
    auto out = attempt_json(a);
    out["total_score"] = exam->exam.total_score;
    return Response::ok({{"attempt", std::move(out)}, {"exam", exam_brief(exam->exam, base::now_ms())}});
  }, take);
  router.add(Method::get, "/api/v1/attempts/{id}/review", [service](Request& request) {
    auto r = service->review(auth::principal(request), request.id_param("id"));
    std::vector<std::string> refs;
    for (auto const& item : r.attempt.paper) refs.push_back(r.exam->plan.questions.at(item.question_id).law_ref);
    auto const links = service->law_links(refs);
    json::array items;
    for (auto const& item : r.attempt.paper) {
      auto const& q = r.exam->plan.questions.at(item.question_id);
      auto given = r.answers.contains(q.id) ? r.answers.at(q.id) : std::string();
      items.push_back({{"id", q.id}, {"type", q.type}, {"stem", q.stem}, {"score", item.score},
                       {"options", options_json(q.options, item.order)},
                       {"your_answer", letters_json(shown_of_keys(item.order, given))},
                       {"correct_answer", letters_json(shown_of_keys(item.order, q.answer))},
                       {"correct", answer_correct(q.answer, given)},
                       {"explanation", q.explanation}, {"law_ref", law_json(q.law_ref, links)}});
    }
    auto out = attempt_json(r.attempt);
    out["total_score"] = r.exam->exam.total_score;
    return Response::ok({{"attempt", std::move(out)}, {"exam", exam_brief(r.exam->exam, base::now_ms())},
                         {"questions", std::move(items)}});
  }, take);
}

}  // namespace pufa::exam
