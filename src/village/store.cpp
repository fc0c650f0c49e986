#include "village/store.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

namespace pufa::village::store {

namespace json = boost::json;

namespace {

std::string scores_text(Scores const& s) {
  json::object o;
  for (auto const& [id, v] : s) o[std::to_string(id)] = v;
  return json::serialize(o);
}

Scores scores_of(std::optional<std::string> const& text) {
  Scores out;
  if (!text || text->empty()) return out;
  auto const parsed = json::parse(*text);
  for (auto const& [key, v] : parsed.as_object()) out[std::stoll(std::string(key))] = v.to_number<double>();
  return out;
}

constexpr char const* file_columns = "region_id, region_path, level, named_year, naming_doc, plaque, history, updated_at";

File file_row(db::Row const& row) {
  File f;
  f.region_id = row.i64("region_id");
  f.region_path = row.str("region_path");
  f.level = row.str("level");
  if (auto const y = row.opt_i64("named_year")) f.named_year = static_cast<int>(*y);
  f.naming_doc = row.opt_str("naming_doc");
  f.plaque = row.str("plaque");
  f.history = row.str("history");
  f.updated_at = row.i64("updated_at");
  return f;
}

constexpr char const* round_columns =
    "id, year, title, target_level, set_id, status, apply_by, recommend_by, naming_doc, published_on, created_at";

Round round_row(db::Row const& row) {
  Round r;
  r.id = row.i64("id");
  r.year = static_cast<int>(row.i64("year"));
  r.title = row.str("title");
  r.target_level = row.str("target_level");
  r.set_id = row.i64("set_id");
  r.status = row.str("status");
  r.apply_by = row.opt_str("apply_by");
  r.recommend_by = row.opt_str("recommend_by");
  r.naming_doc = row.opt_str("naming_doc");
  r.published_on = row.opt_str("published_on");
  r.created_at = row.i64("created_at");
  return r;
}

constexpr char const* application_columns =
    "id, round_id, region_id, region_path, status, statement, township_scores, township_total, township_note, county_scores,"
    " county_total, county_note, created_at";

Application application_row(db::Row const& row) {
  Application a;
  a.id = row.i64("id");
  a.round_id = row.i64("round_id");
  a.region_id = row.i64("region_id");
  a.region_path = row.str("region_path");
  a.status = row.str("status");
  a.statement = row.str("statement");
  a.township_scores = scores_of(row.opt_str("township_scores"));
  a.township_total = row.opt_f64("township_total");
  a.township_note = row.opt_str("township_note");
  a.county_scores = scores_of(row.opt_str("county_scores"));
  a.county_total = row.opt_f64("county_total");
  a.county_note = row.opt_str("county_note");
  a.created_at = row.i64("created_at");
  return a;
}

constexpr char const* review_columns =
    "id, region_id, region_path, trigger_kind, description, opened_on, level_before, status, decision, decision_note, decided_on";

Review review_row(db::Row const& row) {
  return {row.i64("id"), row.i64("region_id"), row.str("region_path"), row.str("trigger_kind"), row.str("description"),
          row.str("opened_on"), row.str("level_before"), row.str("status"), row.opt_str("decision"), row.opt_str("decision_note"),
          row.opt_str("decided_on")};
}

std::vector<Criterion> criteria(db::Connection& conn, std::int64_t set_id) {
  std::vector<Criterion> out;
  for (auto row : conn.query("SELECT id, set_id, part, seq, title, standard, points, rule, source FROM village_criteria"
                             " WHERE set_id = ? ORDER BY seq, id",
                             {set_id})) {
    out.push_back({row.i64("id"), row.i64("set_id"), row.str("part"), static_cast<int>(row.i64("seq")), row.str("title"),
                   row.str("standard"), row.f64("points"), row.str("rule"), row.opt_str("source")});
  }
  return out;
}

void insert_criteria(db::Connection& conn, std::int64_t set_id, std::vector<Criterion> const& items) {
  int seq = 0;
  for (auto const& c : items) {
    conn.exec("INSERT INTO village_criteria (set_id, part, seq, title, standard, points, rule, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {set_id, c.part, ++seq, c.title, c.standard, c.points, c.rule, c.source});
  }
}

}  // namespace

std::vector<File> files(db::Connection& conn, FileFilter const& f) {
  std::string sql = std::string("SELECT ") + file_columns + " FROM village_files WHERE region_path LIKE ?";
  std::vector<db::Param> params{f.scope_path + "%"};
  if (f.region_id) {
    sql += " AND region_id = ?";
    params.emplace_back(*f.region_id);
  }
  if (f.level) {
    sql += " AND level = ?";
    params.emplace_back(*f.level);
  }
  if (f.plaque) {
    sql += " AND plaque = ?";
    params.emplace_back(*f.plaque);
  }
  if (f.under_review) sql += " AND EXISTS (SELECT 1 FROM village_reviews r WHERE r.region_id = village_files.region_id AND r.status = 'open')";
  sql += " ORDER BY region_path";
  std::vector<File> out;
  for (auto row : conn.query(sql, params)) out.push_back(file_row(row));
  return out;
}

std::optional<File> file(db::Connection& conn, std::int64_t region_id) {
  auto rows = conn.query(std::string("SELECT ") + file_columns + " FROM village_files WHERE region_id = ?", {region_id});
  if (rows.empty()) return std::nullopt;
  return file_row(rows.front());
}

void upsert_file(db::Connection& conn, File const& f, std::optional<std::int64_t> by) {
  auto const now = base::now_ms();
  if (conn.exec("UPDATE village_files SET level = ?, named_year = ?, naming_doc = ?, plaque = ?, history = ?, updated_by = ?,"
                " updated_at = ? WHERE region_id = ?",
                {f.level, f.named_year, f.naming_doc, f.plaque, f.history, by, now, f.region_id}) == 0) {
    conn.exec("INSERT INTO village_files (region_id, region_path, level, named_year, naming_doc, plaque, history, updated_by, updated_at)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {f.region_id, f.region_path, f.level, f.named_year, f.naming_doc, f.plaque, f.history, by, now});
  }
}

std::map<std::string, std::int64_t> level_counts(db::Connection& conn, std::string const& path) {
  std::map<std::string, std::int64_t> out;
  for (auto row : conn.query("SELECT level, COUNT(*) AS n FROM village_files WHERE region_path LIKE ? GROUP BY level", {path + "%"})) {
    out[row.str("level")] = row.i64("n");
  }
  return out;
}

std::int64_t insert_entry(db::Connection& conn, Entry const& e) {
  return conn.insert("INSERT INTO village_entries (region_id, region_path, kind, on_day, title, detail, created_by, created_by_name,"
                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {e.region_id, e.region_path, e.kind, e.on, e.title, e.detail, e.created_by, e.created_by_name, base::now_ms()});
}

std::vector<Entry> entries(db::Connection& conn, std::int64_t region_id) {
  std::vector<Entry> out;
  for (auto row : conn.query("SELECT id, region_id, region_path, kind, on_day, title, detail, created_by_name, created_by"
                             " FROM village_entries WHERE region_id = ? ORDER BY on_day DESC, id DESC",
                             {region_id})) {
    out.push_back({row.i64("id"), row.i64("region_id"), row.str("region_path"), row.str("kind"), row.str("on_day"), row.str("title"),
                   row.str("detail"), row.str("created_by_name"), row.opt_i64("created_by")});
  }
  return out;
}

std::vector<CriteriaSet> sets(db::Connection& conn) {
  std::vector<CriteriaSet> out;
  for (auto row : conn.query("SELECT id, name, version, base_id, active FROM village_criteria_sets ORDER BY id DESC")) {
    CriteriaSet s{row.i64("id"), row.str("name"), static_cast<int>(row.i64("version")), row.opt_i64("base_id"), row.flag("active"), {}};
    s.items = criteria(conn, s.id);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<CriteriaSet> set(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query("SELECT id, name, version, base_id, active FROM village_criteria_sets WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto const row = rows.front();
  CriteriaSet s{row.i64("id"), row.str("name"), static_cast<int>(row.i64("version")), row.opt_i64("base_id"), row.flag("active"), {}};
  s.items = criteria(conn, id);
  return s;
}

std::int64_t insert_set(db::Connection& conn, CriteriaSet const& s) {
  auto const now = base::now_ms();
  auto const id = conn.insert("INSERT INTO village_criteria_sets (name, version, base_id, active, created_at, updated_at)"
                              " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                              {s.name, s.version, s.base_id, s.active, now, now});
  insert_criteria(conn, id, s.items);
  return id;
}

void replace_set(db::Connection& conn, CriteriaSet const& s) {
  conn.exec("UPDATE village_criteria_sets SET name = ?, active = ?, updated_at = ? WHERE id = ?", {s.name, s.active, base::now_ms(), s.id});
  conn.exec("DELETE FROM village_criteria WHERE set_id = ?", {s.id});
  insert_criteria(conn, s.id, s.items);
}

bool set_used(db::Connection& conn, std::int64_t id) {
  return conn.scalar("SELECT COUNT(*) FROM village_rounds WHERE set_id = ?", {id}).value_or(0) > 0;
}

int next_version(db::Connection& conn, std::int64_t base_id) {
  auto const root = conn.scalar("SELECT COALESCE(base_id, id) FROM village_criteria_sets WHERE id = ?", {base_id}).value_or(base_id);
  auto const v = conn.scalar("SELECT MAX(version) FROM village_criteria_sets WHERE id = ? OR base_id = ?", {root, root}).value_or(0);
  return static_cast<int>(v) + 1;
}

std::vector<Round> rounds(db::Connection& conn) {
  std::vector<Round> out;
  for (auto row : conn.query(std::string("SELECT ") + round_columns + " FROM village_rounds ORDER BY year DESC, id DESC")) {
    out.push_back(round_row(row));
  }
  return out;
}

std::optional<Round> round(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + round_columns + " FROM village_rounds WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return round_row(rows.front());
}

std::int64_t insert_round(db::Connection& conn, Round const& r, std::optional<std::int64_t> by) {
  auto const now = base::now_ms();
  return conn.insert("INSERT INTO village_rounds (year, title, target_level, set_id, status, apply_by, recommend_by, naming_doc,"
                     " published_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.year, r.title, r.target_level, r.set_id, r.status, r.apply_by, r.recommend_by, r.naming_doc, r.published_on, by,
                      now, now});
}

void update_round(db::Connection& conn, Round const& r) {
  conn.exec("UPDATE village_rounds SET status = ?, naming_doc = ?, published_on = ?, updated_at = ? WHERE id = ?",
            {r.status, r.naming_doc, r.published_on, base::now_ms(), r.id});
}

std::vector<Application> applications(db::Connection& conn, std::optional<std::int64_t> round_id, std::string const& path,
                                      std::optional<std::int64_t> region_id) {
  std::string sql = std::string("SELECT ") + application_columns + " FROM village_applications WHERE region_path LIKE ?";
  std::vector<db::Param> params{path + "%"};
  if (round_id) {
    sql += " AND round_id = ?";
    params.emplace_back(*round_id);
  }
  if (region_id) {
    sql += " AND region_id = ?";
    params.emplace_back(*region_id);
  }
  sql += " ORDER BY region_path, id";
  std::vector<Application> out;
  for (auto row : conn.query(sql, params)) out.push_back(application_row(row));
  return out;
}

std::optional<Application> application(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + application_columns + " FROM village_applications WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return application_row(rows.front());
}

std::int64_t insert_application(db::Connection& conn, Application const& a) {
  auto const now = base::now_ms();
  return conn.insert("INSERT INTO village_applications (round_id, region_id, region_path, status, statement, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {a.round_id, a.region_id, a.region_path, a.status, a.statement, now, now});
}

void update_application(db::Connection& conn, Application const& a, std::optional<std::int64_t> township_by,
                        std::optional<std::int64_t> county_by) {
  conn.exec("UPDATE village_applications SET status = ?, township_scores = ?, township_total = ?, township_note = ?,"
            " township_by = COALESCE(?, township_by), county_scores = ?, county_total = ?, county_note = ?,"
            " county_by = COALESCE(?, county_by), updated_at = ? WHERE id = ?",
            {a.status, a.township_scores.empty() ? db::Param(nullptr) : db::Param(scores_text(a.township_scores)), a.township_total,
             a.township_note, township_by, a.county_scores.empty() ? db::Param(nullptr) : db::Param(scores_text(a.county_scores)),
             a.county_total, a.county_note, county_by, base::now_ms(), a.id});
}

std::vector<Review> reviews(db::Connection& conn, std::string const& path, std::optional<std::string> const& status,
                            std::optional<std::int64_t> region_id) {
  std::string sql = std::string("SELECT ") + review_columns + " FROM village_reviews WHERE region_path LIKE ?";
  std::vector<db::Param> params{path + "%"};
  if (status) {
    sql += " AND status = ?";
    params.emplace_back(*status);
  }
  if (region_id) {
    sql += " AND region_id = ?";
    params.emplace_back(*region_id);
  }
  sql += " ORDER BY opened_on DESC, id DESC";
  std::vector<Review> out;
  for (auto row : conn.query(sql, params)) out.push_back(review_row(row));
  return out;
}

std::optional<Review> review(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + review_columns + " FROM village_reviews WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return review_row(rows.front());
}

std::int64_t insert_review(db::Connection& conn, Review const& r, std::optional<std::int64_t> by) {
  auto const now = base::now_ms();
  return conn.insert("INSERT INTO village_reviews (region_id, region_path, trigger_kind, description, opened_on, level_before, status,"
                     " decision, decision_note, decided_on, created_by, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.region_id, r.region_path, r.trigger, r.description, r.opened_on, r.level_before, r.status, r.decision,
                      r.decision_note, r.decided_on, by, now, now});
}

void update_review(db::Connection& conn, Review const& r) {
  conn.exec("UPDATE village_reviews SET status = ?, decision = ?, decision_note = ?, decided_on = ?, updated_at = ? WHERE id = ?",
            {r.status, r.decision, r.decision_note, r.decided_on, base::now_ms(), r.id});
}

}  // namespace pufa::village::store
