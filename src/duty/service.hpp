// The responsibility system's use cases in the house order: authorise (duty.manage for the
// coordinator's work; duty.respond for a unit's own list and tasks, in its scope: a liaison bound
// to a unit answers for that unit only) → validate → load → one db.write with its audit row.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "duty/model.hpp"
#include "laws/library.hpp"
#include "duty/penalties.hpp"
#include "todo/todo.hpp"

namespace pufa::duty {

// Area error codes.
inline constexpr http::ErrorCode reason_required{422, "reason_required", "已发布的清单修改时须说明修改原因"};
inline constexpr http::ErrorCode evidence_not_own{422, "evidence_not_own", "只能选择本单位的记录作为佐证"};
inline constexpr http::ErrorCode wrong_state{409, "wrong_state", "记录当前状态不允许此操作"};

struct PlanInput {
  int year = 0;
  std::string title;
  std::vector<Point> points;
};

struct ListInput {
  std::int64_t unit_id = 0;  // create only
  int year = 0;              // create only
  std::vector<ListItem> items;
  std::optional<std::string> reason;  // a published list's change
};

struct ListQuery {
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> status;
  std::int64_t page = 1, page_size = 20;
};

struct ListPage {
  std::vector<DutyList> items;
  std::int64_t total = 0;
};

// A date node or theme of the year's points that concerns a list's unit.
struct Annex {
  std::vector<Point> date_nodes;  // where the unit leads or co-operates
  std::vector<Point> themes;
  std::vector<laws::library::Issued> new_laws;  // 新颁法律法规: the library's laws passed or amended in the year
};

struct ListView {
  DutyList list;
  Annex annex;
};

struct TaskView {
  Task task;
  Progress progress;
};

struct TaskQuery {
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> state;
  std::int64_t page = 1, page_size = 20;
};

struct TaskPage {
  std::vector<TaskView> items;
  std::int64_t total = 0;
  std::vector<int> years;
};

struct AnswerInput {
  std::optional<std::string> note;
  std::vector<std::pair<std::string, std::int64_t>> evidence;  // (kind, id)
};

struct BulletinInput {
  int year = 0;
  std::optional<std::string> title, remarks;
  bool is_public = false;
};

// What 催办 did: each unit that owes tasks, how many it owes and how many of its liaisons were reminded
// (none again on the same day).
struct ReminderRun {
  struct Unit {
    std::int64_t unit_id = 0;
    std::string unit_name;
    std::int64_t open = 0, overdue = 0, recipients = 0;
    bool already_today = false;
  };
  std::vector<Unit> units;
  std::int64_t sent = 0;
  bool channel = false;  // a sender is configured
};

class ReminderSender;

class DutyService {
 public:
  explicit DutyService(db::Database& db, std::shared_ptr<ReminderSender> reminders = nullptr)
      : db_(db), reminders_(std::move(reminders)) {}

  std::vector<Plan> plans(auth::Actor const& actor) const;
  Plan plan(auth::Actor const& actor, std::int64_t id) const;
  Plan create_plan(auth::Actor const& actor, PlanInput input) const;
  // Points keep their ids across edits (their tasks follow); an issued plan's tasks are resynced.
  Plan update_plan(auth::Actor const& actor, std::int64_t id, PlanInput input) const;
  // Issued: every point with units becomes a task for its lead unit and each co-unit.
  Plan issue_plan(auth::Actor const& actor, std::int64_t id) const;

  ListPage lists(auth::Actor const& actor, ListQuery const& query) const;
  ListView list(auth::Actor const& actor, std::int64_t id) const;
  ListView create_list(auth::Actor const& actor, ListInput input) const;
  ListView update_list(auth::Actor const& actor, std::int64_t id, ListInput input) const;
  ListView submit_list(auth::Actor const& actor, std::int64_t id) const;
  ListView return_list(auth::Actor const& actor, std::int64_t id, std::string const& reason) const;
  // Published as version n with a new 信息索引号; its items become the unit's tasks.
  ListView approve_list(auth::Actor const& actor, std::int64_t id) const;
  // The list's items replaced by those of an uploaded .xlsx (duty/sheets.hpp), as an edit: a
  // published list needs `reason` and becomes the next version. All or nothing.
  ListView import_items(auth::Actor const& actor, std::int64_t id, std::string_view bytes,
                        std::optional<std::string> reason) const;
  // A version's snapshot as published (JSON text): for staff who act for the list's unit (`caller`),
  // or for the portal (no caller: the published ones only).
  std::string version(auth::Principal const* caller, std::int64_t id, std::optional<int> version) const;
  ListPage public_lists(std::optional<int> year, std::int64_t page, std::int64_t size) const;

  TaskPage tasks(auth::Actor const& actor, TaskQuery const& query) const;
  TaskView task(auth::Actor const& actor, std::int64_t id) const;
  // The task's unit's records of a kind, to pick as evidence.
  std::vector<Evidence> candidates(auth::Actor const& actor, std::int64_t id, std::string const& kind,
                                   std::string const& q) const;
  TaskView answer(auth::Actor const& actor, std::int64_t id, AnswerInput input) const;
  TaskView confirm(auth::Actor const& actor, std::int64_t id) const;
  TaskView send_back(auth::Actor const& actor, std::int64_t id, std::string const& reason) const;

  // Ranks the year's units in the caller's scope by their tasks now and freezes the ranking.
  Bulletin issue_bulletin(auth::Actor const& actor, BulletinInput input) const;
  std::vector<Bulletin> bulletins(auth::Actor const& actor, std::optional<int> year) const;
  Bulletin bulletin(auth::Principal const* caller, std::int64_t id) const;  // public ones for everyone
  std::vector<Bulletin> public_bulletins() const;

  // 以案释法 from enforcement (penalties.cpp). Listing and reading: the units the caller acts for;
  // `reveal` shows a person's name (pii.read, audited). Import (duty permission and content.write):
  // for `unit_id`, else the caller's bound unit, else the unit each row's 处罚机关 names.
  PenaltyPage penalties(auth::Actor const& actor, PenaltyQuery const& query) const;
  PenaltyView penalty(auth::Actor const& actor, std::int64_t id, bool reveal) const;
  PenaltyImport import_penalties(auth::Actor const& actor, std::string_view bytes, std::optional<std::int64_t> unit_id) const;

  // 履职报告 and 述职述法 (reports.cpp): the caller's units' reports; a draft is written from the unit's
  // records of the year (one per unit, year and kind: 409 on `kind`), edited and handed in by the unit,
  // sent back with a reason by the coordinator.
  std::vector<Report> reports(auth::Actor const& actor, std::optional<int> year) const;
  Report report(auth::Actor const& actor, std::int64_t id) const;
  Report draft_report(auth::Actor const& actor, std::int64_t unit_id, int year, std::string const& kind) const;
  Report save_report(auth::Actor const& actor, std::int64_t id, std::string title, std::string body) const;
  Report hand_in_report(auth::Actor const& actor, std::int64_t id) const;
  Report send_back_report(auth::Actor const& actor, std::int64_t id, std::string const& reason) const;

  // 催办 (reminders.cpp): the year's units that owe tasks in the caller's subtree, once a day each.
  ReminderRun remind(auth::Actor const& actor, int year) const;

  std::vector<todo::Item> todo(auth::Principal const& caller) const;
  // responsibility_units and duty_tasks_done_rate for GET /api/v1/stats/overview.
  struct Figures {
    std::int64_t responsibility_units = 0;
    std::optional<int> lists_year;
    double tasks_done_rate = 0;
    std::optional<int> tasks_year;
  };
  // Read on the overview's connection.
  static Figures figures_of(db::Connection& conn, std::string const& region_path);

 private:
  db::Database& db_;
  std::shared_ptr<ReminderSender> reminders_;
};

}  // namespace pufa::duty
