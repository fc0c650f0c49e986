#include "quiz/routes.hpp"
#include "quiz/store.hpp"

namespace pufa::quiz {

std::vector<db::Migration> migrations() {
  return {
      {"quiz", 1, "public quizzes: participants, one-time codes, rate limits, days, draw", R"sql(
CREATE TABLE quizzes (
  id {{pk}},
  title TEXT NOT NULL UNIQUE,
  intro TEXT NOT NULL,
  bank_id BIGINT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  questions_per_day INTEGER NOT NULL,
  min_correct INTEGER NOT NULL,
  min_days INTEGER NOT NULL,
  prize TEXT NOT NULL,
  winners_count INTEGER NOT NULL,
  seed TEXT,
  commitment TEXT,
  committed_at BIGINT,
  revealed_at BIGINT,
  draw_pool TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX quizzes_window ON quizzes (opens_at, closes_at);

CREATE TABLE quiz_participants (
  id {{pk}},
  quiz_id BIGINT NOT NULL REFERENCES quizzes (id),
  phone TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (quiz_id, phone)
);

CREATE TABLE quiz_tokens (
  id {{pk}},
  token_hash TEXT NOT NULL UNIQUE,
  participant_id BIGINT NOT NULL REFERENCES quiz_participants (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE quiz_otps (
  id {{pk}},
  quiz_id BIGINT NOT NULL REFERENCES quizzes (id),
  phone TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  failures INTEGER NOT NULL,
  used INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX quiz_otps_phone ON quiz_otps (quiz_id, phone, id);

CREATE TABLE quiz_rate_keys (
  scope TEXT PRIMARY KEY,
  touched_at BIGINT NOT NULL
);
CREATE TABLE quiz_rate_events (
  id {{pk}},
  scope TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX quiz_rate_events_scope ON quiz_rate_events (scope, at);

CREATE TABLE quiz_days (
  id {{pk}},
  quiz_id BIGINT NOT NULL REFERENCES quizzes (id),
  participant_id BIGINT NOT NULL REFERENCES quiz_participants (id),
  day TEXT NOT NULL,
  question_ids TEXT NOT NULL,
  answers TEXT NOT NULL,
  correct INTEGER NOT NULL,
  total INTEGER NOT NULL,
  score INTEGER NOT NULL,
  submitted_at BIGINT NOT NULL,
  UNIQUE (participant_id, day)
);
CREATE INDEX quiz_days_quiz ON quiz_days (quiz_id, participant_id);

CREATE TABLE quiz_winners (
  quiz_id BIGINT NOT NULL REFERENCES quizzes (id),
  position INTEGER NOT NULL,
  participant_id BIGINT NOT NULL REFERENCES quiz_participants (id),
  PRIMARY KEY (quiz_id, position)
);
)sql"},
      {"quiz", 2, "one-time code limits move to the shared rate limiter (auth)", R"sql(
DROP TABLE quiz_rate_events;
DROP TABLE quiz_rate_keys;
)sql"},
      {"quiz", 3, "a fair draw: a public value named before the close, the pool fixed and hashed after it", R"sql(
ALTER TABLE quizzes ADD COLUMN public_source TEXT;
ALTER TABLE quizzes ADD COLUMN public_value TEXT;
ALTER TABLE quizzes ADD COLUMN pool_hash TEXT;
ALTER TABLE quizzes ADD COLUMN pool_fixed_at BIGINT;
)sql"},
      {"quiz", 4, "phones sealed at rest (AES-256-GCM) and found by a keyed blind index", R"sql(
ALTER TABLE quiz_participants ADD COLUMN phone_index TEXT;
CREATE UNIQUE INDEX quiz_participants_phone_index ON quiz_participants (quiz_id, phone_index);
ALTER TABLE quiz_otps ADD COLUMN phone_index TEXT;
CREATE INDEX quiz_otps_phone_index ON quiz_otps (quiz_id, phone_index, id);
DROP INDEX quiz_otps_phone;
)sql", [](db::Connection& conn) { store::reseal(conn); }},
  };
}

}  // namespace pufa::quiz
