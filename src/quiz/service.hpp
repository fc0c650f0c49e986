// The public quiz's use cases: staff manage quizzes and the committed draw (exam.manage);
// residents sign in with a phone and a one-time code, answer the day's questions, and see the
// leaderboard and the draw. Limits on codes use auth's shared rate limiter (docs/quiz.md).
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "quiz/model.hpp"
#include "quiz/sender.hpp"

namespace pufa::quiz {

// Rules of the one-time code and its rate limits.
inline constexpr base::Millis otp_ttl_ms = 5 * base::minute_ms;
inline constexpr int otp_max_failures = 5;
inline constexpr base::Millis phone_gap_ms = 60'000;  // one code per phone per minute
inline constexpr int phone_daily_limit = 10;          // ... and ten per rolling day
inline constexpr base::Millis day_window_ms = 24 * base::hour_ms;
inline constexpr int ip_limit = 20;  // codes per address per ten minutes
inline constexpr base::Millis ip_window_ms = 10 * base::minute_ms;
inline constexpr base::Millis token_ttl_ms = 30 * day_window_ms;
inline constexpr int points_per_question = 10;

// What a quiz's create or update sets (checked by the route's parser for shape and bounds).
struct QuizInput {
  std::string title, intro, prize;
  base::Millis opens_at = 0, closes_at = 0;
  int questions_per_day = 5, min_correct = 0, min_days = 1, winners_count = 1;
  std::int64_t bank_id = 0;
};

// A code sent, or how long until one may be.
struct OtpOutcome {
  base::Millis retry_after_ms = 0;  // > 0: refused for now
  std::string code;                 // the code sent (echoed to demos only, see otp_echo_enabled)
};

struct SessionOutcome {
  std::string token;
  std::string phone;
};

class QuizService {
 public:
  QuizService(db::Database& db, std::shared_ptr<OtpSender> sender) : db_(db), sender_(std::move(sender)) {}

  // Staff.
  std::vector<QuizView> list();
  QuizView show(std::int64_t id);
  QuizView create(auth::Actor const& actor, QuizInput input);
  QuizView update(auth::Actor const& actor, std::int64_t id, QuizInput input);
  // The seed is random unless one is given (64 hex characters).
  // Before the close: the server draws its secret seed and publishes sha256 of it, with the
  // public source the draw will read after the close (named now, so it cannot be chosen later).
  QuizView commit(auth::Actor const& actor, std::int64_t id, std::string const& public_source);
  // After the close: fixes the qualified pool and publishes it with its hash.
  QuizView fix_pool(auth::Actor const& actor, std::int64_t id);
  // Once the pool is fixed: the public value as published; the winners follow from it.
  QuizView draw(auth::Actor const& actor, std::int64_t id, std::string const& public_value);

  // Public.
  QuizView current();
  QuizView public_view(std::int64_t id);
  OtpOutcome request_otp(auth::Actor const& actor, std::int64_t quiz_id, std::string const& phone);
  SessionOutcome create_session(auth::Actor const& actor, std::int64_t quiz_id, std::string const& phone,
                                std::string const& code);
  // `token`: the participant's X-Quiz-Token.
  Today today(std::string_view token, std::int64_t quiz_id);
  // answers: question id → letters as sent (checked against today's questions).
  DayResult submit(auth::Actor const& actor, std::string_view token, std::int64_t quiz_id,
                   std::map<std::int64_t, std::vector<std::string>> const& answers);
  Leaderboard leaderboard(std::int64_t quiz_id, std::int64_t page, std::int64_t page_size);

 private:
  db::Database& db_;
  std::shared_ptr<OtpSender> sender_;
};

// How the winners are drawn, in words (shown with the draw).
extern std::string_view const draw_method;

}  // namespace pufa::quiz
