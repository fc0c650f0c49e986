#include "exam/routes.hpp"

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "exam/codec.hpp"
#include "exam/quiz.hpp"
#include "exam/service.hpp"
#include "exam/store.hpp"
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
constexpr char const* import_types =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json,"
    "application/x-ndjson,application/jsonl,application/jsonlines,text/plain,application/octet-stream";

http::Page paging(Request const& request) {
  auto page = http::page_of(request);
  if (auto size = http::query_int(request, "size")) {
    if (*size < 1 || *size > http::max_page_size) throw ApiError(AppError::validation_failed, "每页条数应在 1 到 100 之间", "size");
    page.size = *size;
  }
  return page;
}

json::array strings(std::vector<std::string> const& values) {
  json::array out;
  for (auto const& v : values) out.emplace_back(v);
  return out;
}

json::array options_json(std::vector<Option> const& options, std::string const& order = {}) {
  json::array out;
  if (order.empty()) {
    for (auto const& o : options) out.push_back({{"key", o.key}, {"text", o.text}});
    return out;
  }
  for (char key : order) {
    auto const index = static_cast<std::size_t>(key - 'A');
    if (index < options.size()) out.push_back({{"key", options[index].key}, {"text", options[index].text}});
  }
  return out;
}

json::array letters_json(std::string const& letters) {
  json::array out;
  for (char c : letters) out.emplace_back(std::string(1, c));
  return out;
}

json::value law_json(std::string const& text, std::map<std::string, LawLink> const& links) {
  if (text.empty()) return nullptr;
  auto found = links.find(text);
  json::object out{{"text", text}, {"law_id", nullptr}, {"number", nullptr}, {"url", nullptr}};
  if (found != links.end() && found->second.law_id) {
    out["law_id"] = *found->second.law_id;
    out["number"] = found->second.number;
    out["url"] = found->second.url;
  }
  return out;
}

json::object question_json(Question const& q, std::map<std::string, LawLink> const& links) {
  return {{"id", q.id},
          {"bank_id", q.bank_id},
          {"type", q.type},
          {"stem", q.stem},
          {"options", options_json(q.options)},
          {"answer", letters_json(q.answer)},
          {"explanation", q.explanation},
          {"difficulty", q.difficulty},
          {"tags", strings(q.tags)},
          {"law_ref", law_json(q.law_ref, links)},
          {"created_at", base::iso8601(q.created_at)},
          {"updated_at", base::iso8601(q.updated_at)}};
}

json::object bank_json(Bank const& b) {
  return {{"id", b.id},
          {"name", b.name},
          {"audience", b.audience},
          {"description", b.description},
          {"question_count", b.question_count},
          {"created_at", base::iso8601(b.created_at)},
          {"updated_at", base::iso8601(b.updated_at)}};
}

Bank bank_from(json::object const& body) {
  Bank b;
  b.name = http::req_string(body, "name", "题库名称", 50);
  b.audience = http::req_string(body, "audience", "适用对象", 20);
  if (std::find(std::begin(audiences), std::end(audiences), b.audience) == std::end(audiences))
    throw ApiError(AppError::validation_failed, "适用对象应为 civil_servant（公务员）、leader（领导干部）、youth（青少年）或 public（群众）", "audience");
  b.description = http::opt_string(body, "description", "说明", 500).value_or("");
  return b;
}

json::value opt_time(std::optional<base::Millis> at) { return at ? json::value(base::iso8601(*at)) : json::value(nullptr); }

json::object attempt_json(Attempt const& a) {
  json::object out{{"id", a.id},
                   {"exam_id", a.exam_id},
                   {"number", a.number},
                   {"status", a.status},
                   {"started_at", base::iso8601(a.started_at)},
                   {"deadline", base::iso8601(a.deadline)},
                   {"submitted_at", opt_time(a.submitted_at)},
                   {"server_now", base::iso8601(base::now_ms())},
                   {"events", a.events}};
  if (a.status != "in_progress") {
    out["score"] = a.score.value_or(0);
    out["grade"] = a.grade;
    out["passed"] = a.passed;
  }
  return out;
}

json::object exam_brief(Exam const& e, base::Millis now) {
  return {{"id", e.id},           {"title", e.title},
          {"kind", e.kind},       {"status", e.closed_at(now) ? "closed" : e.status},
          {"opens_at", base::iso8601(e.opens_at)}, {"closes_at", base::iso8601(e.closes_at)},
          {"duration_minutes", e.duration_minutes}, {"pass_mark", e.pass_mark},
          {"total_score", e.total_score},           {"question_count", e.question_count}};
}

json::object started_json(Started const& s) {
  json::array questions;
  for (auto const& item : s.attempt.paper) {
    auto const& q = s.exam->plan.questions.at(item.question_id);
    questions.push_back({{"id", q.id}, {"type", q.type}, {"stem", q.stem}, {"score", item.score},
                         {"options", options_json(q.options, item.order)}});
  }
  json::object answers;
  for (auto const& [id, letters] : s.answers) answers[std::to_string(id)] = letters_json(letters);
  return {{"attempt", attempt_json(s.attempt)},
          {"exam", exam_brief(s.exam->exam, base::now_ms())},
          {"questions", std::move(questions)},
          {"answers", std::move(answers)},
          {"events", s.attempt.events}};
}

json::object result_json(ResultRow const& r) {
  json::object user{{"id", r.user.user_id}, {"display_name", r.user.display_name}, {"unit", r.user.unit_name},
                    {"unit_id", r.user.unit_id ? json::value(*r.user.unit_id) : json::value(nullptr)},
                    {"region", r.user.region_name}};
  json::object out{{"user", std::move(user)}, {"attempts", r.attempts}};
  if (r.counted) {
    out["score"] = *r.counted->score;
    out["grade"] = r.counted->grade;
    out["passed"] = r.counted->passed;
    out["submitted_at"] = opt_time(r.counted->submitted_at);
    out["duration_seconds"] = (r.counted->submitted_at.value_or(r.counted->started_at) - r.counted->started_at) / 1000;
    out["events"] = r.counted->events;  // page events (hidden, visible, blur…) of the counted attempt
    out["attempt_id"] = r.counted->id;
  } else {
    out["events"] = nullptr;
    out["attempt_id"] = nullptr;
    out["score"] = nullptr;
    out["grade"] = nullptr;
    out["passed"] = false;
    out["submitted_at"] = nullptr;
  }
  return out;
}

json::object stats_row_json(StatsRow const& s) {
  return {{"id", s.id},      {"name", s.name},         {"eligible", s.eligible}, {"sat", s.sat},
          {"not_sat", s.eligible - s.sat}, {"passed", s.passed}, {"average", std::round(s.average() * 10) / 10}};
}

// ?unit_id=&region_id=&passed= on result rows.
std::vector<ResultRow> filtered(db::Database& db, Request const& request, std::vector<ResultRow> rows) {
  auto const unit = http::query_int(request, "unit_id");
  auto const region = http::query_int(request, "region_id");
  std::string path;
  if (region) {
    path = db.read([&](db::Connection& conn) { return store::region_path(conn, *region); }).value_or("");
    if (path.empty()) throw ApiError(AppError::validation_failed, "区域不存在", "region_id");
  }
  auto const passed = request.query_value("passed").value_or("");
  std::vector<ResultRow> out;
  for (auto& row : rows) {
    if (unit && row.user.unit_id != unit) continue;
    if (region && !row.user.region_path.starts_with(path)) continue;
    if (passed == "true" && !(row.counted && row.counted->passed)) continue;
    if (passed == "false" && row.counted && row.counted->passed) continue;
    out.push_back(std::move(row));
  }
  return out;
}

Response xlsx_response(std::string bytes, std::string const& name) {
  Response response;
  response.body = std::move(bytes);
  response.set_header("Content-Type", std::string(xlsx::content_type));
  response.set_header("Content-Disposition", xlsx::attachment_header(name));
  return response;
}

std::vector<std::string> law_refs(std::vector<Question> const& questions) {
  std::vector<std::string> out;
  for (auto const& q : questions) out.push_back(q.law_ref);
  return out;
}

using Service = std::shared_ptr<ExamService>;

void add_bank_routes(http::Router& router, Service service) {
  http::RouteOptions const manage{.permission = "exam.manage"};
  router.add(Method::get, "/api/v1/question-banks", [service](Request&) {
    json::array items;
    auto const banks = service->banks();
    for (auto const& b : banks) items.push_back(bank_json(b));
    return Response::ok({{"items", std::move(items)}, {"total", banks.size()}});
  }, manage);
  router.add(Method::post, "/api/v1/question-banks", [service](Request& request) {
    auto bank = service->save_bank(request, auth::principal(request), std::nullopt, bank_from(http::json_object(request)));
    return Response::created(bank_json(bank));
  }, {.permission = "exam.manage", .action = "exam.bank.create"});
  router.add(Method::get, "/api/v1/question-banks/{id}", [service](Request& request) {
    return Response::ok(bank_json(service->bank(request.id_param("id"))));
  }, manage);
  router.add(Method::put, "/api/v1/question-banks/{id}", [service](Request& request) {
    auto bank = service->save_bank(request, auth::principal(request), request.id_param("id"), bank_from(http::json_object(request)));
    return Response::ok(bank_json(bank));
  }, {.permission = "exam.manage", .action = "exam.bank.update"});
  router.add(Method::del, "/api/v1/question-banks/{id}", [service](Request& request) {
    service->delete_bank(request, auth::principal(request), request.id_param("id"));
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
    auto const page = paging(request);
    filter.limit = page.size;
    filter.offset = page.offset();
    auto [items, total] = service->questions(filter);
    auto const links = service->law_links(law_refs(items));
    json::array out;
    for (auto const& item : items) out.push_back(question_json(item, links));
    return Response::ok({{"items", std::move(out)}, {"total", total}});
  }, manage);
  router.add(Method::post, "/api/v1/question-banks/{id}/questions", [service](Request& request) {
    auto q = service->save_question(request, auth::principal(request), request.id_param("id"), std::nullopt,
                                    question_from_json(http::json_object(request)));
    return Response::created(question_json(q, service->law_links({q.law_ref})));
  }, {.permission = "exam.manage", .action = "exam.question.create", .body_limit = 128 * 1024});
  router.add(Method::get, "/api/v1/questions/{id}", [service](Request& request) {
    auto q = service->question(request.id_param("id"));
    return Response::ok(question_json(q, service->law_links({q.law_ref})));
  }, manage);
  router.add(Method::put, "/api/v1/questions/{id}", [service](Request& request) {
    auto q = service->save_question(request, auth::principal(request), 0, request.id_param("id"),
                                    question_from_json(http::json_object(request)));
    return Response::ok(question_json(q, service->law_links({q.law_ref})));
  }, {.permission = "exam.manage", .action = "exam.question.update", .body_limit = 128 * 1024});
  router.add(Method::del, "/api/v1/questions/{id}", [service](Request& request) {
    service->delete_question(request, auth::principal(request), request.id_param("id"));
    return Response::no_content();
  }, {.permission = "exam.manage", .action = "exam.question.delete"});

  router.add(Method::get, "/api/v1/question-banks/{id}/import-template", [](Request&) {
    return xlsx_response(xlsx::write_workbook({import_template()}), "题目导入模板.xlsx");
  }, manage);
  router.add(Method::post, "/api/v1/question-banks/{id}/import", [service](Request& request) {
    auto const named = request.query_value("format");
    Format format = sniff_format(request.body);
    if (named && !named->empty()) {
      auto f = format_named(*named);
      if (!f) throw ApiError(AppError::validation_failed, "format 应为 xlsx、csv、json 或 jsonl", "format");
      format = *f;
    }
    auto result = service->import(request, auth::principal(request), request.id_param("id"), format);
    json::array skipped;
    for (auto const& [row, stem] : result.skipped) skipped.push_back({{"row", row}, {"stem", stem}});
    return Response::ok({{"imported", result.imported}, {"skipped_duplicates", std::move(skipped)}});
  }, {.permission = "exam.manage", .action = "exam.question.import", .body_limit = import_body_limit, .accepts = import_types});

  router.add(Method::get, "/api/v1/exam-examinees", [service](Request& request) {
    auto const unit = http::query_int(request, "unit_id");
    auto const q = std::string(request.query_value("q").value_or(""));
    auto const all = service->examinees(auth::principal(request), unit, q);
    auto const page = paging(request);
    json::array items;
    for (std::size_t i = page.offset(); i < all.size() && items.size() < static_cast<std::size_t>(page.size); ++i) {
      auto const& e = all[i];
      items.push_back({{"user_id", e.user_id}, {"username", e.username}, {"display_name", e.display_name},
                       {"region_id", e.region_id}, {"region_name", e.region_name},
                       {"unit_id", e.unit_id ? json::value(*e.unit_id) : json::value(nullptr)}, {"unit_name", e.unit_name},
                       {"rank", e.rank}});
    }
    return Response::ok({{"items", std::move(items)}, {"total", all.size()}});
  }, manage);
  router.add(Method::put, "/api/v1/exam-examinees/{user_id}", [service](Request& request) {
    auto body = http::json_object(request);
    auto const unit = http::opt_int(body, "unit_id", "单位");
    auto const rank = http::opt_string(body, "rank", "职级", 20).value_or("");
    auto e = service->set_examinee(request, auth::principal(request), request.id_param("user_id"), unit, rank);
    return Response::ok({{"user_id", e.user_id}, {"display_name", e.display_name},
                         {"unit_id", e.unit_id ? json::value(*e.unit_id) : json::value(nullptr)}, {"unit_name", e.unit_name},
                         {"rank", e.rank}});
  }, {.permission = "exam.manage", .action = "exam.examinee.update"});
}

void add_exam_routes(http::Router& router, db::Database& db, Service service) {
  http::RouteOptions const manage{.permission = "exam.manage"};
  router.add(Method::get, "/api/v1/exams", [service](Request& request) {
    auto const all = service->exams();
    auto const page = paging(request);
    auto const now = base::now_ms();
    json::array items;
    for (std::size_t i = page.offset(); i < all.size() && items.size() < static_cast<std::size_t>(page.size); ++i)
      items.push_back(exam_json(all[i], now));
    return Response::ok({{"items", std::move(items)}, {"total", all.size()}});
  }, manage);
  router.add(Method::post, "/api/v1/exams", [service](Request& request) {
    auto exam = service->save_exam(request, auth::principal(request), std::nullopt, exam_from_json(http::json_object(request)));
    return Response::created(exam_json(exam, base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.create", .body_limit = 256 * 1024});
  router.add(Method::get, "/api/v1/exams/{id}", [service](Request& request) {
    return Response::ok(exam_json(service->exam(request.id_param("id")), base::now_ms()));
  }, manage);
  router.add(Method::put, "/api/v1/exams/{id}", [service](Request& request) {
    auto exam = service->save_exam(request, auth::principal(request), request.id_param("id"), exam_from_json(http::json_object(request)));
    return Response::ok(exam_json(exam, base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.update", .body_limit = 256 * 1024});
  router.add(Method::del, "/api/v1/exams/{id}", [service](Request& request) {
    service->delete_exam(request, auth::principal(request), request.id_param("id"));
    return Response::no_content();
  }, {.permission = "exam.manage", .action = "exam.delete"});
  router.add(Method::post, "/api/v1/exams/{id}/publish", [service](Request& request) {
    return Response::ok(exam_json(service->publish(request, auth::principal(request), request.id_param("id")), base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.publish"});
  router.add(Method::post, "/api/v1/exams/{id}/close", [service](Request& request) {
    return Response::ok(exam_json(service->close(request, auth::principal(request), request.id_param("id")), base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.close"});

  router.add(Method::get, "/api/v1/exams/{id}/results", [&db, service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const list = filtered(db, request, std::move(rows));
    auto const page = paging(request);
    json::array items;
    for (std::size_t i = page.offset(); i < list.size() && items.size() < static_cast<std::size_t>(page.size); ++i)
      items.push_back(result_json(list[i]));
    return Response::ok({{"items", std::move(items)}, {"total", list.size()}});
  });
  router.add(Method::get, "/api/v1/exams/{id}/results.xlsx", [&db, service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const list = filtered(db, request, std::move(rows));
    xlsx::Sheet sheet{"考试成绩", {{"姓名", 12}, {"单位", 24}, {"区域", 14}, {"成绩", 8, true}, {"等级", 8}, {"是否通过", 10},
                                   {"交卷时间", 22}, {"考试次数", 10, true}, {"页面事件", 10, true}}, {}};
    for (auto const& r : list) {
      bool const sat = r.counted.has_value();
      sheet.rows.push_back({r.user.display_name, r.user.unit_name, r.user.region_name,
                            sat ? std::to_string(*r.counted->score) : "", sat ? r.counted->grade : "缺考",
                            sat && r.counted->passed ? "是" : "否",
                            sat && r.counted->submitted_at ? base::iso8601(*r.counted->submitted_at) : "",
                            std::to_string(r.attempts), sat ? std::to_string(r.counted->events) : ""});
    }
    return xlsx_response(xlsx::write_workbook({sheet}), exam->exam.title + "成绩.xlsx");
  });
  router.add(Method::get, "/api/v1/exams/{id}/stats", [service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const s = service->stats(rows, exam);
    json::array units, regions;
    for (auto const& u : s.by_unit) units.push_back(stats_row_json(u));
    for (auto const& r : s.by_region) regions.push_back(stats_row_json(r));
    auto out = stats_row_json(s.all);
    out.erase("id");
    out.erase("name");
    out["by_unit"] = std::move(units);
    out["by_region"] = std::move(regions);
    return Response::ok(out);
  });
  router.add(Method::get, "/api/v1/exams/{id}/ranking", [service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    std::vector<ResultRow const*> sat;
    for (auto const& r : rows) if (r.counted) sat.push_back(&r);
    auto duration = [](ResultRow const* r) { return r->counted->submitted_at.value_or(r->counted->started_at) - r->counted->started_at; };
    std::stable_sort(sat.begin(), sat.end(), [&](auto a, auto b) {
      if (*a->counted->score != *b->counted->score) return *a->counted->score > *b->counted->score;
      return duration(a) < duration(b);
    });
    auto const page = paging(request);
    json::array items;
    for (std::size_t i = page.offset(); i < sat.size() && items.size() < static_cast<std::size_t>(page.size); ++i) {
      // Equal scores and times share a rank (1, 2, 2, 4).
      std::size_t rank = i + 1;
      while (rank > 1 && *sat[rank - 2]->counted->score == *sat[i]->counted->score && duration(sat[rank - 2]) == duration(sat[i])) --rank;
      items.push_back({{"rank", rank}, {"user_id", sat[i]->user.user_id}, {"display_name", sat[i]->user.display_name},
                       {"unit", sat[i]->user.unit_name}, {"score", *sat[i]->counted->score},
                       {"duration_seconds", duration(sat[i]) / 1000}});
    }
    return Response::ok({{"items", std::move(items)}, {"total", sat.size()}});
  });
}

void add_attempt_routes(http::Router& router, Service service) {
  http::RouteOptions const take{};
  router.add(Method::get, "/api/v1/my/exams", [service](Request& request) {
    auto const now = base::now_ms();
    json::array items;
    for (auto const& m : service->my_exams(auth::principal(request))) {
      json::value best = nullptr;
      if (m.best) best = json::object{{"score", *m.best->score}, {"grade", m.best->grade}, {"passed", m.best->passed}, {"attempt_id", m.best->id}};
      items.push_back({{"exam", exam_brief(m.exam, now)}, {"state", m.state}, {"attempts_used", m.attempts_used},
                       {"attempts_allowed", m.exam.attempts_allowed}, {"best", std::move(best)},
                       {"attempt_id", m.attempt_id ? json::value(*m.attempt_id) : json::value(nullptr)}});
    }
    auto const total = items.size();
    return Response::ok({{"items", std::move(items)}, {"total", total}});
  }, take);
  router.add(Method::post, "/api/v1/exams/{id}/attempts", [service](Request& request) {
    auto started = service->start(auth::principal(request), request.id_param("id"));
    auto body = started_json(started);
    return started.created ? Response::created(body) : Response::ok(body);
  }, {.action = "exam.attempt.start"});
  router.add(Method::put, "/api/v1/attempts/{id}/answers/{question_id}", [service](Request& request) {
    auto body = http::json_object(request);
    auto letters = http::opt_string_list(body, "answer", "答案");
    if (!letters) throw ApiError(AppError::validation_failed, "请提交答案，如 {\"answer\":[\"A\"]}", "answer");
    auto saved = service->save_answer(auth::principal(request), request.id_param("id"), request.id_param("question_id"), *letters);
    return Response::ok({{"saved_at", base::iso8601(saved)}});
  }, {.body_limit = 4 * 1024});
  router.add(Method::post, "/api/v1/attempts/{id}/events", [service](Request& request) {
    auto body = http::json_object(request);
    auto kind = http::req_string(body, "kind", "事件", 20);
    if (kind != "blur" && kind != "focus" && kind != "hidden" && kind != "visible" && kind != "reload")
      throw ApiError(AppError::validation_failed, "事件应为 blur、focus、hidden、visible 或 reload", "kind");
    service->record_event(auth::principal(request), request.id_param("id"), kind);
    return Response::json(202, json::object{{"recorded", true}});
  }, {.body_limit = 4 * 1024});
  router.add(Method::get, "/api/v1/attempts/{id}/events", [service](Request& request) {
    json::array items;
    for (auto const& e : service->attempt_events(auth::principal(request), request.id_param("id")))
      items.push_back({{"kind", e.kind}, {"at", base::iso8601(e.at)}});
    auto const total = items.size();
    return Response::ok({{"items", std::move(items)}, {"total", total}});
  });
  router.add(Method::post, "/api/v1/attempts/{id}/submit", [service](Request& request) {
    auto [a, exam] = service->submit(request, auth::principal(request), request.id_param("id"));
    return Response::ok({{"attempt_id", a.id}, {"status", a.status}, {"score", a.score.value_or(0)},
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
                       {"options", options_json(q.options, item.order)}, {"your_answer", letters_json(given)},
                       {"correct_answer", letters_json(q.answer)}, {"correct", answer_correct(q.answer, given)},
                       {"explanation", q.explanation}, {"law_ref", law_json(q.law_ref, links)}});
    }
    auto out = attempt_json(r.attempt);
    out["total_score"] = r.exam->exam.total_score;
    return Response::ok({{"attempt", std::move(out)}, {"exam", exam_brief(r.exam->exam, base::now_ms())},
                         {"questions", std::move(items)}});
  }, take);
  router.add(Method::get, "/api/v1/attempts/{id}/certificate", [service](Request& request) {
    auto c = service->certificate(auth::principal(request), request.id_param("id"));
    return Response::ok({{"name", c.name}, {"unit", c.unit}, {"exam_title", c.exam_title}, {"score", c.score},
                         {"grade", c.grade}, {"passed_on", c.passed_on}, {"certificate_no", c.certificate_no}});
  }, take);
}

}  // namespace

// Keep the quiz calls below when filling this file in: the quiz lives in quiz*.cpp.
void add_routes(http::Router& router, db::Database& db) {
  auto service = std::make_shared<ExamService>(db);
  add_bank_routes(router, service);
  add_exam_routes(router, db, service);
  add_attempt_routes(router, service);
  add_quiz_routes(router, db);
}

std::vector<db::Migration> migrations() {
  std::vector<db::Migration> out = core_migrations();  // the exam area's own migrations go first
  auto quiz = quiz_migrations();
  out.insert(out.end(), quiz.begin(), quiz.end());
  return out;
}

}  // namespace pufa::exam
