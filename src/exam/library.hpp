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

// For loaders that own a transaction (the quiz's demo bank): no checks, no audit.
std::int64_t add_bank(db::Connection& conn, Bank const& bank, base::Millis at);
std::int64_t add_question(db::Connection& conn, Question const& question, base::Millis at);

}  // namespace pufa::exam::library
