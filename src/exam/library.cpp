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

namespace {

Sitting sitting_of(store::SittingRow const& row) {
  return {row.exam_id, row.title, base::shanghai_date(row.closes_at), row.sat, row.passed};
}

}  // namespace

std::vector<Sitting> unit_sittings(db::Connection& conn, std::int64_t unit_id, std::string const& title_like, std::int64_t limit) {
  std::vector<Sitting> out;
  for (auto const& row : store::unit_sittings(conn, unit_id, std::nullopt, title_like, limit)) out.push_back(sitting_of(row));
  return out;
}

std::optional<Sitting> unit_sitting(db::Connection& conn, std::int64_t unit_id, std::int64_t exam_id) {
  auto const rows = store::unit_sittings(conn, unit_id, exam_id, "", 1);
  if (rows.empty()) return std::nullopt;
  return sitting_of(rows.front());
}

}  // namespace pufa::exam::library
