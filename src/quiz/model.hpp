// Plain records of the public quiz (有奖竞答).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "exam/model.hpp"

namespace pufa::quiz {

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
  // The fair draw (docs/quiz.md): a public random value named at the commit and read after the
  // close, and the qualified pool fixed (its hash published) before that value is known.
  std::optional<std::string> public_source;  // where the value will come from, named at the commit
  std::optional<std::string> public_value;   // the value as published, entered at the draw
  std::optional<std::string> pool_hash;      // sha256 of the sorted qualified ids, "3,8,15"
  std::optional<base::Millis> pool_fixed_at;
  base::Millis created_at = 0;
  base::Millis updated_at = 0;
};

// upcoming | open | closed at `now`.
std::string_view status_of(Quiz const& quiz, base::Millis now);

struct Otp {
  std::int64_t id = 0;
  std::string code_hash;
  std::string salt;
  base::Millis expires_at = 0;
  int failures = 0;
  bool used = false;
};

struct Participant {
  std::int64_t id = 0;
  std::int64_t quiz_id = 0;
  std::string phone;
};

struct Day {
  std::string question_ids;  // JSON array
  std::string answers;       // JSON object
  int correct = 0;
  int total = 0;
  int score = 0;
  base::Millis submitted_at = 0;
};

struct Totals {
  int correct = 0;
  int score = 0;
  int days = 0;
};

struct Standing {
  std::string phone;
  std::int64_t score = 0;
  std::int64_t days = 0;
};

struct Winner {
  std::int64_t participant_id = 0;
  std::string phone;
};

// A quiz as the use cases hand it out: the staff's figures and the revealed winners with it.
struct QuizView {
  Quiz quiz;
  std::string bank_name;
  std::int64_t participants = 0;
  std::vector<Winner> winners;  // once revealed
};

// One question of a day's paper, and how the participant answered it.
struct Explanation {
  exam::Question question;
  std::string given;  // sorted letters
};

struct DayResult {
  Day day;
  Totals totals;
  bool qualified = false;
  std::vector<Explanation> explanations;
};

struct Today {
  std::string date;  // the Shanghai day
  std::vector<exam::Question> questions;
  std::optional<DayResult> result;  // when already answered
};

struct Leaderboard {
  std::vector<Standing> items;
  std::int64_t total = 0;
  std::int64_t first_rank = 1;
};

}  // namespace pufa::quiz
