#include "duty/routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "auth/principal.hpp"
#include "activity/library.hpp"
#include "duty/common.hpp"
#include "duty/digest.hpp"
#include "duty/input.hpp"
#include "duty/penalty_routes.hpp"
#include "duty/report_routes.hpp"
#include "duty/review_routes.hpp"
#include "duty/sheets.hpp"
#include "duty/service.hpp"
#include "duty/view.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/utf8.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::int64_t max_page = 100;

std::optional<int> query_year(Request const& request) {
  auto const year = http::query_int(request, "year");
  if (year && (*year < 2000 || *year > 2100)) {
    throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  }
  if (!year) return std::nullopt;
  return static_cast<int>(*year);
}

std::optional<std::string> query_text(Request const& request, std::string_view name, std::initializer_list<std::string_view> allowed) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  for (auto a : allowed) {
    if (*value == a) return std::string(*value);
  }
  throw ApiError(AppError::validation_failed, fmt::format("参数 {} 的取值不正确", name), std::string(name));
}

std::string reason_of(Request const& request) {
  return http::req_string(http::json_object(request), "reason", "退回原因", 500);
}

// The bulletin as a workbook: rank, unit, tasks, on time, late, overdue, open, score.
std::string bulletin_xlsx(Bulletin const& bulletin) {
  xlsx::Sheet sheet{.name = "通报排名"};
  using xlsx::CellType;
  sheet.columns = {{"名次", 0, CellType::number},   {"单位", 0, CellType::text},     {"任务数", 0, CellType::number},
                   {"按时完成", 0, CellType::number}, {"逾期完成", 0, CellType::number}, {"逾期未完成", 0, CellType::number},
                   {"进行中", 0, CellType::number},   {"得分", 0, CellType::number}};
  for (auto const& r : bulletin.rows) {
    sheet.rows.push_back({std::to_string(r.rank), r.unit_name, std::to_string(r.tasks), std::to_string(r.on_time),
                          std::to_string(r.late), std::to_string(r.overdue), std::to_string(r.open),
                          fmt::format("{:.1f}", r.score)});
  }
  return xlsx::write_workbook({sheet});
}

json::object public_list_json(DutyList const& list) {
  return {{"id", list.id},
          {"unit_id", list.unit_id},
          {"unit_name", list.unit_name},
          {"year", list.year},
          {"version", list.published_version ? json::value(*list.published_version) : json::value(nullptr)},
          {"index_no", list.index_no ? json::value(*list.index_no) : json::value(nullptr)},
          {"published_at", list.published_at ? json::value(base::iso8601(*list.published_at)) : json::value(nullptr)}};
}

}  // namespace

namespace {

// The ledger changed (activity/library.hpp): the unit-year's digest follows, in the same transaction.
void on_ledger_change(db::Connection& conn, std::string_view kind, std::int64_t unit_id, int year) {
  digest::rebuild(conn, kind, unit_id, year);
}

}  // namespace

void add_routes(http::Router& router, db::Database& db, todo::Centre& todo, std::shared_ptr<quiz::OtpSender> sender,
                std::shared_ptr<ReminderSender> reminders) {
  activity::library::on_change(&on_ledger_change);
  DutyService const service(db, std::move(reminders));
  todo.add([service](auth::Principal const& caller) { return service.todo(caller); });
  http::RouteOptions const open{.access = http::Access::open};
  http::RouteOptions const read{};
  auto write = [](char const* action) { return http::RouteOptions{.action = action, .body_limit = 512 * 1024}; };
  auto manage = [](char const* action) {
    return http::RouteOptions{.permission = "duty.manage", .action = action, .body_limit = 512 * 1024};
  };

  // Work points.
  router.add(Method::get, "/api/v1/duty/plans", [service](Request& request) {
    json::array items;
    auto const plans = service.plans(auth::actor(request));
    for (auto const& plan : plans) {
      items.push_back({{"id", plan.id}, {"year", plan.year}, {"title", plan.title}, {"status", plan.status},
                       {"issued_at", plan.issued_at ? json::value(base::iso8601(*plan.issued_at)) : json::value(nullptr)}});
    }
    return Response::ok({{"items", std::move(items)}});
  }, read);
  auto plan_out = [](Plan const& plan) { return plan_json(plan); };
  router.add(Method::post, "/api/v1/duty/plans", [service, plan_out](Request& request) {
    return Response::created(plan_out(service.create_plan(auth::actor(request), plan_input(http::json_object(request)))));
  }, manage("duty.plan.create"));
  router.add(Method::get, "/api/v1/duty/plans/{id}", [service, plan_out](Request& request) {
    return Response::ok(plan_out(service.plan(auth::actor(request), request.id_param("id"))));
  }, read);
  router.add(Method::put, "/api/v1/duty/plans/{id}", [service, plan_out](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(plan_out(service.update_plan(auth::actor(request), id, plan_input(http::json_object(request)))));
  }, manage("duty.plan.update"));
  router.add(Method::post, "/api/v1/duty/plans/{id}/issue", [service, plan_out](Request& request) {
    return Response::ok(plan_out(service.issue_plan(auth::actor(request), request.id_param("id"))));
  }, manage("duty.plan.issue"));

  // Responsibility lists.
  auto list_out = [](ListView const& view) { return list_json(view, true); };
  router.add(Method::get, "/api/v1/duty/lists", [service](Request& request) {
    auto const paging = http::page_of(request, max_page);
    ListQuery query{.year = query_year(request), .unit_id = http::query_int(request, "unit_id"),
                    .status = query_text(request, "status", {"draft", "submitted", "returned", "published"}),
                    .page = paging.page, .page_size = paging.size};
    auto const page = service.lists(auth::actor(request), query);
    json::array items;
    for (auto const& list : page.items) items.push_back(list_json({list, {}}, false));
    return Response::ok({{"items", std::move(items)}, {"total", page.total}});
  }, read);
  // Before lists/{id}: the first route that matches a path answers it.
  constexpr auto xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  router.add(Method::get, "/api/v1/duty/lists/template", [](Request& request) {
    require_duty(auth::principal(request));
    return Response::download(template_xlsx(), xlsx_type, "普法责任清单模板.xlsx");
  }, read);
  router.add(Method::post, "/api/v1/duty/lists", [service, list_out](Request& request) {
    return Response::created(list_out(service.create_list(auth::actor(request), list_input(http::json_object(request), true))));
  }, write("duty.list.create"));
  router.add(Method::get, "/api/v1/duty/lists/{id}", [service, list_out](Request& request) {
    return Response::ok(list_out(service.list(auth::actor(request), request.id_param("id"))));
  }, read);
  router.add(Method::put, "/api/v1/duty/lists/{id}", [service, list_out](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(list_out(service.update_list(auth::actor(request), id, list_input(http::json_object(request), false))));
  }, write("duty.list.update"));
  router.add(Method::post, "/api/v1/duty/lists/{id}/submit", [service, list_out](Request& request) {
    return Response::ok(list_out(service.submit_list(auth::actor(request), request.id_param("id"))));
  }, write("duty.list.submit"));
  router.add(Method::post, "/api/v1/duty/lists/{id}/return", [service, list_out](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(list_out(service.return_list(auth::actor(request), id, reason_of(request))));
  }, manage("duty.list.return"));
  router.add(Method::post, "/api/v1/duty/lists/{id}/approve", [service, list_out](Request& request) {
    return Response::ok(list_out(service.approve_list(auth::actor(request), request.id_param("id"))));
  }, manage("duty.list.publish"));
  router.add(Method::get, "/api/v1/duty/lists/{id}/export", [service, xlsx_type](Request& request) {
    auto const view = service.list(auth::actor(request), request.id_param("id"));
    return Response::download(list_xlsx(view.list), xlsx_type,
                              fmt::format("{}{}年普法责任清单.xlsx", view.list.unit_name, view.list.year));
  }, read);
  router.add(Method::post, "/api/v1/duty/lists/{id}/import", [service, list_out](Request& request) {
    auto const id = request.id_param("id");
    std::optional<std::string> reason;
    if (auto const text = request.query_value("reason"); text && !text->empty()) {
      if (text::utf8_length(*text).value_or(501) > 500) throw ApiError(AppError::validation_failed, "修改原因不能超过 500 个字", "reason");
      reason = std::string(*text);
    }
    auto out = list_out(service.import_items(auth::actor(request), id, request.body, std::move(reason)));
    out["imported"] = out["items"].as_array().size();
    return Response::ok(out);
  }, {.action = "duty.list.import", .body_limit = 10 * 1024 * 1024, .accepts = std::string(xlsx::upload_types)});
  router.add(Method::get, "/api/v1/duty/lists/{id}/versions/{version}", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const version = static_cast<int>(request.id_param("version"));
    return Response::ok(json::parse(service.version(&auth::principal(request), id, version)));
  }, read);

  // Tasks.
  router.add(Method::get, "/api/v1/duty/tasks", [service](Request& request) {
    auto const paging = http::page_of(request, max_page);
    TaskQuery query{.year = query_year(request), .unit_id = http::query_int(request, "unit_id"),
                    .state = query_text(request, "state", {"open", "overdue", "answered", "returned", "done", "late"}),
                    .page = paging.page, .page_size = paging.size};
    auto const page = service.tasks(auth::actor(request), query);
    json::array items, years;
    for (auto const& view : page.items) items.push_back(task_json(view));
    for (auto year : page.years) years.emplace_back(year);
    return Response::ok({{"items", std::move(items)}, {"total", page.total}, {"years", std::move(years)}});
  }, read);
  router.add(Method::get, "/api/v1/duty/tasks/{id}", [service](Request& request) {
    return Response::ok(task_json(service.task(auth::actor(request), request.id_param("id"))));
  }, read);
  router.add(Method::get, "/api/v1/duty/tasks/{id}/candidates", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const kind = std::string(request.query_value("kind").value_or("activity"));
    auto const q = std::string(request.query_value("q").value_or(""));
    if (q.size() > 200) throw ApiError(AppError::validation_failed, "搜索词过长", "q");
    return Response::ok({{"items", evidence_json(service.candidates(auth::actor(request), id, kind, q))}});
  }, read);
  router.add(Method::post, "/api/v1/duty/tasks/{id}/answer", [service](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(task_json(service.answer(auth::actor(request), id, answer_input(http::json_object(request)))));
  }, write("duty.task.answer"));
  router.add(Method::post, "/api/v1/duty/tasks/{id}/confirm", [service](Request& request) {
    return Response::ok(task_json(service.confirm(auth::actor(request), request.id_param("id"))));
  }, manage("duty.task.confirm"));
  router.add(Method::post, "/api/v1/duty/tasks/{id}/return", [service](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(task_json(service.send_back(auth::actor(request), id, reason_of(request))));
  }, manage("duty.task.return"));

  // Bulletins.
  router.add(Method::get, "/api/v1/duty/bulletins", [service](Request& request) {
    json::array items;
    for (auto const& b : service.bulletins(auth::actor(request), query_year(request))) items.push_back(bulletin_json(b, false));
    return Response::ok({{"items", std::move(items)}});
  }, read);
  router.add(Method::post, "/api/v1/duty/bulletins", [service](Request& request) {
    return Response::created(bulletin_json(service.issue_bulletin(auth::actor(request), bulletin_input(http::json_object(request))), true));
  }, manage("duty.bulletin.issue"));
  router.add(Method::get, "/api/v1/duty/bulletins/{id}", [service](Request& request) {
    return Response::ok(bulletin_json(service.bulletin(&auth::principal(request), request.id_param("id")), true));
  }, read);
  router.add(Method::get, "/api/v1/duty/bulletins/{id}/export", [service](Request& request) {
    auto const bulletin = service.bulletin(&auth::principal(request), request.id_param("id"));
    return Response::download(bulletin_xlsx(bulletin), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              bulletin.title + ".xlsx");
  }, read);

  // The portal: published lists (their latest version, or ?version=N) and public bulletins.
  add_penalty_routes(router, service);
  add_report_routes(router, service);
  add_review_routes(router, db, std::move(sender));

  router.add(Method::get, "/api/v1/public/duty/lists", [service](Request& request) {
    auto const paging = http::page_of(request, max_page);
    auto const page = service.public_lists(query_year(request), paging.page, paging.size);
    json::array items;
    for (auto const& list : page.items) items.push_back(public_list_json(list));
    return Response::ok({{"items", std::move(items)}, {"total", page.total}});
  }, open);
  router.add(Method::get, "/api/v1/public/duty/lists/{id}", [service](Request& request) {
    auto const version = http::query_int(request, "version");
    if (version && (*version < 1 || *version > 10000)) throw ApiError(AppError::validation_failed, "版本号不正确", "version");
    auto const id = request.id_param("id");
    return Response::ok(json::parse(service.version(nullptr, id, version ? std::optional<int>(static_cast<int>(*version)) : std::nullopt)));
  }, open);
  router.add(Method::get, "/api/v1/public/duty/bulletins", [service](Request&) {
    json::array items;
    for (auto const& b : service.public_bulletins()) items.push_back(bulletin_json(b, false));
    return Response::ok({{"items", std::move(items)}});
  }, open);
  router.add(Method::get, "/api/v1/public/duty/bulletins/{id}", [service](Request& request) {
    return Response::ok(bulletin_json(service.bulletin(nullptr, request.id_param("id")), true));
  }, open);
}

void add_overview(db::Connection& conn, std::string const& region_path, json::object& out) {
  auto const figures = DutyService::figures_of(conn, region_path);
  out["responsibility_units"] = figures.responsibility_units;
  out["responsibility_year"] = figures.lists_year ? json::value(*figures.lists_year) : json::value(nullptr);
  out["duty_tasks_done_rate"] = figures.tasks_done_rate;
  out["duty_tasks_year"] = figures.tasks_year ? json::value(*figures.tasks_year) : json::value(nullptr);
}

}  // namespace pufa::duty
