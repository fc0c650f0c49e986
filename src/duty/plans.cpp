// Work points (年度普法依法治理工作要点): the coordinator writes the year's points, issues them,
// and every point with units becomes tasks for its lead unit and co-units.
#include <fmt/format.h>

#include <set>

#include "auth/audit.hpp"
#include "base/time.hpp"
#include "duty/common.hpp"
#include "duty/judged.hpp"
#include "duty/rules.hpp"
#include "duty/service.hpp"
#include "duty/store.hpp"
#include "http/error.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

namespace {

// Units named by the points exist; rules name themes that exist.
void check_points(db::Connection& conn, std::vector<Point> const& points) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    auto const field = fmt::format("points[{}]", i);
    auto const& point = points[i];
    if (point.lead_unit_id) unit_or_fail(conn, *point.lead_unit_id, field + ".lead_unit_id");
    for (auto id : point.co_unit_ids) unit_or_fail(conn, id, field + ".co_unit_ids");
    check_rule(conn, point.rule, field + ".rule");
  }
}

}  // namespace

void sync_plan_tasks(db::Connection& conn, Plan const& plan, base::Millis now) {
  std::set<std::pair<std::int64_t, std::int64_t>> wanted;
  for (auto const& point : plan.points) {
    if (point.kind == point_kind::theme) continue;
    std::vector<std::pair<std::int64_t, char const*>> units;
    if (point.lead_unit_id) units.emplace_back(*point.lead_unit_id, "lead");
    for (auto id : point.co_unit_ids) {
      if (id != point.lead_unit_id) units.emplace_back(id, "co");
    }
    for (auto const& [unit_id, role] : units) {
      auto const unit = org::directory::unit(conn, unit_id);
      if (!unit) continue;
      Task task;
      task.year = plan.year;
      task.source = "point";
      task.source_id = point.id;
      task.unit_id = unit_id;
      task.role = role;
      task.region_path = unit->region_path;
      task.title = point.kind == point_kind::date_node && point.day
                       ? fmt::format("{}月{}日 {}", std::stoi(point.day->substr(5, 2)), std::stoi(point.day->substr(8, 2)), point.text)
                       : point.text;
      task.deadline = point.deadline ? point.deadline : point.day;
      task.rule = point.rule;
      store::upsert_task(conn, task, now);
      wanted.insert({point.id, unit_id});
    }
  }
  store::TaskFilter filter{.region_path = "/", .year = plan.year};
  for (auto const& task : store::tasks(conn, filter)) {
    if (task.source == "point" && !wanted.contains({task.source_id, task.unit_id})) store::delete_task(conn, task.id);
  }
}

namespace {

// The plan with its points' unit names.
Plan load(db::Connection& conn, std::int64_t id) {
  auto plan = store::plan(conn, id);
  if (!plan) throw ApiError(AppError::not_found, "工作要点不存在");
  name_units(conn, plan->points);
  return *plan;
}

}  // namespace

std::vector<Plan> DutyService::plans(auth::Actor const& actor) const {
  require_duty(actor.user());
  return db_.read([&](db::Connection& conn) { return store::plans(conn); });
}

Plan DutyService::plan(auth::Actor const& actor, std::int64_t id) const {
  require_duty(actor.user());
  return db_.read([&](db::Connection& conn) { return load(conn, id); });
}

Plan DutyService::create_plan(auth::Actor const& actor, PlanInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    if (store::plan_of_year(conn, input.year)) {
      throw ApiError(AppError::conflict, fmt::format("{} 年的工作要点已存在", input.year), "year");
    }
    check_points(conn, input.points);
    auto const now = base::now_ms();
    auto const id = store::insert_plan(conn, input.year, input.title, caller.user_id, now);
    store::save_points(conn, id, std::move(input.points));
    auth::audit(conn, actor, "duty.plan.create", "duty_plan", std::to_string(id), std::to_string(input.year));
    return load(conn, id);
  });
}

Plan DutyService::update_plan(auth::Actor const& actor, std::int64_t id, PlanInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto const before = load(conn, id);
    if (input.year != before.year) throw ApiError(AppError::unprocessable, "工作要点的年度不能修改", "year");
    std::set<std::int64_t> known;
    for (auto const& point : before.points) known.insert(point.id);
    for (std::size_t i = 0; i < input.points.size(); ++i) {
      if (input.points[i].id && !known.contains(input.points[i].id)) {
        throw ApiError(AppError::validation_failed, "要点编号不属于这份工作要点", fmt::format("points[{}].id", i));
      }
    }
    check_points(conn, input.points);
    auto const now = base::now_ms();
    store::set_plan_title(conn, id, input.title, now);
    store::save_points(conn, id, std::move(input.points));
    auto after = load(conn, id);
    if (after.status == plan_status::issued) sync_plan_tasks(conn, after, now);
    auth::audit(conn, actor, "duty.plan.update", "duty_plan", std::to_string(id));
    return after;
  });
}

Plan DutyService::issue_plan(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto plan = load(conn, id);
    if (plan.status == plan_status::issued) throw ApiError(wrong_state, "工作要点已下发");
    if (plan.points.empty()) throw ApiError(AppError::unprocessable, "工作要点没有任何要点，不能下发", "points");
    auto const now = base::now_ms();
    store::set_plan_issued(conn, id, now);
    plan.status = plan_status::issued;
    sync_plan_tasks(conn, plan, now);
    auth::audit(conn, actor, "duty.plan.issue", "duty_plan", std::to_string(id));
    return load(conn, id);
  });
}

}  // namespace pufa::duty
