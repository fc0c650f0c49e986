#include "duty/report_routes.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "docx/docx.hpp"
#include "pdf/pdf.hpp"
#include "duty/documents.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

json::object report_json(Report const& r, bool with_body) {
  json::object out{{"id", r.id}, {"unit_id", r.unit_id}, {"unit_name", r.unit_name}, {"year", r.year}, {"kind", r.kind},
                   {"title", r.title}, {"status", r.status},
                   {"return_reason", r.return_reason ? json::value(*r.return_reason) : json::value(nullptr)},
                   {"submitted_at", r.submitted_at ? json::value(base::iso8601(*r.submitted_at)) : json::value(nullptr)},
                   {"updated_at", base::iso8601(r.updated_at)}};
  if (with_body) out["body"] = r.body;
  return out;
}

int year_in(json::object const& body) {
  auto const year = http::opt_int(body, "year", "年度");
  if (!year || *year < 2000 || *year > 2100) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  return static_cast<int>(*year);
}

}  // namespace

void add_report_routes(http::Router& router, DutyService const& service) {
  http::RouteOptions const read{};
  auto write = [](char const* action) { return http::RouteOptions{.action = action, .body_limit = 256 * 1024}; };

  router.add(Method::get, "/api/v1/duty/reports", [service](Request& request) {
    auto const year = http::query_int(request, "year");
    if (year && (*year < 2000 || *year > 2100)) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
    json::array items;
    for (auto const& r : service.reports(auth::actor(request), year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt)) {
      items.push_back(report_json(r, false));
    }
    return Response::ok({{"items", std::move(items)}});
  }, read);
  router.add(Method::post, "/api/v1/duty/reports", [service](Request& request) {
    auto const body = http::json_object(request);
    auto const unit = http::opt_int(body, "unit_id", "单位");
    if (!unit) throw ApiError(AppError::validation_failed, "请选择单位", "unit_id");
    auto const kind = http::req_string(body, "kind", "报告类型", 20);
    if (kind != report_kind::performance && kind != report_kind::legal) {
      throw ApiError(AppError::validation_failed, "报告类型应为普法履职报告或述职述法报告", "kind");
    }
    return Response::created(report_json(service.draft_report(auth::actor(request), *unit, year_in(body), kind), true));
  }, write("duty.report.create"));
  router.add(Method::get, "/api/v1/duty/reports/{id}", [service](Request& request) {
    return Response::ok(report_json(service.report(auth::actor(request), request.id_param("id")), true));
  }, read);
  router.add(Method::put, "/api/v1/duty/reports/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto title = http::req_string(body, "title", "标题", 100);
    auto text = http::req_string(body, "body", "正文", 30000);
    return Response::ok(report_json(service.save_report(auth::actor(request), id, std::move(title), std::move(text)), true));
  }, write("duty.report.update"));
  router.add(Method::post, "/api/v1/duty/reports/{id}/submit", [service](Request& request) {
    return Response::ok(report_json(service.hand_in_report(auth::actor(request), request.id_param("id")), true));
  }, write("duty.report.submit"));
  router.add(Method::post, "/api/v1/duty/reports/{id}/return", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const reason = http::req_string(http::json_object(request), "reason", "退回原因", 500);
    return Response::ok(report_json(service.send_back_report(auth::actor(request), id, reason), true));
  }, {.permission = "duty.manage", .action = "duty.report.return"});
  router.add(Method::get, "/api/v1/duty/reports/{id}/docx", [service](Request& request) {
    auto const report = service.report(auth::actor(request), request.id_param("id"));
    return Response::download(report_docx(report), docx::content_type, report.title + ".docx");
  }, read);
  router.add(Method::get, "/api/v1/duty/reports/{id}/pdf", [service](Request& request) {
    auto const report = service.report(auth::actor(request), request.id_param("id"));
    return Response::download(pdf::write(report_docx_document(report)), pdf::content_type, report.title + ".pdf");
  }, read);
  router.add(Method::post, "/api/v1/duty/reminders", [service](Request& request) {
    auto const run = service.remind(auth::actor(request), year_in(http::json_object(request)));
    json::array units;
    std::int64_t reminded = 0;
    for (auto const& u : run.units) {
      units.push_back({{"unit_id", u.unit_id}, {"unit_name", u.unit_name}, {"open", u.open}, {"overdue", u.overdue},
                       {"recipients", u.recipients}, {"already_today", u.already_today}});
      if (!u.already_today) ++reminded;
    }
    return Response::ok({{"units", std::move(units)}, {"reminded", reminded}, {"sent", run.sent}, {"channel", run.channel}});
  }, {.permission = "duty.manage", .action = "duty.remind"});
  router.add(Method::get, "/api/v1/duty/bulletins/{id}/docx", [service](Request& request) {
    auto const bulletin = service.bulletin(&auth::principal(request), request.id_param("id"));
    return Response::download(bulletin_docx(bulletin), docx::content_type, bulletin.title + ".docx");
  }, read);
  router.add(Method::get, "/api/v1/duty/bulletins/{id}/pdf", [service](Request& request) {
    auto const bulletin = service.bulletin(&auth::principal(request), request.id_param("id"));
    return Response::download(pdf::write(bulletin_docx_document(bulletin)), pdf::content_type, bulletin.title + ".pdf");
  }, read);
}

}  // namespace pufa::duty
