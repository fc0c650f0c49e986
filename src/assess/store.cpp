#include "assess/store.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <functional>

namespace pufa::assess::store {

namespace json = boost::json;

namespace {

std::string ids_text(std::vector<std::int64_t> const& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> ids_of(std::string const& text) {
  std::vector<std::int64_t> out;
  for (std::size_t at = 0; at < text.size();) {
    auto const comma = text.find(',', at);
    out.push_back(std::stoll(text.substr(at, comma == std::string::npos ? std::string::npos : comma - at)));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

std::optional<std::string> opt_member(json::object const& o, char const* key) {
  if (auto const* v = o.if_contains(key); v && v->is_string()) return std::string(v->as_string());
  return std::nullopt;
}

std::optional<std::string> measure_text(std::optional<Measure> const& m) {
  if (!m) return std::nullopt;
  json::object o{{"source", m->source}};
  if (m->theme) o["theme"] = *m->theme;
  if (m->form) o["form"] = *m->form;
  if (m->six_place) o["six_place"] = *m->six_place;
  if (m->study_kind) o["study_kind"] = *m->study_kind;
  return json::serialize(o);
}

std::optional<Measure> measure_of(std::optional<std::string> const& text) {
  if (!text) return std::nullopt;
  auto const o = json::parse(*text).as_object();
  return Measure{std::string(o.at("source").as_string()), opt_member(o, "theme"), opt_member(o, "form"),
                 opt_member(o, "six_place"), opt_member(o, "study_kind")};
}

std::string evidence_text(std::vector<EvidenceRef> const& refs) {
  json::array out;
  for (auto const& r : refs) out.push_back({{"kind", r.kind}, {"id", r.id}, {"title", r.title}, {"date", r.date}});
  return json::serialize(out);
}

std::vector<EvidenceRef> evidence_of(std::string const& text) {
  std::vector<EvidenceRef> out;
  if (text.empty()) return out;
  auto const parsed = json::parse(text);
  for (auto const& v : parsed.as_array()) {
    auto const& o = v.as_object();
    out.push_back({std::string(o.at("kind").as_string()), o.at("id").as_int64(), std::string(o.at("title").as_string()),
                   std::string(o.at("date").as_string())});
  }
  return out;
}

double number(json::value const& v) { return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64()); }

std::string phases_text(std::vector<Phase> const& phases) {
  json::array out;
  for (auto const& p : phases) out.push_back({{"phase", p.phase}, {"starts_on", p.starts_on}, {"ends_on", p.ends_on}});
  return json::serialize(out);
}

constexpr char const* set_select =
    "SELECT id, code, version, name, edition, category, status, total, bonus_cap, region_path, created_at, updated_at"
    " FROM assess_sets";

IndicatorSet set_row(db::Row const& row) {
  IndicatorSet s;
  s.id = row.i64("id");
  s.code = row.str("code");
  s.version = static_cast<int>(row.i64("version"));
  s.name = row.str("name");
  s.edition = row.str("edition");
  s.category = row.str("category");
  s.status = row.str("status");
  s.total = row.f64("total");
  s.bonus_cap = row.f64("bonus_cap");
  s.region_path = row.str("region_path");
  s.created_at = row.i64("created_at");
  s.updated_at = row.i64("updated_at");
  return s;
}

constexpr char const* round_select =
    "SELECT id, year, title, period_from, period_to, status, phases, rule, self_weight, bands, region_path, locked_at,"
    " published_at, created_at, updated_at FROM assess_rounds";

Round round_row(db::Row const& row) {
  Round r;
  r.id = row.i64("id");
  r.year = static_cast<int>(row.i64("year"));
  r.title = row.str("title");
  r.period_from = row.str("period_from");
  r.period_to = row.str("period_to");
  r.status = row.str("status");
  auto const phases = json::parse(row.str("phases"));
  for (auto const& v : phases.as_array()) {
    auto const& o = v.as_object();
    r.phases.push_back({std::string(o.at("phase").as_string()), std::string(o.at("starts_on").as_string()),
                        std::string(o.at("ends_on").as_string())});
  }
  r.rule = row.str("rule");
  r.self_weight = static_cast<int>(row.i64("self_weight"));
  auto const bands = json::parse(row.str("bands")).as_object();
  r.bands = {number(bands.at("excellent")), number(bands.at("good")), number(bands.at("pass"))};
  r.region_path = row.str("region_path");
  r.locked_at = row.opt_i64("locked_at");
  r.published_at = row.opt_i64("published_at");
  r.created_at = row.i64("created_at");
  r.updated_at = row.i64("updated_at");
  return r;
}

std::string bands_text(Bands const& b) {
  return json::serialize(json::object{{"excellent", b.excellent}, {"good", b.good}, {"pass", b.pass}});
}

constexpr char const* unit_select =
    "SELECT id, round_id, unit_id, set_id, category, group_id, status, report, attachments, submitted_at, confirmed_at,"
    " confirmed_by FROM assess_round_units";

RoundUnit unit_row(db::Row const& row) {
  RoundUnit u;
  u.id = row.i64("id");
  u.round_id = row.i64("round_id");
  u.unit_id = row.i64("unit_id");
  u.set_id = row.i64("set_id");
  u.category = row.str("category");
  u.group_id = row.opt_i64("group_id");
  u.status = row.str("status");
  u.report = row.str("report");
  u.attachment_ids = ids_of(row.str("attachments"));
  u.submitted_at = row.opt_i64("submitted_at");
  u.confirmed_at = row.opt_i64("confirmed_at");
  u.confirmed_by = row.opt_i64("confirmed_by");
  return u;
}

constexpr char const* score_select =
    "SELECT round_unit_id, item_id, self_score, self_note, evidence, self_at, inspect_score, inspect_note, photos,"
    " inspect_at, inspect_by FROM assess_scores";

Score score_row(db::Row const& row) {
  Score s;
  s.round_unit_id = row.i64("round_unit_id");
  s.item_id = row.i64("item_id");
  s.self = row.opt_f64("self_score");
  s.self_note = row.str("self_note");
  s.evidence = evidence_of(row.str("evidence"));
  s.self_at = row.opt_i64("self_at");
  s.inspect = row.opt_f64("inspect_score");
  s.inspect_note = row.str("inspect_note");
  s.photo_ids = ids_of(row.str("photos"));
  s.inspect_at = row.opt_i64("inspect_at");
  s.inspect_by = row.opt_i64("inspect_by");
  return s;
}

constexpr char const* fix_select =
    "SELECT id, round_id, round_unit_id, item_id, text, deadline, status, answer, evidence, return_reason, raised_by,"
    " raised_at, answered_at, decided_at FROM assess_fixes";

Fix fix_row(db::Row const& row) {
  Fix f;
  f.id = row.i64("id");
  f.round_id = row.i64("round_id");
  f.round_unit_id = row.i64("round_unit_id");
  f.item_id = row.i64("item_id");
  f.text = row.str("text");
  f.deadline = row.opt_str("deadline");
  f.status = row.str("status");
  f.answer = row.str("answer");
  f.evidence = evidence_of(row.str("evidence"));
  f.return_reason = row.opt_str("return_reason");
  f.raised_by = row.i64("raised_by");
  f.raised_at = row.i64("raised_at");
  f.answered_at = row.opt_i64("answered_at");
  f.decided_at = row.opt_i64("decided_at");
  return f;
}

void ensure_score(db::Connection& conn, std::int64_t round_unit_id, std::int64_t item_id) {
  if (!conn.query("SELECT 1 AS x FROM assess_scores WHERE round_unit_id = ? AND item_id = ?", {round_unit_id, item_id}).empty()) return;
  conn.exec("INSERT INTO assess_scores (round_unit_id, item_id, self_note, evidence, inspect_note, photos) VALUES (?, ?, '', '', '', '')",
            {round_unit_id, item_id});
}

}  // namespace

std::int64_t insert_set(db::Connection& conn, IndicatorSet const& s, std::int64_t by) {
  return conn.insert(
      "INSERT INTO assess_sets (code, version, name, edition, category, status, total, bonus_cap, region_path, created_by,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {s.code, s.version, s.name, s.edition, s.category, s.status, s.total, s.bonus_cap, s.region_path, by, s.created_at,
       s.updated_at});
}

void update_set(db::Connection& conn, IndicatorSet const& s) {
  conn.exec("UPDATE assess_sets SET name = ?, edition = ?, category = ?, status = ?, total = ?, bonus_cap = ?, updated_at = ?"
            " WHERE id = ?",
            {s.name, s.edition, s.category, s.status, s.total, s.bonus_cap, s.updated_at, s.id});
}

void replace_items(db::Connection& conn, std::int64_t set_id, std::vector<Item>& items) {
  // Children first: their parent_id points at the rows going.
  conn.exec("UPDATE assess_items SET parent_id = NULL WHERE set_id = ?", {set_id});
  conn.exec("DELETE FROM assess_items WHERE set_id = ?", {set_id});
  int seq = 0;
  std::function<void(std::vector<Item>&, std::optional<std::int64_t>, std::string const&, int)> add =
      [&](std::vector<Item>& level, std::optional<std::int64_t> parent, std::string const& prefix, int depth) {
        for (std::size_t i = 0; i < level.size(); ++i) {
          auto& item = level[i];
          item.seq = ++seq;
          item.level = depth;
          item.parent_id = parent;
          item.code = prefix + std::to_string(i + 1);
          item.id = conn.insert(
              "INSERT INTO assess_items (set_id, parent_id, seq, level, code, kind, title, standard, points, method, evidence,"
              " measure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {set_id, parent, item.seq, item.level, item.code, item.kind, item.title, item.standard, item.points,
               item.method, item.evidence, measure_text(item.measure)});
          add(item.children, item.id, item.code + ".", depth + 1);
        }
      };
  add(items, std::nullopt, "", 1);
}

std::optional<IndicatorSet> find_set(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(set_select) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto set = set_row(rows.front());
  std::vector<Item> flat;
  for (auto const& row : conn.query("SELECT id, parent_id, seq, level, code, kind, title, standard, points, method, evidence,"
                                    " measure FROM assess_items WHERE set_id = ? ORDER BY seq",
                                    {id})) {
    Item item;
    item.id = row.i64("id");
    item.parent_id = row.opt_i64("parent_id");
    item.seq = static_cast<int>(row.i64("seq"));
    item.level = static_cast<int>(row.i64("level"));
    item.code = row.str("code");
    item.kind = row.str("kind");
    item.title = row.str("title");
    item.standard = row.str("standard");
    item.points = row.f64("points");
    item.method = row.str("method");
    item.evidence = row.str("evidence");
    item.measure = measure_of(row.opt_str("measure"));
    flat.push_back(std::move(item));
  }
  // Rebuild the tree: seq is depth-first, so each item's parent came before it.
  std::function<void(std::vector<Item>&, std::optional<std::int64_t>, std::size_t&)> build =
      [&](std::vector<Item>& into, std::optional<std::int64_t> parent, std::size_t& at) {
        while (at < flat.size() && flat[at].parent_id == parent) {
          into.push_back(std::move(flat[at]));
          ++at;
          build(into.back().children, into.back().id, at);
        }
      };
  std::size_t at = 0;
  build(set.items, std::nullopt, at);
  return set;
}

std::vector<IndicatorSet> all_sets(db::Connection& conn) {
  std::vector<IndicatorSet> out;
  for (auto const& row : conn.query(std::string(set_select) + " ORDER BY code, version")) out.push_back(set_row(row));
  return out;
}

int next_version(db::Connection& conn, std::string const& code) {
  auto const rows = conn.query("SELECT MAX(version) AS v FROM assess_sets WHERE code = ?", {code});
  auto const v = rows.front().opt_i64("v");
  return v ? static_cast<int>(*v) + 1 : 1;
}

std::int64_t rounds_using(db::Connection& conn, std::int64_t set_id) {
  return conn.query("SELECT COUNT(DISTINCT round_id) AS n FROM assess_round_units WHERE set_id = ?", {set_id}).front().i64("n");
}

std::int64_t insert_round(db::Connection& conn, Round const& r, std::int64_t by) {
  return conn.insert(
      "INSERT INTO assess_rounds (year, title, period_from, period_to, status, phases, rule, self_weight, bands, region_path,"
      " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.year, r.title, r.period_from, r.period_to, r.status, phases_text(r.phases), r.rule, r.self_weight,
       bands_text(r.bands), r.region_path, by, r.created_at, r.updated_at});
}

void update_round(db::Connection& conn, Round const& r) {
  conn.exec("UPDATE assess_rounds SET year = ?, title = ?, period_from = ?, period_to = ?, status = ?, phases = ?, rule = ?,"
            " self_weight = ?, bands = ?, locked_at = ?, published_at = ?, updated_at = ? WHERE id = ?",
            {r.year, r.title, r.period_from, r.period_to, r.status, phases_text(r.phases), r.rule, r.self_weight,
             bands_text(r.bands), r.locked_at, r.published_at, r.updated_at, r.id});
}

std::optional<Round> find_round(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(round_select) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return round_row(rows.front());
}

std::vector<Round> all_rounds(db::Connection& conn) {
  std::vector<Round> out;
  for (auto const& row : conn.query(std::string(round_select) + " ORDER BY year DESC, id DESC")) out.push_back(round_row(row));
  return out;
}

void set_results(db::Connection& conn, std::int64_t round_id, std::optional<std::string> const& results) {
  conn.exec("UPDATE assess_rounds SET results = ? WHERE id = ?", {results, round_id});
}

std::optional<std::string> results(db::Connection& conn, std::int64_t round_id) {
  auto const rows = conn.query("SELECT results FROM assess_rounds WHERE id = ?", {round_id});
  if (rows.empty()) return std::nullopt;
  return rows.front().opt_str("results");
}

void set_units(db::Connection& conn, std::int64_t round_id, std::vector<RoundUnit> const& wanted) {
  auto const current = units(conn, round_id);
  for (auto const& u : current) {
    auto const keep = std::find_if(wanted.begin(), wanted.end(), [&](auto const& w) { return w.unit_id == u.unit_id; });
    if (keep == wanted.end() || keep->set_id != u.set_id) {
      conn.exec("DELETE FROM assess_scores WHERE round_unit_id = ?", {u.id});
      conn.exec("DELETE FROM assess_fixes WHERE round_unit_id = ?", {u.id});
      conn.exec("DELETE FROM assess_round_units WHERE id = ?", {u.id});
    } else if (keep->category != u.category) {
      conn.exec("UPDATE assess_round_units SET category = ? WHERE id = ?", {keep->category, u.id});
    }
  }
  auto const kept = units(conn, round_id);
  for (auto const& w : wanted) {
    if (std::any_of(kept.begin(), kept.end(), [&](auto const& u) { return u.unit_id == w.unit_id; })) continue;
    conn.exec("INSERT INTO assess_round_units (round_id, unit_id, set_id, category, status, report, attachments)"
              " VALUES (?, ?, ?, ?, ?, '', '')",
              {round_id, w.unit_id, w.set_id, w.category, unit_status::pending});
  }
}

std::vector<RoundUnit> units(db::Connection& conn, std::int64_t round_id) {
  std::vector<RoundUnit> out;
  for (auto const& row : conn.query(std::string(unit_select) + " WHERE round_id = ? ORDER BY id", {round_id})) {
    out.push_back(unit_row(row));
  }
  return out;
}

std::optional<RoundUnit> unit(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(unit_select) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return unit_row(rows.front());
}

std::vector<RoundUnit> units_of(db::Connection& conn, std::vector<std::int64_t> const& unit_ids) {
  std::vector<RoundUnit> out;
  for (auto id : unit_ids) {
    for (auto const& row : conn.query(std::string(unit_select) + " WHERE unit_id = ? ORDER BY round_id DESC", {id})) {
      out.push_back(unit_row(row));
    }
  }
  return out;
}

void set_report(db::Connection& conn, std::int64_t id, std::string const& report, std::vector<std::int64_t> const& attachments) {
  conn.exec("UPDATE assess_round_units SET report = ?, attachments = ? WHERE id = ?", {report, ids_text(attachments), id});
}

void set_unit_status(db::Connection& conn, std::int64_t id, std::string_view status, std::optional<std::int64_t> by,
                     base::Millis now) {
  if (status == unit_status::submitted) {
    conn.exec("UPDATE assess_round_units SET status = ?, submitted_at = ?, submitted_by = ? WHERE id = ?", {status, now, by, id});
  } else if (status == unit_status::confirmed) {
    conn.exec("UPDATE assess_round_units SET status = ?, confirmed_at = ?, confirmed_by = ? WHERE id = ?", {status, now, by, id});
  } else {
    conn.exec("UPDATE assess_round_units SET status = ?, submitted_at = NULL, submitted_by = NULL WHERE id = ?", {status, id});
  }
}

void replace_groups(db::Connection& conn, std::int64_t round_id, std::vector<Group>& groups) {
  conn.exec("UPDATE assess_round_units SET group_id = NULL WHERE round_id = ?", {round_id});
  conn.exec("DELETE FROM assess_groups WHERE round_id = ?", {round_id});
  int seq = 0;
  for (auto& g : groups) {
    g.round_id = round_id;
    g.seq = ++seq;
    g.id = conn.insert("INSERT INTO assess_groups (round_id, seq, name, leader_name, leader_user_id, member_ids)"
                       " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                       {round_id, g.seq, g.name, g.leader_name, g.leader_user_id, ids_text(g.member_ids)});
    for (auto ru : g.unit_ids) {
      conn.exec("UPDATE assess_round_units SET group_id = ? WHERE id = ? AND round_id = ?", {g.id, ru, round_id});
    }
  }
}

std::vector<Group> groups(db::Connection& conn, std::int64_t round_id) {
  std::vector<Group> out;
  for (auto const& row : conn.query("SELECT id, round_id, seq, name, leader_name, leader_user_id, member_ids FROM assess_groups"
                                    " WHERE round_id = ? ORDER BY seq",
                                    {round_id})) {
    out.push_back({row.i64("id"), row.i64("round_id"), static_cast<int>(row.i64("seq")), row.str("name"),
                   row.str("leader_name"), row.opt_i64("leader_user_id"), ids_of(row.str("member_ids")), {}});
  }
  for (auto const& row : conn.query("SELECT id, group_id FROM assess_round_units WHERE round_id = ? AND group_id IS NOT NULL"
                                    " ORDER BY id",
                                    {round_id})) {
    for (auto& g : out) {
      if (g.id == row.i64("group_id")) g.unit_ids.push_back(row.i64("id"));
    }
  }
  return out;
}

std::vector<Group> groups_of_user(db::Connection& conn, std::int64_t user_id) {
  std::vector<Group> out;
  for (auto const& row : conn.query("SELECT DISTINCT round_id FROM assess_groups ORDER BY round_id DESC")) {
    for (auto& g : groups(conn, row.i64("round_id"))) {
      if (g.leader_user_id == user_id || std::find(g.member_ids.begin(), g.member_ids.end(), user_id) != g.member_ids.end()) {
        out.push_back(std::move(g));
      }
    }
  }
  return out;
}

std::vector<Score> scores(db::Connection& conn, std::int64_t round_unit_id) {
  std::vector<Score> out;
  for (auto const& row : conn.query(std::string(score_select) + " WHERE round_unit_id = ? ORDER BY item_id", {round_unit_id})) {
    out.push_back(score_row(row));
  }
  return out;
}

std::map<std::int64_t, std::vector<Score>> round_scores(db::Connection& conn, std::int64_t round_id) {
  std::map<std::int64_t, std::vector<Score>> out;
  for (auto const& row : conn.query(std::string(score_select) +
                                        " WHERE round_unit_id IN (SELECT id FROM assess_round_units WHERE round_id = ?)"
                                        " ORDER BY round_unit_id, item_id",
                                    {round_id})) {
    auto score = score_row(row);
    out[score.round_unit_id].push_back(std::move(score));
  }
  return out;
}

void save_self(db::Connection& conn, Score const& s, std::int64_t by, base::Millis now) {
  ensure_score(conn, s.round_unit_id, s.item_id);
  conn.exec("UPDATE assess_scores SET self_score = ?, self_note = ?, evidence = ?, self_at = ?, self_by = ?"
            " WHERE round_unit_id = ? AND item_id = ?",
            {s.self, s.self_note, evidence_text(s.evidence), now, by, s.round_unit_id, s.item_id});
}

void save_inspect(db::Connection& conn, Score const& s, std::int64_t by, base::Millis now) {
  ensure_score(conn, s.round_unit_id, s.item_id);
  conn.exec("UPDATE assess_scores SET inspect_score = ?, inspect_note = ?, photos = ?, inspect_at = ?, inspect_by = ?"
            " WHERE round_unit_id = ? AND item_id = ?",
            {s.inspect, s.inspect_note, ids_text(s.photo_ids), now, by, s.round_unit_id, s.item_id});
}

std::int64_t insert_fix(db::Connection& conn, Fix const& f) {
  return conn.insert("INSERT INTO assess_fixes (round_id, round_unit_id, item_id, text, deadline, status, answer, evidence,"
                     " raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?) RETURNING id",
                     {f.round_id, f.round_unit_id, f.item_id, f.text, f.deadline, f.status, f.raised_by, f.raised_at});
}

void update_fix(db::Connection& conn, Fix const& f, std::int64_t by, base::Millis now) {
  if (f.status == fix_status::answered) {
    conn.exec("UPDATE assess_fixes SET status = ?, answer = ?, evidence = ?, answered_by = ?, answered_at = ? WHERE id = ?",
              {f.status, f.answer, evidence_text(f.evidence), by, now, f.id});
  } else {
    conn.exec("UPDATE assess_fixes SET status = ?, return_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
              {f.status, f.return_reason, by, now, f.id});
  }
}

std::optional<Fix> find_fix(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(fix_select) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return fix_row(rows.front());
}

std::vector<Fix> fixes(db::Connection& conn, std::int64_t round_id, std::optional<std::int64_t> round_unit_id) {
  std::vector<Fix> out;
  auto const rows = round_unit_id
                        ? conn.query(std::string(fix_select) + " WHERE round_id = ? AND round_unit_id = ? ORDER BY id",
                                     {round_id, *round_unit_id})
                        : conn.query(std::string(fix_select) + " WHERE round_id = ? ORDER BY id", {round_id});
  for (auto const& row : rows) out.push_back(fix_row(row));
  return out;
}

std::int64_t count_fixes(db::Connection& conn, std::vector<std::int64_t> const& round_unit_ids, std::string_view status) {
  std::int64_t n = 0;
  for (auto id : round_unit_ids) {
    n += conn.query("SELECT COUNT(*) AS n FROM assess_fixes WHERE round_unit_id = ? AND status = ?", {id, status}).front().i64("n");
  }
  return n;
}

std::optional<Round> latest_round(db::Connection& conn, std::string const& region_path) {
  for (auto& r : all_rounds(conn)) {
    bool const visited = r.status == round_status::inspection || r.status == round_status::review ||
                         r.status == round_status::locked || r.status == round_status::published;
    if (visited && r.region_path.starts_with(region_path.substr(0, std::min(region_path.size(), r.region_path.size())))) {
      return std::move(r);
    }
  }
  return std::nullopt;
}

}  // namespace pufa::assess::store
