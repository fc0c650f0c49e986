// Routes parse, call the use cases, render (view.cpp).
#include "service/routes.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "registry/routes.hpp"
#include "service/entities.hpp"
#include "service/service.hpp"
#include "service/store.hpp"
#include "service/view.hpp"
#include "docx/docx.hpp"
#include "pdf/pdf.hpp"
#include "text/personal.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::int64_t max_page_size = 100;
std::string const readers = "service.read|service.manage|service.log|service.confirm";

std::optional<int> int_in(Request const& request, std::string_view name, int low, int high, char const* message) {
  auto const v = http::query_int(request, name);
  if (!v) return std::nullopt;
  if (*v < low || *v > high) throw ApiError(AppError::validation_failed, message, std::string(name));
  return static_cast<int>(*v);
}

std::optional<std::string> code_of(Request const& request, std::string_view name, std::initializer_list<std::string_view> allowed) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  for (auto const a : allowed) {
    if (a == *value) return std::string(*value);
  }
  throw ApiError(AppError::validation_failed, "筛选条件不在可选范围内", std::string(name));
}

std::optional<std::string> date_in(Request const& request, std::string_view name) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  if (!base::is_date(*value)) throw ApiError(AppError::validation_failed, "日期应为 YYYY-MM-DD", std::string(name));
  return std::string(*value);
}

Period period_of(Request const& request) {
  Period p;
  auto const year = int_in(request, "year", 2000, 2100, "年度应为 2000 到 2100 之间的年份");
  p.year = year.value_or(std::stoi(base::shanghai_date(base::now_ms()).substr(0, 4)));
  p.quarter = int_in(request, "quarter", 1, 4, "季度应为 1 至 4");
  p.month = int_in(request, "month", 1, 12, "月份应为 1 至 12");
  return p;
}

json::object page_json(json::array items, std::int64_t total, http::Page const& page) {
  return {{"items", std::move(items)}, {"total", total}, {"page", page.page}, {"page_size", page.size}};
}

Response file_response(Download d) {
  Response response;
  response.set_header("Content-Type", d.content_type);
  response.set_header("Content-Disposition", http::content_disposition("attachment", d.name));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Cache-Control", "private, no-store");
  response.body = std::move(d.bytes);
  return response;
}

int req_small(json::object const& body, std::string_view key, char const* label) {
  auto const v = http::opt_int(body, key, label);
  if (!v) throw ApiError(AppError::validation_failed, fmt::format("请填写{}", label), std::string(key));
  if (*v < -1'000'000 || *v > 1'000'000) throw ApiError(AppError::validation_failed, fmt::format("{}超出范围", label), std::string(key));
  return static_cast<int>(*v);
}

std::vector<std::int64_t> ids_in(json::object const& body, std::string_view key, char const* label) {
  std::vector<std::int64_t> out;
  auto const found = body.find(key);
  if (found == body.end() || found->value().is_null()) return out;
  if (!found->value().is_array()) throw ApiError(AppError::validation_failed, fmt::format("{}格式不正确", label), std::string(key));
  auto const& a = found->value().as_array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_int64() || a[i].as_int64() <= 0) {
      throw ApiError(AppError::validation_failed, fmt::format("{}格式不正确", label), fmt::format("{}[{}]", key, i));
    }
    out.push_back(a[i].as_int64());
  }
  return out;
}

std::string phone_in(json::object const& body) {
  auto phone = http::req_string(body, "phone", "手机号", 20);
  if (!text::is_mobile(phone)) throw ApiError(AppError::validation_failed, "请输入 11 位手机号码", "phone");
  return phone;
}

Response code_refused(Request const& request, base::Millis wait_ms) {
  auto const seconds = std::max<base::Millis>(1, (wait_ms + 999) / 1000);
  auto response = http::error_response(AppError::rate_limited, "获取验证码过于频繁，请 " + std::to_string(seconds) + " 秒后再试",
                                       {}, request.request_id, {{"retry_after", seconds}, {"retry_after_seconds", seconds}});
  response.set_header("Retry-After", std::to_string(seconds));
  return response;
}

std::string token_of(Request const& request, json::object const* body) {
  if (body) {
    if (auto t = http::opt_string(*body, "token", "凭证", 64)) return *t;
  }
  return std::string(request.query_value("token").value_or(""));
}

std::string ref_of(Request const& request) {
  auto const found = request.params.find("ref");
  if (found == request.params.end() || found->second.empty() || found->second.size() > 20) {
    throw ApiError(AppError::not_found, "预约不存在或链接已失效");
  }
  return found->second;
}

AidInput aid_in(json::object const& body) {
  AidInput in;
  in.township_id = http::opt_int(body, "township_id", "受理的乡镇（街道）").value_or(0);
  in.village_id = http::opt_int(body, "village_id", "村（社区）");
  in.name = http::opt_string(body, "name", "申请人姓名", 20).value_or("");
  in.gender = http::opt_string(body, "gender", "性别", 10).value_or("");
  in.id_number = http::opt_string(body, "id_number", "身份证号", 20).value_or("");
  in.phone = http::opt_string(body, "phone", "手机号", 20).value_or("");
  in.address = http::opt_string(body, "address", "住所地", 100).value_or("");
  in.matter = http::opt_string(body, "matter", "申请事项", 30).value_or("");
  in.opponent = http::opt_string(body, "opponent", "对方当事人", 100);
  in.facts = http::opt_string(body, "facts", "案情及申请理由", 3000).value_or("");
  if (auto const n = http::opt_int(body, "household_size", "家庭人口")) in.household_size = static_cast<int>(std::clamp<std::int64_t>(*n, -1, 1000));
  if (auto const n = http::opt_int(body, "monthly_income", "家庭月人均收入")) in.monthly_income = static_cast<int>(std::clamp<std::int64_t>(*n, -1, 10'000'000));
  in.exemption = http::opt_string(body, "exemption", "免予经济困难审查", 30).value_or("none");
  in.declaration = http::opt_bool(body, "declaration", "个人诚信承诺").value_or(false);
  if (auto const found = body.find("origin"); found != body.end() && !found->value().is_null()) {
    if (!found->value().is_object()) throw ApiError(AppError::validation_failed, "转介来源格式不正确", "origin");
    auto const& origin = found->value().as_object();
    in.origin_kind = http::opt_string(origin, "kind", "转介来源", 20);
    if (!in.origin_kind) throw ApiError(AppError::validation_failed, "请指明转介来源", "origin.kind");
    in.origin_id = http::opt_int(origin, "id", "转介来源");
  }
  in.code = http::opt_string(body, "code", "验证码", 10).value_or("");
  return in;
}

}  // namespace

void add_overview(db::Connection& conn, std::string const& region_path, json::object& out) {
  LegalService::add_overview(conn, region_path, out);
}

std::int64_t reseal(db::Connection& conn) { return store::reseal(conn); }

std::int64_t send_reminders(db::Database& db, std::shared_ptr<quiz::OtpSender> sender, std::string const& on) {
  LegalService const service(db, std::move(sender));
  return service.remind(auth::system_actor("pufa service remind"), on);
}

void add_routes(http::Router& router, db::Database& db, std::shared_ptr<quiz::OtpSender> sender, todo::Centre& todo) {
  LegalService const service(db, std::move(sender));
  todo.add([service](auth::Principal const& caller) { return service.todo(caller); });
  registry::add_routes(router, db, stations(), {"service.read", "service.manage"});
  auto write = [](char const* permission, char const* action) {
    return http::RouteOptions{.permission = permission, .action = action, .body_limit = 64 * 1024};
  };

  router.add(Method::get, "/api/v1/service/standard", [service](Request& request) {
    return Response::ok(standard_json(service.standard(auth::actor(request))));
  }, {.permission = readers});
  router.add(Method::put, "/api/v1/service/standard", [service](Request& request) {
    auto const body = http::json_object(request);
    Standard s;
    auto const found = body.find("days_of_month");
    if (found == body.end() || !found->value().is_array()) throw ApiError(AppError::validation_failed, "请选择服务日", "days_of_month");
    s.days_of_month.clear();
    auto const& days = found->value().as_array();
    for (std::size_t i = 0; i < days.size(); ++i) {
      if (!days[i].is_int64()) throw ApiError(AppError::validation_failed, "服务日应为每月 1 日至 28 日", fmt::format("days_of_month[{}]", i));
      s.days_of_month.push_back(static_cast<int>(std::clamp<std::int64_t>(days[i].as_int64(), -1, 100)));
    }
    s.town_days = req_small(body, "town_days", "每月服务天数");
    s.remote_days = req_small(body, "remote_days", "偏远村每月服务天数");
    s.villages_per_day = req_small(body, "villages_per_day", "每日服务村数");
    s.lectures_per_quarter = req_small(body, "lectures_per_quarter", "每季度讲座次数");
    s.answer_hours = req_small(body, "answer_hours", "预约答复时限");
    s.subsidy_per_day = req_small(body, "subsidy_per_day", "每个服务日补贴");
    return Response::ok(standard_json(service.set_standard(auth::actor(request), std::move(s))));
  }, write("service.manage", "service.standard.update"));

  router.add(Method::get, "/api/v1/service/villages", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    std::optional<std::string> q;
    if (auto v = request.query_value("q"); v && !v->empty()) {
      if (v->size() > 100) throw ApiError(AppError::validation_failed, "关键词过长", "q");
      q = std::string(*v);
    }
    auto const result = service.villages(auth::actor(request), http::query_int(request, "region_id"), q, page.page, page.size);
    json::array items;
    for (auto const& v : result.items) items.push_back(village_json(v));
    return Response::ok(page_json(std::move(items), result.total, page));
  }, {.permission = "service.read|service.manage"});
  router.add(Method::put, "/api/v1/service/villages/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const remote = http::opt_bool(http::json_object(request), "remote", "偏远村");
    if (!remote) throw ApiError(AppError::validation_failed, "请说明是否偏远村", "remote");
    return Response::ok(village_json(service.set_remote(auth::actor(request), id, *remote)));
  }, write("service.manage", "service.village.remote"));

  router.add(Method::post, "/api/v1/service/schedules", [service](Request& request) {
    auto const body = http::json_object(request);
    auto const year = http::opt_int(body, "year", "年度");
    if (!year) throw ApiError(AppError::validation_failed, "请选择年度", "year");
    if (*year < 2000 || *year > 2100) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
    auto const out = service.generate(auth::actor(request), static_cast<int>(*year), http::opt_int(body, "region_id", "区域"));
    return Response::ok({{"days", out.days}, {"moved", out.moved}, {"villages", out.villages}, {"without_advisor", out.without_advisor}});
  }, write("service.manage", "service.schedule.generate"));
  router.add(Method::get, "/api/v1/service/schedules/export", [service](Request& request) {
    auto const year = int_in(request, "year", 2000, 2100, "年度应为 2000 到 2100 之间的年份");
    if (!year) throw ApiError(AppError::validation_failed, "请选择年度", "year");
    return file_response(service.schedule_export(auth::actor(request), *year, http::query_int(request, "region_id")));
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/service/days", [service](Request& request) {
    auto const page = http::page_of(request, 500, 50);
    DayQuery q;
    q.year = int_in(request, "year", 2000, 2100, "年度应为 2000 到 2100 之间的年份");
    q.month = int_in(request, "month", 1, 12, "月份应为 1 至 12");
    if (q.month && !q.year) throw ApiError(AppError::validation_failed, "按月份筛选时请同时选择年度", "year");
    q.region_id = http::query_int(request, "region_id");
    q.advisor_id = http::query_int(request, "advisor_id");
    q.status = code_of(request, "status", {"planned", "checked_in", "verified", "unverified", "missed"});
    q.from = date_in(request, "from");
    q.to = date_in(request, "to");
    q.page = page.page;
    q.page_size = page.size;
    auto const result = service.days(auth::actor(request), q);
    json::array items;
    for (auto const& v : result.items) items.push_back(day_json(v));
    return Response::ok(page_json(std::move(items), result.total, page));
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/service/days/{id}", [service](Request& request) {
    return Response::ok(day_json(service.day(auth::actor(request), request.id_param("id"))));
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/service/days/{id}/check-in", [service](Request& request) {
    auto const out = service.check_in(auth::actor(request), request.id_param("id"));
    return Response::ok({{"code", out.code}, {"expires_at", base::iso8601(out.expires_at)}});
  }, write("service.log", "service.day.check_in"));
  router.add(Method::post, "/api/v1/service/days/{id}/confirm", [service](Request& request) {
    auto const id = request.id_param("id");
    std::optional<std::string> code;
    if (!request.body.empty()) code = http::opt_string(http::json_object(request), "code", "签到码", 10);
    if (code && code->empty()) code.reset();
    return Response::ok(day_json(service.confirm(auth::actor(request), id, std::move(code))));
  }, write("service.confirm", "service.day.confirm"));
  router.add(Method::post, "/api/v1/public/service/check-ins", [service](Request& request) {
    auto const body = http::json_object(request);
    auto const village = http::opt_int(body, "village_id", "村（社区）");
    if (!village) throw ApiError(AppError::validation_failed, "请选择村（社区）", "village_id");
    auto const code = http::req_string(body, "code", "签到码", 10);
    auto const out = service.resident_confirm(auth::actor(request), *village, code);
    return Response::ok({{"village_name", out.village_name}, {"advisor_name", out.advisor_name}, {"planned_on", out.planned_on}});
  }, {.access = http::Access::open, .action = "service.day.resident_confirm"});

  router.add(Method::get, "/api/v1/service/logs", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    LogQuery q;
    q.year = int_in(request, "year", 2000, 2100, "年度应为 2000 到 2100 之间的年份");
    q.month = int_in(request, "month", 1, 12, "月份应为 1 至 12");
    if (q.month && !q.year) throw ApiError(AppError::validation_failed, "按月份筛选时请同时选择年度", "year");
    q.region_id = http::query_int(request, "region_id");
    q.advisor_id = http::query_int(request, "advisor_id");
    q.kind = code_of(request, "kind", {"consult", "document", "contract_review", "lecture", "mediation", "aid_referral"});
    q.page = page.page;
    q.page_size = page.size;
    auto const result = service.logs(auth::actor(request), q);
    json::array items;
    for (auto const& v : result.items) items.push_back(log_json(v));
    return Response::ok(page_json(std::move(items), result.total, page));
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/service/logs/{id}", [service](Request& request) {
    auto const reveal = request.query_value("reveal").value_or("") == "1";
    return Response::ok(log_json(service.log(auth::actor(request), request.id_param("id"), reveal)));
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/service/logs", [service](Request& request) {
    auto const body = http::json_object(request);
    LogInput in;
    auto const region = http::opt_int(body, "region_id", "村（社区）");
    if (!region) throw ApiError(AppError::validation_failed, "请选择村（社区）", "region_id");
    in.region_id = *region;
    in.served_on = http::req_string(body, "served_on", "服务日期", 10);
    in.kind = http::req_string(body, "kind", "服务类型", 30);
    in.topic = http::opt_string(body, "topic", "事项类别", 30);
    if (in.topic && in.topic->empty()) in.topic.reset();
    in.parties = http::opt_string_list(body, "parties", "当事人").value_or(std::vector<std::string>{});
    in.summary = http::req_string(body, "summary", "服务内容", 2000);
    if (auto const m = http::opt_int(body, "minutes", "用时")) {
      if (*m < 1 || *m > 1440) throw ApiError(AppError::validation_failed, "用时应为 1 至 1440 分钟", "minutes");
      in.minutes = static_cast<int>(*m);
    }
    in.photo_ids = ids_in(body, "photo_ids", "照片");
    in.day_id = http::opt_int(body, "day_id", "服务日");
    in.booking_id = http::opt_int(body, "booking_id", "预约");
    return Response::created(log_json(service.create_log(auth::actor(request), std::move(in))));
  }, write("service.log", "service.log.create"));

  router.add(Method::get, "/api/v1/service/scorecards", [service](Request& request) {
    json::array items;
    for (auto const& r : service.scorecards(auth::actor(request), period_of(request), http::query_int(request, "region_id"))) {
      items.push_back(score_json(r));
    }
    return Response::ok({{"items", std::move(items)}});
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/service/compliance", [service](Request& request) {
    auto const table = service.compliance(auth::actor(request), period_of(request));
    json::array rows;
    for (auto const& r : table.rows) rows.push_back(compliance_json(r));
    return Response::ok({{"items", std::move(rows)}, {"total", compliance_json(table.total)}});
  }, {.permission = "service.read|service.manage"});
  router.add(Method::get, "/api/v1/service/compliance/export", [service](Request& request) {
    return file_response(service.compliance_export(auth::actor(request), period_of(request)));
  }, {.permission = "service.read|service.manage"});

  router.add(Method::get, "/api/v1/service/bookings", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    auto const result = service.bookings(auth::actor(request), code_of(request, "status", {"open", "submitted", "accepted", "proposed", "served", "cancelled"}),
                                         http::query_int(request, "region_id"), page.page, page.size);
    json::array items;
    for (auto const& v : result.items) items.push_back(booking_json(v, true));
    return Response::ok(page_json(std::move(items), result.total, page));
  }, {.permission = readers});
  router.add(Method::get, "/api/v1/service/bookings/{id}", [service](Request& request) {
    return Response::ok(booking_json(service.booking(auth::actor(request), request.id_param("id")), true));
  }, {.permission = readers});
  router.add(Method::post, "/api/v1/service/bookings/{id}/accept", [service](Request& request) {
    return Response::ok(booking_json(service.accept(auth::actor(request), request.id_param("id")), true));
  }, write("service.log|service.manage", "service.booking.accept"));
  router.add(Method::post, "/api/v1/service/bookings/{id}/propose", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto on = http::req_string(body, "on", "另约日期", 10);
    auto note = http::opt_string(body, "note", "说明", 200).value_or("");
    return Response::ok(booking_json(service.propose(auth::actor(request), id, std::move(on), std::move(note)), true));
  }, write("service.log|service.manage", "service.booking.propose"));
  router.add(Method::post, "/api/v1/service/bookings/{id}/serve", [service](Request& request) {
    auto const id = request.id_param("id");
    std::string note;
    if (!request.body.empty()) note = http::opt_string(http::json_object(request), "note", "说明", 1000).value_or("");
    return Response::ok(booking_json(service.serve(auth::actor(request), id, std::move(note)), true));
  }, write("service.log|service.manage", "service.booking.serve"));
  router.add(Method::get, "/api/v1/service/callbacks", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    auto const result = service.callbacks(auth::actor(request), code_of(request, "status", {"open", "closed"}), page.page, page.size);
    json::array items;
    for (auto const& v : result.items) items.push_back(callback_json(v));
    return Response::ok(page_json(std::move(items), result.total, page));
  }, {.permission = "service.manage"});
  router.add(Method::get, "/api/v1/service/callbacks/{id}", [service](Request& request) {
    auto const reveal = request.query_value("reveal").value_or("") == "1";
    return Response::ok(callback_json(service.callback(auth::actor(request), request.id_param("id"), reveal)));
  }, {.permission = "service.manage"});
  router.add(Method::post, "/api/v1/service/callbacks/{id}/close", [service](Request& request) {
    auto const id = request.id_param("id");
    auto note = http::req_string(http::json_object(request), "note", "回访情况", 1000);
    return Response::ok(callback_json(service.close_callback(auth::actor(request), id, std::move(note))));
  }, write("service.manage", "service.callback.close"));

  router.add(Method::get, "/api/v1/service/aid", [service](Request& request) {
    auto const page = http::page_of(request, max_page_size);
    AidQuery q;
    q.status = code_of(request, "status", {"open", "submitted", "approved", "refused", "assigned", "closed"});
    q.year = int_in(request, "year", 2000, 2100, "年度应为 2000 到 2100 之间的年份");
    q.region_id = http::query_int(request, "region_id");
    q.overdue_only = request.query_value("overdue").value_or("") == "1";
    q.page = page.page;
    q.page_size = page.size;
    auto const result = service.aids(auth::actor(request), q);
    json::array items;
    for (auto const& v : result.items) items.push_back(aid_json(v, false));
    return Response::ok(page_json(std::move(items), result.total, page));
  }, {.permission = "service.read|service.manage|service.log"});
  router.add(Method::get, "/api/v1/service/aid/{id}", [service](Request& request) {
    auto const reveal = request.query_value("reveal").value_or("") == "1";
    return Response::ok(aid_json(service.aid(auth::actor(request), request.id_param("id"), reveal), false));
  }, {.permission = "service.read|service.manage|service.log"});
  router.add(Method::post, "/api/v1/service/aid", [service](Request& request) {
    return Response::created(aid_json(service.create_aid(auth::actor(request), aid_in(http::json_object(request))), false));
  }, write("service.manage|service.log", "service.aid.create"));
  router.add(Method::post, "/api/v1/service/aid/{id}/decide", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto const approve = http::opt_bool(body, "approve", "是否给予援助");
    if (!approve) throw ApiError(AppError::validation_failed, "请选择是否给予法律援助", "approve");
    auto reason = http::opt_string(body, "reason", "理由", 1000).value_or("");
    return Response::ok(aid_json(service.decide_aid(auth::actor(request), id, *approve, std::move(reason)), false));
  }, write("service.manage", "service.aid.decide"));
  router.add(Method::post, "/api/v1/service/aid/{id}/assign", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto lawyer = http::opt_string(body, "lawyer", "承办律师", 20).value_or("");
    auto firm = http::opt_string(body, "firm", "律师事务所", 50).value_or("");
    auto phone = http::opt_string(body, "phone", "联系电话", 20).value_or("");
    return Response::ok(aid_json(service.assign_aid(auth::actor(request), id, std::move(lawyer), std::move(firm), std::move(phone)), false));
  }, write("service.manage", "service.aid.assign"));
  router.add(Method::post, "/api/v1/service/aid/{id}/close", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto outcome = http::opt_string(body, "outcome", "结案情况", 20).value_or("");
    auto note = http::opt_string(body, "note", "结案说明", 1000).value_or("");
    return Response::ok(aid_json(service.close_aid(auth::actor(request), id, std::move(outcome), std::move(note)), false));
  }, write("service.manage", "service.aid.close"));
  router.add(Method::post, "/api/v1/service/aid/{id}/follow-up", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto note = http::opt_string(body, "note", "回访情况", 1000).value_or("");
    auto satisfaction = http::opt_string(body, "satisfaction", "受援人评价", 20).value_or("");
    return Response::ok(aid_json(service.follow_up_aid(auth::actor(request), id, std::move(note), std::move(satisfaction)), false));
  }, write("service.manage", "service.aid.follow_up"));
  router.add(Method::get, "/api/v1/service/aid/{id}/decision.docx", [service](Request& request) {
    auto const doc = service.aid_decision(auth::actor(request), request.id_param("id"));
    return file_response({doc.title + ".docx", docx::content_type, docx::write(doc)});
  }, {.permission = "service.manage"});
  router.add(Method::get, "/api/v1/service/aid/{id}/decision.pdf", [service](Request& request) {
    auto const doc = service.aid_decision(auth::actor(request), request.id_param("id"));
    return file_response({doc.title + ".pdf", pdf::content_type, pdf::write(doc)});
  }, {.permission = "service.manage"});

  // The portal (residents).
  http::RouteOptions const open{.access = http::Access::open};
  router.add(Method::get, "/api/v1/public/service/stations", [service](Request& request) {
    json::array items;
    for (auto const& s : service.public_stations(http::query_int(request, "township_id"))) items.push_back(station_json(s));
    return Response::ok({{"items", std::move(items)}});
  }, open);
  router.add(Method::get, "/api/v1/public/service/villages", [service](Request& request) {
    json::array items;
    for (auto const& v : service.public_villages(http::query_int(request, "township_id"))) {
      items.push_back({{"id", v.id}, {"name", v.name}, {"advisor_name", v.advisor_name}});
    }
    return Response::ok({{"items", std::move(items)}});
  }, open);
  router.add(Method::get, "/api/v1/public/service/villages/{id}", [service](Request& request) {
    return Response::ok(public_village_json(service.public_village(request.id_param("id"))));
  }, open);
  router.add(Method::post, "/api/v1/public/service/otp", [service](Request& request) {
    auto const phone = phone_in(http::json_object(request));
    auto const wait = service.request_code(auth::actor(request), phone);
    if (wait > 0) return code_refused(request, wait);
    return Response::json(202, {{"sent", true}, {"retry_after_seconds", 60}, {"expires_in_seconds", 600}});
  }, {.access = http::Access::open, .action = "service.booking.code"});
  router.add(Method::post, "/api/v1/public/service/bookings", [service](Request& request) {
    auto const body = http::json_object(request);
    BookingInput in;
    auto const village = http::opt_int(body, "village_id", "村（社区）");
    in.station_id = http::opt_int(body, "station_id", "服务站点");
    if (!village && !in.station_id) throw ApiError(AppError::validation_failed, "请选择村（社区）或服务站点", "village_id");
    if (village && in.station_id) throw ApiError(AppError::validation_failed, "村（社区）和服务站点只能选一个", "station_id");
    in.village_id = village.value_or(0);
    in.topic = http::req_string(body, "topic", "咨询事项", 30);
    in.preferred_on = http::req_string(body, "preferred_on", "预约日期", 10);
    in.question = http::req_string(body, "question", "咨询的问题", 1000);
    in.name = http::req_string(body, "name", "姓名", 20);
    in.phone = phone_in(body);
    in.code = http::req_string(body, "code", "验证码", 10);
    auto const booked = service.book(auth::actor(request), std::move(in));
    auto out = booking_json(booked.view, false);
    out["token"] = booked.token;
    return Response::created(out);
  }, {.access = http::Access::open, .action = "service.booking.create"});
  router.add(Method::post, "/api/v1/public/service/aid", [service](Request& request) {
    auto const body = http::json_object(request);
    auto in = aid_in(body);
    if (in.code.empty()) throw ApiError(AppError::validation_failed, "请输入验证码", "code");
    auto const [view, token] = service.public_aid(auth::actor(request), std::move(in));
    auto out = aid_json(view, true);
    out["token"] = token;
    return Response::created(out);
  }, {.access = http::Access::open, .action = "service.aid.apply", .body_limit = 64 * 1024});
  router.add(Method::get, "/api/v1/public/service/aid/{ref}", [service](Request& request) {
    return Response::ok(aid_json(service.public_aid_status(ref_of(request), token_of(request, nullptr)), true));
  }, open);
  router.add(Method::get, "/api/v1/public/service/bookings/{ref}", [service](Request& request) {
    return Response::ok(booking_json(service.public_booking(ref_of(request), token_of(request, nullptr)), false));
  }, open);
  router.add(Method::post, "/api/v1/public/service/bookings/{ref}/confirm", [service](Request& request) {
    auto const body = http::json_object(request);
    return Response::ok(booking_json(service.resident_confirm_time(auth::actor(request), ref_of(request), token_of(request, &body)), false));
  }, {.access = http::Access::open, .action = "service.booking.resident_confirm"});
  router.add(Method::post, "/api/v1/public/service/bookings/{ref}/cancel", [service](Request& request) {
    auto const body = http::json_object(request);
    return Response::ok(booking_json(service.resident_cancel(auth::actor(request), ref_of(request), token_of(request, &body)), false));
  }, {.access = http::Access::open, .action = "service.booking.cancel"});
  router.add(Method::post, "/api/v1/public/service/bookings/{ref}/rating", [service](Request& request) {
    auto const body = http::json_object(request);
    auto rating = http::req_string(body, "rating", "评价", 20);
    auto comment = http::opt_string(body, "comment", "评价内容", 500).value_or("");
    return Response::ok(booking_json(service.rate(auth::actor(request), ref_of(request), token_of(request, &body),
                                                  std::move(rating), std::move(comment)),
                                     false));
  }, {.access = http::Access::open, .action = "service.booking.rate"});
}

}  // namespace pufa::service
