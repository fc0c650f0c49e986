#include "assess/routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>

#include "assess/service.hpp"
#include "assess/sheet_file.hpp"
#include "assess/view.hpp"
#include "auth/principal.hpp"
#include "base/time.hpp"
#include "docx/docx.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/utf8.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

using Kind = docx::Block::Kind;

std::string chinese_day(std::string const& iso) {
  return fmt::format("{}年{}月{}日", iso.substr(0, 4), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

std::string grade_words(std::string const& grade) {
  if (grade == "excellent") return "优秀";
  if (grade == "good") return "良好";
  if (grade == "pass") return "合格";
  return "不合格";
}

// The unit's score report (评分报告), as the round files it.
std::string unit_docx(SheetView const& view) {
  auto const title = fmt::format("{}评分情况", view.unit.unit_name);
  docx::Document doc{.title = title, .author = "兰溪市普法办"};
  doc.add(Kind::title, title);
  doc.add(Kind::subtitle, "（" + view.round.title + "）");
  auto const& t = view.totals;
  doc.add(Kind::body, fmt::format("{}参加{}，评分表为《{}》（满分 {} 分，加分最高 {} 分）。自评 {} 分{}，最终得分 {} 分，等次为{}{}。",
                                  view.unit.unit_name, view.round.title, view.set.name, points_text(view.set.total),
                                  points_text(view.set.bonus_cap), points_text(t.self),
                                  t.inspected ? fmt::format("，检查组打分 {} 分", points_text(t.inspection)) : "",
                                  points_text(t.final), grade_words(t.grade), t.vetoed ? "（触发一票否决）" : ""));
  doc.add(Kind::heading1, "一、各项得分");
  docx::Table table{.header = {"序号", "具体内容及评分标准", "标准分", "自评分", "检查组打分", "得分"}, .widths = {6, 44, 8, 8, 10, 8}};
  auto cell = [](std::optional<double> const& v, bool veto) -> std::string {
    if (!v) return "";
    return veto ? (*v >= 1 ? "否决" : "—") : points_text(*v);
  };
  for (auto const& leaf : view.leaves) {
    bool const veto = leaf.item->kind == item_kind::veto;
    auto content = leaf.item->title;
    if (!leaf.item->standard.empty() && leaf.item->standard != leaf.item->title) content += "\n" + leaf.item->standard;
    if (leaf.automatic) content += "\n（台账数据：" + leaf.automatic->words + "）";
    table.rows.push_back({leaf.item->code, content, veto ? "" : points_text(leaf.item->points), cell(leaf.self, veto),
                          cell(leaf.inspection, veto), cell(leaf.final, veto)});
  }
  doc.add_table(std::move(table));
  doc.add(Kind::heading1, "二、整改事项");
  if (view.fixes.empty()) doc.add(Kind::body, "无。");
  for (std::size_t i = 0; i < view.fixes.size(); ++i) {
    auto const& f = view.fixes[i];
    doc.add(Kind::body, fmt::format("{}. {}（{}）{}", i + 1, f.text, f.item_code,
                                    f.deadline ? "，整改期限 " + chinese_day(*f.deadline) : ""));
  }
  doc.add(Kind::right, "兰溪市普法办\n" + chinese_day(base::shanghai_date(base::now_ms())));
  return docx::write(doc);
}

std::int64_t unit_param(Request const& request) { return request.id_param("unit"); }

std::optional<std::string> query_text(Request const& request, std::string_view name, std::string_view label, std::size_t max) {
  auto const value = request.query_value(name);
  if (!value || value->empty()) return std::nullopt;
  if (text::utf8_length(*value).value_or(max + 1) > max) {
    throw ApiError(AppError::validation_failed, fmt::format("{}不能超过 {} 个字", label, max), std::string(name));
  }
  return std::string(*value);
}

}  // namespace

void add_overview(db::Connection& conn, std::string const& region_path, json::object& out) {
  auto const o = AssessService::overview(conn, region_path);
  out["inspection_groups"] = o.groups;
  out["inspected_townships"] = o.townships;
  out["inspected_departments"] = o.departments;
  out["inspection_year"] = o.year ? json::value(*o.year) : json::value(nullptr);
}

void add_routes(http::Router& router, db::Database& db, todo::Centre& todo) {
  AssessService const service(db);
  todo.add([service](auth::Principal const& caller) { return service.todo(caller); });
  auto sheet_out = [](SheetView const& view) { return Response::ok(sheet_json(view)); };

  // Indicator sets.
  router.add(Method::get, "/api/v1/assess/sets", [service](Request& request) {
    json::array items;
    for (auto const& s : service.sets(auth::actor(request))) items.push_back(set_json(s, false));
    return Response::ok({{"items", std::move(items)}});
  });
  router.add(Method::post, "/api/v1/assess/sets", [service](Request& request) {
    return Response::created(set_json(service.create_set(auth::actor(request), set_input(http::json_object(request))), true));
  }, {.action = "assess.set.create"});
  router.add(Method::get, "/api/v1/assess/sets/template", [](Request&) {
    return Response::download(sheet_template(), xlsx::content_type, "考核评分表模板.xlsx");
  }, {.permission = std::string(manage)});
  router.add(Method::post, "/api/v1/assess/sets/import", [service](Request& request) {
    SetInput head;
    head.name = query_text(request, "name", "评分表名称", 100).value_or("");
    if (head.name.empty()) throw ApiError(AppError::validation_failed, "请填写评分表名称", "name");
    head.edition = query_text(request, "edition", "版本", 40).value_or("");
    head.category = query_text(request, "category", "适用单位类型", 20).value_or("");
    return Response::created(set_json(service.import_set(auth::actor(request), std::nullopt, std::move(head), request.body), true));
  }, {.action = "assess.set.import", .body_limit = 10 * 1024 * 1024, .accepts = std::string(xlsx::upload_types)});
  router.add(Method::get, "/api/v1/assess/sets/{id}", [service](Request& request) {
    return Response::ok(set_json(service.set(auth::actor(request), request.id_param("id")), true));
  });
  router.add(Method::put, "/api/v1/assess/sets/{id}", [service](Request& request) {
    return Response::ok(set_json(service.update_set(auth::actor(request), request.id_param("id"), set_input(http::json_object(request))), true));
  }, {.action = "assess.set.update"});
  router.add(Method::post, "/api/v1/assess/sets/{id}/import", [service](Request& request) {
    return Response::ok(set_json(service.import_set(auth::actor(request), request.id_param("id"), {}, request.body), true));
  }, {.action = "assess.set.import", .body_limit = 10 * 1024 * 1024, .accepts = std::string(xlsx::upload_types)});
  router.add(Method::post, "/api/v1/assess/sets/{id}/activate", [service](Request& request) {
    return Response::ok(set_json(service.activate_set(auth::actor(request), request.id_param("id")), true));
  }, {.action = "assess.set.activate"});
  router.add(Method::post, "/api/v1/assess/sets/{id}/versions", [service](Request& request) {
    return Response::created(set_json(service.new_version(auth::actor(request), request.id_param("id")), true));
  }, {.action = "assess.set.version"});
  router.add(Method::get, "/api/v1/assess/sets/{id}/xlsx", [service](Request& request) {
    auto const set = service.set(auth::actor(request), request.id_param("id"));
    return Response::download(set_workbook(set), xlsx::content_type, fmt::format("{}（第{}版）.xlsx", set.name, set.version));
  });

  // Rounds.
  router.add(Method::get, "/api/v1/assess/rounds", [service](Request& request) {
    json::array items;
    for (auto const& s : service.rounds(auth::actor(request))) items.push_back(summary_json(s));
    return Response::ok({{"items", std::move(items)}});
  });
  router.add(Method::post, "/api/v1/assess/rounds", [service](Request& request) {
    return Response::created(round_json(service.create_round(auth::actor(request), round_input(http::json_object(request)))));
  }, {.action = "assess.round.create"});
  router.add(Method::get, "/api/v1/assess/rounds/{id}", [service](Request& request) {
    return Response::ok(round_json(service.round(auth::actor(request), request.id_param("id"))));
  });
  router.add(Method::put, "/api/v1/assess/rounds/{id}", [service](Request& request) {
    return Response::ok(round_json(service.update_round(auth::actor(request), request.id_param("id"), round_input(http::json_object(request)))));
  }, {.action = "assess.round.update"});
  router.add(Method::post, "/api/v1/assess/rounds/{id}/advance", [service](Request& request) {
    auto const body = http::json_object(request);
    auto const to = http::req_string(body, "to", "目标阶段", 20);
    static constexpr std::string_view statuses[] = {round_status::self_assess, round_status::inspection, round_status::review,
                                                    round_status::locked, round_status::published};
    if (std::find(std::begin(statuses), std::end(statuses), to) == std::end(statuses)) {
      throw ApiError(AppError::validation_failed, "目标阶段应为 self_assess、inspection、review、locked 或 published", "to");
    }
    return Response::ok(round_json(service.advance(auth::actor(request), request.id_param("id"), to)));
  }, {.action = "assess.round.advance"});
  router.add(Method::put, "/api/v1/assess/rounds/{id}/groups", [service](Request& request) {
    return Response::ok(round_json(service.set_groups(auth::actor(request), request.id_param("id"), groups_input(http::json_object(request)))));
  }, {.action = "assess.round.groups"});
  router.add(Method::get, "/api/v1/assess/rounds/{id}/results/xlsx", [service](Request& request) {
    auto const view = service.round(auth::actor(request), request.id_param("id"));
    return Response::download(results_workbook(view), xlsx::content_type, view.round.title + "结果.xlsx");
  });
  router.add(Method::get, "/api/v1/assess/rounds/{id}/fixes", [service](Request& request) {
    json::array items;
    for (auto const& f : service.fixes(auth::actor(request), request.id_param("id"))) items.push_back(fix_json(f));
    return Response::ok({{"items", std::move(items)}});
  });

  // A unit's sheet.
  router.add(Method::get, "/api/v1/assess/rounds/{id}/units/{unit}", [service, sheet_out](Request& request) {
    return sheet_out(service.sheet(auth::actor(request), request.id_param("id"), unit_param(request)));
  });
  router.add(Method::get, "/api/v1/assess/rounds/{id}/units/{unit}/gaps", [service](Request& request) {
    json::array items;
    for (auto const& g : service.gaps(auth::actor(request), request.id_param("id"), unit_param(request))) items.push_back(gap_json(g));
    return Response::ok({{"items", std::move(items)}});
  });
  router.add(Method::get, "/api/v1/assess/rounds/{id}/units/{unit}/candidates", [service](Request& request) {
    auto const kind = query_text(request, "kind", "类型", 20).value_or("activity");
    auto const q = query_text(request, "q", "关键词", 50).value_or("");
    bool const any_date = request.query_value("all").value_or("") == "1";
    json::array items;
    for (auto const& r : service.candidates(auth::actor(request), request.id_param("id"), unit_param(request), kind, q, any_date)) {
      items.push_back(evidence_json(r));
    }
    return Response::ok({{"items", std::move(items)}});
  });
  router.add(Method::get, "/api/v1/assess/rounds/{id}/units/{unit}/xlsx", [service](Request& request) {
    auto const view = service.sheet(auth::actor(request), request.id_param("id"), unit_param(request));
    return Response::download(unit_workbook(view), xlsx::content_type, fmt::format("{}评分表.xlsx", view.unit.unit_name));
  });
  router.add(Method::get, "/api/v1/assess/rounds/{id}/units/{unit}/docx", [service](Request& request) {
    auto const view = service.sheet(auth::actor(request), request.id_param("id"), unit_param(request));
    return Response::download(unit_docx(view), docx::content_type, fmt::format("{}评分情况.docx", view.unit.unit_name));
  });
  router.add(Method::put, "/api/v1/assess/rounds/{id}/units/{unit}/self/{item}", [service, sheet_out](Request& request) {
    return sheet_out(service.save_self(auth::actor(request), request.id_param("id"), unit_param(request), request.id_param("item"),
                                       leaf_input(http::json_object(request), false)));
  }, {.action = "assess.self.score"});
  router.add(Method::put, "/api/v1/assess/rounds/{id}/units/{unit}/report", [service, sheet_out](Request& request) {
    auto const body = http::json_object(request);
    auto report = http::opt_string(body, "report", "自查报告", 20000).value_or("");
    return sheet_out(service.save_report(auth::actor(request), request.id_param("id"), unit_param(request), std::move(report),
                                         id_list(body, "attachment_ids", "附件")));
  }, {.action = "assess.self.report"});
  router.add(Method::post, "/api/v1/assess/rounds/{id}/units/{unit}/submit", [service, sheet_out](Request& request) {
    return sheet_out(service.submit(auth::actor(request), request.id_param("id"), unit_param(request)));
  }, {.action = "assess.self.submit"});
  router.add(Method::post, "/api/v1/assess/rounds/{id}/units/{unit}/reopen", [service, sheet_out](Request& request) {
    return sheet_out(service.reopen(auth::actor(request), request.id_param("id"), unit_param(request)));
  }, {.action = "assess.self.reopen"});
  router.add(Method::put, "/api/v1/assess/rounds/{id}/units/{unit}/inspection/{item}", [service, sheet_out](Request& request) {
    return sheet_out(service.save_inspection(auth::actor(request), request.id_param("id"), unit_param(request),
                                             request.id_param("item"), leaf_input(http::json_object(request), true)));
  }, {.action = "assess.inspect.score"});
  router.add(Method::post, "/api/v1/assess/rounds/{id}/units/{unit}/confirm", [service, sheet_out](Request& request) {
    return sheet_out(service.confirm(auth::actor(request), request.id_param("id"), unit_param(request)));
  }, {.action = "assess.inspect.confirm"});
  router.add(Method::post, "/api/v1/assess/rounds/{id}/units/{unit}/fixes", [service](Request& request) {
    auto const body = http::json_object(request);
    auto const item = http::opt_int(body, "item_id", "指标");
    if (!item || *item <= 0) throw ApiError(AppError::validation_failed, "请选择指标", "item_id");
    auto text = http::req_string(body, "text", "整改要求", 500);
    std::optional<std::string> deadline;
    if (auto const* d = body.if_contains("deadline"); d && !d->is_null() && !(d->is_string() && d->as_string().empty())) {
      deadline = date_value(*d, "deadline", "整改期限");
    }
    return Response::created(fix_json(service.raise_fix(auth::actor(request), request.id_param("id"), unit_param(request), *item,
                                                        std::move(text), std::move(deadline))));
  }, {.action = "assess.fix.raise"});

  // Rectifications.
  router.add(Method::post, "/api/v1/assess/fixes/{id}/answer", [service](Request& request) {
    auto const body = http::json_object(request);
    auto answer = http::req_string(body, "answer", "整改情况", 2000);
    return Response::ok(fix_json(service.answer_fix(auth::actor(request), request.id_param("id"), std::move(answer), evidence_input(body))));
  }, {.action = "assess.fix.answer"});
  router.add(Method::post, "/api/v1/assess/fixes/{id}/accept", [service](Request& request) {
    return Response::ok(fix_json(service.accept_fix(auth::actor(request), request.id_param("id"))));
  }, {.action = "assess.fix.accept"});
  router.add(Method::post, "/api/v1/assess/fixes/{id}/return", [service](Request& request) {
    auto const body = http::json_object(request);
    auto reason = http::req_string(body, "reason", "退回原因", 500);
    return Response::ok(fix_json(service.return_fix(auth::actor(request), request.id_param("id"), std::move(reason))));
  }, {.action = "assess.fix.return"});

  // The inspector's home: their groups and the units each visits.
  router.add(Method::get, "/api/v1/assess/my-groups", [service](Request& request) {
    json::array items;
    for (auto const& [round, group] : service.my_groups(auth::actor(request))) {
      auto out = group_json(group, "");
      out["round"] = {{"id", round.id}, {"title", round.title}, {"status", round.status}, {"year", round.year}};
      out["is_leader"] = group.leader_user_id == auth::principal(request).user_id;
      items.push_back(std::move(out));
    }
    return Response::ok({{"items", std::move(items)}});
  });
  // The units a round may take in, each with the sheet its type gives it (the unit picker's choices).
  router.add(Method::get, "/api/v1/assess/unit-choices", [service](Request& request) {
    json::array items;
    for (auto const& c : service.unit_choices(auth::actor(request), http::query_int(request, "round_id"))) {
      json::object item{{"unit_id", c.unit.id}, {"unit_name", c.unit.name}, {"unit_type", c.unit.type},
                        {"region_id", c.unit.region_id}, {"region_name", c.region_name}, {"category", nullptr},
                        {"set_id", nullptr}, {"set_name", nullptr}};
      if (c.category) item["category"] = *c.category;
      if (c.set) {
        item["set_id"] = c.set->id;
        item["set_name"] = c.set->name;
      }
      items.push_back(std::move(item));
    }
    return Response::ok({{"items", std::move(items)}});
  });
  // Accounts that may sit in a group (the group editor's choices).
  router.add(Method::get, "/api/v1/assess/inspectors", [service](Request& request) {
    json::array items;
    for (auto const& m : service.inspectors(auth::actor(request))) {
      items.push_back({{"id", m.id}, {"display_name", m.display_name}, {"username", m.username}});
    }
    return Response::ok({{"items", std::move(items)}});
  });

  // Published results for everyone.
  router.add(Method::get, "/api/v1/public/assess/rounds", [service](Request&) {
    json::array items;
    for (auto const& s : service.public_rounds()) {
      items.push_back({{"id", s.round.id}, {"year", s.round.year}, {"title", s.round.title}, {"units", s.units},
                       {"published_at", s.round.published_at ? json::value(base::iso8601(*s.round.published_at)) : json::value(nullptr)}});
    }
    return Response::ok({{"items", std::move(items)}});
  }, {.access = http::Access::open});
  router.add(Method::get, "/api/v1/public/assess/rounds/{id}", [service](Request& request) {
    auto const view = service.public_results(request.id_param("id"));
    auto out = round_json(view);
    out.erase("groups");
    out.erase("open_fixes");
    out.erase("can_manage");
    return Response::ok(out);
  }, {.access = http::Access::open});
}

}  // namespace pufa::assess
