#include "exam/quiz.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/principal.hpp"
#include "base/random.hpp"
#include "exam/quiz_draw.hpp"
#include "exam/quiz_store.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/personal.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;
namespace qs = quiz::store;

namespace {

// Rules of the one-time code and its rate limits (docs/quiz.md).
constexpr base::Millis otp_ttl_ms = 5 * base::minute_ms;
constexpr int otp_max_failures = 5;
constexpr base::Millis phone_gap_ms = 60'000;      // one code per phone per minute
constexpr int phone_daily_limit = 10;              // ... and ten per rolling day
constexpr base::Millis day_window_ms = 24 * base::hour_ms;
constexpr int ip_limit = 20;                       // codes per IP per ten minutes
constexpr base::Millis ip_window_ms = 10 * base::minute_ms;
constexpr base::Millis token_ttl_ms = 30 * day_window_ms;
constexpr int points_per_question = 10;
constexpr char const* token_header = "x-quiz-token";
constexpr char const* draw_method =
    "合格参与者按编号升序排列为列表 L（n 人）；对 i = 0..k-1，取 sha256(\"<种子>:<i>\") 的前 8 字节"
    "（大端无符号整数）r，j = i + r mod (n-i)，交换 L[i] 与 L[j]；L[0..k) 依次为中奖者。"
    "承诺值 = sha256(种子的 64 位十六进制文本)。";

// ---- JSON ----------------------------------------------------------------------------------

std::string rule_text(qs::Quiz const& quiz) {
  return "累计答对不少于 " + std::to_string(quiz.min_correct) + " 题，且答题不少于 " +
         std::to_string(quiz.min_days) + " 天";
}

std::string status_of(qs::Quiz const& quiz, base::Millis now) {
  if (now < quiz.opens_at) return "upcoming";
  return now < quiz.closes_at ? "open" : "closed";
}

json::value draw_json(db::Connection& conn, qs::Quiz const& quiz) {
  if (!quiz.commitment) return nullptr;
  json::object draw{{"commitment", *quiz.commitment},
                    {"committed_at", base::iso8601(quiz.committed_at.value_or(0))},
                    {"seed", nullptr},
                    {"revealed_at", nullptr},
                    {"qualified", nullptr},
                    {"winners", nullptr},
                    {"method", draw_method}};
  if (quiz.revealed_at) {
    draw["seed"] = quiz.seed.value_or("");
    draw["revealed_at"] = base::iso8601(*quiz.revealed_at);
    draw["qualified"] = json::parse(quiz.draw_pool.value_or("[]"));
    json::array winners;
    int rank = 0;
    for (auto const& winner : qs::winners(conn, quiz.id)) {
      winners.push_back({{"rank", ++rank},
                         {"participant_id", winner.participant_id},
                         {"phone_masked", text::mask_phone(winner.phone)}});
    }
    draw["winners"] = std::move(winners);
  }
  return draw;
}

json::object public_json(db::Connection& conn, qs::Quiz const& quiz, base::Millis now) {
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
          {"draw", draw_json(conn, quiz)}};
}

json::object staff_json(db::Connection& conn, qs::Quiz const& quiz, base::Millis now) {
  auto out = public_json(conn, quiz, now);
  out["bank_id"] = quiz.bank_id;
  out["bank_name"] = qs::bank_name(conn, quiz.bank_id).value_or("");
  out["participants"] = qs::participant_count(conn, quiz.id);
  out["created_at"] = base::iso8601(quiz.created_at);
  out["updated_at"] = base::iso8601(quiz.updated_at);
  return out;
}

// ---- input ---------------------------------------------------------------------------------

base::Millis req_time(json::object const& body, std::string_view key, std::string_view label) {
  auto text = http::req_string(body, key, label, 40);
  auto at = base::parse_iso8601(text);
  if (!at) throw ApiError(AppError::validation_failed, std::string(label) + "格式不正确",
                          std::string(key));
  return *at / 1000 * 1000;  // whole seconds, as the JSON shows them
}

int req_int_in(json::object const& body, std::string_view key, std::string_view label, int low,
               int high) {
  auto value = http::opt_int(body, key, label);
  if (!value || *value < low || *value > high) {
    throw ApiError(AppError::validation_failed,
                   std::string(label) + "应为 " + std::to_string(low) + " 到 " +
                       std::to_string(high) + " 之间的整数",
                   std::string(key));
  }
  return static_cast<int>(*value);
}

// Fills the editable fields of `quiz` from a create/update body (all required).
void read_quiz(db::Connection& conn, json::object const& body, qs::Quiz& quiz) {
  quiz.title = http::req_string(body, "title", "标题", 100);
  quiz.intro = http::opt_string(body, "intro", "简介", 2000).value_or("");
  quiz.opens_at = req_time(body, "opens_at", "开始时间");
  quiz.closes_at = req_time(body, "closes_at", "结束时间");
  if (quiz.closes_at <= quiz.opens_at)
    throw ApiError(AppError::validation_failed, "结束时间应晚于开始时间", "closes_at");
  quiz.questions_per_day = req_int_in(body, "questions_per_day", "每日题数", 1, 20);
  auto bank = http::opt_int(body, "bank_id", "题库");
  if (!bank || !qs::bank_name(conn, *bank))
    throw ApiError(AppError::validation_failed, "题库不存在", "bank_id");
  quiz.bank_id = *bank;
  auto const* qualify = body.if_contains("qualify");
  if (!qualify || !qualify->is_object())
    throw ApiError(AppError::validation_failed, "请填写获奖资格（qualify）", "qualify");
  quiz.min_correct = req_int_in(qualify->as_object(), "min_correct", "累计答对题数", 0, 100000);
  quiz.min_days = req_int_in(qualify->as_object(), "min_days", "答题天数", 1, 366);
  quiz.prize = http::opt_string(body, "prize", "奖品说明", 500).value_or("");
  quiz.winners_count = req_int_in(body, "winners_count", "中奖人数", 1, 1000);
}

std::string req_phone(json::object const& body) {
  auto phone = http::req_string(body, "phone", "手机号", 20);
  if (!text::is_mobile(phone))
    throw ApiError(AppError::validation_failed, "请输入 11 位手机号码", "phone");
  return phone;
}

// ---- participants --------------------------------------------------------------------------

qs::Quiz load_quiz(db::Connection& conn, std::int64_t id) {
  auto quiz = qs::find_quiz(conn, id);
  if (!quiz) throw ApiError(AppError::not_found, "竞答不存在");
  return std::move(*quiz);
}

void require_open(qs::Quiz const& quiz, base::Millis now) {
  if (now < quiz.opens_at) throw ApiError(AppError::unprocessable, "竞答尚未开始");
  if (now >= quiz.closes_at) throw ApiError(AppError::unprocessable, "竞答已结束");
}

qs::Participant participant(db::Connection& conn, Request const& request, std::int64_t quiz_id,
                            base::Millis now) {
  auto token = request.header(token_header);
  std::optional<qs::Participant> found;
  if (token && !token->empty() && token->size() <= 100)
    found = qs::participant_by_token(conn, base::sha256_hex(*token), now);
  if (!found || found->quiz_id != quiz_id)
    throw ApiError(AppError::unauthenticated, "请先用手机号和验证码登录");
  return std::move(*found);
}

std::string hash_code(std::string const& salt, std::string const& code) {
  return base::sha256_hex(salt + ":" + code);
}

std::string new_code() {
  auto const value = std::stoull(base::random_hex(4), nullptr, 16) % 1'000'000;
  auto text = std::to_string(value);
  return std::string(6 - text.size(), '0') + text;
}

// ---- one-time codes and rate limits ----------------------------------------------------------

struct Limit {
  base::Millis retry_after_ms = 0;  // 0: allowed
};

// Checks a sliding window: at most `count` events in `window`; returns when the next is allowed.
base::Millis wait_for(std::vector<base::Millis> const& events, int count, base::Millis window,
                      base::Millis now) {
  std::vector<base::Millis> recent;
  for (auto at : events)
    if (at > now - window) recent.push_back(at);
  if (static_cast<int>(recent.size()) < count) return 0;
  return recent[recent.size() - static_cast<std::size_t>(count)] + window - now;
}

Response rate_limited(Request const& request, base::Millis wait_ms) {
  auto const seconds = std::max<base::Millis>(1, (wait_ms + 999) / 1000);
  auto response = http::error_response(AppError::rate_limited,
                                       "获取验证码过于频繁，请 " + std::to_string(seconds) + " 秒后再试",
                                       {}, request.request_id, {{"retry_after", seconds}});
  response.set_header("Retry-After", std::to_string(seconds));
  return response;
}

Response request_otp(db::Database& db, quiz::OtpSender& sender, Request& request) {
  auto const id = request.id_param("id");
  auto const body = http::json_object(request);
  auto const phone = req_phone(body);
  auto const now = base::now_ms();
  auto const code = new_code();
  std::string const phone_scope = "phone:" + phone;
  std::string const ip_scope = "ip:" + request.remote_ip;
  struct Outcome {
    base::Millis wait_ms = 0;
    std::string title;
  };
  auto outcome = db.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    require_open(quiz, now);
    qs::lock_scope(conn, phone_scope, now);
    qs::lock_scope(conn, ip_scope, now);
    auto const phone_events = qs::events_since(conn, phone_scope, now - day_window_ms);
    auto const ip_events = qs::events_since(conn, ip_scope, now - ip_window_ms);
    auto wait = std::max({wait_for(phone_events, 1, phone_gap_ms, now),
                          wait_for(phone_events, phone_daily_limit, day_window_ms, now),
                          wait_for(ip_events, ip_limit, ip_window_ms, now)});
    if (wait > 0) return Outcome{wait, {}};
    qs::purge_events(conn, phone_scope, now - day_window_ms);
    qs::purge_events(conn, ip_scope, now - day_window_ms);
    qs::add_event(conn, phone_scope, now);
    qs::add_event(conn, ip_scope, now);
    qs::Otp otp;
    otp.salt = base::random_hex(16);
    otp.code_hash = hash_code(otp.salt, code);
    otp.expires_at = now + otp_ttl_ms;
    qs::insert_otp(conn, id, phone, otp, now);
    auth::record_audit(conn, auth::audit_entry(request, nullptr, "quiz.otp", "quiz",
                                               std::to_string(id)));
    return Outcome{0, quiz.title};
  });
  if (outcome.wait_ms > 0) return rate_limited(request, outcome.wait_ms);
  sender.send(phone, code, outcome.title);  // after the commit: a code is never sent unstored
  json::object out{{"retry_after_seconds", phone_gap_ms / 1000},
                   {"expires_in_seconds", otp_ttl_ms / 1000}};
  if (quiz::otp_echo_enabled()) out["dev_code"] = code;
  return Response::json(202, out);
}

Response create_session(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto const body = http::json_object(request);
  auto const phone = req_phone(body);
  auto const code = http::req_string(body, "code", "验证码", 10);
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw ApiError(AppError::validation_failed, "验证码应为 6 位数字", "code");
  auto const now = base::now_ms();
  auto const token = base::random_token(32);
  enum class Result { ok, wrong, dead };
  struct Outcome {
    Result result = Result::dead;
    int left = 0;
  };
  // Wrong tries are committed (they burn the code), so the refusal is thrown after the write.
  auto outcome = db.write([&](db::Connection& conn) {
    load_quiz(conn, id);
    auto otp = qs::latest_otp(conn, id, phone);
    if (!otp || otp->used || otp->expires_at <= now || otp->failures >= otp_max_failures)
      return Outcome{Result::dead, 0};
    if (!base::constant_time_equal(hash_code(otp->salt, code), otp->code_hash)) {
      qs::set_otp_failures(conn, otp->id, otp->failures + 1);
      return Outcome{Result::wrong, otp_max_failures - otp->failures - 1};
    }
    qs::use_otp(conn, otp->id);
    auto const participant = qs::participant_for(conn, id, phone, now);
    qs::insert_token(conn, base::sha256_hex(token), participant, now, now + token_ttl_ms);
    auth::record_audit(conn, auth::audit_entry(request, nullptr, "quiz.login", "quiz_participant",
                                               std::to_string(participant)));
    return Outcome{Result::ok, 0};
  });
  if (outcome.result == Result::dead)
    throw ApiError(AppError::invalid_credentials, "验证码已失效，请重新获取", "code");
  if (outcome.result == Result::wrong) {
    throw ApiError(AppError::invalid_credentials,
                   outcome.left > 0 ? "验证码错误，还可尝试 " + std::to_string(outcome.left) + " 次"
                                    : "验证码错误次数过多，请重新获取",
                   "code");
  }
  return Response::created({{"token", token}, {"phone_masked", text::mask_phone(phone)}});
}

// ---- daily questions -----------------------------------------------------------------------

std::string letters_of(json::array const& options_answer) {
  std::set<std::string> letters;
  for (auto const& item : options_answer) letters.insert(std::string(item.as_string()));
  std::string out;
  for (auto const& letter : letters) out += letter;
  return out;
}

json::array letters_json(std::string const& letters) {
  json::array out;
  for (char c : letters) out.emplace_back(std::string(1, c));
  return out;
}

struct Paper {
  std::string day;
  std::vector<qs::Question> questions;  // today's, in order
};

Paper todays_paper(db::Connection& conn, qs::Quiz const& quiz, std::int64_t participant,
                   base::Millis now) {
  Paper paper;
  paper.day = base::shanghai_date(now);
  auto all = qs::bank_questions(conn, quiz.bank_id);
  std::vector<std::int64_t> ids;
  for (auto const& question : all) ids.push_back(question.id);
  auto const chosen = quiz::daily_questions(quiz.id, participant, paper.day, ids,
                                            static_cast<std::size_t>(quiz.questions_per_day));
  for (auto id : chosen) {
    auto found = std::find_if(all.begin(), all.end(), [&](auto const& q) { return q.id == id; });
    paper.questions.push_back(*found);
  }
  return paper;
}

// The graded result; `answers` maps question id → sorted letters.
json::object result_json(db::Connection& conn, qs::Quiz const& quiz, std::int64_t participant,
                         std::vector<qs::Question> const& questions,
                         std::map<std::int64_t, std::string> const& answers, qs::Day const& day) {
  json::array explanations;
  for (auto const& question : questions) {
    auto const found = answers.find(question.id);
    auto const given = found == answers.end() ? std::string() : found->second;
    explanations.push_back({{"question_id", question.id},
                            {"stem", question.stem},
                            {"your_answer", letters_json(given)},
                            {"correct_answer", letters_json(question.answer)},
                            {"correct", given == question.answer},
                            {"explanation", question.explanation}});
  }
  auto const totals = qs::totals(conn, participant);
  bool const qualified = totals.correct >= quiz.min_correct && totals.days >= quiz.min_days;
  return {{"correct", day.correct},
          {"total", day.total},
          {"score", day.score},
          {"qualified", qualified},
          {"total_correct", totals.correct},
          {"total_score", totals.score},
          {"days", totals.days},
          {"submitted_at", base::iso8601(day.submitted_at)},
          {"explanations", std::move(explanations)}};
}

std::map<std::int64_t, std::string> stored_answers(std::string const& text) {
  std::map<std::int64_t, std::string> out;
  auto value = json::parse(text);
  for (auto const& [key, letters] : value.as_object())
    out[std::stoll(std::string(key))] = std::string(letters.as_string());
  return out;
}

Response today(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto const now = base::now_ms();
  auto body = db.read([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    auto const who = participant(conn, request, id, now);
    require_open(quiz, now);
    auto paper = todays_paper(conn, quiz, who.id, now);
    json::array questions;
    for (auto const& question : paper.questions) {
      questions.push_back({{"id", question.id},
                           {"type", question.type},
                           {"stem", question.stem},
                           {"options", json::parse(question.options)}});
    }
    json::object out{{"date", paper.day}, {"questions", std::move(questions)}, {"done", false},
                     {"result", nullptr}};
    if (auto day = qs::find_day(conn, who.id, paper.day)) {
      out["done"] = true;
      out["result"] = result_json(conn, quiz, who.id, paper.questions,
                                  stored_answers(day->answers), *day);
    }
    return out;
  });
  return Response::ok(body);
}

// answers: {"<question id>": ["A", "C"]}; only today's questions; letters A–H.
std::map<std::int64_t, std::string> read_answers(json::object const& body,
                                                 std::vector<qs::Question> const& questions) {
  auto const* value = body.if_contains("answers");
  if (!value || !value->is_object())
    throw ApiError(AppError::validation_failed, "answers 应为对象：{题目编号: [选项]}", "answers");
  std::map<std::int64_t, std::string> out;
  for (auto const& [key, letters] : value->as_object()) {
    auto const found = std::find_if(questions.begin(), questions.end(), [&](auto const& q) {
      return std::to_string(q.id) == std::string_view(key);
    });
    if (found == questions.end())
      throw ApiError(AppError::validation_failed, "题目 " + std::string(key) + " 不是今天的题目",
                     "answers");
    if (!letters.is_array() || letters.as_array().size() > 8)
      throw ApiError(AppError::validation_failed, "答案应为选项字母列表", "answers");
    for (auto const& letter : letters.as_array()) {
      if (!letter.is_string() || letter.as_string().size() != 1 || letter.as_string()[0] < 'A' ||
          letter.as_string()[0] > 'H')
        throw ApiError(AppError::validation_failed, "答案应为选项字母 A–H", "answers");
    }
    out[found->id] = letters_of(letters.as_array());
  }
  return out;
}

Response submit_today(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto const body = http::json_object(request);
  auto const now = base::now_ms();
  auto out = db.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    auto const who = participant(conn, request, id, now);
    require_open(quiz, now);
    auto paper = todays_paper(conn, quiz, who.id, now);
    auto const answers = read_answers(body, paper.questions);
    if (qs::find_day(conn, who.id, paper.day))
      throw ApiError(AppError::conflict, "今天已经答过题了，明天再来吧");
    qs::Day day;
    json::array ids;
    json::object stored;
    for (auto const& question : paper.questions) {
      ids.push_back(question.id);
      auto const found = answers.find(question.id);
      if (found == answers.end()) continue;
      stored[std::to_string(question.id)] = found->second;
      if (found->second == question.answer) ++day.correct;
    }
    day.question_ids = json::serialize(ids);
    day.answers = json::serialize(stored);
    day.total = static_cast<int>(paper.questions.size());
    day.score = day.correct * points_per_question;
    day.submitted_at = now;
    qs::insert_day(conn, id, who.id, paper.day, day);
    auth::record_audit(conn, auth::audit_entry(request, nullptr, "quiz.answer", "quiz_participant",
                                               std::to_string(who.id)));
    return result_json(conn, quiz, who.id, paper.questions, answers, day);
  });
  return Response::ok(out);
}

Response leaderboard(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto page = http::page_of(request);
  if (auto size = http::query_int(request, "size")) {
    if (*size < 1 || *size > http::max_page_size)
      throw ApiError(AppError::validation_failed, "每页条数应在 1 到 100 之间", "size");
    page.size = *size;
  }
  auto body = db.read([&](db::Connection& conn) {
    load_quiz(conn, id);
    json::array items;
    auto rank = page.offset();
    for (auto const& row : qs::leaderboard(conn, id, page.size, page.offset())) {
      items.push_back({{"rank", ++rank},
                       {"phone_masked", text::mask_phone(row.phone)},
                       {"score", row.score},
                       {"days", row.days}});
    }
    return json::object{{"items", std::move(items)}, {"total", qs::ranked_count(conn, id)}};
  });
  return Response::ok(body);
}

// ---- staff ---------------------------------------------------------------------------------

Response list_quizzes(db::Database& db, Request&) {
  auto const now = base::now_ms();
  auto body = db.read([&](db::Connection& conn) {
    json::array items;
    for (auto const& quiz : qs::list_quizzes(conn)) items.push_back(staff_json(conn, quiz, now));
    auto const total = items.size();
    return json::object{{"items", std::move(items)}, {"total", total}};
  });
  return Response::ok(body);
}

Response create_quiz(db::Database& db, Request& request) {
  auto const body = http::json_object(request);
  auto const now = base::now_ms();
  auto out = db.write([&](db::Connection& conn) {
    qs::Quiz quiz;
    read_quiz(conn, body, quiz);
    if (qs::find_quiz_by_title(conn, quiz.title))
      throw ApiError(AppError::conflict, "已有同名竞答", "title");
    quiz.created_at = quiz.updated_at = now;
    quiz.id = qs::insert_quiz(conn, quiz);
    auth::record_audit(conn, auth::audit_entry(request, &auth::principal(request), "quiz.create",
                                               "quiz", std::to_string(quiz.id)));
    return staff_json(conn, quiz, now);
  });
  return Response::created(out);
}

Response show_quiz(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto body = db.read(
      [&](db::Connection& conn) { return staff_json(conn, load_quiz(conn, id), base::now_ms()); });
  return Response::ok(body);
}

Response update_quiz(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto const body = http::json_object(request);
  auto const now = base::now_ms();
  auto out = db.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    auto edited = quiz;
    read_quiz(conn, body, edited);
    if (auto other = qs::find_quiz_by_title(conn, edited.title); other && *other != id)
      throw ApiError(AppError::conflict, "已有同名竞答", "title");
    // Once the seed is committed, the pool it draws from must not be reshaped.
    bool const reshaped = edited.opens_at != quiz.opens_at || edited.closes_at != quiz.closes_at ||
                          edited.min_correct != quiz.min_correct ||
                          edited.min_days != quiz.min_days ||
                          edited.winners_count != quiz.winners_count;
    if (quiz.commitment && reshaped)
      throw ApiError(AppError::conflict, "已提交抽奖承诺，不能再修改时间、获奖资格或中奖人数");
    edited.updated_at = now;
    qs::update_quiz(conn, edited);
    auth::record_audit(conn, auth::audit_entry(request, &auth::principal(request), "quiz.update",
                                               "quiz", std::to_string(id)));
    return staff_json(conn, edited, now);
  });
  return Response::ok(out);
}

Response commit_seed(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto const now = base::now_ms();
  std::string seed = base::random_hex(32);
  if (!request.body.empty()) {
    auto const body = http::json_object(request);
    if (auto given = http::opt_string(body, "seed", "随机种子", 64)) {
      if (!quiz::is_seed_hex(*given))
        throw ApiError(AppError::validation_failed, "种子应为 64 位小写十六进制", "seed");
      seed = *given;
    }
  }
  auto out = db.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    if (quiz.commitment) throw ApiError(AppError::conflict, "已提交过抽奖承诺");
    if (now >= quiz.closes_at) throw ApiError(AppError::conflict, "竞答已结束，不能再提交承诺");
    quiz.seed = seed;
    quiz.commitment = quiz::commitment_of(seed);
    quiz.committed_at = now;
    quiz.updated_at = now;
    qs::update_quiz(conn, quiz);
    auth::record_audit(conn, auth::audit_entry(request, &auth::principal(request), "quiz.commit",
                                               "quiz", std::to_string(id)));
    return staff_json(conn, quiz, now);
  });
  return Response::ok(out);
}

void run_draw(db::Connection& conn, qs::Quiz& quiz, base::Millis now) {
  auto const pool = qs::qualified_ids(conn, quiz);
  auto const chosen = quiz::draw_winners(*quiz.seed, pool,
                                         static_cast<std::size_t>(quiz.winners_count));
  json::array ids;
  for (auto id : pool) ids.push_back(id);
  for (std::size_t i = 0; i < chosen.size(); ++i)
    qs::insert_winner(conn, quiz.id, static_cast<int>(i + 1), chosen[i]);
  quiz.draw_pool = json::serialize(ids);
  quiz.revealed_at = now;
  quiz.updated_at = now;
  qs::update_quiz(conn, quiz);
}

Response draw(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto const now = base::now_ms();
  auto out = db.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    if (!quiz.commitment) throw ApiError(AppError::conflict, "尚未提交抽奖承诺，不能抽奖");
    if (now < quiz.closes_at) throw ApiError(AppError::conflict, "竞答尚未结束，不能抽奖");
    if (quiz.revealed_at) throw ApiError(AppError::conflict, "已经抽过奖了");
    run_draw(conn, quiz, now);
    auth::record_audit(conn, auth::audit_entry(request, &auth::principal(request), "quiz.draw",
                                               "quiz", std::to_string(id)));
    return staff_json(conn, quiz, now);
  });
  return Response::ok(out);
}

Response public_draw(db::Database& db, Request& request) {
  auto const id = request.id_param("id");
  auto body = db.read([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    return json::object{{"quiz_id", quiz.id},
                        {"title", quiz.title},
                        {"closes_at", base::iso8601(quiz.closes_at)},
                        {"winners_count", quiz.winners_count},
                        {"draw", draw_json(conn, quiz)}};
  });
  return Response::ok(body);
}

Response current(db::Database& db, Request&) {
  auto const now = base::now_ms();
  auto body = db.read([&](db::Connection& conn) {
    auto quiz = qs::current_quiz(conn, now);
    if (!quiz) throw ApiError(AppError::not_found, "目前没有进行中的竞答");
    return public_json(conn, *quiz, now);
  });
  return Response::ok(body);
}

}  // namespace

void add_quiz_routes(http::Router& router, db::Database& db,
                     std::shared_ptr<quiz::OtpSender> sender) {
  if (!sender) sender = std::make_shared<quiz::LogSender>();
  auto const open = http::Access::open;
  // Literal paths before /{id}: the router takes the first match.
  router.add(Method::get, "/api/v1/quizzes/current",
             [&db](Request& r) { return current(db, r); }, {.access = open});
  router.add(Method::get, "/api/v1/quizzes", [&db](Request& r) { return list_quizzes(db, r); },
             {.permission = "exam.manage"});
  router.add(Method::post, "/api/v1/quizzes", [&db](Request& r) { return create_quiz(db, r); },
             {.permission = "exam.manage", .action = "quiz.create"});
  router.add(Method::get, "/api/v1/quizzes/{id}", [&db](Request& r) { return show_quiz(db, r); },
             {.permission = "exam.manage"});
  router.add(Method::put, "/api/v1/quizzes/{id}", [&db](Request& r) { return update_quiz(db, r); },
             {.permission = "exam.manage", .action = "quiz.update"});
  router.add(Method::post, "/api/v1/quizzes/{id}/draw/commit",
             [&db](Request& r) { return commit_seed(db, r); },
             {.permission = "exam.manage", .action = "quiz.commit"});
  router.add(Method::post, "/api/v1/quizzes/{id}/draw", [&db](Request& r) { return draw(db, r); },
             {.permission = "exam.manage", .action = "quiz.draw"});
  router.add(Method::get, "/api/v1/quizzes/{id}/draw",
             [&db](Request& r) { return public_draw(db, r); }, {.access = open});
  router.add(Method::post, "/api/v1/quizzes/{id}/otp",
             [&db, sender](Request& r) { return request_otp(db, *sender, r); },
             {.access = open, .action = "quiz.otp"});
  router.add(Method::post, "/api/v1/quizzes/{id}/sessions",
             [&db](Request& r) { return create_session(db, r); },
             {.access = open, .action = "quiz.login"});
  router.add(Method::get, "/api/v1/quizzes/{id}/today", [&db](Request& r) { return today(db, r); },
             {.access = open});
  router.add(Method::post, "/api/v1/quizzes/{id}/today",
             [&db](Request& r) { return submit_today(db, r); },
             {.access = open, .action = "quiz.answer"});
  router.add(Method::get, "/api/v1/quizzes/{id}/leaderboard",
             [&db](Request& r) { return leaderboard(db, r); }, {.access = open});
}

std::vector<db::Migration> quiz_migrations() { return qs::migrations(); }

}  // namespace pufa::exam
