// What other areas read of the exam area's question banks (the public quiz draws its daily
// questions from a bank): a bank's name, a bank by name, and its questions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "exam/model.hpp"

namespace pufa::exam::library {

std::optional<std::string> bank_name(db::Connection& conn, std::int64_t bank_id);
std::optional<std::int64_t> bank_named(db::Connection& conn, std::string const& name);
// In id order.
std::vector<Question> questions_of(db::Connection& conn, std::int64_t bank_id);

// A unit's sitting of an exam: how many of its examinees (exam_examinees.unit_id) handed a paper in and
// passed (a task's evidence in the responsibility system). The day is the exam's closing, Asia/Shanghai.
struct Sitting {
  std::int64_t exam_id = 0;
  std::string title, day;
  std::int64_t sat = 0, passed = 0;
};
// The unit's sittings, newest exam first; `title_like` a contains pattern or "".
std::vector<Sitting> unit_sittings(db::Connection& conn, std::int64_t unit_id, std::string const& title_like, std::int64_t limit);
// One exam's sitting by the unit; nullopt when none of its examinees handed a paper in.
std::optional<Sitting> unit_sitting(db::Connection& conn, std::int64_t unit_id, std::int64_t exam_id);

// For loaders that own a transaction (the quiz's demo bank): no checks, no audit.
std::int64_t add_bank(db::Connection& conn, Bank const& bank, base::Millis at);
std::int64_t add_question(db::Connection& conn, Question const& question, base::Millis at);

}  // namespace pufa::exam::library
