#include "legality/store.hpp"

#include <boost/json.hpp>

namespace pufa::legality::store {

namespace json = boost::json;

namespace {

constexpr char const* submission_columns =
    "id, unit_id, village_rules_id, rules_version, kind, title, basis, summary, requested_by, region_id, region_path,"
    " reviewer_region_id, reviewer_path, status, year, submitted_on, due_on, paused_on, days_left_at_pause, material_note,"
    " conclusion, opinion_summary, opinion_points, opinion_year, opinion_seq, opinion_no, issued_on, issued_by, adoption,"
    " adopted_on, adoption_note, withdraw_reason, created_by, created_at, updated_at";

std::optional<int> opt_int(db::Row const& row, std::string_view column) {
  auto const v = row.opt_i64(column);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::string points_text(std::vector<Point> const& points) {
  json::array out;
  for (auto const& p : points) {
    json::array cited;
    for (auto const& c : p.citations) cited.push_back(json::value(c));
    out.push_back(json::object{{"text", p.text}, {"citations", std::move(cited)}});
  }
  return json::serialize(out);
}

std::vector<Point> points_of(std::optional<std::string> const& text) {
  std::vector<Point> out;
  if (!text || text->empty()) return out;
  auto const parsed = json::parse(*text);
  for (auto const& v : parsed.as_array()) {
    auto const& o = v.as_object();
    Point p{std::string(o.at("text").as_string()), {}};
    for (auto const& c : o.at("citations").as_array()) p.citations.emplace_back(c.as_string());
    out.push_back(std::move(p));
  }
  return out;
}

Submission submission_row(db::Row const& row) {
  Submission s;
  s.id = row.i64("id");
  s.unit_id = row.opt_i64("unit_id");
  s.village_rules_id = row.opt_i64("village_rules_id");
  s.rules_version = row.opt_i64("rules_version");
  s.kind = row.str("kind");
  s.title = row.str("title");
  s.basis = row.str("basis");
  s.summary = row.str("summary");
  s.requested_by = row.opt_str("requested_by");
  s.region_id = row.i64("region_id");
  s.region_path = row.str("region_path");
  s.reviewer_region_id = row.i64("reviewer_region_id");
  s.reviewer_path = row.str("reviewer_path");
  s.status = row.str("status");
  s.year = static_cast<int>(row.i64("year"));
  s.submitted_on = row.str("submitted_on");
  s.due_on = row.str("due_on");
  s.paused_on = row.opt_str("paused_on");
  s.days_left_at_pause = opt_int(row, "days_left_at_pause");
  s.material_note = row.opt_str("material_note");
  s.conclusion = row.opt_str("conclusion");
  s.opinion_summary = row.opt_str("opinion_summary");
  s.points = points_of(row.opt_str("opinion_points"));
  s.opinion_year = opt_int(row, "opinion_year");
  s.opinion_seq = opt_int(row, "opinion_seq");
  s.opinion_no = row.opt_str("opinion_no");
  s.issued_on = row.opt_str("issued_on");
  s.issued_by = row.opt_i64("issued_by");
  s.adoption = row.opt_str("adoption");
  s.adopted_on = row.opt_str("adopted_on");
  s.adoption_note = row.opt_str("adoption_note");
  s.withdraw_reason = row.opt_str("withdraw_reason");
  s.created_by = row.i64("created_by");
  s.created_at = row.i64("created_at");
  s.updated_at = row.i64("updated_at");
  return s;
}


std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// The scope clause: the caller's subtree, or (a reviewer) what is sent to their office.
void scope(std::string& sql, std::vector<db::Param>& params, std::string const& scope_path,
           std::optional<std::string> const& reviewer_path) {
  if (reviewer_path) {
    sql += " AND (region_path LIKE ? OR reviewer_path LIKE ?)";
    params.emplace_back(scope_path + "%");
    params.emplace_back(*reviewer_path + "%");
  } else {
    sql += " AND region_path LIKE ?";
    params.emplace_back(scope_path + "%");
  }
}

}  // namespace

std::int64_t insert_submission(db::Connection& conn, Submission const& s) {
  return conn.insert(
      "INSERT INTO legality_submissions (unit_id, village_rules_id, rules_version, kind, title, basis, summary, requested_by,"
      " region_id, region_path, reviewer_region_id, reviewer_path, status, year, submitted_on, due_on, created_by, created_at,"
      " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.unit_id, s.village_rules_id, s.rules_version, s.kind, s.title, s.basis, s.summary, s.requested_by,
       s.region_id, s.region_path, s.reviewer_region_id, s.reviewer_path, s.status, s.year, s.submitted_on, s.due_on,
       s.created_by, s.created_at, s.updated_at});
}

void update_submission(db::Connection& conn, Submission const& s) {
  conn.exec(
      "UPDATE legality_submissions SET status = ?, due_on = ?, paused_on = ?, days_left_at_pause = ?, material_note = ?,"
      " conclusion = ?, opinion_summary = ?, opinion_points = ?, opinion_year = ?, opinion_seq = ?, opinion_no = ?, issued_on = ?,"
      " issued_by = ?, adoption = ?, adopted_on = ?, adoption_note = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?",
      {s.status, s.due_on, s.paused_on, s.days_left_at_pause, s.material_note, s.conclusion,
       s.opinion_summary, s.points.empty() && !s.conclusion ? db::Param(nullptr) : db::Param(points_text(s.points)),
       s.opinion_year, s.opinion_seq, s.opinion_no, s.issued_on, s.issued_by, s.adoption,
       s.adopted_on, s.adoption_note, s.withdraw_reason, s.updated_at, s.id});
}

std::optional<Submission> submission(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string("SELECT ") + submission_columns + " FROM legality_submissions WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return submission_row(rows.front());
}

std::vector<Submission> submissions(db::Connection& conn, Filter const& f, std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  std::vector<db::Param> params;
  scope(where, params, f.scope_path, f.reviewer_path);
  if (f.year) {
    where += " AND year = ?";
    params.emplace_back(*f.year);
  }
  if (f.kind) {
    where += " AND kind = ?";
    params.emplace_back(*f.kind);
  }
  if (f.open_only) {
    where += " AND status IN ('reviewing', 'material_requested')";
  } else if (f.status) {
    where += " AND status = ?";
    params.emplace_back(*f.status);
  }
  if (f.unit_id) {
    where += " AND unit_id = ?";
    params.emplace_back(*f.unit_id);
  }
  if (f.overdue_as_of) {
    where += " AND ((status = 'reviewing' AND due_on < ?) OR (issued_on IS NOT NULL AND issued_on > due_on))";
    params.emplace_back(*f.overdue_as_of);
  }
  if (f.q) {
    where += " AND (title LIKE ? OR opinion_no LIKE ?)";
    params.emplace_back("%" + *f.q + "%");
    params.emplace_back("%" + *f.q + "%");
  }
  if (total) {
    auto const rows = conn.query("SELECT COUNT(*) AS n FROM legality_submissions" + where, std::span<db::Param const>(params));
    *total = rows.front().i64("n");
  }
  auto sql = std::string("SELECT ") + submission_columns + " FROM legality_submissions" + where +
             " ORDER BY CASE WHEN status IN ('reviewing', 'material_requested') THEN 0 ELSE 1 END, submitted_on DESC, id DESC";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(f.limit);
    params.emplace_back(f.offset);
  }
  std::vector<Submission> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(submission_row(row));
  return out;
}

std::vector<int> years(db::Connection& conn, std::string const& scope_path, std::optional<std::string> const& reviewer_path) {
  std::string sql = "SELECT DISTINCT year FROM legality_submissions WHERE 1 = 1";
  std::vector<db::Param> params;
  scope(sql, params, scope_path, reviewer_path);
  sql += " ORDER BY year DESC";
  std::vector<int> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(static_cast<int>(row.i64("year")));
  return out;
}

int next_opinion_seq(db::Connection& conn, std::int64_t reviewer_region_id, int year) {
  auto const rows = conn.query(
      "SELECT COALESCE(MAX(opinion_seq), 0) AS n FROM legality_submissions WHERE reviewer_region_id = ? AND opinion_year = ?",
      {reviewer_region_id, year});
  return static_cast<int>(rows.front().i64("n")) + 1;
}

std::vector<Submission> reviewed_in(db::Connection& conn, std::string const& reviewer_path, int year) {
  std::vector<Submission> out;
  for (auto const& row : conn.query(std::string("SELECT ") + submission_columns +
                                        " FROM legality_submissions WHERE reviewer_path LIKE ? AND year = ? ORDER BY submitted_on, id",
                                    {reviewer_path + "%", year})) {
    out.push_back(submission_row(row));
  }
  return out;
}

std::vector<Submission> of_rules(db::Connection& conn, std::vector<std::int64_t> const& rule_ids) {
  std::vector<Submission> out;
  if (rule_ids.empty()) return out;
  std::vector<db::Param> params(rule_ids.begin(), rule_ids.end());
  auto const sql = std::string("SELECT ") + submission_columns + " FROM legality_submissions WHERE village_rules_id IN (" +
                   placeholders(rule_ids.size()) + ") ORDER BY submitted_on DESC, id DESC";
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(submission_row(row));
  return out;
}

void insert_event(db::Connection& conn, Event const& e) {
  conn.exec("INSERT INTO legality_events (submission_id, kind, note, by_user, by_name, at) VALUES (?, ?, ?, ?, ?, ?)",
            {e.submission_id, e.kind, e.note, e.by ? db::Param(e.by) : db::Param(nullptr), e.by_name, e.at});
}

std::vector<Event> events(db::Connection& conn, std::int64_t submission_id) {
  std::vector<Event> out;
  for (auto const& row : conn.query("SELECT submission_id, kind, note, by_user, by_name, at FROM legality_events WHERE submission_id = ? ORDER BY id",
                                    {submission_id})) {
    out.push_back({row.i64("submission_id"), row.str("kind"), row.str("note"), row.str("by_name"), row.opt_i64("by_user").value_or(0),
                   row.i64("at")});
  }
  return out;
}

namespace {
constexpr char const* file_columns =
    "id, submission_id, name, size, content_type, path, sha256, stage, region_path, uploader_id, created_at";
File file_row(db::Row const& row) {
  File f;
  f.id = row.i64("id");
  f.submission_id = row.opt_i64("submission_id");
  f.name = row.str("name");
  f.size = row.i64("size");
  f.content_type = row.str("content_type");
  f.path = row.str("path");
  f.sha256 = row.str("sha256");
  f.stage = row.str("stage");
  f.region_path = row.str("region_path");
  f.uploader_id = row.i64("uploader_id");
  f.created_at = row.i64("created_at");
  return f;
}
}  // namespace

std::int64_t insert_file(db::Connection& conn, File const& f) {
  return conn.insert(
      "INSERT INTO legality_files (submission_id, name, size, content_type, path, sha256, stage, region_path, uploader_id, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {f.submission_id, f.name, f.size, f.content_type, f.path, f.sha256, f.stage, f.region_path, f.uploader_id, f.created_at});
}

std::optional<File> file(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string("SELECT ") + file_columns + " FROM legality_files WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return file_row(rows.front());
}

std::vector<File> files(db::Connection& conn, std::int64_t submission_id) {
  std::vector<File> out;
  for (auto const& row : conn.query(std::string("SELECT ") + file_columns + " FROM legality_files WHERE submission_id = ? ORDER BY id",
                                    {submission_id})) {
    out.push_back(file_row(row));
  }
  return out;
}

void attach_file(db::Connection& conn, std::int64_t file_id, std::int64_t submission_id, std::string const& stage) {
  conn.exec("UPDATE legality_files SET submission_id = ?, stage = ? WHERE id = ?", {submission_id, stage, file_id});
}

namespace {
VillageRules rules_row(db::Row const& row, bool with_text) {
  VillageRules r;
  r.id = row.i64("id");
  r.region_id = row.i64("region_id");
  r.region_path = row.str("region_path");
  r.title = row.str("title");
  if (with_text) r.text = row.str("text");
  r.adopted_on = row.str("adopted_on");
  r.version = row.i64("version");
  r.created_at = row.i64("created_at");
  r.updated_at = row.i64("updated_at");
  return r;
}
constexpr char const* rules_columns = "id, region_id, region_path, title, adopted_on, version, created_at, updated_at";
}  // namespace

std::int64_t insert_rules(db::Connection& conn, VillageRules const& r, std::optional<std::int64_t> by) {
  return conn.insert(
      "INSERT INTO legality_village_rules (region_id, region_path, title, text, adopted_on, version, created_by, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.region_id, r.region_path, r.title, r.text, r.adopted_on, r.version, by, r.created_at, r.updated_at});
}

void update_rules(db::Connection& conn, VillageRules const& r) {
  conn.exec("UPDATE legality_village_rules SET title = ?, text = ?, adopted_on = ?, version = ?, updated_at = ? WHERE id = ?",
            {r.title, r.text, r.adopted_on, r.version, r.updated_at, r.id});
}

std::optional<VillageRules> rules(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string("SELECT text, ") + rules_columns + " FROM legality_village_rules WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rules_row(rows.front(), true);
}

std::optional<VillageRules> rules_of_region(db::Connection& conn, std::int64_t region_id) {
  auto const rows = conn.query(std::string("SELECT text, ") + rules_columns + " FROM legality_village_rules WHERE region_id = ?", {region_id});
  if (rows.empty()) return std::nullopt;
  return rules_row(rows.front(), true);
}

std::vector<VillageRules> rules_under(db::Connection& conn, std::string const& path, std::optional<std::int64_t> region_id,
                                      std::optional<std::string> const& q, std::int64_t limit, std::int64_t offset,
                                      std::int64_t* total) {
  std::string where = " WHERE region_path LIKE ?";
  std::vector<db::Param> params{path + "%"};
  if (region_id) {
    where += " AND region_id = ?";
    params.emplace_back(*region_id);
  }
  if (q) {
    where += " AND title LIKE ?";
    params.emplace_back("%" + *q + "%");
  }
  if (total) *total = conn.query("SELECT COUNT(*) AS n FROM legality_village_rules" + where, std::span<db::Param const>(params)).front().i64("n");
  auto sql = std::string("SELECT ") + rules_columns + " FROM legality_village_rules" + where + " ORDER BY region_path, id";
  if (limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(limit);
    params.emplace_back(offset);
  }
  std::vector<VillageRules> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(rules_row(row, false));
  return out;
}

namespace {
constexpr char const* case_columns =
    "id, kind, case_no, unit_id, region_path, cause, applicant, filed_on, closed_on, outcome, head_appeared, submission_id, note,"
    " year, created_at, updated_at";
Case case_row(db::Row const& row) {
  Case c;
  c.id = row.i64("id");
  c.kind = row.str("kind");
  c.case_no = row.str("case_no");
  c.unit_id = row.i64("unit_id");
  c.region_path = row.str("region_path");
  c.cause = row.str("cause");
  c.applicant = row.str("applicant");
  c.filed_on = row.str("filed_on");
  c.closed_on = row.opt_str("closed_on");
  c.outcome = row.opt_str("outcome");
  if (auto const h = row.opt_i64("head_appeared")) c.head_appeared = *h != 0;
  c.submission_id = row.opt_i64("submission_id");
  c.note = row.str("note");
  c.year = static_cast<int>(row.i64("year"));
  c.created_at = row.i64("created_at");
  c.updated_at = row.i64("updated_at");
  return c;
}
}  // namespace

std::int64_t insert_case(db::Connection& conn, Case const& c, std::optional<std::int64_t> by) {
  return conn.insert(
      "INSERT INTO legality_cases (kind, case_no, unit_id, region_path, cause, applicant, filed_on, closed_on, outcome, head_appeared,"
      " submission_id, note, year, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.kind, c.case_no, c.unit_id, c.region_path, c.cause, c.applicant, c.filed_on, c.closed_on, c.outcome,
       c.head_appeared, c.submission_id, c.note, c.year, by, c.created_at, c.updated_at});
}

void update_case(db::Connection& conn, Case const& c) {
  conn.exec(
      "UPDATE legality_cases SET kind = ?, case_no = ?, unit_id = ?, region_path = ?, cause = ?, applicant = ?, filed_on = ?,"
      " closed_on = ?, outcome = ?, head_appeared = ?, submission_id = ?, note = ?, year = ?, updated_at = ? WHERE id = ?",
      {c.kind, c.case_no, c.unit_id, c.region_path, c.cause, c.applicant, c.filed_on, c.closed_on, c.outcome,
       c.head_appeared, c.submission_id, c.note, c.year, c.updated_at, c.id});
}

std::optional<Case> legal_case(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string("SELECT ") + case_columns + " FROM legality_cases WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return case_row(rows.front());
}

bool case_no_taken(db::Connection& conn, std::string const& kind, std::string const& case_no, std::int64_t except_id) {
  return conn.scalar("SELECT id FROM legality_cases WHERE kind = ? AND case_no = ? AND id <> ?", {kind, case_no, except_id}).has_value();
}

std::vector<Case> cases(db::Connection& conn, CaseFilter const& f, std::int64_t* total) {
  std::string where = " WHERE region_path LIKE ?";
  std::vector<db::Param> params{f.scope_path + "%"};
  if (f.year) {
    where += " AND year = ?";
    params.emplace_back(*f.year);
  }
  if (f.kind) {
    where += " AND kind = ?";
    params.emplace_back(*f.kind);
  }
  if (f.outcome) {
    if (*f.outcome == "pending") {
      where += " AND outcome IS NULL";
    } else {
      where += " AND outcome = ?";
      params.emplace_back(*f.outcome);
    }
  }
  if (f.unit_id) {
    where += " AND unit_id = ?";
    params.emplace_back(*f.unit_id);
  }
  if (total) *total = conn.query("SELECT COUNT(*) AS n FROM legality_cases" + where, std::span<db::Param const>(params)).front().i64("n");
  auto sql = std::string("SELECT ") + case_columns + " FROM legality_cases" + where + " ORDER BY filed_on DESC, id DESC";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(f.limit);
    params.emplace_back(f.offset);
  }
  std::vector<Case> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(case_row(row));
  return out;
}

std::vector<int> case_years(db::Connection& conn, std::string const& scope_path) {
  std::vector<int> out;
  for (auto const& row : conn.query("SELECT DISTINCT year FROM legality_cases WHERE region_path LIKE ? ORDER BY year DESC", {scope_path + "%"})) {
    out.push_back(static_cast<int>(row.i64("year")));
  }
  return out;
}

std::vector<std::int64_t> corrected_submissions(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::vector<std::int64_t> out;
  if (ids.empty()) return out;
  std::vector<db::Param> params(ids.begin(), ids.end());
  auto const sql = "SELECT DISTINCT submission_id FROM legality_cases WHERE outcome IN ('revoked', 'changed', 'confirmed_illegal', 'ordered')"
                   " AND submission_id IN (" + placeholders(ids.size()) + ")";
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(row.i64("submission_id"));
  return out;
}

}  // namespace pufa::legality::store
