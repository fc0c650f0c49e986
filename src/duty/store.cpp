#include "duty/store.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <map>
#include <set>

#include "duty/rules.hpp"

namespace pufa::duty::store {

namespace json = boost::json;

namespace {

std::string ids_text(std::vector<std::int64_t> const& ids) {
  if (ids.empty()) return "";
  std::string out = ",";
  for (auto id : ids) out += std::to_string(id) + ",";
  return out;
}

std::vector<std::int64_t> ids_from(std::string const& text) {
  std::vector<std::int64_t> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(std::stoll(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

Plan plan_from(db::Row const& row) {
  Plan plan;
  plan.id = row.i64("id");
  plan.year = static_cast<int>(row.i64("year"));
  plan.title = row.str("title");
  plan.status = row.str("status");
  plan.issued_at = row.opt_i64("issued_at");
  plan.created_at = row.i64("created_at");
  plan.updated_at = row.i64("updated_at");
  return plan;
}

constexpr char const* plan_columns = "SELECT id, year, title, status, issued_at, created_at, updated_at FROM duty_plans";

std::vector<Point> points_of(db::Connection& conn, std::int64_t plan_id) {
  std::vector<Point> out;
  for (auto const& row : conn.query("SELECT id, seq, kind, section, text, day, lead_unit_id, co_unit_ids, deadline, rule"
                                    " FROM duty_points WHERE plan_id = ? ORDER BY seq, id", {plan_id})) {
    Point point;
    point.id = row.i64("id");
    point.seq = static_cast<int>(row.i64("seq"));
    point.kind = row.str("kind");
    point.section = row.str("section");
    point.text = row.str("text");
    point.day = row.opt_str("day");
    point.lead_unit_id = row.opt_i64("lead_unit_id");
    point.co_unit_ids = ids_from(row.str("co_unit_ids"));
    point.deadline = row.opt_str("deadline");
    point.rule = rule_from_text(row.str("rule"));
    out.push_back(std::move(point));
  }
  return out;
}

constexpr char const* list_columns =
    "SELECT l.id, l.unit_id, l.year, l.region_id, l.region_path, l.status, l.version, l.published_version,"
    " l.change_reason, l.return_reason, l.created_at, l.updated_at,"
    " (SELECT v.index_no FROM duty_list_versions v WHERE v.list_id = l.id AND v.version = l.published_version) AS index_no,"
    " (SELECT v.published_at FROM duty_list_versions v WHERE v.list_id = l.id AND v.version = l.published_version)"
    " AS published_at FROM duty_lists l";

DutyList list_from(db::Row const& row) {
  DutyList list;
  list.id = row.i64("id");
  list.unit_id = row.i64("unit_id");
  list.year = static_cast<int>(row.i64("year"));
  list.region_id = row.i64("region_id");
  list.region_path = row.str("region_path");
  list.status = row.str("status");
  list.version = static_cast<int>(row.i64("version"));
  if (auto v = row.opt_i64("published_version")) list.published_version = static_cast<int>(*v);
  list.change_reason = row.opt_str("change_reason");
  list.return_reason = row.opt_str("return_reason");
  list.index_no = row.opt_str("index_no");
  list.published_at = row.opt_i64("published_at");
  list.created_at = row.i64("created_at");
  list.updated_at = row.i64("updated_at");
  return list;
}

std::string list_where(ListFilter const& filter, std::vector<db::Param>& params) {
  std::string where = " WHERE l.region_path LIKE ?";
  params.emplace_back(filter.region_path + "%");
  if (filter.unit_id) {
    where += " AND l.unit_id = ?";
    params.emplace_back(*filter.unit_id);
  }
  if (filter.year) {
    where += " AND l.year = ?";
    params.emplace_back(*filter.year);
  }
  if (filter.status) {
    where += " AND l.status = ?";
    params.emplace_back(*filter.status);
  }
  if (filter.published_only) where += " AND l.published_version IS NOT NULL";
  return where;
}

constexpr char const* task_columns =
    "SELECT id, year, source, source_id, unit_id, role, region_path, title, deadline, rule, status, note,"
    " return_reason, answered_at FROM duty_tasks";

Task task_from(db::Row const& row) {
  Task task;
  task.id = row.i64("id");
  task.year = static_cast<int>(row.i64("year"));
  task.source = row.str("source");
  task.source_id = row.i64("source_id");
  task.unit_id = row.i64("unit_id");
  task.role = row.str("role");
  task.region_path = row.str("region_path");
  task.title = row.str("title");
  task.deadline = row.opt_str("deadline");
  task.rule = rule_from_text(row.str("rule"));
  task.status = row.str("status");
  task.note = row.opt_str("note");
  task.return_reason = row.opt_str("return_reason");
  task.answered_at = row.opt_i64("answered_at");
  return task;
}

void add_evidence(db::Connection& conn, std::vector<Task>& tasks) {
  if (tasks.empty()) return;
  std::map<std::int64_t, Task*> by_id;
  for (auto& task : tasks) by_id[task.id] = &task;
  // Evidence rows are few (manual tasks); one read for the whole set.
  auto const low = tasks.front().id, high = tasks.back().id;
  for (auto const& row : conn.query("SELECT task_id, record_kind, record_id FROM duty_task_evidence"
                                    " WHERE task_id >= ? AND task_id <= ? ORDER BY task_id, added_at, record_id",
                                    {std::min(low, high), std::max(low, high)})) {
    auto found = by_id.find(row.i64("task_id"));
    if (found == by_id.end()) continue;
    found->second->evidence.push_back({row.str("record_kind"), row.i64("record_id"), {}, {}, {}});
  }
}

}  // namespace

std::int64_t insert_plan(db::Connection& conn, int year, std::string const& title, std::int64_t by, base::Millis now) {
  return conn.insert("INSERT INTO duty_plans (year, title, status, created_by, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                     {year, title, plan_status::draft, by, now, now});
}

void set_plan_title(db::Connection& conn, std::int64_t id, std::string const& title, base::Millis now) {
  conn.exec("UPDATE duty_plans SET title = ?, updated_at = ? WHERE id = ?", {title, now, id});
}

void set_plan_issued(db::Connection& conn, std::int64_t id, base::Millis now) {
  conn.exec("UPDATE duty_plans SET status = ?, issued_at = ?, updated_at = ? WHERE id = ?",
            {plan_status::issued, now, now, id});
}

std::optional<Plan> plan(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(plan_columns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto out = plan_from(rows.front());
  out.points = points_of(conn, id);
  return out;
}

std::optional<Plan> plan_of_year(db::Connection& conn, int year) {
  auto const id = conn.scalar("SELECT id FROM duty_plans WHERE year = ?", {year});
  return id ? plan(conn, *id) : std::nullopt;
}

std::vector<Plan> plans(db::Connection& conn) {
  std::vector<Plan> out;
  for (auto const& row : conn.query(std::string(plan_columns) + " ORDER BY year DESC")) out.push_back(plan_from(row));
  return out;
}

std::vector<Point> save_points(db::Connection& conn, std::int64_t plan_id, std::vector<Point> points) {
  std::set<std::int64_t> kept;
  for (auto& point : points) {
    if (point.id) {
      conn.exec("UPDATE duty_points SET seq = ?, kind = ?, section = ?, text = ?, day = ?, lead_unit_id = ?,"
                " co_unit_ids = ?, deadline = ?, rule = ? WHERE id = ? AND plan_id = ?",
                {point.seq, point.kind, point.section, point.text, point.day, point.lead_unit_id,
                 ids_text(point.co_unit_ids), point.deadline, rule_text(point.rule), point.id, plan_id});
    } else {
      point.id = conn.insert(
          "INSERT INTO duty_points (plan_id, seq, kind, section, text, day, lead_unit_id, co_unit_ids, deadline, rule)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {plan_id, point.seq, point.kind, point.section, point.text, point.day, point.lead_unit_id,
           ids_text(point.co_unit_ids), point.deadline, rule_text(point.rule)});
    }
    kept.insert(point.id);
  }
  for (auto const& old : points_of(conn, plan_id)) {
    if (!kept.contains(old.id)) conn.exec("DELETE FROM duty_points WHERE id = ?", {old.id});
  }
  return points;
}

std::int64_t insert_list(db::Connection& conn, DutyList const& list, std::int64_t by, base::Millis now) {
  return conn.insert("INSERT INTO duty_lists (unit_id, year, region_id, region_path, status, version, created_by,"
                     " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                     {list.unit_id, list.year, list.region_id, list.region_path, list_status::draft, by, now, now});
}

std::optional<DutyList> list(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(list_columns) + " WHERE l.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto out = list_from(rows.front());
  for (auto const& row : conn.query("SELECT id, seq, content, laws, leader, owner, office, audience, carrier, measures,"
                                    " standard, deadline, rule FROM duty_list_items WHERE list_id = ? ORDER BY seq, id",
                                    {id})) {
    ListItem item;
    item.id = row.i64("id");
    item.seq = static_cast<int>(row.i64("seq"));
    item.content = row.str("content");
    item.laws = row.str("laws");
    item.leader = row.str("leader");
    item.owner = row.str("owner");
    item.office = row.str("office");
    item.audience = row.str("audience");
    item.carrier = row.str("carrier");
    item.measures = row.str("measures");
    item.standard = row.str("standard");
    item.deadline = row.opt_str("deadline");
    item.rule = rule_from_text(row.str("rule"));
    out.items.push_back(std::move(item));
  }
  for (auto const& row : conn.query("SELECT version, reason, index_no, published_at FROM duty_list_versions"
                                    " WHERE list_id = ? ORDER BY version DESC", {id})) {
    out.versions.push_back({static_cast<int>(row.i64("version")), row.str("reason"), row.str("index_no"),
                            row.i64("published_at")});
  }
  return out;
}

std::vector<DutyList> lists(db::Connection& conn, ListFilter const& filter) {
  std::vector<db::Param> params;
  auto sql = std::string(list_columns) + list_where(filter, params) + " ORDER BY l.year DESC, l.id LIMIT ? OFFSET ?";
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  std::vector<DutyList> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(list_from(row));
  return out;
}

std::int64_t count_lists(db::Connection& conn, ListFilter const& filter) {
  std::vector<db::Param> params;
  auto const sql = "SELECT COUNT(*) AS n FROM duty_lists l" + list_where(filter, params);
  return conn.query(sql, std::span<db::Param const>(params)).front().i64("n");
}

void set_list_state(db::Connection& conn, DutyList const& list, base::Millis now) {
  conn.exec("UPDATE duty_lists SET status = ?, version = ?, published_version = ?, change_reason = ?,"
            " return_reason = ?, updated_at = ? WHERE id = ?",
            {list.status, list.version, list.published_version, list.change_reason, list.return_reason, now, list.id});
}

std::vector<ListItem> save_items(db::Connection& conn, std::int64_t list_id, std::vector<ListItem> items) {
  std::set<std::int64_t> kept;
  for (auto& item : items) {
    if (item.id) {
      conn.exec("UPDATE duty_list_items SET seq = ?, content = ?, laws = ?, leader = ?, owner = ?, office = ?,"
                " audience = ?, carrier = ?, measures = ?, standard = ?, deadline = ?, rule = ?"
                " WHERE id = ? AND list_id = ?",
                {item.seq, item.content, item.laws, item.leader, item.owner, item.office, item.audience, item.carrier,
                 item.measures, item.standard, item.deadline, rule_text(item.rule), item.id, list_id});
    } else {
      item.id = conn.insert(
          "INSERT INTO duty_list_items (list_id, seq, content, laws, leader, owner, office, audience, carrier,"
          " measures, standard, deadline, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {list_id, item.seq, item.content, item.laws, item.leader, item.owner, item.office, item.audience,
           item.carrier, item.measures, item.standard, item.deadline, rule_text(item.rule)});
    }
    kept.insert(item.id);
  }
  for (auto const& row : conn.query("SELECT id FROM duty_list_items WHERE list_id = ?", {list_id})) {
    if (!kept.contains(row.i64("id"))) conn.exec("DELETE FROM duty_list_items WHERE id = ?", {row.i64("id")});
  }
  return items;
}

void insert_version(db::Connection& conn, std::int64_t list_id, ListVersion const& version, std::string const& snapshot,
                    std::int64_t by) {
  conn.exec("INSERT INTO duty_list_versions (list_id, version, reason, index_no, snapshot, published_at, published_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {list_id, version.version, version.reason, version.index_no, snapshot, version.published_at, by});
}

std::optional<std::string> version_snapshot(db::Connection& conn, std::int64_t list_id, int version) {
  auto const rows = conn.query("SELECT snapshot FROM duty_list_versions WHERE list_id = ? AND version = ?",
                               {list_id, version});
  if (rows.empty()) return std::nullopt;
  return rows.front().str("snapshot");
}

std::int64_t count_published_units(db::Connection& conn, int year, std::string const& region_path) {
  return conn.query("SELECT COUNT(DISTINCT unit_id) AS n FROM duty_lists WHERE year = ? AND region_path LIKE ?"
                    " AND published_version IS NOT NULL", {year, region_path + "%"})
      .front()
      .i64("n");
}

std::optional<int> latest_published_year(db::Connection& conn, std::string const& region_path) {
  auto const year = conn.scalar("SELECT MAX(year) FROM duty_lists WHERE region_path LIKE ?"
                                " AND published_version IS NOT NULL", {region_path + "%"});
  if (!year) return std::nullopt;
  return static_cast<int>(*year);
}

void upsert_task(db::Connection& conn, Task const& task, base::Millis now) {
  auto const existing = conn.scalar("SELECT id FROM duty_tasks WHERE source = ? AND source_id = ? AND unit_id = ?",
                                    {task.source, task.source_id, task.unit_id});
  if (existing) {
    conn.exec("UPDATE duty_tasks SET year = ?, role = ?, region_path = ?, title = ?, deadline = ?, rule = ?,"
              " updated_at = ? WHERE id = ?",
              {task.year, task.role, task.region_path, task.title, task.deadline, rule_text(task.rule), now, *existing});
    return;
  }
  conn.exec("INSERT INTO duty_tasks (year, source, source_id, unit_id, role, region_path, title, deadline, rule, status,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {task.year, task.source, task.source_id, task.unit_id, task.role, task.region_path, task.title,
             task.deadline, rule_text(task.rule), task_status::open, now, now});
}

void delete_task(db::Connection& conn, std::int64_t id) {
  conn.exec("DELETE FROM duty_task_evidence WHERE task_id = ?", {id});
  conn.exec("DELETE FROM duty_tasks WHERE id = ?", {id});
}

std::vector<Task> tasks(db::Connection& conn, TaskFilter const& filter) {
  std::string sql = std::string(task_columns) + " WHERE region_path LIKE ?";
  std::vector<db::Param> params{filter.region_path + "%"};
  if (filter.unit_id) {
    sql += " AND unit_id = ?";
    params.emplace_back(*filter.unit_id);
  }
  if (filter.year) {
    sql += " AND year = ?";
    params.emplace_back(*filter.year);
  }
  sql += " ORDER BY id";
  std::vector<Task> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(task_from(row));
  add_evidence(conn, out);
  return out;
}

std::int64_t count_tasks(db::Connection& conn, std::string const& region_path, std::string_view status) {
  return conn.query("SELECT COUNT(*) AS n FROM duty_tasks WHERE region_path LIKE ? AND status = ?",
                    {region_path + "%", status})
      .front()
      .i64("n");
}

std::optional<Task> task(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(task_columns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  std::vector<Task> one{task_from(rows.front())};
  add_evidence(conn, one);
  return one.front();
}

void answer_task(db::Connection& conn, std::int64_t id, std::optional<std::string> const& note,
                 std::vector<Evidence> const& evidence, std::int64_t by, base::Millis now) {
  conn.exec("DELETE FROM duty_task_evidence WHERE task_id = ?", {id});
  for (auto const& e : evidence) {
    conn.exec("INSERT INTO duty_task_evidence (task_id, record_kind, record_id, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
              {id, e.kind, e.id, by, now});
  }
  conn.exec("UPDATE duty_tasks SET status = ?, note = ?, return_reason = NULL, answered_at = ?, answered_by = ?,"
            " updated_at = ? WHERE id = ?",
            {task_status::answered, note, now, by, now, id});
}

void decide_task(db::Connection& conn, std::int64_t id, std::string_view status,
                 std::optional<std::string> const& reason, std::int64_t by, base::Millis now) {
  conn.exec("UPDATE duty_tasks SET status = ?, return_reason = ?, decided_at = ?, decided_by = ?, updated_at = ?"
            " WHERE id = ?",
            {status, reason, now, by, now, id});
}

std::vector<int> task_years(db::Connection& conn, std::string const& region_path) {
  std::vector<int> out;
  for (auto const& row : conn.query("SELECT DISTINCT year FROM duty_tasks WHERE region_path LIKE ? ORDER BY year DESC",
                                    {region_path + "%"})) {
    out.push_back(static_cast<int>(row.i64("year")));
  }
  return out;
}

int next_bulletin_serial(db::Connection& conn, int year) {
  auto const last = conn.scalar("SELECT MAX(serial) FROM duty_bulletins WHERE year = ?", {year});
  return static_cast<int>(last.value_or(0)) + 1;
}

std::int64_t insert_bulletin(db::Connection& conn, Bulletin const& bulletin, std::string const& body, std::int64_t by) {
  return conn.insert("INSERT INTO duty_bulletins (year, serial, title, as_of, is_public, remarks, body, issued_by,"
                     " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {bulletin.year, bulletin.serial, bulletin.title, bulletin.as_of, bulletin.is_public,
                      bulletin.remarks, body, by, bulletin.issued_at});
}

namespace {

constexpr char const* bulletin_columns =
    "SELECT id, year, serial, title, as_of, is_public, remarks, body, issued_at FROM duty_bulletins";

Bulletin bulletin_from(db::Row const& row, bool with_rows) {
  Bulletin out;
  out.id = row.i64("id");
  out.year = static_cast<int>(row.i64("year"));
  out.serial = static_cast<int>(row.i64("serial"));
  out.title = row.str("title");
  out.as_of = row.str("as_of");
  out.is_public = row.flag("is_public");
  out.remarks = row.str("remarks");
  out.issued_at = row.i64("issued_at");
  if (!with_rows) return out;
  auto const body = json::parse(row.str("body"));
  for (auto const& value : body.as_array()) {
    auto const& o = value.as_object();
    BulletinRow r;
    r.rank = static_cast<int>(o.at("rank").as_int64());
    r.unit_id = o.at("unit_id").as_int64();
    r.unit_name = std::string(o.at("unit_name").as_string());
    r.tasks = o.at("tasks").as_int64();
    r.on_time = o.at("on_time").as_int64();
    r.late = o.at("late").as_int64();
    r.overdue = o.at("overdue").as_int64();
    r.open = o.at("open").as_int64();
    r.score = o.at("score").to_number<double>();
    out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::optional<Bulletin> bulletin(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(bulletin_columns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return bulletin_from(rows.front(), true);
}

std::vector<Bulletin> bulletins(db::Connection& conn, std::optional<int> year, bool public_only) {
  std::string sql = std::string(bulletin_columns) + " WHERE 1 = 1";
  std::vector<db::Param> params;
  if (year) {
    sql += " AND year = ?";
    params.emplace_back(*year);
  }
  if (public_only) sql += " AND is_public = 1";
  sql += " ORDER BY year DESC, serial DESC";
  std::vector<Bulletin> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(bulletin_from(row, false));
  return out;
}

}  // namespace pufa::duty::store
