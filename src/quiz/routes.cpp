#include "quiz/routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>

#include "auth/principal.hpp"
#include "exam/view.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "quiz/service.hpp"
#include "text/personal.hpp"

namespace pufa::quiz {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr char const* token_header = "x-quiz-token";
constexpr std::int64_t max_leaderboard_page = 100;
constexpr std::size_t max_letters = 8;

std::string rule_text(Quiz const& quiz) {
  return "累计答对不少于 " + std::to_string(quiz.min_correct) + " 题，且答题不少于 " + std::to_string(quiz.min_days) +
         " 天";
}

json::value draw_json(QuizView const& view) {
  auto const& quiz = view.quiz;
  if (!quiz.commitment) return nullptr;
  // pufa-draw-2: the seed combined with the pool's hash and a public value; draws made before
  // it (pufa-draw-1) used the seed alone and carry no public value.
  bool const legacy = quiz.revealed_at && !quiz.public_value;
  json::object draw{{"scheme", legacy ? "pufa-draw-1" : "pufa-draw-2"},
                    {"commitment", *quiz.commitment},
                    {"committed_at", base::iso8601(quiz.committed_at.value_or(0))},
                    {"public_source", quiz.public_source ? json::value(*quiz.public_source) : json::value(nullptr)},
                    {"pool_hash", quiz.pool_hash ? json::value(*quiz.pool_hash) : json::value(nullptr)},
                    {"pool_fixed_at", quiz.pool_fixed_at ? json::value(base::iso8601(*quiz.pool_fixed_at)) : json::value(nullptr)},
                    {"public_value", nullptr},
                    {"seed", nullptr},
                    {"revealed_at", nullptr},
                    {"qualified", nullptr},
                    {"winners", nullptr},
                    {"method", draw_method}};
  if (quiz.pool_fixed_at || quiz.revealed_at) draw["qualified"] = json::parse(quiz.draw_pool.value_or("[]"));
  if (quiz.revealed_at) {
    draw["seed"] = quiz.seed.value_or("");
    if (quiz.public_value) draw["public_value"] = *quiz.public_value;
    draw["revealed_at"] = base::iso8601(*quiz.revealed_at);
    json::array winners;
    int rank = 0;
    for (auto const& winner : view.winners) {
      winners.push_back({{"rank", ++rank},
                         {"participant_id", winner.participant_id},
                         {"phone_masked", text::mask_phone(winner.phone)}});
    }
    draw["winners"] = std::move(winners);
  }
  return draw;
}

json::object public_json(QuizView const& view, base::Millis now) {
  auto const& quiz = view.quiz;
  return {{"id", quiz.id},
          {"title", quiz.title},
          {"intro", quiz.intro},
          {"opens_at", base::iso8601(quiz.opens_at)},
          {"closes_at", base::iso8601(quiz.closes_at)},
          {"status", status_of(quiz, now)},
          {"questions_per_day", quiz.questions_per_day},
          {"qualify_rule", rule_text(quiz)},
          {"qualify", {{"min_correct", quiz.min_correct}, {"min_days", quiz.min_days}}},
          {"prize", quiz.prize},
          {"winners_count", quiz.winners_count},
          {"draw", draw_json(view)}};
}

json::object staff_json(QuizView const& view, base::Millis now) {
  auto out = public_json(view, now);
  out["bank_id"] = view.quiz.bank_id;
  out["bank_name"] = view.bank_name;
  out["participants"] = view.participants;
  out["created_at"] = base::iso8601(view.quiz.created_at);
  out["updated_at"] = base::iso8601(view.quiz.updated_at);
  return out;
}

json::object result_json(DayResult const& r) {
  json::array explanations;
  for (auto const& e : r.explanations) {
    explanations.push_back({{"question_id", e.question.id},
                            {"type", e.question.type},
                            {"stem", e.question.stem},
                            {"options", exam::options_json(e.question.options)},
                            {"your_answer", exam::letters_json(e.given)},
                            {"correct_answer", exam::letters_json(e.question.answer)},
                            {"correct", e.given == e.question.answer},
                            {"explanation", e.question.explanation}});
  }
  return {{"correct", r.day.correct},
          {"total", r.day.total},
          {"score", r.day.score},
          {"qualified", r.qualified},
          {"total_correct", r.totals.correct},
          {"total_score", r.totals.score},
          {"days", r.totals.days},
          {"submitted_at", base::iso8601(r.day.submitted_at)},
          {"explanations", std::move(explanations)}};
}

base::Millis req_time(json::object const& body, std::string_view key, std::string_view label) {
  auto text = http::req_string(body, key, label, 40);
  auto at = base::parse_iso8601(text);
  if (!at) throw ApiError(AppError::validation_failed, std::string(label) + "格式不正确", std::string(key));
  return *at / 1000 * 1000;  // whole seconds, as the JSON shows them
}

int req_int_in(json::object const& body, std::string_view key, std::string_view label, int low, int high) {
  auto value = http::opt_int(body, key, label);
  if (!value || *value < low || *value > high) {
    throw ApiError(AppError::validation_failed,
                   std::string(label) + "应为 " + std::to_string(low) + " 到 " + std::to_string(high) + " 之间的整数",
                   std::string(key));
  }
  return static_cast<int>(*value);
}

// A create/update body (every field required).
QuizInput quiz_input(json::object const& body) {
  QuizInput in;
  in.title = http::req_string(body, "title", "标题", 100);
  in.intro = http::opt_string(body, "intro", "简介", 2000).value_or("");
  in.opens_at = req_time(body, "opens_at", "开始时间");
  in.closes_at = req_time(body, "closes_at", "结束时间");
  if (in.closes_at <= in.opens_at) throw ApiError(AppError::validation_failed, "结束时间应晚于开始时间", "closes_at");
  in.questions_per_day = req_int_in(body, "questions_per_day", "每日题数", 1, 20);
  auto bank = http::opt_int(body, "bank_id", "题库");
  if (!bank) throw ApiError(AppError::validation_failed, "题库不存在", "bank_id");
  in.bank_id = *bank;
  auto const* qualify = body.if_contains("qualify");
  if (!qualify || !qualify->is_object()) throw ApiError(AppError::validation_failed, "请填写获奖资格（qualify）", "qualify");
  in.min_correct = req_int_in(qualify->as_object(), "min_correct", "累计答对题数", 0, 100000);
  in.min_days = req_int_in(qualify->as_object(), "min_days", "答题天数", 1, 366);
  in.prize = http::opt_string(body, "prize", "奖品说明", 500).value_or("");
  in.winners_count = req_int_in(body, "winners_count", "中奖人数", 1, 1000);
  return in;
}

std::string req_phone(json::object const& body) {
  auto phone = http::req_string(body, "phone", "手机号", 20);
  if (!text::is_mobile(phone)) throw ApiError(AppError::validation_failed, "请输入 11 位手机号码", "phone");
  return phone;
}

// answers: {"<question id>": ["A", "C"]}, letters A–H.
std::map<std::int64_t, std::vector<std::string>> answers_of(json::object const& body) {
  auto const* value = body.if_contains("answers");
  if (!value || !value->is_object()) throw ApiError(AppError::validation_failed, "answers 应为对象：{题目编号: [选项]}", "answers");
  std::map<std::int64_t, std::vector<std::string>> out;
  for (auto const& [key, letters] : value->as_object()) {
    std::int64_t id = 0;
    auto const text = std::string(key);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
      throw ApiError(AppError::validation_failed, "题目 " + text + " 不是今天的题目", "answers");
    if (!letters.is_array() || letters.as_array().size() > max_letters)
      throw ApiError(AppError::validation_failed, "答案应为选项字母列表", "answers");
    auto& list = out[id];
    for (auto const& letter : letters.as_array()) {
      if (!letter.is_string() || letter.as_string().size() != 1 || letter.as_string()[0] < 'A' || letter.as_string()[0] > 'H')
        throw ApiError(AppError::validation_failed, "答案应为选项字母 A–H", "answers");
      list.emplace_back(letter.as_string());
    }
  }
  return out;
}

std::string_view token_of(Request const& request) { return request.header(token_header).value_or(""); }

Response rate_limited(Request const& request, base::Millis wait_ms) {
  auto const seconds = std::max<base::Millis>(1, (wait_ms + 999) / 1000);
  auto response = http::error_response(AppError::rate_limited, "获取验证码过于频繁，请 " + std::to_string(seconds) + " 秒后再试",
                                       {}, request.request_id, {{"retry_after", seconds}});
  response.set_header("Retry-After", std::to_string(seconds));
  return response;
}

}  // namespace

void add_routes(http::Router& router, db::Database& db, std::shared_ptr<OtpSender> sender) {
  auto const service = std::make_shared<QuizService>(db, std::move(sender));
  auto const open = http::Access::open;
  http::RouteOptions const manage{.permission = "exam.manage"};
  auto staff = [](QuizView const& view) { return staff_json(view, base::now_ms()); };
  // Literal paths before /{id}: the router takes the first match.
  router.add(Method::get, "/api/v1/quizzes/current", [service](Request&) {
    return Response::ok(public_json(service->current(), base::now_ms()));
  }, {.access = open});
  router.add(Method::get, "/api/v1/quizzes", [service, staff](Request&) {
    json::array items;
    for (auto const& view : service->list()) items.push_back(staff(view));
    auto const total = items.size();
    return Response::ok({{"items", std::move(items)}, {"total", total}});
  }, manage);
  router.add(Method::post, "/api/v1/quizzes", [service, staff](Request& request) {
    return Response::created(staff(service->create(auth::actor(request), quiz_input(http::json_object(request)))));
  }, {.permission = "exam.manage", .action = "quiz.create"});
  router.add(Method::get, "/api/v1/quizzes/{id}", [service, staff](Request& request) {
    return Response::ok(staff(service->show(request.id_param("id"))));
  }, manage);
  router.add(Method::put, "/api/v1/quizzes/{id}", [service, staff](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(staff(service->update(auth::actor(request), id, quiz_input(http::json_object(request)))));
  }, {.permission = "exam.manage", .action = "quiz.update"});
  router.add(Method::post, "/api/v1/quizzes/{id}/draw/commit", [service, staff](Request& request) {
    auto const body = request.body.empty() ? json::object{} : http::json_object(request);
    if (body.contains("seed")) {
      throw ApiError(AppError::validation_failed, "抽奖种子只能由服务器随机生成，不能指定", "seed");
    }
    auto const source = http::opt_string(body, "public_source", "公开随机值来源", 400).value_or("");
    return Response::ok(staff(service->commit(auth::actor(request), request.id_param("id"), source)));
  }, {.permission = "exam.manage", .action = "quiz.commit"});
  router.add(Method::post, "/api/v1/quizzes/{id}/draw/pool", [service, staff](Request& request) {
    return Response::ok(staff(service->fix_pool(auth::actor(request), request.id_param("id"))));
  }, {.permission = "exam.manage", .action = "quiz.pool"});
  router.add(Method::post, "/api/v1/quizzes/{id}/draw", [service, staff](Request& request) {
    auto const body = request.body.empty() ? json::object{} : http::json_object(request);
    auto const value = http::opt_string(body, "public_value", "公开随机值", 400).value_or("");
    return Response::ok(staff(service->draw(auth::actor(request), request.id_param("id"), value)));
  }, {.permission = "exam.manage", .action = "quiz.draw"});
  router.add(Method::get, "/api/v1/quizzes/{id}/draw", [service](Request& request) {
    auto const view = service->public_view(request.id_param("id"));
    return Response::ok({{"quiz_id", view.quiz.id},
                         {"title", view.quiz.title},
                         {"closes_at", base::iso8601(view.quiz.closes_at)},
                         {"winners_count", view.quiz.winners_count},
                         {"draw", draw_json(view)}});
  }, {.access = open});
  router.add(Method::post, "/api/v1/quizzes/{id}/otp", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto const phone = req_phone(body);
    // The page says what the number is used for (the code, the leaderboard masked, prizes);
    // nothing is sent until the person agrees.
    if (!http::opt_bool(body, "consent", "同意手机号使用说明").value_or(false))
      throw ApiError(AppError::validation_failed, "请先阅读并同意手机号使用说明", "consent");
    auto const outcome = service->request_otp(auth::actor(request), id, phone);
    if (outcome.retry_after_ms > 0) return rate_limited(request, outcome.retry_after_ms);
    json::object out{{"retry_after_seconds", phone_gap_ms / 1000}, {"expires_in_seconds", otp_ttl_ms / 1000}};
    if (otp_echo_enabled()) out["dev_code"] = outcome.code;
    return Response::json(202, out);
  }, {.access = open, .action = "quiz.otp"});
  router.add(Method::post, "/api/v1/quizzes/{id}/sessions", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto const phone = req_phone(body);
    auto const code = http::req_string(body, "code", "验证码", 10);
    if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw ApiError(AppError::validation_failed, "验证码应为 6 位数字", "code");
    auto const session = service->create_session(auth::actor(request), id, phone, code);
    return Response::created({{"token", session.token}, {"phone_masked", text::mask_phone(session.phone)}});
  }, {.access = open, .action = "quiz.login"});
  router.add(Method::get, "/api/v1/quizzes/{id}/today", [service](Request& request) {
    auto const today = service->today(token_of(request), request.id_param("id"));
    json::array questions;
    for (auto const& q : today.questions) {
      questions.push_back({{"id", q.id}, {"type", q.type}, {"stem", q.stem}, {"options", exam::options_json(q.options)}});
    }
    return Response::ok({{"date", today.date},
                         {"questions", std::move(questions)},
                         {"done", today.result.has_value()},
                         {"result", today.result ? json::value(result_json(*today.result)) : json::value(nullptr)}});
  }, {.access = open});
  router.add(Method::post, "/api/v1/quizzes/{id}/today", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const answers = answers_of(http::json_object(request));
    return Response::ok(result_json(service->submit(auth::actor(request), token_of(request), id, answers)));
  }, {.access = open, .action = "quiz.answer"});
  router.add(Method::get, "/api/v1/quizzes/{id}/leaderboard", [service](Request& request) {
    auto const page = http::page_of(request, max_leaderboard_page);
    auto const board = service->leaderboard(request.id_param("id"), page.page, page.size);
    json::array items;
    auto rank = board.first_rank;
    for (auto const& row : board.items) {
      items.push_back({{"rank", rank++}, {"phone_masked", text::mask_phone(row.phone)}, {"score", row.score},
                       {"days", row.days}});
    }
    return Response::ok({{"items", std::move(items)}, {"total", board.total}});
  }, {.access = open});
}

}  // namespace pufa::quiz
