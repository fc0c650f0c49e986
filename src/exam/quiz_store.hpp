// SQL of the public quiz: the only place its tables (area "quiz") are touched. Reads the
// exam core's exam_banks / exam_questions, never writes them (except the demo bank).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"

namespace pufa::exam::quiz::store {

std::vector<db::Migration> migrations();

struct Quiz {
  std::int64_t id = 0;
  std::string title;
  std::string intro;
  std::int64_t bank_id = 0;
  base::Millis opens_at = 0;
  base::Millis closes_at = 0;
  int questions_per_day = 5;
  int min_correct = 0;  // qualify: total correct answers over the quiz ≥ min_correct
  int min_days = 1;     // ... on at least min_days different days
  std::string prize;
  int winners_count = 1;
  std::optional<std::string> seed;  // kept secret until the draw
  std::optional<std::string> commitment;
  std::optional<base::Millis> committed_at;
  std::optional<base::Millis> revealed_at;
  std::optional<std::string> draw_pool;  // JSON array of the qualified participant ids
  base::Millis created_at = 0;
  base::Millis updated_at = 0;
};

std::optional<Quiz> find_quiz(db::Connection& conn, std::int64_t id);
std::vector<Quiz> list_quizzes(db::Connection& conn);
// The open quiz that opened last, if any.
std::optional<Quiz> current_quiz(db::Connection& conn, base::Millis now);
std::int64_t insert_quiz(db::Connection& conn, Quiz const& quiz);
void update_quiz(db::Connection& conn, Quiz const& quiz);  // fields and draw columns
std::optional<std::int64_t> find_quiz_by_title(db::Connection& conn, std::string const& title);
std::int64_t participant_count(db::Connection& conn, std::int64_t quiz_id);

std::optional<std::string> bank_name(db::Connection& conn, std::int64_t bank_id);
std::optional<std::int64_t> bank_by_name(db::Connection& conn, std::string const& name);

struct Question {
  std::int64_t id = 0;
  std::string type;
  std::string stem;
  std::string options;  // JSON text as stored
  std::string answer;   // sorted letters
  std::string explanation;
};
std::vector<Question> bank_questions(db::Connection& conn, std::int64_t bank_id);

// Rate limits shared by every node through the database.
void lock_scope(db::Connection& conn, std::string const& scope, base::Millis now);
std::vector<base::Millis> events_since(db::Connection& conn, std::string const& scope,
                                       base::Millis since);  // oldest first
void add_event(db::Connection& conn, std::string const& scope, base::Millis at);
void purge_events(db::Connection& conn, std::string const& scope, base::Millis before);

struct Otp {
  std::int64_t id = 0;
  std::string code_hash;
  std::string salt;
  base::Millis expires_at = 0;
  int failures = 0;
  bool used = false;
};
void insert_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                Otp const& otp, base::Millis now);
std::optional<Otp> latest_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone);
void set_otp_failures(db::Connection& conn, std::int64_t otp_id, int failures);
void use_otp(db::Connection& conn, std::int64_t otp_id);

std::int64_t participant_for(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                             base::Millis now);  // finds or creates
void insert_token(db::Connection& conn, std::string const& token_hash, std::int64_t participant_id,
                  base::Millis now, base::Millis expires_at);

struct Participant {
  std::int64_t id = 0;
  std::int64_t quiz_id = 0;
  std::string phone;
};
std::optional<Participant> participant_by_token(db::Connection& conn, std::string const& token_hash,
                                                base::Millis now);

struct Day {
  std::string question_ids;  // JSON array
  std::string answers;       // JSON object
  int correct = 0;
  int total = 0;
  int score = 0;
  base::Millis submitted_at = 0;
};
std::optional<Day> find_day(db::Connection& conn, std::int64_t participant_id, std::string const& day);
void insert_day(db::Connection& conn, std::int64_t quiz_id, std::int64_t participant_id,
                std::string const& day, Day const& row);

struct Totals {
  int correct = 0;
  int score = 0;
  int days = 0;
};
Totals totals(db::Connection& conn, std::int64_t participant_id);

struct Standing {
  std::string phone;
  std::int64_t score = 0;
  std::int64_t days = 0;
};
std::vector<Standing> leaderboard(db::Connection& conn, std::int64_t quiz_id, std::int64_t limit,
                                  std::int64_t offset);
std::int64_t ranked_count(db::Connection& conn, std::int64_t quiz_id);

std::vector<std::int64_t> qualified_ids(db::Connection& conn, Quiz const& quiz);  // ascending

struct Winner {
  std::int64_t participant_id = 0;
  std::string phone;
};
void insert_winner(db::Connection& conn, std::int64_t quiz_id, int position,
                   std::int64_t participant_id);
std::vector<Winner> winners(db::Connection& conn, std::int64_t quiz_id);

}  // namespace pufa::exam::quiz::store
