#include "quiz/store.hpp"

#include "base/sealed.hpp"

namespace pufa::quiz::store {

namespace {

// Phones are sealed at rest and found by their blind index (base/sealed.hpp).
constexpr std::string_view participant_context = "quiz_participants.phone";
std::string phone_index(std::string const& phone) { return base::sealed::blind_index(base::sealed::phone_kind, phone); }

constexpr char const* quiz_columns =
    "SELECT id, title, intro, bank_id, opens_at, closes_at, questions_per_day, min_correct,"
    " min_days, prize, winners_count, seed, commitment, committed_at, revealed_at, draw_pool,"
    " public_source, public_value, pool_hash, pool_fixed_at, created_at, updated_at FROM quizzes";

Quiz quiz_of(db::Row const& row) {
  Quiz quiz;
  quiz.id = row.i64("id");
  quiz.title = row.str("title");
  quiz.intro = row.str("intro");
  quiz.bank_id = row.i64("bank_id");
  quiz.opens_at = row.i64("opens_at");
  quiz.closes_at = row.i64("closes_at");
  quiz.questions_per_day = static_cast<int>(row.i64("questions_per_day"));
  quiz.min_correct = static_cast<int>(row.i64("min_correct"));
  quiz.min_days = static_cast<int>(row.i64("min_days"));
  quiz.prize = row.str("prize");
  quiz.winners_count = static_cast<int>(row.i64("winners_count"));
  quiz.seed = row.opt_str("seed");
  quiz.commitment = row.opt_str("commitment");
  quiz.committed_at = row.opt_i64("committed_at");
  quiz.revealed_at = row.opt_i64("revealed_at");
  quiz.draw_pool = row.opt_str("draw_pool");
  quiz.public_source = row.opt_str("public_source");
  quiz.public_value = row.opt_str("public_value");
  quiz.pool_hash = row.opt_str("pool_hash");
  quiz.pool_fixed_at = row.opt_i64("pool_fixed_at");
  quiz.created_at = row.i64("created_at");
  quiz.updated_at = row.i64("updated_at");
  return quiz;
}

std::vector<Quiz> quizzes_of(db::ResultSet const& rows) {
  std::vector<Quiz> out;
  for (auto row : rows) out.push_back(quiz_of(row));
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
      " draw_pool, public_source, public_value, pool_hash, pool_fixed_at, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {q.title, q.intro, q.bank_id, q.opens_at, q.closes_at, q.questions_per_day, q.min_correct,
       q.min_days, q.prize, q.winners_count, q.seed, q.commitment, q.committed_at, q.revealed_at,
       q.draw_pool, q.public_source, q.public_value, q.pool_hash, q.pool_fixed_at, q.created_at, q.updated_at});
}

void update_quiz(db::Connection& conn, Quiz const& q) {
  conn.exec(
      "UPDATE quizzes SET title = ?, intro = ?, bank_id = ?, opens_at = ?, closes_at = ?,"
      " questions_per_day = ?, min_correct = ?, min_days = ?, prize = ?, winners_count = ?,"
      " seed = ?, commitment = ?, committed_at = ?, revealed_at = ?, draw_pool = ?, public_source = ?,"
      " public_value = ?, pool_hash = ?, pool_fixed_at = ?, updated_at = ? WHERE id = ?",
      {q.title, q.intro, q.bank_id, q.opens_at, q.closes_at, q.questions_per_day, q.min_correct,
       q.min_days, q.prize, q.winners_count, q.seed, q.commitment, q.committed_at, q.revealed_at,
       q.draw_pool, q.public_source, q.public_value, q.pool_hash, q.pool_fixed_at, q.updated_at, q.id});
}

std::optional<std::int64_t> find_quiz_by_title(db::Connection& conn, std::string const& title) {
  return conn.scalar("SELECT id FROM quizzes WHERE title = ?", {title});
}

std::int64_t participant_count(db::Connection& conn, std::int64_t quiz_id) {
  return conn.scalar("SELECT COUNT(*) AS n FROM quiz_participants WHERE quiz_id = ?", {quiz_id})
      .value_or(0);
}

void insert_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                Otp const& otp, base::Millis now) {
  conn.exec(
      "INSERT INTO quiz_otps (quiz_id, phone, phone_index, code_hash, salt, expires_at, failures, used,"
      " created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)",
      {quiz_id, base::sealed::seal(phone, "quiz_otps.phone"), phone_index(phone), otp.code_hash, otp.salt,
       otp.expires_at, now});
}

std::optional<Otp> latest_otp(db::Connection& conn, std::int64_t quiz_id, std::string const& phone) {
  auto rows = conn.query(
      "SELECT id, code_hash, salt, expires_at, failures, used FROM quiz_otps"
      " WHERE quiz_id = ? AND phone_index = ? ORDER BY id DESC LIMIT 1",
      {quiz_id, phone_index(phone)});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Otp{row.i64("id"),         row.str("code_hash"), row.str("salt"), row.i64("expires_at"),
             static_cast<int>(row.i64("failures")), row.flag("used")};
}

void set_otp_failures(db::Connection& conn, std::int64_t otp_id, int failures) {
  conn.exec("UPDATE quiz_otps SET failures = ? WHERE id = ?", {failures, otp_id});
}

void use_otp(db::Connection& conn, std::int64_t otp_id) {
  conn.exec("UPDATE quiz_otps SET used = 1 WHERE id = ?", {otp_id});
}

std::int64_t participant_for(db::Connection& conn, std::int64_t quiz_id, std::string const& phone,
                             base::Millis now) {
  auto const index = phone_index(phone);
  if (auto id = conn.scalar("SELECT id FROM quiz_participants WHERE quiz_id = ? AND phone_index = ?",
                            {quiz_id, index}))
    return *id;
  return conn.insert(
      "INSERT INTO quiz_participants (quiz_id, phone, phone_index, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      {quiz_id, base::sealed::seal(phone, participant_context), index, now});
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
  return Participant{row.i64("id"), row.i64("quiz_id"), base::sealed::open(row.str("phone"), participant_context)};
}

std::optional<Day> find_day(db::Connection& conn, std::int64_t participant_id,
                            std::string const& day) {
  auto rows = conn.query(
      "SELECT question_ids, answers, correct, total, score, submitted_at FROM quiz_days"
      " WHERE participant_id = ? AND day = ?",
      {participant_id, day});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Day{row.str("question_ids"),
             row.str("answers"),
             static_cast<int>(row.i64("correct")),
             static_cast<int>(row.i64("total")),
             static_cast<int>(row.i64("score")),
             row.i64("submitted_at")};
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
      "SELECT COALESCE(SUM(correct), 0) AS correct, COALESCE(SUM(score), 0) AS score, COUNT(*) AS days FROM quiz_days"
      " WHERE participant_id = ?",
      {participant_id});
  auto row = rows.front();
  return {static_cast<int>(row.i64("correct")), static_cast<int>(row.i64("score")), static_cast<int>(row.i64("days"))};
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
  for (auto row : rows) {
    out.push_back({base::sealed::open(row.str("phone"), participant_context), row.i64("total"), row.i64("days")});
  }
  return out;
}

std::int64_t ranked_count(db::Connection& conn, std::int64_t quiz_id) {
  return conn.scalar("SELECT COUNT(DISTINCT participant_id) AS n FROM quiz_days WHERE quiz_id = ?",
                     {quiz_id})
      .value_or(0);
}

std::vector<std::int64_t> qualified_ids(db::Connection& conn, Quiz const& quiz) {
  auto rows = conn.query(
      "SELECT participant_id FROM quiz_days WHERE quiz_id = ? GROUP BY participant_id"
      " HAVING SUM(correct) >= ? AND COUNT(*) >= ? ORDER BY participant_id",
      {quiz.id, quiz.min_correct, quiz.min_days});
  std::vector<std::int64_t> out;
  for (auto row : rows) out.push_back(row.i64("participant_id"));
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
  for (auto row : rows) {
    out.push_back({row.i64("participant_id"), base::sealed::open(row.str("phone"), participant_context)});
  }
  return out;
}

std::int64_t reseal(db::Connection& conn) {
  std::string const current = base::sealed::current_like();
  std::int64_t changed = 0;
  for (std::string const table : {"quiz_participants", "quiz_otps"}) {
    auto const context = table + ".phone";
    auto rows = conn.query("SELECT id, phone FROM " + table + " WHERE phone NOT LIKE ? OR phone_index IS NULL", {current});
    for (auto row : rows) {
      auto const phone = base::sealed::open(row.str("phone"), context);
      conn.exec("UPDATE " + table + " SET phone = ?, phone_index = ? WHERE id = ?",
                {base::sealed::seal(phone, context), phone_index(phone), row.i64("id")});
      ++changed;
    }
  }
  return changed;
}

}  // namespace pufa::quiz::store
