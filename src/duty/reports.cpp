// 履职报告 and 述职述法: drafted from the unit's records of the year — the ledger's activities and study
// records, the tasks as judged now, its list, its penalty decisions and published cases — then edited
// by the unit and handed in. Each write: authorise → validate → load → one transaction with its audit row.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "activity/library.hpp"
#include "auth/audit.hpp"
#include "content/library.hpp"
#include "duty/common.hpp"
#include "duty/judged.hpp"
#include "duty/service.hpp"
#include "duty/store.hpp"
#include "legality/library.hpp"
#include "text/utf8.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

namespace {

// What a unit's records of a year say, for the draft.
struct Facts {
  std::int64_t activities = 0, studies = 0, penalties = 0, cases = 0;
  legality::library::CaseCounts disputes;  // 行政复议 and 行政诉讼 against the unit
  std::vector<std::pair<std::string, int>> themes;  // the most frequent, up to three
  std::vector<std::string> highlights;              // the latest activities' titles, up to three
  std::int64_t tasks = 0, on_time = 0, late = 0, overdue = 0, open = 0;
  std::vector<std::string> behind;  // tasks overdue or late, up to five
  std::optional<DutyList> list;
};

Facts facts_of(db::Connection& conn, org::directory::Unit const& unit, int year) {
  Facts f;
  auto const from = fmt::format("{:04}-01-01", year), to = fmt::format("{:04}-12-31", year);
  activity::library::Criteria criteria{.kind = "activity", .unit_id = unit.id, .from = from, .to = to};
  auto const activities = activity::library::matching(conn, criteria, 100000);
  f.activities = static_cast<std::int64_t>(activities.size());
  for (auto it = activities.rbegin(); it != activities.rend() && f.highlights.size() < 3; ++it) f.highlights.push_back(it->title);
  std::map<std::string, int> themes;
  for (auto const& fact : activity::library::facts(conn, activity::library::activity_kind, {unit.id}, from, to)) {
    if (fact.theme) ++themes[*fact.theme];
  }
  std::vector<std::pair<std::string, int>> ranked(themes.begin(), themes.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](auto const& a, auto const& b) { return a.second > b.second; });
  if (ranked.size() > 3) ranked.resize(3);
  f.themes = std::move(ranked);
  criteria.kind = "study_record";
  f.studies = static_cast<std::int64_t>(activity::library::matching(conn, criteria, 100000).size());
  for (auto const& view : judged_tasks(conn, unit.region_path, year, today())) {
    if (view.task.unit_id != unit.id) continue;
    ++f.tasks;
    auto const& state = view.progress.state;
    if (state == "done") ++f.on_time;
    else if (state == "late") ++f.late;
    else if (state == "overdue") ++f.overdue;
    else ++f.open;
    if ((state == "late" || state == "overdue") && f.behind.size() < 5) f.behind.push_back(view.task.title);
  }
  f.penalties = store::count_penalties(conn, {.region_path = unit.region_path, .unit_id = unit.id, .year = year});
  std::vector<std::int64_t> case_ids;
  for (auto const& [u, id] : store::penalty_cases(conn, {unit.id})) case_ids.push_back(id);
  for (auto const& [id, state] : content::library::case_states(conn, case_ids)) {
    if (state.published_on && state.published_on->starts_with(std::to_string(year))) ++f.cases;
  }
  f.disputes = legality::library::case_counts(conn, unit.id, year);
  auto lists = store::lists(conn, {.region_path = unit.region_path, .unit_id = unit.id, .year = year, .limit = 1});
  if (!lists.empty()) f.list = std::move(lists.front());
  return f;
}

std::string list_sentence(Facts const& f, int year) {
  if (!f.list) return fmt::format("{}年度普法责任清单尚未编制", year);
  if (f.list->published_version) return fmt::format("编制并公开了{}年度普法责任清单（第 {} 版）", year, *f.list->published_version);
  return fmt::format("编制了{}年度普法责任清单（尚在审核中）", year);
}

std::string tasks_sentence(Facts const& f) {
  if (f.tasks == 0) return "本年度暂无普法责任任务。";
  return fmt::format("全年共承担普法责任任务 {} 项，按时完成 {} 项，逾期完成 {} 项，逾期未完成 {} 项，进行中 {} 项。", f.tasks, f.on_time,
                     f.late, f.overdue, f.open);
}

std::string activities_sentence(Facts const& f) {
  auto out = fmt::format("全年在普法台账登记普法活动 {} 场次", f.activities);
  if (!f.themes.empty()) {
    std::string themes;
    for (auto const& [theme, n] : f.themes) themes += (themes.empty() ? "" : "、") + fmt::format("“{}”{} 场", theme, n);
    out += "，其中" + themes;
  }
  out += "。";
  if (!f.highlights.empty()) {
    std::string titles;
    for (auto const& t : f.highlights) titles += (titles.empty() ? "" : "；") + t;
    out += "主要有：" + titles + "。";
  }
  return out;
}

// 行政复议 and 行政应诉 as the 法治政府 indicators count them (the legality area's register).
std::string disputes_sentence(legality::library::CaseCounts const& c) {
  if (c.reconsiderations == 0 && c.lawsuits == 0) return "";
  return fmt::format("全年被申请行政复议 {} 件，被纠错 {} 件；行政诉讼 {} 件，败诉 {} 件，行政机关负责人出庭应诉 {} 件。", c.reconsiderations,
                     c.corrected, c.lawsuits, c.lost, c.head_appeared);
}

std::string problems(Facts const& f) {
  if (f.behind.empty()) return "对照年度任务，各项任务均已按时完成或正在推进，但普法的针对性和实效性仍需进一步提高。";
  std::string titles;
  for (auto const& t : f.behind) titles += (titles.empty() ? "" : "；") + t;
  return fmt::format("部分任务未按时完成：{}。", titles);
}

std::pair<std::string, std::string> draft_of(Facts const& f, org::directory::Unit const& unit, int year, std::string const& kind) {
  if (kind == report_kind::legal) {
    auto body = fmt::format(
        "一、学法情况\n{year}年，{unit}落实领导干部学法制度，全年登记学法记录 {studies} 次，参加中心组学法、常务会议学法和庭审旁听等学法活动。\n"
        "二、依法履职情况\n{list}。{tasks}\n"
        "三、落实普法责任制情况\n{activities}全年作出行政处罚决定 {penalties} 件，发布以案释法案例 {cases} 篇。{disputes}\n"
        "四、存在的不足和改进措施\n{problems}下一步将对照普法责任清单，健全学法用法制度，推动普法与执法、管理、服务深度融合。",
        fmt::arg("year", year), fmt::arg("unit", unit.name), fmt::arg("studies", f.studies), fmt::arg("list", list_sentence(f, year)),
        fmt::arg("tasks", tasks_sentence(f)), fmt::arg("activities", activities_sentence(f)), fmt::arg("penalties", f.penalties),
        fmt::arg("cases", f.cases), fmt::arg("disputes", disputes_sentence(f.disputes)), fmt::arg("problems", problems(f)));
    return {fmt::format("{}{}年度述职述法报告", unit.name, year), std::move(body)};
  }
  auto body = fmt::format(
      "一、基本情况\n{year}年，{unit}按照“谁执法谁普法”普法责任制要求，{list}。{tasks}\n"
      "二、主要工作和成效\n（一）开展普法宣传。{activities}\n（二）落实学法制度。全年登记学法记录 {studies} 次。\n"
      "（三）开展以案释法。全年作出行政处罚决定 {penalties} 件，发布以案释法案例 {cases} 篇。\n"
      "三、存在的问题\n{problems}\n"
      "四、下一步工作打算\n下一步，{unit}将对照普法责任清单和年度工作要点，抓好重要时间节点的集中宣传，深化以案释法，推动普法责任落到实处。",
      fmt::arg("year", year), fmt::arg("unit", unit.name), fmt::arg("list", list_sentence(f, year)), fmt::arg("tasks", tasks_sentence(f)),
      fmt::arg("activities", activities_sentence(f)), fmt::arg("studies", f.studies), fmt::arg("penalties", f.penalties),
      fmt::arg("cases", f.cases), fmt::arg("problems", problems(f)));
  return {fmt::format("{}{}年度普法履职报告", unit.name, year), std::move(body)};
}

Report named(db::Connection& conn, Report report) {
  report.unit_name = names_of(conn, {report.unit_id})[report.unit_id];
  return report;
}

// The report, if the caller acts for its unit (the coordinator for every unit of the subtree).
Report load_for(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto report = store::report(conn, id);
  if (!report) throw ApiError(AppError::not_found, "报告不存在");
  require_unit(caller, unit_or_fail(conn, report->unit_id, "unit_id"));
  return named(conn, std::move(*report));
}

void audit(db::Connection& conn, auth::Actor const& actor, std::string action, std::int64_t id, std::string detail = {}) {
  auth::audit(conn, actor, std::move(action), "duty_report", std::to_string(id), std::move(detail));
}

}  // namespace

std::vector<Report> DutyService::reports(auth::Actor const& actor, std::optional<int> year) const {
  auto const& caller = actor.user();
  require_duty(caller);
  auto const unit = !caller.has(manage) && caller.unit_id ? caller.unit_id : std::nullopt;
  return db_.read([&](db::Connection& conn) {
    auto list = store::reports(conn, caller.region_path, unit, year);
    std::vector<std::int64_t> ids;
    for (auto const& r : list) ids.push_back(r.unit_id);
    auto const names = names_of(conn, ids);
    for (auto& r : list) r.unit_name = names.contains(r.unit_id) ? names.at(r.unit_id) : "";
    return list;
  });
}

Report DutyService::report(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.read([&](db::Connection& conn) { return load_for(conn, caller, id); });
}

Report DutyService::draft_report(auth::Actor const& actor, std::int64_t unit_id, int year, std::string const& kind) const {
  auto const& caller = actor.user();
  require_duty(caller);
  // The draft is written from the records in a read (every task of the unit judged): the writer only inserts it.
  auto const [unit, drafted] = db_.read([&](db::Connection& conn) {
    auto unit = unit_or_fail(conn, unit_id, "unit_id");
    require_unit(caller, unit);
    if (store::has_report(conn, unit_id, year, kind)) throw ApiError(AppError::conflict, "该单位本年度已有此类报告", "kind");
    auto drafted = draft_of(facts_of(conn, unit, year), unit, year, kind);
    return std::pair{std::move(unit), std::move(drafted)};
  });
  return db_.write([&](db::Connection& conn) {
    if (store::has_report(conn, unit_id, year, kind)) throw ApiError(AppError::conflict, "该单位本年度已有此类报告", "kind");
    Report report{.unit_id = unit_id, .year = year, .kind = kind, .title = drafted.first, .body = drafted.second};
    report.region_path = unit.region_path;
    report.created_at = report.updated_at = base::now_ms();
    report.id = store::insert_report(conn, report, caller.user_id);
    audit(conn, actor, "duty.report.create", report.id, report.title);
    return named(conn, std::move(report));
  });
}

Report DutyService::save_report(auth::Actor const& actor, std::int64_t id, std::string title, std::string body) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.write([&](db::Connection& conn) {
    auto report = load_for(conn, caller, id);
    if (report.status == report_status::submitted) throw ApiError(wrong_state, "报告已报送，不能修改");
    report.title = std::move(title);
    report.body = std::move(body);
    report.updated_at = base::now_ms();
    store::update_report(conn, report);
    audit(conn, actor, "duty.report.update", id);
    return report;
  });
}

Report DutyService::hand_in_report(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.write([&](db::Connection& conn) {
    auto report = load_for(conn, caller, id);
    if (report.status == report_status::submitted) throw ApiError(wrong_state, "报告已报送");
    report.status = report_status::submitted;
    report.return_reason.reset();
    report.submitted_at = report.updated_at = base::now_ms();
    store::update_report(conn, report);
    audit(conn, actor, "duty.report.submit", id);
    return report;
  });
}

Report DutyService::send_back_report(auth::Actor const& actor, std::int64_t id, std::string const& reason) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto report = load_for(conn, caller, id);
    if (report.status != report_status::submitted) throw ApiError(wrong_state, "只有已报送的报告可以退回");
    report.status = report_status::returned;
    report.return_reason = reason;
    report.updated_at = base::now_ms();
    store::update_report(conn, report);
    audit(conn, actor, "duty.report.return", id, std::string(text::prefix_bytes(reason, 200)));
    return report;
  });
}

}  // namespace pufa::duty
