#include "duty/penalty_routes.hpp"

#include <boost/json/array.hpp>

#include "auth/principal.hpp"
#include "duty/common.hpp"
#include "duty/penalty_sheet.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

json::value optional_value(std::optional<std::string> const& text) { return text ? json::value(*text) : json::value(nullptr); }

json::array cited_json(std::vector<CitedView> const& cited) {
  json::array out;
  for (auto const& c : cited) {
    out.push_back({{"law", c.cited.law},
                   {"article", laws::article_label(c.cited.ref)},
                   {"law_id", c.law ? json::value(c.law->id) : json::value(nullptr)},
                   {"url", c.law && c.found ? json::value(laws::library::article_url(c.law->id, c.cited.ref)) : json::value(nullptr)},
                   {"found", c.found}});
  }
  return out;
}

json::object penalty_json(PenaltyView const& view, bool full) {
  auto const& p = view.penalty;
  json::object out{{"id", p.id},
                   {"doc_no", p.doc_no},
                   {"unit_id", p.unit_id},
                   {"unit_name", p.unit_name},
                   {"enforcer", p.enforcer},
                   {"party", view.party_shown},
                   {"party_kind", p.party_kind},
                   {"party_revealed", view.revealed},
                   {"offence", p.offence},
                   {"decided_on", p.decided_on},
                   {"penalty", p.penalty},
                   {"cited", cited_json(view.cited)},
                   {"case_id", p.case_id ? json::value(*p.case_id) : json::value(nullptr)},
                   {"case_status", view.case_state ? json::value(view.case_state->status) : json::value(nullptr)},
                   {"case_published_on", view.case_state ? optional_value(view.case_state->published_on) : json::value(nullptr)}};
  if (full) {
    out["facts"] = p.facts;
    out["basis"] = p.basis;
    out["case_title"] = view.case_state ? json::value(view.case_state->title) : json::value(nullptr);
    out["imported_at"] = base::iso8601(p.imported_at);
  }
  return out;
}

json::array unlinked_json(std::vector<PenaltyImport::Unlinked> const& list) {
  json::array out;
  for (auto const& u : list) {
    json::array rows;
    for (auto r : u.rows) rows.push_back(static_cast<std::int64_t>(r));
    out.push_back({{"law", u.law}, {"article", u.ref ? json::value(laws::article_label(*u.ref)) : json::value(nullptr)},
                   {"rows", std::move(rows)}});
  }
  return out;
}

std::optional<int> year_of(Request const& request) {
  auto const year = http::query_int(request, "year");
  if (year && (*year < 2000 || *year > 2100)) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  return year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt;
}

}  // namespace

void add_penalty_routes(http::Router& router, DutyService const& service) {
  router.add(Method::get, "/api/v1/duty/penalties", [service](Request& request) {
    auto const paging = http::page_of(request, 100);
    PenaltyQuery query{.year = year_of(request), .unit_id = http::query_int(request, "unit_id"),
                       .q = std::string(request.query_value("q").value_or("")), .page = paging.page, .page_size = paging.size};
    if (query.q.size() > 100) throw ApiError(AppError::validation_failed, "搜索内容过长", "q");
    auto const page = service.penalties(auth::actor(request), query);
    json::array items;
    for (auto const& view : page.items) items.push_back(penalty_json(view, false));
    return Response::ok({{"items", std::move(items)}, {"total", page.total}});
  }, {});
  // Before penalties/{id}: the first route that matches a path answers it.
  router.add(Method::get, "/api/v1/duty/penalties/template", [](Request& request) {
    require_duty(auth::principal(request));
    return Response::download(penalty_template_xlsx(), std::string(xlsx::content_type), "行政处罚决定导入模板.xlsx");
  }, {});
  router.add(Method::post, "/api/v1/duty/penalties/import", [service](Request& request) {
    auto const report = service.import_penalties(auth::actor(request), request.body, http::query_int(request, "unit_id"));
    json::array skipped;
    for (auto const& s : report.skipped) skipped.push_back({{"row", static_cast<std::int64_t>(s.row)}, {"doc_no", s.doc_no}});
    return Response::ok({{"imported", report.imported},
                         {"sheet", report.sheet},
                         {"skipped", std::move(skipped)},
                         {"unknown_laws", unlinked_json(report.unknown_laws)},
                         {"unknown_articles", unlinked_json(report.unknown_articles)},
                         {"without_article", unlinked_json(report.without_article)}});
  }, {.action = "duty.penalty.import", .body_limit = 20 * 1024 * 1024, .accepts = std::string(xlsx::upload_types)});
  router.add(Method::get, "/api/v1/duty/penalties/{id}", [service](Request& request) {
    auto const reveal = request.query_value("reveal").value_or("") == "1";
    return Response::ok(penalty_json(service.penalty(auth::actor(request), request.id_param("id"), reveal), true));
  }, {});
}

}  // namespace pufa::duty
