#include "exam/store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "exam/codec.hpp"
#include "exam/paper.hpp"

#include <algorithm>

namespace pufa::exam::store {

namespace json = boost::json;

namespace {

std::string options_text(std::vector<Option> const& options) {
  json::array out;
  for (auto const& option : options) out.push_back({{"key", option.key}, {"text", option.text}});
  return json::serialize(out);
}

std::vector<Option> options_from(std::string const& text) {
  std::vector<Option> out;
  auto value = json::parse(text);
  for (auto const& item : value.as_array()) {
    out.push_back({std::string(item.at("key").as_string()), std::string(item.at("text").as_string())});
  }
  return out;
}

std::string tags_text(std::vector<std::string> const& tags) {
  if (tags.empty()) return {};
  std::string out = "|";
  for (auto const& tag : tags) out += tag + "|";
  return out;
}

std::vector<std::string> tags_from(std::string const& text) {
  std::vector<std::string> out;
  std::size_t at = 1;
  while (at < text.size()) {
    auto const bar = text.find('|', at);
    if (bar == std::string::npos) break;
    out.push_back(text.substr(at, bar - at));
    at = bar + 1;
  }
  return out;
}

constexpr char const* question_columns =
    "SELECT id, bank_id, type, stem, options, answer, explanation, difficulty, tags, law_ref, created_at, updated_at"
    " FROM exam_questions ";

Question question_row(db::Row const& row) {
  Question q;
  q.id = row.i64("id");
  q.bank_id = row.i64("bank_id");
  q.type = row.str("type");
  q.stem = row.str("stem");
  q.options = options_from(row.str("options"));
  q.answer = row.str("answer");
  q.explanation = row.str("explanation");
  q.difficulty = static_cast<int>(row.i64("difficulty"));
  q.tags = tags_from(row.str("tags"));
  q.law_ref = row.str("law_ref");
  q.created_at = row.i64("created_at");
  q.updated_at = row.i64("updated_at");
  return q;
}

std::string question_where(QuestionFilter const& f, std::vector<db::Param>& params) {
  std::string sql = "WHERE bank_id = ?";
  params.emplace_back(f.bank_id);
  if (!f.type.empty()) sql += " AND type = ?", params.emplace_back(f.type);
  if (!f.tag.empty()) sql += " AND tags LIKE ?", params.emplace_back("%|" + f.tag + "|%");
  if (f.difficulty) sql += " AND difficulty = ?", params.emplace_back(f.difficulty);
  if (!f.q.empty()) sql += " AND LOWER(stem) LIKE ? ESCAPE '\\'", params.emplace_back(f.q);
  return sql;
}

constexpr char const* exam_columns =
    "SELECT id, title, kind, status, opens_at, closes_at, duration_minutes, pass_mark, grade_bands, attempts_allowed,"
    " counts, eligibility, shuffle_questions, shuffle_options, notice, paper, version, total_score, question_count,"
    " created_at, updated_at FROM exams ";

Exam exam_row(db::Row const& row) {
  Exam e;
  e.id = row.i64("id");
  e.title = row.str("title");
  e.kind = row.str("kind");
  e.status = exam_status_of(row.str("status")).value_or(ExamStatus::draft);
  e.opens_at = row.i64("opens_at");
  e.closes_at = row.i64("closes_at");
  e.duration_minutes = static_cast<int>(row.i64("duration_minutes"));
  e.pass_mark = static_cast<int>(row.i64("pass_mark"));
  e.grade_bands = bands_from_text(row.str("grade_bands"));
  e.attempts_allowed = static_cast<int>(row.i64("attempts_allowed"));
  e.counts = row.str("counts");
  e.eligibility = eligibility_from_text(row.str("eligibility"));
  e.shuffle_questions = row.flag("shuffle_questions");
  e.shuffle_options = row.flag("shuffle_options");
  e.notice = row.str("notice");
  e.paper = paper_from_text(row.str("paper"));
  e.version = static_cast<int>(row.i64("version"));
  e.total_score = static_cast<int>(row.i64("total_score"));
  e.question_count = static_cast<int>(row.i64("question_count"));
  e.created_at = row.i64("created_at");
  e.updated_at = row.i64("updated_at");
  return e;
}

constexpr char const* attempt_columns =
    "SELECT id, exam_id, user_id, number, seed, paper, status, started_at, deadline, submitted_at, score, grade,"
    " passed, events, pledged_at FROM exam_attempts ";

Attempt attempt_row(db::Row const& row) {
  Attempt a;
  a.id = row.i64("id");
  a.exam_id = row.i64("exam_id");
  a.user_id = row.i64("user_id");
  a.number = static_cast<int>(row.i64("number"));
  a.seed = static_cast<std::uint64_t>(row.i64("seed"));
  a.paper = decode_paper(row.str("paper")).value_or(std::vector<PaperItem>{});
  a.status = attempt_status_of(row.str("status")).value_or(AttemptStatus::in_progress);
  a.started_at = row.i64("started_at");
  a.deadline = row.i64("deadline");
  a.submitted_at = row.opt_i64("submitted_at");
  if (auto score = row.opt_i64("score")) a.score = static_cast<int>(*score);
  a.grade = row.opt_str("grade").value_or("");
  a.passed = row.flag("passed");
  a.events = static_cast<int>(row.i64("events"));
  a.pledged_at = row.opt_i64("pledged_at");
  return a;
}

std::vector<Attempt> attempt_rows(db::ResultSet const& rows) {
  std::vector<Attempt> out;
  for (auto row : rows) out.push_back(attempt_row(row));
  return out;
}

constexpr char const* bank_columns =
    "SELECT b.id, b.name, b.audience, b.description, b.created_at, b.updated_at,"
    " (SELECT COUNT(*) FROM exam_questions q WHERE q.bank_id = b.id) AS question_count FROM exam_banks b";

Bank bank_row(db::Row const& row) {
  return {row.i64("id"),         row.str("name"),       row.str("audience"), row.str("description"),
          row.i64("question_count"), row.i64("created_at"), row.i64("updated_at")};
}

}  // namespace

std::vector<Bank> banks(db::Connection& conn) {
  auto rows = conn.query(std::string(bank_columns) + " ORDER BY b.id");
  std::vector<Bank> out;
  for (auto row : rows) out.push_back(bank_row(row));
  return out;
}

std::optional<Bank> bank(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(bank_columns) + " WHERE b.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return bank_row(rows.front());
}

std::optional<std::int64_t> bank_id_by_name(db::Connection& conn, std::string const& name) {
  return conn.scalar("SELECT id FROM exam_banks WHERE name = ?", {name});
}

std::int64_t insert_bank(db::Connection& conn, Bank const& b, base::Millis now) {
  return conn.insert(
      "INSERT INTO exam_banks (name, audience, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {b.name, b.audience, b.description, now, now});
}

void update_bank(db::Connection& conn, Bank const& b, base::Millis now) {
  conn.exec("UPDATE exam_banks SET name = ?, audience = ?, description = ?, updated_at = ? WHERE id = ?",
            {b.name, b.audience, b.description, now, b.id});
}

void delete_bank(db::Connection& conn, std::int64_t id) {
  conn.exec("DELETE FROM exam_questions WHERE bank_id = ?", {id});
  conn.exec("DELETE FROM exam_banks WHERE id = ?", {id});
}

std::vector<Question> questions(db::Connection& conn, QuestionFilter const& filter) {
  std::vector<db::Param> params;
  auto sql = std::string(question_columns) + question_where(filter, params) + " ORDER BY id LIMIT ? OFFSET ?";
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto rows = conn.query(sql, params);
  std::vector<Question> out;
  for (auto row : rows) out.push_back(question_row(row));
  return out;
}

std::int64_t count_questions(db::Connection& conn, QuestionFilter const& filter) {
  std::vector<db::Param> params;
  auto const sql = "SELECT COUNT(*) AS n FROM exam_questions " + question_where(filter, params);
  return conn.query(sql, params).front().i64("n");
}

std::optional<Question> question(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(question_columns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return question_row(rows.front());
}

std::vector<Question> questions_of_banks(db::Connection& conn, std::vector<std::int64_t> const& bank_ids) {
  std::vector<Question> out;
  for (auto id : bank_ids) {
    for (auto row : conn.query(std::string(question_columns) + "WHERE bank_id = ? ORDER BY id", {id})) {
      out.push_back(question_row(row));
    }
  }
  return out;
}

std::vector<Question> questions_by_ids(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::vector<Question> out;
  for (auto id : ids) {
    if (auto q = question(conn, id)) out.push_back(std::move(*q));
  }
  return out;
}

std::optional<std::int64_t> question_by_key(db::Connection& conn, std::int64_t bank_id, std::string const& key) {
  return conn.scalar("SELECT id FROM exam_questions WHERE bank_id = ? AND stem_key = ?", {bank_id, key});
}

std::set<std::string> stem_keys(db::Connection& conn, std::int64_t bank_id) {
  auto rows = conn.query("SELECT stem_key FROM exam_questions WHERE bank_id = ?", {bank_id});
  std::set<std::string> out;
  for (auto row : rows) out.insert(row.str("stem_key"));
  return out;
}

std::int64_t insert_question(db::Connection& conn, Question const& q, base::Millis now) {
  return conn.insert(
      "INSERT INTO exam_questions (bank_id, type, stem, options, answer, explanation, difficulty, tags, law_ref,"
      " stem_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {q.bank_id, q.type, q.stem, options_text(q.options), q.answer, q.explanation, q.difficulty, tags_text(q.tags),
       q.law_ref, stem_key(q.stem), now, now});
}

void update_question(db::Connection& conn, Question const& q, base::Millis now) {
  conn.exec(
      "UPDATE exam_questions SET type = ?, stem = ?, options = ?, answer = ?, explanation = ?, difficulty = ?,"
      " tags = ?, law_ref = ?, stem_key = ?, updated_at = ? WHERE id = ?",
      {q.type, q.stem, options_text(q.options), q.answer, q.explanation, q.difficulty, tags_text(q.tags), q.law_ref,
       stem_key(q.stem), now, q.id});
}

void delete_question(db::Connection& conn, std::int64_t id) {
  conn.exec("DELETE FROM exam_questions WHERE id = ?", {id});
}

std::map<std::int64_t, Profile> profiles(db::Connection& conn, std::vector<std::int64_t> const& user_ids) {
  std::map<std::int64_t, Profile> out;
  constexpr std::size_t chunk = 500;
  for (std::size_t at = 0; at < user_ids.size(); at += chunk) {
    auto const n = std::min(chunk, user_ids.size() - at);
    std::string marks;
    std::vector<db::Param> params;
    for (std::size_t i = 0; i < n; ++i) {
      marks += i ? ", ?" : "?";
      params.emplace_back(user_ids[at + i]);
    }
    for (auto row : conn.query("SELECT user_id, unit_id, rank FROM exam_examinees WHERE user_id IN (" + marks + ")",
                               params)) {
      out[row.i64("user_id")] = {row.opt_i64("unit_id"), row.str("rank")};
    }
  }
  return out;
}

Profile profile(db::Connection& conn, std::int64_t user_id) {
  auto rows = conn.query("SELECT unit_id, rank FROM exam_examinees WHERE user_id = ?", {user_id});
  if (rows.empty()) return {};
  return {rows.front().opt_i64("unit_id"), rows.front().str("rank")};
}

void set_examinee(db::Connection& conn, std::int64_t user_id, std::optional<std::int64_t> unit_id,
                  std::string const& rank, base::Millis now) {
  conn.exec(
      "INSERT INTO exam_examinees (user_id, unit_id, rank, updated_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (user_id) DO UPDATE SET unit_id = excluded.unit_id, rank = excluded.rank,"
      " updated_at = excluded.updated_at",
      {user_id, unit_id, rank, now});
}

std::vector<Exam> exams(db::Connection& conn) {
  std::vector<Exam> out;
  for (auto row : conn.query(std::string(exam_columns) + "ORDER BY opens_at DESC, id DESC")) out.push_back(exam_row(row));
  return out;
}

std::optional<Exam> exam(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(exam_columns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return exam_row(rows.front());
}

std::optional<ExamHead> exam_head(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query("SELECT status, version, closes_at FROM exams WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto const row = rows.front();
  return ExamHead{exam_status_of(row.str("status")).value_or(ExamStatus::draft), static_cast<int>(row.i64("version")),
                  row.i64("closes_at")};
}

std::int64_t insert_exam(db::Connection& conn, Exam const& e, base::Millis now) {
  return conn.insert(
      "INSERT INTO exams (title, kind, status, opens_at, closes_at, duration_minutes, pass_mark, grade_bands,"
      " attempts_allowed, counts, eligibility, shuffle_questions, shuffle_options, notice, paper, version, total_score,"
      " question_count, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"
      " RETURNING id",
      {e.title, e.kind, e.opens_at, e.closes_at, e.duration_minutes, e.pass_mark,
       json::serialize(bands_json(e.grade_bands)), e.attempts_allowed, e.counts,
       json::serialize(eligibility_json(e.eligibility)), e.shuffle_questions, e.shuffle_options, e.notice,
       json::serialize(paper_json(e.paper)), e.total_score, e.question_count, now, now});
}

void update_exam(db::Connection& conn, Exam const& e, base::Millis now) {
  conn.exec(
      "UPDATE exams SET title = ?, kind = ?, opens_at = ?, closes_at = ?, duration_minutes = ?, pass_mark = ?,"
      " grade_bands = ?, attempts_allowed = ?, counts = ?, eligibility = ?, shuffle_questions = ?,"
      " shuffle_options = ?, notice = ?, paper = ?, total_score = ?, question_count = ?, updated_at = ? WHERE id = ?",
      {e.title, e.kind, e.opens_at, e.closes_at, e.duration_minutes, e.pass_mark,
       json::serialize(bands_json(e.grade_bands)), e.attempts_allowed, e.counts,
       json::serialize(eligibility_json(e.eligibility)), e.shuffle_questions, e.shuffle_options, e.notice,
       json::serialize(paper_json(e.paper)), e.total_score, e.question_count, now, e.id});
}

void delete_exam(db::Connection& conn, std::int64_t id) {
  conn.exec("DELETE FROM exam_pool WHERE exam_id = ?", {id});
  conn.exec("DELETE FROM exams WHERE id = ?", {id});
}

void set_exam_status(db::Connection& conn, std::int64_t id, ExamStatus status, base::Millis closes_at,
                     base::Millis now) {
  conn.exec("UPDATE exams SET status = ?, closes_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
            {code_of(status), closes_at, now, id});
}

void freeze_pool(db::Connection& conn, std::int64_t exam_id, std::vector<Question> const& questions, base::Millis now) {
  conn.exec("DELETE FROM exam_pool WHERE exam_id = ?", {exam_id});
  for (auto const& q : questions) {
    conn.exec(
        "INSERT INTO exam_pool (exam_id, question_id, type, stem, options, answer, explanation, difficulty, tags,"
        " law_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {exam_id, q.id, q.type, q.stem, options_text(q.options), q.answer, q.explanation, q.difficulty,
         tags_text(q.tags), q.law_ref});
  }
  conn.exec("UPDATE exams SET status = 'published', version = version + 1, updated_at = ? WHERE id = ?", {now, exam_id});
}

std::vector<Question> pool(db::Connection& conn, std::int64_t exam_id) {
  auto rows = conn.query(
      "SELECT question_id AS id, 0 AS bank_id, type, stem, options, answer, explanation, difficulty, tags, law_ref,"
      " 0 AS created_at, 0 AS updated_at FROM exam_pool WHERE exam_id = ? ORDER BY question_id",
      {exam_id});
  std::vector<Question> out;
  for (auto row : rows) out.push_back(question_row(row));
  return out;
}

bool bank_in_use(db::Connection& conn, std::int64_t bank_id) {
  return conn
      .scalar("SELECT p.exam_id FROM exam_pool p JOIN exam_questions q ON q.id = p.question_id WHERE q.bank_id = ? LIMIT 1",
              {bank_id})
      .has_value();
}

bool exam_has_attempts(db::Connection& conn, std::int64_t exam_id) {
  return conn.scalar("SELECT id FROM exam_attempts WHERE exam_id = ? LIMIT 1", {exam_id}).has_value();
}

std::vector<Attempt> attempts(db::Connection& conn, std::int64_t exam_id, std::int64_t user_id) {
  return attempt_rows(conn.query(std::string(attempt_columns) + "WHERE user_id = ? AND exam_id = ? ORDER BY number",
                                 {user_id, exam_id}));
}

std::vector<Attempt> attempts_of_exam(db::Connection& conn, std::int64_t exam_id) {
  return attempt_rows(conn.query(std::string(attempt_columns) + "WHERE exam_id = ? ORDER BY user_id, number", {exam_id}));
}

std::vector<Attempt> attempts_of_user(db::Connection& conn, std::int64_t user_id) {
  return attempt_rows(conn.query(std::string(attempt_columns) + "WHERE user_id = ? ORDER BY exam_id, number", {user_id}));
}

std::optional<Attempt> attempt(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(attempt_columns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return attempt_row(rows.front());
}

std::optional<AttemptStatus> attempt_status(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query("SELECT status FROM exam_attempts WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return attempt_status_of(rows.front().str("status"));
}

std::int64_t insert_attempt(db::Connection& conn, Attempt const& a) {
  return conn.insert(
      "INSERT INTO exam_attempts (exam_id, user_id, number, seed, paper, status, started_at, deadline, submitted_at,"
      " score, grade, passed, events, pledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id",
      {a.exam_id, a.user_id, a.number, static_cast<std::int64_t>(a.seed), encode_paper(a.paper), code_of(a.status),
       a.started_at, a.deadline, a.submitted_at, a.score, a.grade, a.passed, a.pledged_at});
}

void save_answer(db::Connection& conn, std::int64_t attempt_id, std::int64_t question_id, std::string const& answer,
                 base::Millis now) {
  conn.exec(
      "INSERT INTO exam_answers (attempt_id, question_id, answer, saved_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer = excluded.answer, saved_at = excluded.saved_at",
      {attempt_id, question_id, answer, now});
}

std::map<std::int64_t, std::string> answers(db::Connection& conn, std::int64_t attempt_id) {
  auto rows = conn.query("SELECT question_id, answer FROM exam_answers WHERE attempt_id = ?", {attempt_id});
  std::map<std::int64_t, std::string> out;
  for (auto row : rows) out[row.i64("question_id")] = row.str("answer");
  return out;
}

bool finish_attempt(db::Connection& conn, Attempt const& a) {
  return conn.exec(
             "UPDATE exam_attempts SET status = ?, submitted_at = ?, score = ?, grade = ?, passed = ?"
             " WHERE id = ? AND status = 'in_progress'",
             {code_of(a.status), a.submitted_at, a.score, a.grade, a.passed, a.id}) > 0;
}

std::vector<std::int64_t> expired_attempts(db::Connection& conn, base::Millis before, std::optional<std::int64_t> exam_id) {
  auto rows = exam_id ? conn.query(
                            "SELECT id FROM exam_attempts WHERE status = 'in_progress' AND deadline < ? AND exam_id = ?",
                            {before, *exam_id})
                      : conn.query("SELECT id FROM exam_attempts WHERE status = 'in_progress' AND deadline < ? LIMIT 5000",
                                   {before});
  std::vector<std::int64_t> out;
  for (auto row : rows) out.push_back(row.i64("id"));
  return out;
}

std::vector<std::int64_t> open_attempts(db::Connection& conn, std::int64_t exam_id) {
  auto rows = conn.query("SELECT id FROM exam_attempts WHERE status = 'in_progress' AND exam_id = ?", {exam_id});
  std::vector<std::int64_t> out;
  for (auto row : rows) out.push_back(row.i64("id"));
  return out;
}

std::vector<Event> events_of(db::Connection& conn, std::int64_t attempt_id) {
  auto rows = conn.query("SELECT kind, at FROM exam_events WHERE attempt_id = ? ORDER BY at, id", {attempt_id});
  std::vector<Event> out;
  out.reserve(rows.size());
  for (auto row : rows) out.push_back({row.str("kind"), row.i64("at")});
  return out;
}

void insert_event(db::Connection& conn, std::int64_t attempt_id, std::string const& kind, base::Millis now) {
  conn.exec("INSERT INTO exam_events (attempt_id, kind, at) VALUES (?, ?, ?)", {attempt_id, kind, now});
  conn.exec("UPDATE exam_attempts SET events = events + 1 WHERE id = ?", {attempt_id});
}

std::vector<SittingRow> unit_sittings(db::Connection& conn, std::int64_t unit_id, std::optional<std::int64_t> exam_id,
                                      std::string const& title_like, std::int64_t limit) {
  std::string sql =
      "SELECT e.id, e.title, e.closes_at, COUNT(DISTINCT a.user_id) AS sat,"
      " COUNT(DISTINCT CASE WHEN a.passed <> 0 THEN a.user_id END) AS passed"
      " FROM exam_attempts a JOIN exam_examinees x ON x.user_id = a.user_id JOIN exams e ON e.id = a.exam_id"
      " WHERE x.unit_id = ? AND a.submitted_at IS NOT NULL";
  std::vector<db::Param> params{unit_id};
  if (exam_id) {
    sql += " AND e.id = ?";
    params.emplace_back(*exam_id);
  }
  if (!title_like.empty()) {
    sql += " AND LOWER(e.title) LIKE ? ESCAPE '\\'";
    params.emplace_back(title_like);
  }
  sql += " GROUP BY e.id, e.title, e.closes_at ORDER BY e.closes_at DESC, e.id DESC LIMIT ?";
  params.emplace_back(limit);
  std::vector<SittingRow> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) {
    out.push_back({row.i64("id"), row.str("title"), row.i64("closes_at"), row.i64("sat"), row.i64("passed")});
  }
  return out;
}

}  // namespace pufa::exam::store
