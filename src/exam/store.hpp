// The exam area's SQL: the only place its tables are touched.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "exam/model.hpp"

namespace pufa::exam {

namespace store {

// Banks
std::vector<Bank> banks(db::Connection& conn);
std::optional<Bank> bank(db::Connection& conn, std::int64_t id);
std::optional<std::int64_t> bank_id_by_name(db::Connection& conn, std::string const& name);
std::int64_t insert_bank(db::Connection& conn, Bank const& bank, base::Millis now);
void update_bank(db::Connection& conn, Bank const& bank, base::Millis now);
void delete_bank(db::Connection& conn, std::int64_t id);

// Questions
struct QuestionFilter {
  std::int64_t bank_id = 0;
  std::string type, tag, q;  // q: a contains_pattern
  int difficulty = 0;
  std::int64_t limit = 20, offset = 0;
};
std::vector<Question> questions(db::Connection& conn, QuestionFilter const& filter);
std::int64_t count_questions(db::Connection& conn, QuestionFilter const& filter);
std::optional<Question> question(db::Connection& conn, std::int64_t id);
std::vector<Question> questions_of_banks(db::Connection& conn, std::vector<std::int64_t> const& bank_ids);
std::vector<Question> questions_by_ids(db::Connection& conn, std::vector<std::int64_t> const& ids);
std::optional<std::int64_t> question_by_key(db::Connection& conn, std::int64_t bank_id, std::string const& key);
std::set<std::string> stem_keys(db::Connection& conn, std::int64_t bank_id);
std::int64_t insert_question(db::Connection& conn, Question const& q, base::Millis now);
void update_question(db::Connection& conn, Question const& q, base::Millis now);
void delete_question(db::Connection& conn, std::int64_t id);

// What the exam area keeps of an examinee (the account itself is auth's): unit and rank.
struct Profile {
  std::optional<std::int64_t> unit_id;
  std::string rank;
};
Profile profile(db::Connection& conn, std::int64_t user_id);  // none kept: no unit, rank ""
std::map<std::int64_t, Profile> profiles(db::Connection& conn, std::vector<std::int64_t> const& user_ids);
void set_examinee(db::Connection& conn, std::int64_t user_id, std::optional<std::int64_t> unit_id,
                  std::string const& rank, base::Millis now);

// Exams
std::vector<Exam> exams(db::Connection& conn);
std::optional<Exam> exam(db::Connection& conn, std::int64_t id);
struct ExamHead {
  ExamStatus status = ExamStatus::draft;
  int version = 0;
  base::Millis closes_at = 0;
};
std::optional<ExamHead> exam_head(db::Connection& conn, std::int64_t id);
std::int64_t insert_exam(db::Connection& conn, Exam const& exam, base::Millis now);
void update_exam(db::Connection& conn, Exam const& exam, base::Millis now);
void delete_exam(db::Connection& conn, std::int64_t id);
void set_exam_status(db::Connection& conn, std::int64_t id, ExamStatus status, base::Millis closes_at,
                     base::Millis now);
// Freezes the questions a published exam draws from and bumps its version.
void freeze_pool(db::Connection& conn, std::int64_t exam_id, std::vector<Question> const& questions, base::Millis now);
std::vector<Question> pool(db::Connection& conn, std::int64_t exam_id);
bool bank_in_use(db::Connection& conn, std::int64_t bank_id);
bool exam_has_attempts(db::Connection& conn, std::int64_t exam_id);

// Attempts
std::vector<Attempt> attempts(db::Connection& conn, std::int64_t exam_id, std::int64_t user_id);
std::vector<Attempt> attempts_of_exam(db::Connection& conn, std::int64_t exam_id);
std::vector<Attempt> attempts_of_user(db::Connection& conn, std::int64_t user_id);
std::optional<Attempt> attempt(db::Connection& conn, std::int64_t id);
std::optional<AttemptStatus> attempt_status(db::Connection& conn, std::int64_t id);
std::int64_t insert_attempt(db::Connection& conn, Attempt const& attempt);
void save_answer(db::Connection& conn, std::int64_t attempt_id, std::int64_t question_id, std::string const& answer,
                 base::Millis now);
std::map<std::int64_t, std::string> answers(db::Connection& conn, std::int64_t attempt_id);
// Sets the outcome of an attempt still in progress; false when it was already finished.
bool finish_attempt(db::Connection& conn, Attempt const& attempt);
std::vector<std::int64_t> expired_attempts(db::Connection& conn, base::Millis before, std::optional<std::int64_t> exam_id);
std::vector<std::int64_t> open_attempts(db::Connection& conn, std::int64_t exam_id);
void insert_event(db::Connection& conn, std::int64_t attempt_id, std::string const& kind, base::Millis now);
struct Event {
  std::string kind;
  base::Millis at = 0;
};
std::vector<Event> events_of(db::Connection& conn, std::int64_t attempt_id);  // in time order

// Certificate settings (name → value) and issued certificates (certificate_store.cpp).
std::map<std::string, std::string> settings(db::Connection& conn);
void put_setting(db::Connection& conn, std::string const& name, std::string const& value, base::Millis now);
void delete_setting(db::Connection& conn, std::string const& name);
std::optional<IssuedCertificate> certificate_of(db::Connection& conn, std::int64_t exam_id, std::int64_t user_id);
std::optional<IssuedCertificate> certificate_by_number(db::Connection& conn, std::string const& number);
void insert_certificate(db::Connection& conn, IssuedCertificate const& c);
void set_certificate_attempt(db::Connection& conn, std::string const& number, std::int64_t attempt_id);

// Sittings of a unit's examinees: (exam id, title, closes_at, handed in, passed), newest exam first.
struct SittingRow {
  std::int64_t exam_id = 0;
  std::string title;
  base::Millis closes_at = 0;
  std::int64_t sat = 0, passed = 0;
};
std::vector<SittingRow> unit_sittings(db::Connection& conn, std::int64_t unit_id, std::optional<std::int64_t> exam_id,
                                      std::string const& title_like, std::int64_t limit);

}  // namespace store
}  // namespace pufa::exam
