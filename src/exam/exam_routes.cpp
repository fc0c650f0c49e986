// Exams (exam.manage) and their results (exam.manage, or report.read within the caller's subtree).
#include <fmt/format.h>

#include <algorithm>

#include "auth/principal.hpp"
#include "auth/regions.hpp"
#include "exam/codec.hpp"
#include "exam/route_groups.hpp"
#include "exam/view.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::size_t exam_body_limit = 256 * 1024;

// ?unit_id=&region_id=&passed= on result rows.
std::vector<ResultRow> filtered(db::Database& db, Request const& request, std::vector<ResultRow> rows) {
  auto const unit = http::query_int(request, "unit_id");
  auto const region = http::query_int(request, "region_id");
  std::string path;
  if (region) {
    auto const found = db.read([&](db::Connection& conn) { return auth::regions::find(conn, *region); });
    if (!found) throw ApiError(AppError::validation_failed, "区域不存在", "region_id");
    path = found->path;
  }
  auto const passed = request.query_value("passed").value_or("");
  std::vector<ResultRow> out;
  for (auto& row : rows) {
    if (unit && row.user.unit_id != unit) continue;
    if (region && !row.user.region_path.starts_with(path)) continue;
    if (passed == "true" && !(row.counted && row.counted->passed)) continue;
    if (passed == "false" && row.counted && row.counted->passed) continue;
    out.push_back(std::move(row));
  }
  return out;
}

template <class T, class Render>
json::array page_of(std::vector<T> const& all, http::Page const& page, Render render) {
  json::array items;
  for (std::size_t i = page.offset(); i < all.size() && items.size() < static_cast<std::size_t>(page.size); ++i) {
    items.push_back(render(all[i], i));
  }
  return items;
}

}  // namespace

void add_exam_routes(http::Router& router, db::Database& db, Service service) {
  http::RouteOptions const manage{.permission = "exam.manage"};
  router.add(Method::get, "/api/v1/exams", [service](Request& request) {
    auto const page = http::page_of(request, max_list_page);
    auto const all = service->exams();
    auto const now = base::now_ms();
    return Response::ok({{"items", page_of(all, page, [&](Exam const& e, std::size_t) { return exam_json(e, now); })},
                         {"total", all.size()}});
  }, manage);
  router.add(Method::post, "/api/v1/exams", [service](Request& request) {
    auto exam = service->save_exam(auth::actor(request), std::nullopt, exam_from_json(http::json_object(request)));
    return Response::created(exam_json(exam, base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.create", .body_limit = exam_body_limit});
  router.add(Method::get, "/api/v1/exams/{id}", [service](Request& request) {
    return Response::ok(exam_json(service->exam(request.id_param("id")), base::now_ms()));
  }, manage);
  router.add(Method::put, "/api/v1/exams/{id}", [service](Request& request) {
    auto exam = service->save_exam(auth::actor(request), request.id_param("id"), exam_from_json(http::json_object(request)));
    return Response::ok(exam_json(exam, base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.update", .body_limit = exam_body_limit});
  router.add(Method::del, "/api/v1/exams/{id}", [service](Request& request) {
    service->delete_exam(auth::actor(request), request.id_param("id"));
    return Response::no_content();
  }, {.permission = "exam.manage", .action = "exam.delete"});
  router.add(Method::post, "/api/v1/exams/{id}/publish", [service](Request& request) {
    return Response::ok(exam_json(service->publish(auth::actor(request), request.id_param("id")), base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.publish"});
  router.add(Method::post, "/api/v1/exams/{id}/close", [service](Request& request) {
    return Response::ok(exam_json(service->close(auth::actor(request), request.id_param("id")), base::now_ms()));
  }, {.permission = "exam.manage", .action = "exam.close"});

  router.add(Method::get, "/api/v1/exams/{id}/results", [&db, service](Request& request) {
    auto const page = http::page_of(request, max_list_page);
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const list = filtered(db, request, std::move(rows));
    return Response::ok({{"items", page_of(list, page, [](ResultRow const& r, std::size_t) { return result_json(r); })},
                         {"total", list.size()}});
  });
  router.add(Method::get, "/api/v1/exams/{id}/results.xlsx", [&db, service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const list = filtered(db, request, std::move(rows));
    using xlsx::CellType;
    xlsx::Sheet sheet{"考试成绩", {{"姓名", 12}, {"单位", 24}, {"区域", 14}, {"成绩", 8, CellType::number}, {"等级", 8},
                                   {"是否合格", 10}, {"交卷时间", 18, CellType::datetime}, {"考试次数", 10, CellType::number},
                                   {"页面事件", 10, CellType::number}}, {}};
    for (auto const& r : list) {
      bool const sat = r.counted.has_value();
      sheet.rows.push_back({r.user.display_name, r.user.unit_name, r.user.region_name,
                            sat ? std::to_string(*r.counted->score) : "", sat ? r.counted->grade : "缺考",
                            sat && r.counted->passed ? "是" : "否",
                            sat && r.counted->submitted_at ? base::shanghai_minute(*r.counted->submitted_at) : "",
                            std::to_string(r.attempts), sat ? std::to_string(r.counted->events) : ""});
    }
    return Response::download(xlsx::write_workbook({sheet}), xlsx::content_type, exam->exam.title + "成绩.xlsx");
  });
  router.add(Method::get, "/api/v1/exams/{id}/stats", [service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const s = service->stats(rows);
    json::array units, regions;
    for (auto const& u : s.by_unit) units.push_back(stats_row_json(u));
    for (auto const& r : s.by_region) regions.push_back(stats_row_json(r));
    auto out = stats_row_json(s.all);
    out.erase("id");
    out.erase("name");
    out["by_unit"] = std::move(units);
    out["by_region"] = std::move(regions);
    return Response::ok(out);
  });
  router.add(Method::get, "/api/v1/exams/{id}/stats.xlsx", [service](Request& request) {
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    auto const s = service->stats(rows);
    using xlsx::CellType;
    auto sheet_of = [](std::string name, char const* first, std::vector<StatsRow> const& lines, StatsRow const& all) {
      xlsx::Sheet sheet{std::move(name),
                        {{first, 26}, {"应考人数", 10, CellType::number}, {"参考人数", 10, CellType::number},
                         {"缺考人数", 10, CellType::number}, {"参考率", 10, CellType::percent},
                         {"合格人数", 10, CellType::number}, {"合格率", 10, CellType::percent},
                         {"平均分", 10, CellType::number}},
                        {}};
      auto line = [](std::string name, StatsRow const& r) {
        auto rate = [](int part, int whole) { return whole ? fmt::format("{:.4f}", double(part) / whole) : std::string(); };
        return std::vector<std::string>{std::move(name), std::to_string(r.eligible), std::to_string(r.sat),
                                        std::to_string(r.eligible - r.sat), rate(r.sat, r.eligible),
                                        std::to_string(r.passed), rate(r.passed, r.sat),
                                        r.sat ? fmt::format("{:.1f}", r.average()) : std::string()};
      };
      for (auto const& r : lines) sheet.rows.push_back(line(r.name, r));
      sheet.rows.push_back(line("合计", all));
      return sheet;
    };
    return Response::download(xlsx::write_workbook({sheet_of("按单位", "单位", s.by_unit, s.all),
                                                    sheet_of("按区域", "区域", s.by_region, s.all)}),
                              xlsx::content_type, exam->exam.title + "成绩统计.xlsx");
  });
  router.add(Method::get, "/api/v1/exams/{id}/ranking", [service](Request& request) {
    auto const page = http::page_of(request, max_list_page);
    auto [exam, rows] = service->results(auth::principal(request), request.id_param("id"));
    std::vector<ResultRow const*> sat;
    for (auto const& r : rows) {
      if (r.counted) sat.push_back(&r);
    }
    auto duration = [](ResultRow const* r) { return r->counted->submitted_at.value_or(r->counted->started_at) - r->counted->started_at; };
    std::stable_sort(sat.begin(), sat.end(), [&](auto a, auto b) {
      if (*a->counted->score != *b->counted->score) return *a->counted->score > *b->counted->score;
      return duration(a) < duration(b);
    });
    auto items = page_of(sat, page, [&](ResultRow const* row, std::size_t i) {
      // Equal scores and times share a rank (1, 2, 2, 4).
      std::size_t rank = i + 1;
      while (rank > 1 && *sat[rank - 2]->counted->score == *row->counted->score && duration(sat[rank - 2]) == duration(row)) --rank;
      return json::object{{"rank", rank}, {"user_id", row->user.user_id}, {"display_name", row->user.display_name},
                          {"unit", row->user.unit_name}, {"score", *row->counted->score},
                          {"duration_seconds", duration(row) / 1000}};
    });
    return Response::ok({{"items", std::move(items)}, {"total", sat.size()}});
  });
}

}  // namespace pufa::exam
