#include "exam/quiz_store.hpp"

namespace pufa::exam::quiz::store {

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
  };
}

namespace {

constexpr char const* quiz_columns =
    "SELECT id, title, intro, bank_id, opens_at, closes_at, questions_per_day, min_correct,"
    " min_days, prize, winners_count, seed, commitment, committed_at, revealed_at, draw_pool,"
    " created_at, updated_at FROM quizzes";

Quiz quiz_of(db::Row const& row) {
  Quiz quiz;
  quiz.id = row.i64(0);
  quiz.title = row.str(1);
  quiz.intro = row.str(2);
  quiz.bank_id = row.i64(3);
  quiz.opens_at = row.i64(4);
  quiz.closes_at = row.i64(5);
  quiz.questions_per_day = static_cast<int>(row.i64(6));
  quiz.min_correct = static_cast<int>(row.i64(7));
  quiz.min_days = static_cast<int>(row.i64(8));
  quiz.prize = row.str(9);
  quiz.winners_count = static_cast<int>(row.i64(10));
  quiz.seed = row.opt_str(11);
  quiz.commitment = row.opt_str(12);
  quiz.committed_at = row.opt_i64(13);
  quiz.revealed_at = row.opt_i64(14);
  quiz.draw_pool = row.opt_str(15);
  quiz.created_at = row.i64(16);
  quiz.updated_at = row.i64(17);
  return quiz;
}

std::vector<Quiz> quizzes_of(db::ResultSet const& rows) {
  std::vector<Quiz> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(quiz_of(rows.row(i)));
  return out;
}

}  // namespace

std::optional<Quiz> find_quiz(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(quiz_columns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return quiz_of(rows.front());
}

std::vector<Quiz> list_quizzes(db::Connection& conn) {
  return quizzes_of(conn.query(std::string(quiz_columns) + " ORDER BY opens_at DESC, id DESC"));
}

std::optional<Quiz> current_quiz(db::Connection& conn, base::Millis now) {
  auto rows = conn.query(std::string(quiz_columns) +
                             " WHERE opens_at <= ? AND closes_at > ? ORDER BY opens_at DESC, id DESC"
                             " LIMIT 1",
                         {now, now});
  if (rows.empty()) return std::nullopt;
  return quiz_of(rows.front());
}

std::int64_t insert_quiz(db::Connection& conn, Quiz const& q) {
  return conn.insert(
      "INSERT INTO quizzes (title, intro, bank_id, opens_at, closes_at, questions_per_day,"
      " min_correct, min_days, prize, winners_count, seed, commitment, committed_at, revealed_at,"
      " draw_pool, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " RETURNING id",
      {q.title, q.intro, q.bank_id, q.opens_at, q.closes_at, q.questions_per_day, q.min_correct,
       q.min_days, q.prize, q.winners_count, q.seed, q.commitment, q.committed_at, q.revealed_at,
       q.draw_pool, q.created_at, q.updated_at});
}

void update_quiz(db::Connection& conn, Quiz const& q) {
  conn.exec(
      "UPDATE quizzes SET title = ?, intro = ?, bank_id = ?, opens_at = ?, closes_at = ?,"
      " questions_per_day = ?, min_correct = ?, min_days = ?, prize = ?, winners_count = ?,"
      " seed = ?, commitment = ?, committed_at = ?, revealed_at = ?, draw_pool = ?, updated_at = ?"
      " WHERE id = ?",
      {q.title, q.intro, q.bank_id, q.opens_at, q.closes_at, q.questions_per_day, q.min_correct,
       q.min_days, q.prize, q.winners_count, q.seed, q.commitment, q.committed_at, q.revealed_at,
       q.draw_pool, q.updated_at, q.id});
}

std::optional<std::int64_t> find_quiz_by_title(db::Connection& conn, std::string const& title) {
  return conn.scalar("SELECT id FROM quizzes WHERE title = ?", {title});
}

std::int64_t participant_count(db::Connection& conn, std::int64_t quiz_id) {
  return conn.scalar("SELECT COUNT(*) FROM quiz_participants WHERE quiz_id = ?", {quiz_id})
      .value_or(0);
}

std::optional<std::string> bank_name(db::Connection& conn, std::int64_t bank_id) {
  auto rows = conn.query("SELECT name FROM exam_banks WHERE id = ?", {bank_id});
  if (rows.empty()) return std::nullopt;
  return rows.front().str(0);
}

std::optional<std::int64_t> bank_by_name(db::Connection& conn, std::string const& name) {
  return conn.scalar("SELECT id FROM exam_banks WHERE name = ?", {name});
}

std::vector<Question> bank_questions(db::Connection& conn, std::int64_t bank_id) {
  auto rows = conn.query(
      "SELECT id, type, stem, options, answer, explanation FROM exam_questions"
      " WHERE bank_id = ? ORDER BY id",
      {bank_id});
  std::vector<Question> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    out.push_back({row.i64(0), row.str(1), row.str(2), row.str(3), row.str(4), row.str(5)});
  }
  return out;
}

// The UPDATE takes a row lock on PostgreSQL, so two nodes checking the same phone or IP
// queue instead of both passing the check; SQLite has one writer anyway.
void lock_scope(db::Connection& conn, std::string const& scope, base::Millis now) {
  conn.exec("INSERT INTO quiz_rate_keys (scope, touched_at) VALUES (?, ?) ON CONFLICT (scope) DO NOTHING",
            {scope, now});
  conn.exec("UPDATE quiz_rate_keys SET touched_at = ? WHERE scope = ?", {now, scope});
}

std::vector<base::Millis> events_since(db::Connection& conn, std::string const& scope,
                                       base::Millis since) {
  auto rows = conn.query(
      "SELECT at FROM quiz_rate_events WHERE scope = ? AND at > ? ORDER BY at", {scope, since});
  std::vector<base::Millis> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows.row(i).i64(0));
  return out;
}

void add_event(db::Connection& conn, std::string const& scope, base::Millis at) {
  conn.exec("INSERT INTO quiz_rate_events (scope, at) VALUES (?, ?)", {scope, at});
}

void purge_events(db::Connection& conn, std::string const& scope, base::Millis before) {
  conn.exec("DELETE FROM quiz_rate_events WHERE scope = ? AND at <= ?", {scope, before});
}

void insert_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                Otp const& otp, base::Millis now) {
  conn.exec(
      "INSERT INTO quiz_otps (quiz_id, phone, code_hash, salt, expires_at, failures, used,"
      " created_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
      {quiz_id, phone, otp.code_hash, otp.salt, otp.expires_at, now});
}

std::optional<Otp> latest_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone) {
  auto rows = conn.query(
      "SELECT id, code_hash, salt, expires_at, failures, used FROM quiz_otps"
      " WHERE quiz_id = ? AND phone = ? ORDER BY id DESC LIMIT 1",
      {quiz_id, phone});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Otp{row.i64(0), row.str(1), row.str(2), row.i64(3), static_cast<int>(row.i64(4)),
             row.flag(5)};
}

void set_otp_failures(db::Connection& conn, std::int64_t otp_id, int failures) {
  conn.exec("UPDATE quiz_otps SET failures = ? WHERE id = ?", {failures, otp_id});
}

void use_otp(db::Connection& conn, std::int64_t otp_id) {
  conn.exec("UPDATE quiz_otps SET used = 1 WHERE id = ?", {otp_id});
}

std::int64_t participant_for(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                             base::Millis now) {
  if (auto id = conn.scalar("SELECT id FROM quiz_participants WHERE quiz_id = ? AND phone = ?",
                            {quiz_id, phone}))
    return *id;
  return conn.insert(
      "INSERT INTO quiz_participants (quiz_id, phone, created_at) VALUES (?, ?, ?) RETURNING id",
      {quiz_id, phone, now});
}

void insert_token(db::Connection& conn, std::string const& token_hash, std::int64_t participant_id,
                  base::Millis now, base::Millis expires_at) {
  conn.exec(
      "INSERT INTO quiz_tokens (token_hash, participant_id, created_at, expires_at)"
      " VALUES (?, ?, ?, ?)",
      {token_hash, participant_id, now, expires_at});
}

std::optional<Participant> participant_by_token(db::Connection& conn, std::string const& token_hash,
                                                base::Millis now) {
  auto rows = conn.query(
      "SELECT p.id, p.quiz_id, p.phone FROM quiz_tokens t"
      " JOIN quiz_participants p ON p.id = t.participant_id"
      " WHERE t.token_hash = ? AND t.expires_at > ?",
      {token_hash, now});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Participant{row.i64(0), row.i64(1), row.str(2)};
}

std::optional<Day> find_day(db::Connection& conn, std::int64_t participant_id,
                            std::string const& day) {
  auto rows = conn.query(
      "SELECT question_ids, answers, correct, total, score, submitted_at FROM quiz_days"
      " WHERE participant_id = ? AND day = ?",
      {participant_id, day});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Day{row.str(0),
             row.str(1),
             static_cast<int>(row.i64(2)),
             static_cast<int>(row.i64(3)),
             static_cast<int>(row.i64(4)),
             row.i64(5)};
}

void insert_day(db::Connection& conn, std::int64_t quiz_id, std::int64_t participant_id,
                std::string const& day, Day const& d) {
  conn.exec(
      "INSERT INTO quiz_days (quiz_id, participant_id, day, question_ids, answers, correct, total,"
      " score, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {quiz_id, participant_id, day, d.question_ids, d.answers, d.correct, d.total, d.score,
       d.submitted_at});
}

Totals totals(db::Connection& conn, std::int64_t participant_id) {
  auto rows = conn.query(
      "SELECT COALESCE(SUM(correct), 0), COALESCE(SUM(score), 0), COUNT(*) FROM quiz_days"
      " WHERE participant_id = ?",
      {participant_id});
  auto row = rows.front();
  return {static_cast<int>(row.i64(0)), static_cast<int>(row.i64(1)),
          static_cast<int>(row.i64(2))};
}

std::vector<Standing> leaderboard(db::Connection& conn, std::int64_t quiz_id, std::int64_t limit,
                                  std::int64_t offset) {
  auto rows = conn.query(
      "SELECT p.phone, SUM(d.score) AS total, COUNT(*) AS days, MAX(d.submitted_at) AS finished"
      " FROM quiz_days d JOIN quiz_participants p ON p.id = d.participant_id"
      " WHERE d.quiz_id = ? GROUP BY p.id, p.phone"
      " ORDER BY total DESC, finished ASC, p.id ASC LIMIT ? OFFSET ?",
      {quiz_id, limit, offset});
  std::vector<Standing> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    out.push_back({row.str(0), row.i64(1), row.i64(2)});
  }
  return out;
}

std::int64_t ranked_count(db::Connection& conn, std::int64_t quiz_id) {
  return conn.scalar("SELECT COUNT(DISTINCT participant_id) FROM quiz_days WHERE quiz_id = ?",
                     {quiz_id})
      .value_or(0);
}

std::vector<std::int64_t> qualified_ids(db::Connection& conn, Quiz const& quiz) {
  auto rows = conn.query(
      "SELECT participant_id FROM quiz_days WHERE quiz_id = ? GROUP BY participant_id"
      " HAVING SUM(correct) >= ? AND COUNT(*) >= ? ORDER BY participant_id",
      {quiz.id, quiz.min_correct, quiz.min_days});
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows.row(i).i64(0));
  return out;
}

void insert_winner(db::Connection& conn, std::int64_t quiz_id, int position,
                   std::int64_t participant_id) {
  conn.exec("INSERT INTO quiz_winners (quiz_id, position, participant_id) VALUES (?, ?, ?)",
            {quiz_id, position, participant_id});
}

std::vector<Winner> winners(db::Connection& conn, std::int64_t quiz_id) {
  auto rows = conn.query(
      "SELECT w.participant_id, p.phone FROM quiz_winners w"
      " JOIN quiz_participants p ON p.id = w.participant_id"
      " WHERE w.quiz_id = ? ORDER BY w.position",
      {quiz_id});
  std::vector<Winner> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({rows.row(i).i64(0), rows.row(i).str(1)});
  return out;
}

}  // namespace pufa::exam::quiz::store
