#include "quiz/service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/rate_limit.hpp"
#include "base/random.hpp"
#include "base/sealed.hpp"
#include "exam/library.hpp"
#include "exam/paper.hpp"
#include "http/error.hpp"
#include "quiz/draw.hpp"
#include "quiz/store.hpp"
#include "text/utf8.hpp"

namespace pufa::quiz {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

std::string_view const draw_method =
    "抽奖种子 = sha256(\"<服务器种子>:<名单哈希>:<公开随机值>\")：服务器种子在竞答结束前生成，只公布其 sha256"
    "（承诺值）；名单哈希 = sha256(合格参与者编号升序以逗号连接)，在结束后固定名单时公布；公开随机值取自提交承诺时"
    "写明的来源（如结束后第一期福利彩票开奖号码），任何人事先都不知道。合格参与者按编号升序排列为列表 L（n 人）；"
    "对 i = 0..k-1，取 sha256(\"<抽奖种子>:<i>\") 的前 8 字节（大端无符号整数）r，j = i + r mod (n-i)，"
    "交换 L[i] 与 L[j]；L[0..k) 依次为中奖者。";

std::string_view status_of(Quiz const& quiz, base::Millis now) {
  if (now < quiz.opens_at) return "upcoming";
  return now < quiz.closes_at ? "open" : "closed";
}

namespace {

Quiz load_quiz(db::Connection& conn, std::int64_t id) {
  auto quiz = store::find_quiz(conn, id);
  if (!quiz) throw ApiError(AppError::not_found, "竞答不存在");
  return std::move(*quiz);
}

void require_open(Quiz const& quiz, base::Millis now) {
  if (now < quiz.opens_at) throw ApiError(AppError::unprocessable, "竞答尚未开始");
  if (now >= quiz.closes_at) throw ApiError(AppError::unprocessable, "竞答已结束");
}

QuizView view_of(db::Connection& conn, Quiz quiz) {
  QuizView view;
  view.bank_name = exam::library::bank_name(conn, quiz.bank_id).value_or("");
  view.participants = store::participant_count(conn, quiz.id);
  if (quiz.revealed_at) view.winners = store::winners(conn, quiz.id);
  view.quiz = std::move(quiz);
  return view;
}

void apply(db::Connection& conn, QuizInput const& input, Quiz& quiz) {
  if (!exam::library::bank_name(conn, input.bank_id)) throw ApiError(AppError::validation_failed, "题库不存在", "bank_id");
  quiz.title = input.title;
  quiz.intro = input.intro;
  quiz.opens_at = input.opens_at;
  quiz.closes_at = input.closes_at;
  quiz.questions_per_day = input.questions_per_day;
  quiz.bank_id = input.bank_id;
  quiz.min_correct = input.min_correct;
  quiz.min_days = input.min_days;
  quiz.prize = input.prize;
  quiz.winners_count = input.winners_count;
}

Participant participant(db::Connection& conn, std::string_view token, std::int64_t quiz_id, base::Millis now) {
  std::optional<Participant> found;
  if (!token.empty() && token.size() <= 100) found = store::participant_by_token(conn, base::sha256_hex(token), now);
  if (!found || found->quiz_id != quiz_id) throw ApiError(AppError::unauthenticated, "请先用手机号和验证码登录");
  return std::move(*found);
}

std::string hash_code(std::string const& salt, std::string const& code) { return base::sha256_hex(salt + ":" + code); }

std::string new_code() {
  auto const value = std::stoull(base::random_hex(4), nullptr, 16) % 1'000'000;
  auto text = std::to_string(value);
  return std::string(6 - text.size(), '0') + text;
}

// The rate limiter's scopes never hold a phone number in clear.
// A keyed index, not a bare hash: eleven digits are guessed from an unkeyed SHA-256 in minutes.
std::string phone_scope(std::string const& phone) { return "quiz.phone:" + base::sealed::blind_index(base::sealed::phone_kind, phone); }
std::string address_scope(std::string const& ip) { return "quiz.ip:" + ip; }

// Today's questions for a participant, in order.
std::vector<exam::Question> todays_questions(db::Connection& conn, Quiz const& quiz, std::int64_t participant,
                                             std::string const& day) {
  auto all = exam::library::questions_of(conn, quiz.bank_id);
  std::vector<std::int64_t> ids;
  for (auto const& question : all) ids.push_back(question.id);
  auto const chosen = daily_questions(quiz.id, participant, day, ids, static_cast<std::size_t>(quiz.questions_per_day));
  std::vector<exam::Question> out;
  for (auto id : chosen) out.push_back(*std::find_if(all.begin(), all.end(), [&](auto const& q) { return q.id == id; }));
  return out;
}

DayResult result_of(db::Connection& conn, Quiz const& quiz, std::int64_t participant,
                    std::vector<exam::Question> const& questions, std::map<std::int64_t, std::string> const& answers,
                    Day const& day) {
  DayResult out;
  out.day = day;
  for (auto const& question : questions) {
    auto const found = answers.find(question.id);
    out.explanations.push_back({question, found == answers.end() ? std::string() : found->second});
  }
  out.totals = store::totals(conn, participant);
  out.qualified = out.totals.correct >= quiz.min_correct && out.totals.days >= quiz.min_days;
  return out;
}

std::map<std::int64_t, std::string> stored_answers(std::string const& text) {
  std::map<std::int64_t, std::string> out;
  auto value = json::parse(text);
  for (auto const& [key, letters] : value.as_object()) out[std::stoll(std::string(key))] = std::string(letters.as_string());
  return out;
}

}  // namespace

std::vector<QuizView> QuizService::list() {
  return db_.read([&](db::Connection& conn) {
    std::vector<QuizView> out;
    for (auto& quiz : store::list_quizzes(conn)) out.push_back(view_of(conn, std::move(quiz)));
    return out;
  });
}

QuizView QuizService::show(std::int64_t id) {
  return db_.read([&](db::Connection& conn) { return view_of(conn, load_quiz(conn, id)); });
}

QuizView QuizService::create(auth::Actor const& actor, QuizInput input) {
  actor.user();
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    Quiz quiz;
    apply(conn, input, quiz);
    if (store::find_quiz_by_title(conn, quiz.title)) throw ApiError(AppError::conflict, "已有同名竞答", "title");
    quiz.created_at = quiz.updated_at = now;
    quiz.id = store::insert_quiz(conn, quiz);
    auth::audit(conn, actor, "quiz.create", "quiz", std::to_string(quiz.id));
    return view_of(conn, quiz);
  });
}

QuizView QuizService::update(auth::Actor const& actor, std::int64_t id, QuizInput input) {
  actor.user();
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    auto edited = quiz;
    apply(conn, input, edited);
    if (auto other = store::find_quiz_by_title(conn, edited.title); other && *other != id)
      throw ApiError(AppError::conflict, "已有同名竞答", "title");
    // Once the seed is committed, the pool it draws from must not be reshaped.
    bool const reshaped = edited.opens_at != quiz.opens_at || edited.closes_at != quiz.closes_at ||
                          edited.min_correct != quiz.min_correct || edited.min_days != quiz.min_days ||
                          edited.winners_count != quiz.winners_count;
    if (quiz.commitment && reshaped)
      throw ApiError(AppError::conflict, "已提交抽奖承诺，不能再修改时间、获奖资格或中奖人数");
    edited.updated_at = now;
    store::update_quiz(conn, edited);
    auth::audit(conn, actor, "quiz.update", "quiz", std::to_string(id));
    return view_of(conn, edited);
  });
}

QuizView QuizService::commit(auth::Actor const& actor, std::int64_t id, std::string const& public_source) {
  actor.user();
  auto const now = base::now_ms();
  auto const length = text::utf8_length(public_source).value_or(0);
  if (length < 4 || length > 200) {
    throw ApiError(AppError::validation_failed, "请写明竞答结束后公开的随机值来源（4 到 200 个字），如“竞答结束后第一期双色球开奖号码”",
                   "public_source");
  }
  // Only the server chooses the seed: a seed chosen by staff lets them predict the winners.
  auto const seed = base::random_hex(32);
  return db_.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    if (quiz.commitment) throw ApiError(AppError::conflict, "已提交过抽奖承诺");
    if (now >= quiz.closes_at) throw ApiError(AppError::conflict, "竞答已结束，不能再提交承诺");
    quiz.seed = seed;
    quiz.commitment = commitment_of(seed);
    quiz.public_source = public_source;
    quiz.committed_at = now;
    quiz.updated_at = now;
    store::update_quiz(conn, quiz);
    auth::audit(conn, actor, "quiz.commit", "quiz", std::to_string(id));
    return view_of(conn, quiz);
  });
}

namespace {

void check_can_fix_pool(Quiz const& quiz, base::Millis now) {
  if (!quiz.commitment) throw ApiError(AppError::conflict, "尚未提交抽奖承诺，不能固定名单");
  if (now < quiz.closes_at) throw ApiError(AppError::conflict, "竞答尚未结束，不能固定名单");
  if (quiz.pool_fixed_at) throw ApiError(AppError::conflict, "抽奖名单已固定");
}

void check_can_draw(Quiz const& quiz, base::Millis now) {
  if (!quiz.commitment) throw ApiError(AppError::conflict, "尚未提交抽奖承诺，不能抽奖");
  if (now < quiz.closes_at) throw ApiError(AppError::conflict, "竞答尚未结束，不能抽奖");
  if (quiz.revealed_at) throw ApiError(AppError::conflict, "已经抽过奖了");
  if (!quiz.pool_fixed_at || !quiz.pool_hash) throw ApiError(AppError::conflict, "请先固定抽奖名单并公布其哈希，再录入公开随机值");
}

}  // namespace

QuizView QuizService::fix_pool(auth::Actor const& actor, std::int64_t id) {
  actor.user();
  auto const now = base::now_ms();
  // After the close no answer changes the pool: it is read, serialised and hashed before the
  // write, which only re-checks that no one fixed it meanwhile.
  auto const pool = db_.read([&](db::Connection& conn) {
    auto const quiz = load_quiz(conn, id);
    check_can_fix_pool(quiz, now);
    return store::qualified_ids(conn, quiz);
  });
  json::array ids;
  for (auto participant : pool) ids.push_back(participant);
  auto const pool_json = json::serialize(ids);
  auto const pool_hash = pool_hash_of(pool);
  return db_.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    check_can_fix_pool(quiz, now);
    quiz.draw_pool = pool_json;
    quiz.pool_hash = pool_hash;
    quiz.pool_fixed_at = now;
    quiz.updated_at = now;
    store::update_quiz(conn, quiz);
    auth::audit(conn, actor, "quiz.pool", "quiz", std::to_string(id), *quiz.pool_hash);
    return view_of(conn, quiz);
  });
}

QuizView QuizService::draw(auth::Actor const& actor, std::int64_t id, std::string const& public_value) {
  actor.user();
  auto const now = base::now_ms();
  auto const length = text::utf8_length(public_value).value_or(0);
  if (length < 1 || length > 200) {
    throw ApiError(AppError::validation_failed, "请照录公开随机值（1 到 200 个字），如开奖号码", "public_value");
  }
  // The fixed pool is parsed and the winners drawn before the write; the write re-checks that
  // the quiz is still undrawn with the same pool.
  auto const fixed = db_.read([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    check_can_draw(quiz, now);
    return quiz;
  });
  std::vector<std::int64_t> pool;
  auto const parsed = json::parse(fixed.draw_pool.value_or("[]"));
  for (auto const& value : parsed.as_array()) pool.push_back(value.to_number<std::int64_t>());
  auto const seed = draw_seed_of(*fixed.seed, *fixed.pool_hash, public_value);
  auto const chosen = draw_winners(seed, pool, static_cast<std::size_t>(fixed.winners_count));
  return db_.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, id);
    check_can_draw(quiz, now);
    if (quiz.pool_hash != fixed.pool_hash) throw ApiError(AppError::conflict, "抽奖名单已变化，请刷新后重试");
    for (std::size_t i = 0; i < chosen.size(); ++i) store::insert_winner(conn, quiz.id, static_cast<int>(i + 1), chosen[i]);
    quiz.public_value = public_value;
    quiz.revealed_at = now;
    quiz.updated_at = now;
    store::update_quiz(conn, quiz);
    auth::audit(conn, actor, "quiz.draw", "quiz", std::to_string(id));
    return view_of(conn, quiz);
  });
}

QuizView QuizService::current() {
  auto const now = base::now_ms();
  return db_.read([&](db::Connection& conn) {
    auto quiz = store::current_quiz(conn, now);
    if (!quiz) throw ApiError(AppError::not_found, "目前没有进行中的竞答");
    return view_of(conn, std::move(*quiz));
  });
}

QuizView QuizService::public_view(std::int64_t id) { return show(id); }

OtpOutcome QuizService::request_otp(auth::Actor const& actor, std::int64_t quiz_id, std::string const& phone) {
  if (!sender_) {
    throw ApiError(AppError::unavailable, "短信验证码服务尚未配置，暂时无法获取验证码，请联系主办单位");
  }
  auto const now = base::now_ms();
  auto const code = new_code();
  auto const by_phone = phone_scope(phone);
  auto const by_address = address_scope(actor.ip);
  struct Outcome {
    base::Millis wait_ms = 0;
    std::string title;
  };
  auto outcome = db_.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, quiz_id);
    require_open(quiz, now);
    auth::rate_limit::lock(conn, by_phone, now);
    auth::rate_limit::lock(conn, by_address, now);
    auto const phone_events = auth::rate_limit::events(conn, by_phone, now - day_window_ms);
    auto const address_events = auth::rate_limit::events(conn, by_address, now - ip_window_ms);
    auto const wait = std::max(auth::rate_limit::wait(phone_events, {{1, phone_gap_ms}, {phone_daily_limit, day_window_ms}}, now),
                               auth::rate_limit::wait(address_events, {{ip_limit, ip_window_ms}}, now));
    if (wait > 0) return Outcome{wait, {}};
    auth::rate_limit::record(conn, by_phone, now, day_window_ms);
    auth::rate_limit::record(conn, by_address, now, day_window_ms);
    Otp otp;
    otp.salt = base::random_hex(16);
    otp.code_hash = hash_code(otp.salt, code);
    otp.expires_at = now + otp_ttl_ms;
    store::insert_otp(conn, quiz_id, phone, otp, now);
    auth::audit(conn, actor, "quiz.otp", "quiz", std::to_string(quiz_id));
    return Outcome{0, quiz.title};
  });
  if (outcome.wait_ms > 0) return {outcome.wait_ms, {}};
  sender_->send(phone, code, outcome.title);  // after the commit: a code is never sent unstored
  return {0, code};
}

SessionOutcome QuizService::create_session(auth::Actor const& actor, std::int64_t quiz_id, std::string const& phone,
                                           std::string const& code) {
  auto const now = base::now_ms();
  auto const token = base::random_token(32);
  enum class Result { ok, wrong, dead };
  struct Outcome {
    Result result = Result::dead;
    int left = 0;
  };
  // Wrong tries are committed (they burn the code), so the refusal is thrown after the write.
  auto outcome = db_.write([&](db::Connection& conn) {
    load_quiz(conn, quiz_id);
    auto otp = store::latest_otp(conn, quiz_id, phone);
    if (!otp || otp->used || otp->expires_at <= now || otp->failures >= otp_max_failures) return Outcome{Result::dead, 0};
    if (!base::constant_time_equal(hash_code(otp->salt, code), otp->code_hash)) {
      store::set_otp_failures(conn, otp->id, otp->failures + 1);
      return Outcome{Result::wrong, otp_max_failures - otp->failures - 1};
    }
    store::use_otp(conn, otp->id);
    auto const participant = store::participant_for(conn, quiz_id, phone, now);
    store::insert_token(conn, base::sha256_hex(token), participant, now, now + token_ttl_ms);
    auth::audit(conn, actor, "quiz.login", "quiz_participant", std::to_string(participant));
    return Outcome{Result::ok, 0};
  });
  if (outcome.result == Result::dead) throw ApiError(AppError::invalid_credentials, "验证码已失效，请重新获取", "code");
  if (outcome.result == Result::wrong) {
    throw ApiError(AppError::invalid_credentials,
                   outcome.left > 0 ? "验证码错误，还可尝试 " + std::to_string(outcome.left) + " 次"
                                    : "验证码错误次数过多，请重新获取",
                   "code");
  }
  return {token, phone};
}

Today QuizService::today(std::string_view token, std::int64_t quiz_id) {
  auto const now = base::now_ms();
  return db_.read([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, quiz_id);
    auto const who = participant(conn, token, quiz_id, now);
    require_open(quiz, now);
    Today out;
    out.date = base::shanghai_date(now);
    out.questions = todays_questions(conn, quiz, who.id, out.date);
    if (auto day = store::find_day(conn, who.id, out.date)) {
      out.result = result_of(conn, quiz, who.id, out.questions, stored_answers(day->answers), *day);
    }
    return out;
  });
}

DayResult QuizService::submit(auth::Actor const& actor, std::string_view token, std::int64_t quiz_id,
                              std::map<std::int64_t, std::vector<std::string>> const& given) {
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    auto quiz = load_quiz(conn, quiz_id);
    auto const who = participant(conn, token, quiz_id, now);
    require_open(quiz, now);
    auto const date = base::shanghai_date(now);
    auto const questions = todays_questions(conn, quiz, who.id, date);
    std::map<std::int64_t, std::string> answers;
    for (auto const& [id, letters] : given) {
      if (std::none_of(questions.begin(), questions.end(), [&](auto const& q) { return q.id == id; })) {
        throw ApiError(AppError::validation_failed, "题目 " + std::to_string(id) + " 不是今天的题目", "answers");
      }
      std::set<std::string> sorted(letters.begin(), letters.end());
      std::string joined;
      for (auto const& letter : sorted) joined += letter;
      answers[id] = joined;
    }
    if (store::find_day(conn, who.id, date)) throw ApiError(AppError::conflict, "今天已经答过题了，明天再来吧");
    Day day;
    json::array ids;
    json::object stored;
    for (auto const& question : questions) {
      ids.push_back(question.id);
      auto const found = answers.find(question.id);
      if (found == answers.end()) continue;
      stored[std::to_string(question.id)] = found->second;
      if (found->second == question.answer) ++day.correct;
    }
    day.question_ids = json::serialize(ids);
    day.answers = json::serialize(stored);
    day.total = static_cast<int>(questions.size());
    day.score = day.correct * points_per_question;
    day.submitted_at = now;
    store::insert_day(conn, quiz_id, who.id, date, day);
    auth::audit(conn, actor, "quiz.answer", "quiz_participant", std::to_string(who.id));
    return result_of(conn, quiz, who.id, questions, answers, day);
  });
}

Leaderboard QuizService::leaderboard(std::int64_t quiz_id, std::int64_t page, std::int64_t page_size) {
  return db_.read([&](db::Connection& conn) {
    load_quiz(conn, quiz_id);
    auto const offset = (page - 1) * page_size;
    return Leaderboard{store::leaderboard(conn, quiz_id, page_size, offset), store::ranked_count(conn, quiz_id),
                       offset + 1};
  });
}

}  // namespace pufa::quiz
