// Tasks: what a unit owes for the year's points and its own list. Rule tasks are judged from the
// unit's records whenever they are read; manual ones are answered with the unit's own records as
// evidence and confirmed by the coordinator.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "activity/library.hpp"
#include "content/library.hpp"
#include "exam/library.hpp"
#include "http/request.hpp"
#include "auth/audit.hpp"
#include "base/time.hpp"
#include "duty/common.hpp"
#include "duty/judged.hpp"
#include "duty/rules.hpp"
#include "duty/service.hpp"
#include "duty/store.hpp"
#include "http/error.hpp"
#include "text/utf8.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

namespace {

// Evidence kinds: the ledger's activities and study records and the items of the unit's channels
// (activity's), and the unit's published articles (content's: 发布机构 is the unit).
constexpr std::string_view article_kind = "article";
constexpr std::string_view exam_kind = "exam";  // a sitting of an exam by the unit's examinees
bool evidence_kind(std::string_view kind) {
  return activity::library::is_record_kind(kind) || kind == article_kind || kind == exam_kind;
}

Evidence sitting_evidence(exam::library::Sitting const& s) {
  return {std::string(exam_kind), s.exam_id, s.day, fmt::format("{}（参考 {} 人，合格 {} 人）", s.title, s.sat, s.passed), {}};
}

struct Owned {
  Evidence evidence;
  std::optional<std::int64_t> unit_id;  // the ledger's records
  std::string publisher;                // articles
};

// `unit_id`: an exam is the unit's record when its examinees sat it (the sitting is the unit's).
std::optional<Owned> evidence_record(db::Connection& conn, std::string const& kind, std::int64_t id, std::int64_t unit_id) {
  if (kind == exam_kind) {
    auto const s = exam::library::unit_sitting(conn, unit_id, id);
    if (!s) return std::nullopt;
    return Owned{sitting_evidence(*s), unit_id, {}};
  }
  if (kind == article_kind) {
    auto const a = content::library::brief(conn, id);
    if (!a) return std::nullopt;
    return Owned{{kind, a->id, a->published_on.value_or(""), a->title, a->status}, std::nullopt, a->publisher};
  }
  auto const record = activity::library::record(conn, kind, id);
  if (!record) return std::nullopt;
  return Owned{{kind, record->id, record->date, record->title, record->status}, record->unit_id, {}};
}

bool owned_by(Owned const& record, std::string const& kind, std::int64_t unit_id, std::string const& unit_name) {
  return kind == article_kind ? record.publisher == unit_name && record.evidence.status == content::status::published
                              : record.unit_id == unit_id;
}

// Evidence as the records show it now (its date, title and review state).
void describe(db::Connection& conn, std::vector<Evidence>& evidence, std::int64_t unit_id) {
  for (auto& e : evidence) {
    if (auto const record = evidence_record(conn, e.kind, e.id, unit_id)) {
      e.date = record->evidence.date;
      e.title = record->evidence.title;
      e.status = record->evidence.status;
    } else {
      e.title = "（记录已删除）";
    }
  }
}

TaskView view_of(db::Connection& conn, Task task, std::string const& today) {
  describe(conn, task.evidence, task.unit_id);
  auto progress = judge(conn, task, today);
  return {std::move(task), std::move(progress)};
}

store::TaskFilter scope_of(auth::Principal const& caller, std::optional<int> year, std::optional<std::int64_t> unit_id) {
  store::TaskFilter filter{.region_path = caller.region_path, .unit_id = unit_id, .year = year};
  if (!caller.has(manage) && caller.unit_id) filter.unit_id = caller.unit_id;
  return filter;
}

// Every task of the filter, judged in bulk (judge_many), with unit names; evidence not described.
std::vector<TaskView> judged(db::Connection& conn, store::TaskFilter const& filter, std::string const& now = today()) {
  auto tasks = store::tasks(conn, filter);
  std::vector<std::int64_t> ids;
  for (auto const& task : tasks) ids.push_back(task.unit_id);
  auto const names = names_of(conn, ids);
  auto progress = judge_many(conn, tasks, now);
  std::vector<TaskView> out;
  out.reserve(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    tasks[i].unit_name = names.contains(tasks[i].unit_id) ? names.at(tasks[i].unit_id) : "";
    out.push_back({std::move(tasks[i]), std::move(progress[i])});
  }
  return out;
}

Task load_for(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto task = store::task(conn, id);
  if (!task) throw ApiError(AppError::not_found, "任务不存在");
  auto const unit = unit_or_fail(conn, task->unit_id, "unit_id");
  require_unit(caller, unit);
  task->unit_name = unit.name;
  return *task;
}

bool finished(std::string const& state) { return state == "done" || state == "late"; }

}  // namespace

TaskPage DutyService::tasks(auth::Actor const& actor, TaskQuery const& query) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.read([&](db::Connection& conn) {
    TaskPage page;
    page.years = store::task_years(conn, caller.region_path);
    auto const year = query.year ? query.year : (page.years.empty() ? std::nullopt : std::optional<int>(page.years.front()));
    auto all = judged(conn, scope_of(caller, year, query.unit_id));
    if (query.state) {
      std::erase_if(all, [&](TaskView const& v) { return v.progress.state != *query.state; });
    }
    // Overdue and returned first, then by deadline.
    auto rank = [](TaskView const& v) {
      auto const& s = v.progress.state;
      return s == "overdue" ? 0 : s == "returned" ? 1 : s == "open" ? 2 : s == "answered" ? 3 : 4;
    };
    std::stable_sort(all.begin(), all.end(), [&](TaskView const& a, TaskView const& b) {
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      return a.task.deadline.value_or("9999") < b.task.deadline.value_or("9999");
    });
    page.total = static_cast<std::int64_t>(all.size());
    auto const from = std::min<std::size_t>(all.size(), static_cast<std::size_t>((query.page - 1) * query.page_size));
    auto const to = std::min<std::size_t>(all.size(), from + static_cast<std::size_t>(query.page_size));
    for (auto i = from; i < to; ++i) {
      describe(conn, all[i].task.evidence, all[i].task.unit_id);  // the page's rows only
      all[i].progress.records = all[i].task.evidence;
      page.items.push_back(std::move(all[i]));
    }
    return page;
  });
}

TaskView DutyService::task(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.read([&](db::Connection& conn) { return view_of(conn, load_for(conn, caller, id), today()); });
}

std::vector<Evidence> DutyService::candidates(auth::Actor const& actor, std::int64_t id, std::string const& kind,
                                              std::string const& q) const {
  auto const& caller = actor.user();
  require_duty(caller);
  if (!evidence_kind(kind)) {
    throw ApiError(AppError::validation_failed, "记录类型应为普法活动、学法记录、渠道内容、文章或考试", "kind");
  }
  return db_.read([&](db::Connection& conn) {
    auto const task = load_for(conn, caller, id);
    std::vector<Evidence> out;
    if (kind == exam_kind) {
      for (auto const& s : exam::library::unit_sittings(conn, task.unit_id, q.empty() ? "" : http::contains_pattern(q), 50)) {
        out.push_back(sitting_evidence(s));
      }
      return out;
    }
    if (kind == article_kind) {
      auto const unit = names_of(conn, {task.unit_id})[task.unit_id];
      for (auto const& a : content::library::published_by(conn, unit, q.empty() ? "" : http::contains_pattern(q), 50)) {
        out.push_back({std::string(article_kind), a.id, a.published_on.value_or(""), a.title, a.status});
      }
      return out;
    }
    for (auto const& record : activity::library::unit_records(conn, kind, task.unit_id, q, 50)) {
      out.push_back({record.kind, record.id, record.date, record.title, record.status});
    }
    return out;
  });
}

TaskView DutyService::answer(auth::Actor const& actor, std::int64_t id, AnswerInput input) const {
  auto const& caller = actor.user();
  require_duty(caller);
  if (input.evidence.empty() && !input.note) {
    throw ApiError(AppError::validation_failed, "请选择佐证记录或填写完成情况", "evidence");
  }
  return db_.write([&](db::Connection& conn) {
    auto const task = load_for(conn, caller, id);
    if (task.rule.kind != rule_kind::manual) {
      throw ApiError(AppError::unprocessable, "该任务由台账记录自动判定完成情况，无需报送");
    }
    if (task.status == task_status::done) throw ApiError(wrong_state, "任务已确认完成");
    std::vector<Evidence> evidence;
    auto const unit_name = names_of(conn, {task.unit_id})[task.unit_id];
    for (std::size_t i = 0; i < input.evidence.size(); ++i) {
      auto const& [kind, record_id] = input.evidence[i];
      auto const field = fmt::format("evidence[{}]", i);
      auto const record = evidence_record(conn, kind, record_id, task.unit_id);
      if (!record && kind == exam_kind) {
        throw ApiError(evidence_not_own, fmt::format("{}没有人员参加这场考试，只能选择本单位的记录作为佐证", unit_name), field);
      }
      if (!record) throw ApiError(AppError::unprocessable, "佐证记录不存在", field);
      if (!owned_by(*record, kind, task.unit_id, unit_name)) {
        throw ApiError(evidence_not_own, fmt::format("「{}」不是{}的记录，只能选择本单位的记录作为佐证", record->evidence.title, unit_name), field);
      }
      if (std::none_of(evidence.begin(), evidence.end(), [&](Evidence const& e) { return e.kind == kind && e.id == record_id; })) {
        evidence.push_back({kind, record_id, {}, {}, {}});
      }
    }
    store::answer_task(conn, id, input.note, evidence, caller.user_id, base::now_ms());
    auth::audit(conn, actor, "duty.task.answer", "duty_task", std::to_string(id), fmt::format("{} 条佐证", evidence.size()));
    return view_of(conn, *store::task(conn, id), today());
  });
}

TaskView DutyService::confirm(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto const task = load_for(conn, caller, id);
    if (task.status != task_status::answered) throw ApiError(wrong_state, "只有已报送的任务可以确认完成");
    store::decide_task(conn, id, task_status::done, std::nullopt, caller.user_id, base::now_ms());
    auth::audit(conn, actor, "duty.task.confirm", "duty_task", std::to_string(id));
    auto out = *store::task(conn, id);
    out.unit_name = task.unit_name;
    return view_of(conn, std::move(out), today());
  });
}

TaskView DutyService::send_back(auth::Actor const& actor, std::int64_t id, std::string const& reason) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto const task = load_for(conn, caller, id);
    if (task.status != task_status::answered) throw ApiError(wrong_state, "只有已报送的任务可以退回");
    store::decide_task(conn, id, task_status::returned, reason, caller.user_id, base::now_ms());
    auth::audit(conn, actor, "duty.task.return", "duty_task", std::to_string(id), std::string(text::prefix_bytes(reason, 200)));
    auto out = *store::task(conn, id);
    out.unit_name = task.unit_name;
    return view_of(conn, std::move(out), today());
  });
}

std::vector<BulletinRow> rank_units(std::vector<TaskView> const& tasks) {
  std::map<std::int64_t, BulletinRow> rows;
  for (auto const& view : tasks) {
    auto& row = rows[view.task.unit_id];
    row.unit_id = view.task.unit_id;
    row.unit_name = view.task.unit_name;
    ++row.tasks;
    auto const& state = view.progress.state;
    if (state == "done") ++row.on_time;
    else if (state == "late") ++row.late;
    else if (state == "overdue") ++row.overdue;
    else ++row.open;
  }
  std::vector<BulletinRow> out;
  for (auto& [id, row] : rows) {
    row.score = std::round((static_cast<double>(row.on_time) + 0.5 * static_cast<double>(row.late)) /
                           static_cast<double>(row.tasks) * 1000.0) / 10.0;
    out.push_back(row);
  }
  std::stable_sort(out.begin(), out.end(), [](BulletinRow const& a, BulletinRow const& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.overdue != b.overdue) return a.overdue < b.overdue;
    return a.unit_id < b.unit_id;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    // Equal scores and overdue counts share a rank.
    out[i].rank = i && out[i].score == out[i - 1].score && out[i].overdue == out[i - 1].overdue ? out[i - 1].rank
                                                                                                : static_cast<int>(i + 1);
  }
  return out;
}

std::vector<todo::Item> DutyService::todo(auth::Principal const& caller) const {
  std::vector<todo::Item> out;
  if (!caller.has(manage) && !caller.has(respond)) return out;
  db_.read([&](db::Connection& conn) {
    if (caller.has(manage)) {
      out.push_back({"duty.lists.review", store::count_lists(conn, {.region_path = caller.region_path,
                                                                    .status = std::string(list_status::submitted)})});
      out.push_back({"duty.tasks.confirm", store::count_tasks(conn, caller.region_path, task_status::answered)});
      return;
    }
    auto const scope = scope_of(caller, std::nullopt, std::nullopt);
    out.push_back({"duty.lists.returned", store::count_lists(conn, {.region_path = scope.region_path, .unit_id = scope.unit_id,
                                                                     .status = std::string(list_status::returned)})});
    auto const years = store::task_years(conn, caller.region_path);
    if (years.empty()) return;
    std::int64_t waiting = 0;
    for (auto const& view : judged(conn, scope_of(caller, years.front(), std::nullopt))) {
      auto const& state = view.progress.state;
      if (state == "open" || state == "overdue" || state == "returned") ++waiting;
    }
    out.push_back({"duty.tasks.open", waiting});
  });
  return out;
}

DutyService::Figures DutyService::figures_of(db::Connection& conn, std::string const& region_path) {
  Figures out;
  out.lists_year = store::latest_published_year(conn, region_path);
  if (out.lists_year) out.responsibility_units = store::count_published_units(conn, *out.lists_year, region_path);
  auto const years = store::task_years(conn, region_path);
  if (years.empty()) return out;
  out.tasks_year = years.front();
  auto const all = judged(conn, {.region_path = region_path, .year = years.front()});
  if (all.empty()) return out;
  auto const done = std::count_if(all.begin(), all.end(), [](TaskView const& v) { return finished(v.progress.state); });
  out.tasks_done_rate = std::round(static_cast<double>(done) / static_cast<double>(all.size()) * 1000.0) / 1000.0;
  return out;
}

std::vector<TaskView> judged_tasks(db::Connection& conn, std::string const& region_path, int year,
                                   std::string const& today) {
  return judged(conn, {.region_path = region_path, .year = year}, today);
}

}  // namespace pufa::duty
