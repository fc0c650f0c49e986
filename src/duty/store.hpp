// The responsibility system's SQL: the only place duty_* tables are touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "duty/model.hpp"

namespace pufa::duty::store {

// Plans and their points.
std::int64_t insert_plan(db::Connection& conn, int year, std::string const& title, std::int64_t by, base::Millis now);
void set_plan_title(db::Connection& conn, std::int64_t id, std::string const& title, base::Millis now);
void set_plan_issued(db::Connection& conn, std::int64_t id, base::Millis now);
std::optional<Plan> plan(db::Connection& conn, std::int64_t id);  // with its points
std::optional<Plan> plan_of_year(db::Connection& conn, int year);
std::vector<Plan> plans(db::Connection& conn);  // newest year first, without points
// Keeps the points that carry a stored id (updated), inserts the others, deletes the rest;
// returns the points with their ids.
std::vector<Point> save_points(db::Connection& conn, std::int64_t plan_id, std::vector<Point> points);

// Lists.
std::int64_t insert_list(db::Connection& conn, DutyList const& list, std::int64_t by, base::Millis now);
std::optional<DutyList> list(db::Connection& conn, std::int64_t id);  // items and versions
struct ListFilter {
  std::string region_path;
  std::optional<std::int64_t> unit_id;
  std::optional<int> year;
  std::optional<std::string> status;
  bool published_only = false;
  std::int64_t limit = 20, offset = 0;
};
std::vector<DutyList> lists(db::Connection& conn, ListFilter const& filter);  // without items
std::int64_t count_lists(db::Connection& conn, ListFilter const& filter);
void set_list_state(db::Connection& conn, DutyList const& list, base::Millis now);  // status, version, reasons
std::vector<ListItem> save_items(db::Connection& conn, std::int64_t list_id, std::vector<ListItem> items);
void insert_version(db::Connection& conn, std::int64_t list_id, ListVersion const& version, std::string const& snapshot,
                    std::int64_t by);
std::optional<std::string> version_snapshot(db::Connection& conn, std::int64_t list_id, int version);
// Units with a published list for a year in a subtree.
std::int64_t count_published_units(db::Connection& conn, int year, std::string const& region_path);
std::optional<int> latest_published_year(db::Connection& conn, std::string const& region_path);

// Tasks.
// Creates or updates the task of (source, source_id, unit); a manual task's answer is kept.
void upsert_task(db::Connection& conn, Task const& task, base::Millis now);
// A task and its evidence.
void delete_task(db::Connection& conn, std::int64_t id);
struct TaskFilter {
  std::string region_path;
  std::optional<std::int64_t> unit_id;
  std::optional<int> year;
};
std::vector<Task> tasks(db::Connection& conn, TaskFilter const& filter);  // with evidence
std::optional<Task> task(db::Connection& conn, std::int64_t id);
// Tasks of a status in a subtree (the coordinator's answers to confirm).
std::int64_t count_tasks(db::Connection& conn, std::string const& region_path, std::string_view status);
void answer_task(db::Connection& conn, std::int64_t id, std::optional<std::string> const& note,
                 std::vector<Evidence> const& evidence, std::int64_t by, base::Millis now);
void decide_task(db::Connection& conn, std::int64_t id, std::string_view status,
                 std::optional<std::string> const& reason, std::int64_t by, base::Millis now);
std::vector<int> task_years(db::Connection& conn, std::string const& region_path);

// Bulletins.
int next_bulletin_serial(db::Connection& conn, int year);
std::int64_t insert_bulletin(db::Connection& conn, Bulletin const& bulletin, std::string const& body, std::int64_t by);
std::optional<Bulletin> bulletin(db::Connection& conn, std::int64_t id);
std::vector<Bulletin> bulletins(db::Connection& conn, std::optional<int> year, bool public_only);  // without rows

// Penalty decisions (penalty_store.cpp).
std::int64_t insert_penalty(db::Connection& conn, Penalty const& penalty);
void set_penalty_case(db::Connection& conn, std::int64_t id, std::int64_t case_id);
// Which of these 决定书文号 are stored already.
std::vector<std::string> stored_doc_nos(db::Connection& conn, std::vector<std::string> const& doc_nos);
struct PenaltyFilter {
  std::string region_path;
  std::optional<std::int64_t> unit_id;
  std::optional<int> year;
  std::string doc_no_like;  // a contains pattern, or ""
  std::int64_t limit = 20, offset = 0;
};
std::vector<Penalty> penalties(db::Connection& conn, PenaltyFilter const& filter);  // newest decision first
std::int64_t count_penalties(db::Connection& conn, PenaltyFilter const& filter);
std::optional<Penalty> penalty(db::Connection& conn, std::int64_t id);
// (unit, case id) of the units' decisions that became cases.
std::vector<std::pair<std::int64_t, std::int64_t>> penalty_cases(db::Connection& conn, std::vector<std::int64_t> const& unit_ids);

// Reports (report_store.cpp).
std::int64_t insert_report(db::Connection& conn, Report const& report, std::int64_t by);
void update_report(db::Connection& conn, Report const& report);  // title, body, status, reason, submitted_at
std::optional<Report> report(db::Connection& conn, std::int64_t id);
bool has_report(db::Connection& conn, std::int64_t unit_id, int year, std::string_view kind);
std::vector<Report> reports(db::Connection& conn, std::string const& region_path, std::optional<std::int64_t> unit_id,
                            std::optional<int> year);  // without bodies; newest year first

// Reminders (report_store.cpp): one row per unit and day reminded.
bool reminded_on(db::Connection& conn, std::int64_t unit_id, std::string const& day);
void insert_reminder(db::Connection& conn, std::int64_t unit_id, int year, std::string const& day, std::int64_t open,
                     std::int64_t overdue, std::int64_t recipients, std::int64_t by, base::Millis at);

}  // namespace pufa::duty::store
