#include "exam/routes.hpp"

namespace pufa::exam {

// The exam area's tables. The public quiz (src/quiz) reads questions of exam_banks through
// exam/library.hpp, never these tables.
std::vector<db::Migration> migrations() {
  return {
      {"exam", 1, "question banks, questions, examinees, exams, frozen pools, attempts, answers, events", R"sql(
CREATE TABLE exam_banks (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  audience TEXT NOT NULL,
  description TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE exam_questions (
  id {{pk}},
  bank_id BIGINT NOT NULL REFERENCES exam_banks (id),
  type TEXT NOT NULL,
  stem TEXT NOT NULL,
  options TEXT NOT NULL,
  answer TEXT NOT NULL,
  explanation TEXT NOT NULL,
  difficulty INTEGER NOT NULL,
  tags TEXT NOT NULL,
  law_ref TEXT NOT NULL,
  stem_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (bank_id, stem_key)
);
CREATE INDEX exam_questions_bank ON exam_questions (bank_id, type, id);

CREATE TABLE exam_examinees (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  unit_id BIGINT REFERENCES units (id),
  rank TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX exam_examinees_unit ON exam_examinees (unit_id);

CREATE TABLE exams (
  id {{pk}},
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  duration_minutes INTEGER NOT NULL,
  pass_mark INTEGER NOT NULL,
  grade_bands TEXT NOT NULL,
  attempts_allowed INTEGER NOT NULL,
  counts TEXT NOT NULL,
  eligibility TEXT NOT NULL,
  shuffle_questions INTEGER NOT NULL,
  shuffle_options INTEGER NOT NULL,
  paper TEXT NOT NULL,
  version INTEGER NOT NULL,
  total_score INTEGER NOT NULL,
  question_count INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE exam_pool (
  exam_id BIGINT NOT NULL REFERENCES exams (id),
  question_id BIGINT NOT NULL,
  type TEXT NOT NULL,
  stem TEXT NOT NULL,
  options TEXT NOT NULL,
  answer TEXT NOT NULL,
  explanation TEXT NOT NULL,
  difficulty INTEGER NOT NULL,
  tags TEXT NOT NULL,
  law_ref TEXT NOT NULL,
  PRIMARY KEY (exam_id, question_id)
);

CREATE TABLE exam_attempts (
  id {{pk}},
  exam_id BIGINT NOT NULL REFERENCES exams (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  number INTEGER NOT NULL,
  seed BIGINT NOT NULL,
  paper TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  submitted_at BIGINT,
  score INTEGER,
  grade TEXT NOT NULL,
  passed INTEGER NOT NULL,
  events INTEGER NOT NULL,
  UNIQUE (exam_id, user_id, number)
);
CREATE INDEX exam_attempts_user ON exam_attempts (user_id, exam_id);
CREATE INDEX exam_attempts_open ON exam_attempts (status, deadline);

CREATE TABLE exam_answers (
  attempt_id BIGINT NOT NULL REFERENCES exam_attempts (id),
  question_id BIGINT NOT NULL,
  answer TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (attempt_id, question_id)
);

CREATE TABLE exam_events (
  id {{pk}},
  attempt_id BIGINT NOT NULL REFERENCES exam_attempts (id),
  kind TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX exam_events_attempt ON exam_events (attempt_id);
)sql"},
      {"exam", 2, "exam notices, integrity pledges, issued certificates, the certificate settings", R"sql(
ALTER TABLE exams ADD COLUMN notice TEXT NOT NULL DEFAULT '';
ALTER TABLE exam_attempts ADD COLUMN pledged_at BIGINT;

CREATE TABLE exam_certificates (
  number TEXT PRIMARY KEY,
  exam_id BIGINT NOT NULL REFERENCES exams (id),
  user_id BIGINT NOT NULL,
  attempt_id BIGINT NOT NULL REFERENCES exam_attempts (id),
  check_code TEXT NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX exam_certificates_holder ON exam_certificates (exam_id, user_id);

CREATE TABLE exam_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
)sql"},
  };
}

}  // namespace pufa::exam
