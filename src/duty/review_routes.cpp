#include "duty/review_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <cmath>

#include "auth/principal.hpp"
#include "duty/review.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "quiz/sender.hpp"
#include "text/personal.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

json::value number_or_null(std::optional<double> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value time_or_null(std::optional<base::Millis> const& v) { return v ? json::value(base::iso8601(*v)) : json::value(nullptr); }

json::object weights_json(Weights const& w) { return {{"public", w.crowd}, {"panel", w.panel}, {"members", w.members}}; }

json::object round_head(Round const& r) {
  return {{"id", r.id}, {"year", r.year}, {"title", r.title}, {"intro", r.intro}, {"status", r.status},
          {"weights", weights_json(r.weights)},
          {"bands", {{"excellent", r.bands.excellent}, {"good", r.bands.good}, {"fair", r.bands.fair}}},
          {"opens_at", base::iso8601(r.opens_at)}, {"closes_at", base::iso8601(r.closes_at)},
          {"exclude_flagged", r.exclude_flagged}, {"published_at", time_or_null(r.published_at)}};
}

json::object round_json(RoundView const& view) {
  auto out = round_head(view.round);
  std::map<std::int64_t, Result const*> by_entry;
  for (auto const& r : view.results) by_entry[r.entry_id] = &r;
  json::array entries;
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    auto const& e = view.entries[i];
    json::object entry{{"id", e.id}, {"unit_id", e.unit_id}, {"unit_name", e.unit_name}, {"report", e.report},
                       {"video_url", e.video_url}, {"submitted_at", time_or_null(e.submitted_at)},
                       {"can_edit", i < view.can_edit.size() && view.can_edit[i]}};
    json::array files;
    for (auto const& f : e.attachments) {
      files.push_back({{"id", f.id}, {"name", f.name}, {"size", f.size}, {"content_type", f.content_type},
                       {"url", "/api/v1/attachments/" + std::to_string(f.id)}});
    }
    entry["attachments"] = std::move(files);
    Result const* r = by_entry.contains(e.id) ? by_entry[e.id] : nullptr;
    entry["public"] = {{"ballots", r ? r->tally.ballots() : 0}, {"satisfied", r ? r->tally.satisfied : 0},
                       {"basic", r ? r->tally.basic : 0}, {"unsatisfied", r ? r->tally.unsatisfied : 0},
                       {"score", r ? number_or_null(r->crowd) : json::value(nullptr)}};
    entry["panel"] = {{"sheets", r ? r->panel_sheets : 0}, {"score", r ? number_or_null(r->panel) : json::value(nullptr)}};
    entry["members"] = {{"sheets", r ? r->members_sheets : 0}, {"score", r ? number_or_null(r->members) : json::value(nullptr)}};
    entry["score"] = r ? number_or_null(r->score) : json::value(nullptr);
    entry["grade"] = r && r->grade ? json::value(*r->grade) : json::value(nullptr);
    entry["rank"] = r && r->rank ? json::value(*r->rank) : json::value(nullptr);
    entries.push_back(std::move(entry));
  }
  out["entries"] = std::move(entries);
  json::array sheets;
  for (auto const& s : view.sheets) {
    json::array scores;
    for (auto const& [entry, score] : s.scores) scores.push_back({{"entry_id", entry}, {"score", score}});
    sheets.push_back({{"id", s.id}, {"source", s.source}, {"scorer", s.scorer}, {"scores", std::move(scores)},
                      {"entered_at", base::iso8601(s.entered_at)}});
  }
  out["sheets"] = std::move(sheets);
  json::array recent;
  for (auto const& b : view.recent_flagged) {
    recent.push_back({{"id", b.id}, {"reason", b.flag}, {"cast_at", base::iso8601(b.cast_at)}, {"address_tag", b.address_tag}});
  }
  json::object by_reason{{"address_burst", 0}, {"phone_burst", 0}};
  for (auto const& [flag, n] : view.by_flag) by_reason[flag] = n;
  out["flags"] = {{"ballots", view.ballots}, {"flagged", view.flagged}, {"by_reason", std::move(by_reason)}, {"recent", std::move(recent)}};
  return out;
}

json::object public_json(RoundView const& view, base::Millis now) {
  auto const& r = view.round;
  json::object out{{"id", r.id}, {"year", r.year}, {"title", r.title}, {"intro", r.intro}, {"status", r.status},
                   {"opens_at", base::iso8601(r.opens_at)}, {"closes_at", base::iso8601(r.closes_at)},
                   {"voting_open", r.status == review_status::open && now >= r.opens_at && now < r.closes_at},
                   {"weights", weights_json(r.weights)}};
  json::array entries;
  for (auto const& e : view.entries) {
    entries.push_back({{"id", e.id}, {"unit_name", e.unit_name}, {"report", e.report}, {"video_url", e.video_url}});
  }
  out["entries"] = std::move(entries);
  if (r.status == review_status::published) {
    json::array results;
    for (auto const& x : view.results) {
      results.push_back({{"rank", x.rank ? json::value(*x.rank) : json::value(nullptr)}, {"unit_name", x.unit_name},
                         {"public", number_or_null(x.crowd)}, {"panel", number_or_null(x.panel)},
                         {"members", number_or_null(x.members)}, {"score", number_or_null(x.score)},
                         {"grade", x.grade ? json::value(*x.grade) : json::value(nullptr)}});
    }
    out["results"] = std::move(results);
  } else {
    out["results"] = nullptr;
  }
  return out;
}

base::Millis instant(json::object const& body, std::string_view key, std::string_view label) {
  auto const text = http::req_string(body, key, label, 40);
  auto const at = base::parse_iso8601(text);
  if (!at) throw ApiError(AppError::validation_failed, fmt::format("{}应为时间，如 2020-12-01T00:00:00Z", label), std::string(key));
  return *at / 1000 * 1000;  // to the second, as the wire writes it back
}

int percent(json::object const& weights, std::string_view key) {
  auto const* v = weights.if_contains(key);
  if (!v || !v->is_int64() || v->as_int64() < 0 || v->as_int64() > 100) {
    throw ApiError(AppError::validation_failed, "权重应为 0 到 100 的整数", fmt::format("weights.{}", key));
  }
  return static_cast<int>(v->as_int64());
}

double score_of(json::value const* v, std::string const& field, char const* message) {
  if (!v || !(v->is_int64() || v->is_double())) throw ApiError(AppError::validation_failed, message, field);
  auto const x = v->is_double() ? v->as_double() : static_cast<double>(v->as_int64());
  if (!(x >= 0 && x <= 100) || std::abs(x * 10 - std::round(x * 10)) > 1e-6) throw ApiError(AppError::validation_failed, message, field);
  return x;
}

RoundInput round_input(json::object const& body) {
  RoundInput in;
  auto const year = http::opt_int(body, "year", "年度");
  if (!year || *year < 2000 || *year > 2100) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  in.year = static_cast<int>(*year);
  in.title = http::req_string(body, "title", "标题", 100);
  in.intro = http::opt_string(body, "intro", "说明", 2000).value_or("");
  auto const* weights = body.if_contains("weights");
  if (!weights || !weights->is_object()) throw ApiError(AppError::validation_failed, "请设置三项评分的权重", "weights");
  in.weights = {percent(weights->as_object(), "public"), percent(weights->as_object(), "panel"), percent(weights->as_object(), "members")};
  if (in.weights.crowd + in.weights.panel + in.weights.members != 100) {
    throw ApiError(AppError::validation_failed, "群众测评、评审组、代表委员的权重之和应为 100", "weights");
  }
  if (auto const* bands = body.if_contains("bands"); bands && !bands->is_null()) {
    if (!bands->is_object()) throw ApiError(AppError::validation_failed, "等次分数线格式不正确", "bands");
    auto const& b = bands->as_object();
    in.bands = {score_of(b.if_contains("excellent"), "bands.excellent", "分数线应为 0 到 100 的数"),
                score_of(b.if_contains("good"), "bands.good", "分数线应为 0 到 100 的数"),
                score_of(b.if_contains("fair"), "bands.fair", "分数线应为 0 到 100 的数")};
    if (!(in.bands.excellent > in.bands.good && in.bands.good > in.bands.fair)) {
      throw ApiError(AppError::validation_failed, "分数线应为 优秀 > 良好 > 一般", "bands");
    }
  }
  in.opens_at = instant(body, "opens_at", "开始时间");
  in.closes_at = instant(body, "closes_at", "截止时间");
  if (in.closes_at <= in.opens_at) throw ApiError(AppError::validation_failed, "截止时间应晚于开始时间", "closes_at");
  auto const* units = body.if_contains("unit_ids");
  if (!units || !units->is_array()) throw ApiError(AppError::validation_failed, "请选择参评单位", "unit_ids");
  for (auto const& v : units->as_array()) {
    if (!v.is_int64() || v.as_int64() <= 0) throw ApiError(AppError::validation_failed, "参评单位格式不正确", "unit_ids");
    if (std::find(in.unit_ids.begin(), in.unit_ids.end(), v.as_int64()) == in.unit_ids.end()) in.unit_ids.push_back(v.as_int64());
  }
  if (in.unit_ids.size() > 200) throw ApiError(AppError::validation_failed, "参评单位最多 200 个", "unit_ids");
  return in;
}

std::string phone_of(json::object const& body) {
  auto const phone = http::req_string(body, "phone", "手机号", 20);
  if (!text::is_mobile(phone)) throw ApiError(AppError::validation_failed, "请输入 11 位手机号码", "phone");
  return phone;
}

std::string review_xlsx(RoundView const& view) {
  using xlsx::CellType;
  xlsx::Sheet sheet{.name = "评议结果"};
  sheet.columns = {{"名次", 0, CellType::number},    {"单位", 0, CellType::text},      {"群众测评", 0, CellType::number},
                   {"满意", 0, CellType::number},    {"基本满意", 0, CellType::number}, {"不满意", 0, CellType::number},
                   {"评审组", 0, CellType::number},  {"代表委员", 0, CellType::number}, {"总分", 0, CellType::number},
                   {"等次", 0, CellType::text}};
  static std::map<std::string, std::string> const grades{{"excellent", "优秀"}, {"good", "良好"}, {"fair", "一般"}, {"poor", "较差"}};
  auto number = [](std::optional<double> const& v) { return v ? fmt::format("{:.1f}", *v) : std::string(); };
  for (auto const& r : view.results) {
    sheet.rows.push_back({r.rank ? std::to_string(*r.rank) : "", r.unit_name, number(r.crowd), std::to_string(r.tally.satisfied),
                          std::to_string(r.tally.basic), std::to_string(r.tally.unsatisfied), number(r.panel),
                          number(r.members), number(r.score), r.grade ? grades.at(*r.grade) : ""});
  }
  return xlsx::write_workbook({sheet});
}

Response code_refused(Request const& request, base::Millis wait_ms) {
  auto const seconds = std::max<base::Millis>(1, (wait_ms + 999) / 1000);
  auto response = http::error_response(AppError::rate_limited, "获取验证码过于频繁，请 " + std::to_string(seconds) + " 秒后再试",
                                       {}, request.request_id, {{"retry_after", seconds}, {"retry_after_seconds", seconds}});
  response.set_header("Retry-After", std::to_string(seconds));
  return response;
}

}  // namespace

void add_review_routes(http::Router& router, db::Database& db, std::shared_ptr<quiz::OtpSender> sender) {
  ReviewService const service(db, std::move(sender));
  http::RouteOptions const read{};
  auto manage = [](char const* action) { return http::RouteOptions{.permission = "duty.manage", .action = action}; };
  auto const out = [](RoundView const& view) { return Response::ok(round_json(view)); };

  router.add(Method::get, "/api/v1/duty/reviews", [service](Request& request) {
    json::array items;
    for (auto const& s : service.rounds(auth::actor(request))) {
      items.push_back({{"id", s.round.id}, {"year", s.round.year}, {"title", s.round.title}, {"status", s.round.status},
                       {"opens_at", base::iso8601(s.round.opens_at)}, {"closes_at", base::iso8601(s.round.closes_at)},
                       {"entries", s.entries}, {"ballots", s.ballots}});
    }
    return Response::ok({{"items", std::move(items)}});
  }, read);
  router.add(Method::post, "/api/v1/duty/reviews", [service](Request& request) {
    return Response::created(round_json(service.create(auth::actor(request), round_input(http::json_object(request)))));
  }, manage("duty.review.create"));
  router.add(Method::get, "/api/v1/duty/reviews/{id}", [service, out](Request& request) {
    return out(service.round(auth::actor(request), request.id_param("id")));
  }, read);
  router.add(Method::put, "/api/v1/duty/reviews/{id}", [service, out](Request& request) {
    auto const id = request.id_param("id");
    return out(service.update(auth::actor(request), id, round_input(http::json_object(request))));
  }, manage("duty.review.update"));
  router.add(Method::post, "/api/v1/duty/reviews/{id}/open", [service, out](Request& request) {
    return out(service.open(auth::actor(request), request.id_param("id")));
  }, manage("duty.review.open"));
  router.add(Method::post, "/api/v1/duty/reviews/{id}/close", [service, out](Request& request) {
    return out(service.close(auth::actor(request), request.id_param("id")));
  }, manage("duty.review.close"));
  router.add(Method::post, "/api/v1/duty/reviews/{id}/publish", [service, out](Request& request) {
    auto const id = request.id_param("id");
    auto const exclude = http::opt_bool(http::json_object(request), "exclude_flagged", "剔除疑似刷票").value_or(false);
    return out(service.publish(auth::actor(request), id, exclude));
  }, manage("duty.review.publish"));
  router.add(Method::put, "/api/v1/duty/reviews/{id}/entries/{entry}", [service, out](Request& request) {
    auto const id = request.id_param("id");
    auto const entry = request.id_param("entry");
    auto const body = http::json_object(request);
    auto report = http::req_string(body, "report", "述职报告", 5000);
    auto video = http::opt_string(body, "video_url", "视频链接", 500).value_or("");
    if (!video.empty() && !video.starts_with("https://") && !video.starts_with("http://")) {
      throw ApiError(AppError::validation_failed, "视频链接应以 http:// 或 https:// 开头", "video_url");
    }
    std::vector<std::int64_t> attachments;
    if (auto const* list = body.if_contains("attachment_ids"); list && !list->is_null()) {
      if (!list->is_array()) throw ApiError(AppError::validation_failed, "附件格式不正确", "attachment_ids");
      for (auto const& v : list->as_array()) {
        if (!v.is_int64() || v.as_int64() <= 0) throw ApiError(AppError::validation_failed, "附件格式不正确", "attachment_ids");
        if (std::find(attachments.begin(), attachments.end(), v.as_int64()) == attachments.end()) attachments.push_back(v.as_int64());
      }
    }
    return out(service.submit_report(auth::actor(request), id, entry, std::move(report), std::move(video), std::move(attachments)));
  }, {.action = "duty.review.report", .body_limit = 64 * 1024});
  router.add(Method::post, "/api/v1/duty/reviews/{id}/sheets", [service, out](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    Sheet sheet;
    sheet.source = http::req_string(body, "source", "评分来源", 20);
    if (std::find(std::begin(sheet_sources), std::end(sheet_sources), sheet.source) == std::end(sheet_sources)) {
      throw ApiError(AppError::validation_failed, "评分来源应为评审组或代表委员", "source");
    }
    sheet.scorer = http::req_string(body, "scorer", "评分人", 50);
    auto const* scores = body.if_contains("scores");
    if (!scores || !scores->is_array() || scores->as_array().empty()) throw ApiError(AppError::validation_failed, "请填写各单位的分数", "scores");
    std::size_t i = 0;
    for (auto const& v : scores->as_array()) {
      auto const field = fmt::format("scores[{}]", i++);
      if (!v.is_object()) throw ApiError(AppError::validation_failed, "分数格式不正确", field);
      auto const* entry = v.as_object().if_contains("entry_id");
      if (!entry || !entry->is_int64()) throw ApiError(AppError::validation_failed, "分数格式不正确", field + ".entry_id");
      sheet.scores.emplace_back(entry->as_int64(), score_of(v.as_object().if_contains("score"), field + ".score",
                                                           "分数应为 0 到 100 的数，最多一位小数"));
    }
    return out(service.add_sheet(auth::actor(request), id, std::move(sheet)));
  }, manage("duty.review.sheet"));
  router.add(Method::del, "/api/v1/duty/reviews/{id}/sheets/{sheet}", [service, out](Request& request) {
    auto const id = request.id_param("id");
    return out(service.remove_sheet(auth::actor(request), id, request.id_param("sheet")));
  }, manage("duty.review.sheet_delete"));
  router.add(Method::get, "/api/v1/duty/reviews/{id}/export", [service](Request& request) {
    auto const view = service.round(auth::actor(request), request.id_param("id"));
    return Response::download(review_xlsx(view), std::string(xlsx::content_type), fmt::format("{}结果.xlsx", view.round.title));
  }, read);

  http::RouteOptions const open{.access = http::Access::open};
  router.add(Method::get, "/api/v1/public/duty/reviews", [service](Request&) {
    json::array items;
    for (auto const& r : service.public_rounds()) {
      items.push_back({{"id", r.id}, {"year", r.year}, {"title", r.title}, {"status", r.status},
                       {"opens_at", base::iso8601(r.opens_at)}, {"closes_at", base::iso8601(r.closes_at)}});
    }
    return Response::ok({{"items", std::move(items)}});
  }, open);
  router.add(Method::get, "/api/v1/public/duty/reviews/{id}", [service](Request& request) {
    return Response::ok(public_json(service.public_round(request.id_param("id")), base::now_ms()));
  }, open);
  router.add(Method::post, "/api/v1/public/duty/reviews/{id}/otp", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const phone = phone_of(http::json_object(request));
    auto const outcome = service.request_code(auth::actor(request), id, phone);
    if (outcome.retry_after_ms > 0) return code_refused(request, outcome.retry_after_ms);
    json::object body{{"sent", true}, {"retry_after_seconds", vote_code_gap_ms / 1000}, {"expires_in_seconds", vote_code_ttl_ms / 1000}};
    if (quiz::otp_echo_enabled()) body["dev_code"] = outcome.code;
    return Response::json(202, body);
  }, {.access = http::Access::open, .action = "duty.review.code"});
  router.add(Method::post, "/api/v1/public/duty/reviews/{id}/ballots", [service](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto const phone = phone_of(body);
    auto const code = http::req_string(body, "code", "验证码", 10);
    if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw ApiError(AppError::validation_failed, "验证码应为 6 位数字", "code");
    }
    auto const* list = body.if_contains("marks");
    if (!list || !list->is_array() || list->as_array().empty()) {
      throw ApiError(AppError::validation_failed, "请至少为一个单位选择评价", "marks");
    }
    std::vector<Mark> marks;
    for (auto const& v : list->as_array()) {
      auto const field = fmt::format("marks[{}]", marks.size());
      if (!v.is_object()) throw ApiError(AppError::validation_failed, "评价格式不正确", field);
      auto const& o = v.as_object();
      auto const* entry = o.if_contains("entry_id");
      auto const* mark = o.if_contains("mark");
      if (!entry || !entry->is_int64()) throw ApiError(AppError::validation_failed, "评价格式不正确", field + ".entry_id");
      if (!mark || !mark->is_string() || (mark->as_string() != "satisfied" && mark->as_string() != "basic" && mark->as_string() != "unsatisfied")) {
        throw ApiError(AppError::validation_failed, "评价应为满意、基本满意或不满意", field + ".mark");
      }
      if (std::any_of(marks.begin(), marks.end(), [&](Mark const& m) { return m.entry_id == entry->as_int64(); })) {
        throw ApiError(AppError::validation_failed, "同一单位只能评价一次", field + ".entry_id");
      }
      marks.push_back({entry->as_int64(), std::string(mark->as_string())});
      if (marks.size() > 200) throw ApiError(AppError::validation_failed, "评价过多", "marks");
    }
    auto const counted = service.vote(auth::actor(request), id, phone, code, marks);
    return Response::created({{"counted", counted}});
  }, {.access = http::Access::open, .action = "duty.review.vote"});
}

}  // namespace pufa::duty
