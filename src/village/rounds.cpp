// Creation rounds: villages apply, the township scores and recommends (乡镇评分), the city reviews (县审核得分),
// the results are published into the files (docs/village.md).
#include <fmt/format.h>

#include <cmath>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "village/common.hpp"
#include "village/store.hpp"

namespace pufa::village {

using http::ApiError;
using http::AppError;

namespace {

Round load_round(db::Connection& conn, std::int64_t id) {
  auto r = store::round(conn, id);
  if (!r) throw ApiError(AppError::not_found, "评选不存在");
  return std::move(*r);
}

std::map<std::int64_t, Round> all_rounds(db::Connection& conn) {
  std::map<std::int64_t, Round> out;
  for (auto& r : store::rounds(conn)) out[r.id] = r;
  return out;
}

RoundView round_view(db::Connection& conn, auth::Principal const& caller, Round r, bool with_applications) {
  RoundView v;
  if (auto const s = store::set(conn, r.set_id)) {
    v.set_name = s->name;
    v.set_version = s->version;
  }
  if (with_applications) {
    Names names(conn);
    std::map<std::int64_t, Round> one{{r.id, r}};
    for (auto& a : store::applications(conn, r.id, caller.region_path)) v.applications.push_back(app_row(names, std::move(a), one));
  }
  v.r = std::move(r);
  return v;
}

std::string live_words(Live const& live, std::string_view source) {
  if (source == "activities") return fmt::format("{} 年普法活动 {} 场", live.year, live.activities);
  if (source == "legal_literate") return fmt::format("法律明白人 {} 名", live.legal_literate);
  if (source == "advisor_days") return fmt::format("{} 年法律顾问已核实服务日 {} 天", live.year, live.advisor_days);
  if (source == "village_rules") {
    return live.village_rules == "lawful" ? "村规民约已通过合法性审核" : live.village_rules == "pending" ? "村规民约未通过或尚未审核" : "未录入村规民约";
  }
  return {};
}

double total_of(Scores const& s) {
  double t = 0;
  for (auto const& [id, v] : s) t += v;
  return std::round(t * 10) / 10;
}

// Scores against the set: every key a criterion of it, 0 ≤ score ≤ its points.
void check_scores(Scores const& scores, CriteriaSet const& set) {
  for (auto const& [id, v] : scores) {
    auto const found = std::find_if(set.items.begin(), set.items.end(), [&](Criterion const& c) { return c.id == id; });
    auto const field = fmt::format("scores.{}", id);
    if (found == set.items.end()) invalid("该项不是本次评选标准中的评价内容", field);
    if (!(v >= 0)) invalid("得分不能为负", field);
    if (v > found->points) invalid(fmt::format("得分不能超过该项分值 {} 分", found->points), field);
  }
}

bool is_township_of(db::Connection& conn, auth::Principal const& caller, Application const& a) {
  if (!caller.has(township_permission) || !caller.covers(a.region_path)) return false;
  auto const me = auth::regions::find(conn, caller.region_id);
  return me && me->level == auth::regions::township_level;
}

Application load_application(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto a = store::application(conn, id);
  if (!a || !caller.covers(a->region_path)) throw ApiError(AppError::not_found, "申报不存在");
  return std::move(*a);
}

}  // namespace

std::vector<RoundView> VillageService::rounds(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    std::vector<RoundView> out;
    for (auto& r : store::rounds(conn)) out.push_back(round_view(conn, caller, std::move(r), true));
    return out;
  });
}

RoundView VillageService::round(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) { return round_view(conn, caller, load_round(conn, id), true); });
}

RoundView VillageService::create_round(auth::Actor const& actor, RoundInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  if (in.year < 2000 || in.year > 2100) invalid("年度应为 2000 到 2100 之间的年份", "year");
  in.title = trimmed(in.title);
  if (in.title.empty() || in.title.size() > 300) invalid("请填写评选名称（不超过 100 字）", "title");
  if (in.target_level != "provincial" && in.target_level != "jinhua" && in.target_level != "county") invalid("请选择推荐命名级别", "target_level");
  for (auto const* d : {&in.apply_by, &in.recommend_by}) {
    if (*d && !base::is_date(**d)) invalid("日期应为 YYYY-MM-DD", d == &in.apply_by ? "apply_by" : "recommend_by");
  }
  auto const id = db_->write([&](db::Connection& conn) {
    auto const s = store::set(conn, in.set_id);
    if (!s) invalid("评价标准不存在", "set_id");
    if (!s->active) invalid("该评价标准已停用", "set_id");
    Round r;
    r.year = in.year;
    r.title = in.title;
    r.target_level = in.target_level;
    r.set_id = in.set_id;
    r.status = "open";
    r.apply_by = in.apply_by;
    r.recommend_by = in.recommend_by;
    auto const id = store::insert_round(conn, r, caller.user_id);
    auth::audit(conn, actor, "village.round.create", "village_rounds", std::to_string(id), r.target_level);
    return id;
  });
  return round(actor, id);
}

RoundView VillageService::start_review(auth::Actor const& actor, std::int64_t id) const {
  if (!actor.user().has(manage_permission)) throw ApiError(AppError::forbidden);
  db_->write([&](db::Connection& conn) {
    auto r = load_round(conn, id);
    if (r.status != "open") throw ApiError(wrong_state, "只有申报中的评选可以转入市级审核");
    r.status = "reviewing";
    store::update_round(conn, r);
    auth::audit(conn, actor, "village.round.review", "village_rounds", std::to_string(id));
  });
  return round(actor, id);
}

RoundView VillageService::publish(auth::Actor const& actor, std::int64_t id, std::string naming_doc) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  naming_doc = trimmed(naming_doc);
  if (naming_doc.empty() || naming_doc.size() > 300) invalid("请填写命名文件（文号）", "naming_doc");
  db_->write([&](db::Connection& conn) {
    auto r = load_round(conn, id);
    if (r.status != "reviewing") throw ApiError(wrong_state, "市级审核后才能公布结果");
    for (auto const& a : store::applications(conn, id, "/")) {
      if (a.status == "recommended") throw ApiError(wrong_state, "还有乡镇推荐的申报未审核");
      if (a.status != "approved") continue;
      auto f = store::file(conn, a.region_id).value_or(File{.region_id = a.region_id, .region_path = a.region_path});
      if (level_rank(r.target_level) > level_rank(f.level)) {
        f.level = r.target_level;
        f.named_year = r.year;
        f.naming_doc = naming_doc;
        f.plaque = "hung";
        store::upsert_file(conn, f, caller.user_id);
      }
      store::insert_entry(conn, {.region_id = a.region_id, .region_path = a.region_path, .kind = "named", .on = today(),
                                 .title = fmt::format("{}年命名为{}", r.year, level_words(r.target_level)), .detail = naming_doc,
                                 .created_by_name = caller.display_name, .created_by = caller.user_id});
    }
    r.status = "published";
    r.naming_doc = naming_doc;
    r.published_on = today();
    store::update_round(conn, r);
    auth::audit(conn, actor, "village.round.publish", "village_rounds", std::to_string(id), naming_doc);
  });
  return round(actor, id);
}

Sheet VillageService::apply(auth::Actor const& actor, std::int64_t round_id, std::int64_t region_id, std::string statement) const {
  auto const& caller = actor.user();
  if (!caller.has(file_permission) && !caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  statement = trimmed(statement);
  if (statement.empty()) invalid("请填写申报材料说明（创建工作情况）", "statement");
  if (statement.size() > 15000) invalid("申报材料说明不超过 5000 字", "statement");
  auto const id = db_->write([&](db::Connection& conn) {
    auto const r = load_round(conn, round_id);
    if (r.status != "open") throw ApiError(wrong_state, "本次评选不在申报阶段");
    auto const f = load_file(conn, caller, region_id);
    if (level_rank(f.level) >= level_rank(r.target_level)) throw ApiError(wrong_state, "该村（社区）已获得同级或更高级别命名");
    if (!store::applications(conn, round_id, f.region_path, region_id).empty()) throw ApiError(wrong_state, "该村（社区）已申报本次评选");
    Application a;
    a.round_id = round_id;
    a.region_id = region_id;
    a.region_path = f.region_path;
    a.status = "applied";
    a.statement = statement;
    auto const id = store::insert_application(conn, a);
    auth::audit(conn, actor, "village.application.create", "village_applications", std::to_string(id));
    return id;
  });
  return sheet(actor, id);
}

Sheet VillageService::sheet(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    auto a = load_application(conn, caller, id);
    Sheet out;
    out.round = load_round(conn, a.round_id);
    auto const set = store::set(conn, out.round.set_id);
    auto live = live_figures(conn, a.region_path, out.round.year);
    out.live = live.contains(a.region_id) ? live[a.region_id] : Live{};
    out.live.year = out.round.year;
    if (set) {
      for (auto const& c : set->items) {
        SheetLine line{c};
        if (auto const t = a.township_scores.find(c.id); t != a.township_scores.end()) line.township_score = t->second;
        if (auto const k = a.county_scores.find(c.id); k != a.county_scores.end()) line.county_score = k->second;
        if (c.source) line.live = live_words(out.live, *c.source);
        out.lines.push_back(std::move(line));
      }
    }
    Names names(conn);
    out.row = app_row(names, std::move(a), {{out.round.id, out.round}});
    return out;
  });
}

Sheet VillageService::score_township(auth::Actor const& actor, std::int64_t id, Scores scores, std::string note, bool recommend) const {
  auto const& caller = actor.user();
  if (!caller.has(township_permission)) throw ApiError(AppError::forbidden);
  note = trimmed(note);
  if (note.size() > 3000) invalid("乡镇意见不超过 1000 字", "note");
  db_->write([&](db::Connection& conn) {
    auto a = load_application(conn, caller, id);
    if (!is_township_of(conn, caller, a)) throw ApiError(AppError::forbidden, "由村（社区）所在乡镇（街道）评分");
    auto const r = load_round(conn, a.round_id);
    if (r.status != "open") throw ApiError(wrong_state, "本次评选已结束乡镇评分");
    auto const set = store::set(conn, r.set_id);
    check_scores(scores, *set);
    if (recommend && scores.size() != set->items.size()) invalid("推荐前请为每一项评分", "scores");
    a.township_scores = std::move(scores);
    a.township_total = total_of(a.township_scores);
    a.township_note = note;
    a.status = recommend ? "recommended" : "not_recommended";
    store::update_application(conn, a, caller.user_id, std::nullopt);
    auth::audit(conn, actor, "village.application.township", "village_applications", std::to_string(id),
                fmt::format("{} {}", a.status, *a.township_total));
  });
  return sheet(actor, id);
}

Sheet VillageService::score_county(auth::Actor const& actor, std::int64_t id, Scores scores, std::string note, bool approve) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  note = trimmed(note);
  if (note.size() > 3000) invalid("审核意见不超过 1000 字", "note");
  db_->write([&](db::Connection& conn) {
    auto a = load_application(conn, caller, id);
    auto const r = load_round(conn, a.round_id);
    if (r.status != "reviewing") throw ApiError(wrong_state, "本次评选不在市级审核阶段");
    if (a.status != "recommended" && a.status != "approved" && a.status != "rejected") throw ApiError(wrong_state, "乡镇未推荐的申报不审核");
    auto const set = store::set(conn, r.set_id);
    check_scores(scores, *set);
    if (scores.size() != set->items.size()) invalid("请为每一项评分", "scores");
    a.county_scores = std::move(scores);
    a.county_total = total_of(a.county_scores);
    a.county_note = note;
    a.status = approve ? "approved" : "rejected";
    store::update_application(conn, a, std::nullopt, caller.user_id);
    auth::audit(conn, actor, "village.application.county", "village_applications", std::to_string(id),
                fmt::format("{} {}", a.status, *a.county_total));
  });
  return sheet(actor, id);
}

}  // namespace pufa::village
