// SQL of the public quiz: the only place its tables (area "quiz") are touched. Questions come
// from the exam area's banks through exam/library.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "db/database.hpp"
#include "quiz/model.hpp"

namespace pufa::quiz::store {

std::optional<Quiz> find_quiz(db::Connection& conn, std::int64_t id);
std::vector<Quiz> list_quizzes(db::Connection& conn);
// The open quiz that opened last, if any.
std::optional<Quiz> current_quiz(db::Connection& conn, base::Millis now);
std::int64_t insert_quiz(db::Connection& conn, Quiz const& quiz);
void update_quiz(db::Connection& conn, Quiz const& quiz);  // fields and draw columns
std::optional<std::int64_t> find_quiz_by_title(db::Connection& conn, std::string const& title);
std::int64_t participant_count(db::Connection& conn, std::int64_t quiz_id);

void insert_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                Otp const& otp, base::Millis now);
std::optional<Otp> latest_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone);
void set_otp_failures(db::Connection& conn, std::int64_t otp_id, int failures);
void use_otp(db::Connection& conn, std::int64_t otp_id);

std::int64_t participant_for(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                             base::Millis now);  // finds or creates
void insert_token(db::Connection& conn, std::string const& token_hash, std::int64_t participant_id,
                  base::Millis now, base::Millis expires_at);

std::optional<Participant> participant_by_token(db::Connection& conn, std::string const& token_hash,
                                                base::Millis now);

std::optional<Day> find_day(db::Connection& conn, std::int64_t participant_id, std::string const& day);
void insert_day(db::Connection& conn, std::int64_t quiz_id, std::int64_t participant_id,
                std::string const& day, Day const& row);

Totals totals(db::Connection& conn, std::int64_t participant_id);

std::vector<Standing> leaderboard(db::Connection& conn, std::int64_t quiz_id, std::int64_t limit,
                                  std::int64_t offset);
std::int64_t ranked_count(db::Connection& conn, std::int64_t quiz_id);

std::vector<std::int64_t> qualified_ids(db::Connection& conn, Quiz const& quiz);  // ascending

void insert_winner(db::Connection& conn, std::int64_t quiz_id, int position,
                   std::int64_t participant_id);
std::vector<Winner> winners(db::Connection& conn, std::int64_t quiz_id);

// Seals phones written in clear or under an older field key, and fills their blind index (the
// upgrade's migration and `pufa keys rotate`). Returns the values re-sealed.
std::int64_t reseal(db::Connection& conn);

}  // namespace pufa::quiz::store
