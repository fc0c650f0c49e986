#include "exam/library.hpp"

#include "exam/store.hpp"

namespace pufa::exam::library {

std::optional<std::string> bank_name(db::Connection& conn, std::int64_t bank_id) {
  auto bank = store::bank(conn, bank_id);
  if (!bank) return std::nullopt;
  return bank->name;
}

std::optional<std::int64_t> bank_named(db::Connection& conn, std::string const& name) {
  return store::bank_id_by_name(conn, name);
}

std::vector<Question> questions_of(db::Connection& conn, std::int64_t bank_id) {
  return store::questions_of_banks(conn, {bank_id});
}

std::int64_t add_bank(db::Connection& conn, Bank const& bank, base::Millis at) { return store::insert_bank(conn, bank, at); }

std::int64_t add_question(db::Connection& conn, Question const& question, base::Millis at) {
  return store::insert_question(conn, question, at);
}

}  // namespace pufa::exam::library
