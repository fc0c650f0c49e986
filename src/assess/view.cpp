#include "assess/view.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <cmath>

#include "assess/sheet_file.hpp"
#include "base/time.hpp"
#include "http/json_input.hpp"
#include "media/photos.hpp"

namespace pufa::assess {

namespace json = boost::json;
using http::ApiError;
using http::AppError;

namespace {

json::value opt(std::optional<double> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(std::optional<std::string> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(std::optional<std::int64_t> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value instant(std::optional<base::Millis> const& v) { return v ? json::value(base::iso8601(*v)) : json::value(nullptr); }

char const* form_code(Standard::Form form) {
  switch (form) {
    case Standard::Form::count: return "count";
    case Standard::Form::rate: return "rate";
    case Standard::Form::all_or_nothing: return "all_or_nothing";
    case Standard::Form::per_fault: return "per_fault";
    case Standard::Form::bonus: return "bonus";
    default: return "manual";
  }
}

json::object standard_json(std::string const& text) {
  std::string error;
  auto const s = parse_standard(text, error).value_or(Standard{});
  return {{"form", form_code(s.form)}, {"required", s.required}, {"per_year", s.per_year}, {"step", s.step},
          {"cap", opt(s.cap)}};
}

json::object measure_json(Measure const& m) {
  return {{"source", m.source}, {"theme", opt(m.theme)}, {"form", opt(m.form)}, {"six_place", opt(m.six_place)},
          {"study_kind", opt(m.study_kind)}};
}

json::object item_json(Item const& item) {
  json::object out{{"id", item.id}, {"code", item.code}, {"level", item.level}, {"kind", item.kind}, {"title", item.title},
                   {"points", item.points}};
  if (item.kind == item_kind::group) {
    json::array children;
    for (auto const& c : item.children) children.push_back(item_json(c));
    out["children"] = std::move(children);
    return out;
  }
  out["standard"] = item.standard;
  out["rule"] = standard_json(item.standard);
  out["method"] = item.method;
  out["evidence"] = item.evidence;
  out["measure"] = item.measure ? json::value(measure_json(*item.measure)) : json::value(nullptr);
  return out;
}

json::object totals_json(Totals const& t) {
  return {{"self", t.self}, {"inspection", t.inspected ? json::value(t.inspection) : json::value(nullptr)},
          {"final", t.final}, {"bonus", t.bonus}, {"vetoed", t.vetoed}, {"grade", t.grade}};
}

json::array ids_json(std::vector<std::int64_t> const& ids) {
  json::array out;
  for (auto id : ids) out.push_back(id);
  return out;
}

}  // namespace

json::object evidence_json(EvidenceRef const& r) { return {{"kind", r.kind}, {"id", r.id}, {"title", r.title}, {"date", r.date}}; }

json::object set_json(IndicatorSet const& set, bool with_items) {
  json::object out{{"id", set.id}, {"code", set.code}, {"version", set.version}, {"name", set.name},
                   {"edition", set.edition}, {"category", set.category}, {"status", set.status}, {"total", set.total},
                   {"bonus_cap", set.bonus_cap}, {"updated_at", base::iso8601(set.updated_at)}};
  if (with_items) {
    json::array items;
    for (auto const& item : set.items) items.push_back(item_json(item));
    out["items"] = std::move(items);
  }
  return out;
}

json::object group_json(Group const& g, std::string const& member_names) {
  return {{"id", g.id}, {"seq", g.seq}, {"name", g.name}, {"leader_name", g.leader_name},
          {"leader_user_id", opt(g.leader_user_id)}, {"member_ids", ids_json(g.member_ids)},
          {"member_names", member_names}, {"round_unit_ids", ids_json(g.unit_ids)}};
}

json::object ranked_json(Ranked const& r) {
  return {{"round_unit_id", r.round_unit_id}, {"unit_id", r.unit_id}, {"unit_name", r.unit_name}, {"category", r.category},
          {"group_id", opt(r.group_id)}, {"totals", totals_json(r.totals)}, {"rank", r.rank}};
}

namespace {

json::object round_head(Round const& r) {
  json::array phases;
  for (auto const& p : r.phases) phases.push_back({{"phase", p.phase}, {"starts_on", p.starts_on}, {"ends_on", p.ends_on}});
  return {{"id", r.id}, {"year", r.year}, {"title", r.title}, {"period_from", r.period_from}, {"period_to", r.period_to},
          {"status", r.status}, {"phases", std::move(phases)}, {"rule", r.rule}, {"self_weight", r.self_weight},
          {"bands", {{"excellent", r.bands.excellent}, {"good", r.bands.good}, {"pass", r.bands.pass}}},
          {"locked_at", instant(r.locked_at)}, {"published_at", instant(r.published_at)}};
}

json::object unit_json(RoundUnit const& u) {
  return {{"id", u.id}, {"unit_id", u.unit_id}, {"unit_name", u.unit_name}, {"region_id", u.region_id}, {"set_id", u.set_id}, {"category", u.category},
          {"group_id", opt(u.group_id)}, {"status", u.status}, {"submitted_at", instant(u.submitted_at)},
          {"confirmed_at", instant(u.confirmed_at)}};
}

}  // namespace

json::object summary_json(RoundSummary const& s) {
  auto out = round_head(s.round);
  out["units"] = s.units;
  out["submitted"] = s.submitted;
  out["confirmed"] = s.confirmed;
  out["groups"] = s.groups;
  return out;
}

json::object round_json(RoundView const& view) {
  auto out = round_head(view.round);
  json::array units, groups, results;
  for (auto const& u : view.units) units.push_back(unit_json(u));
  for (std::size_t i = 0; i < view.groups.size(); ++i) {
    groups.push_back(group_json(view.groups[i], i < view.group_member_names.size() ? view.group_member_names[i] : ""));
  }
  for (auto const& r : view.results) results.push_back(ranked_json(r));
  out["units"] = std::move(units);
  out["groups"] = std::move(groups);
  out["results"] = std::move(results);
  out["open_fixes"] = view.open_fixes;
  out["can_manage"] = view.can_manage;
  return out;
}

json::object fix_json(Fix const& f) {
  json::array evidence;
  for (auto const& e : f.evidence) evidence.push_back(evidence_json(e));
  return {{"id", f.id}, {"round_id", f.round_id}, {"round_unit_id", f.round_unit_id}, {"item_id", f.item_id},
          {"unit_name", f.unit_name}, {"item_code", f.item_code}, {"item_title", f.item_title}, {"text", f.text},
          {"deadline", opt(f.deadline)}, {"status", f.status}, {"answer", f.answer}, {"evidence", std::move(evidence)},
          {"return_reason", opt(f.return_reason)}, {"raised_at", base::iso8601(f.raised_at)},
          {"answered_at", instant(f.answered_at)}, {"decided_at", instant(f.decided_at)}};
}

json::object sheet_json(SheetView const& view) {
  json::object out{{"round", round_head(view.round)}, {"unit", unit_json(view.unit)}, {"set", set_json(view.set, true)}};
  out["unit"].as_object()["report"] = view.unit.report;
  json::array files;
  for (auto const& [id, name] : view.attachments) {
    files.push_back({{"id", id}, {"name", name}, {"url", "/api/v1/attachments/" + std::to_string(id)}});
  }
  out["unit"].as_object()["attachments"] = std::move(files);
  json::array leaves;
  for (auto const& leaf : view.leaves) {
    json::array evidence, records, photos;
    for (auto const& e : leaf.score.evidence) evidence.push_back(evidence_json(e));
    for (auto const& r : leaf.records) records.push_back(evidence_json(r));
    for (auto id : leaf.score.photo_ids) {
      photos.push_back({{"id", id}, {"url", media::photo_url(id)}, {"thumb_url", media::thumb_url(id)}});
    }
    json::value automatic = nullptr;
    if (leaf.item->measure) {
      automatic = json::object{{"found", leaf.found}, {"has_data", leaf.found_any},
                               {"score", leaf.automatic ? json::value(leaf.automatic->score) : json::value(nullptr)},
                               {"deduction", leaf.automatic ? json::value(leaf.automatic->deduction) : json::value(nullptr)},
                               {"words", leaf.automatic ? leaf.automatic->words : std::string("台账中没有可计算的数据")},
                               {"records", std::move(records)}};
    }
    leaves.push_back({{"item_id", leaf.item->id}, {"code", leaf.item->code}, {"kind", leaf.item->kind},
                      {"points", leaf.item->points}, {"auto", std::move(automatic)}, {"self", opt(leaf.self)},
                      {"self_note", leaf.score.self_note}, {"evidence", std::move(evidence)},
                      {"inspection", opt(leaf.inspection)}, {"inspection_note", leaf.score.inspect_note},
                      {"photos", std::move(photos)}, {"final", opt(leaf.final)},
                      {"self_at", instant(leaf.score.self_at)}, {"inspection_at", instant(leaf.score.inspect_at)}});
  }
  out["leaves"] = std::move(leaves);
  out["totals"] = totals_json(view.totals);
  out["group"] = view.group ? json::value(group_json(*view.group, "")) : json::value(nullptr);
  json::array fixes;
  for (auto const& f : view.fixes) fixes.push_back(fix_json(f));
  out["fixes"] = std::move(fixes);
  out["can"] = {{"self", view.can_self}, {"inspect", view.can_inspect}, {"confirm", view.can_confirm}, {"raise", view.can_raise}};
  return out;
}

json::object gap_json(Gap const& g) {
  return {{"code", g.item_code}, {"title", g.item_title}, {"reason", g.reason}, {"points", g.points},
          {"score", opt(g.score)}, {"words", g.words}};
}

// ---- input

namespace {

json::array const& array_of(json::object const& body, std::string_view key, std::string_view label, std::size_t max) {
  static json::array const empty;
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return empty;
  if (!value->is_array()) throw ApiError(AppError::validation_failed, std::string(label) + "应为列表", std::string(key));
  if (value->as_array().size() > max) throw ApiError(AppError::validation_failed, fmt::format("{}最多 {} 项", label, max), std::string(key));
  return value->as_array();
}

template <class F>
auto at(std::string const& prefix, F&& f) {
  try {
    return f();
  } catch (ApiError const& e) {
    throw ApiError(e.code(), e.message(), prefix + (e.field().empty() ? "" : "." + e.field()));
  }
}

std::optional<double> opt_number(json::object const& body, std::string_view key, std::string_view label) {
  auto const* v = body.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  double out = 0;
  if (v->is_double()) out = v->as_double();
  else if (v->is_int64()) out = static_cast<double>(v->as_int64());
  else if (v->is_uint64()) out = static_cast<double>(v->as_uint64());
  else throw ApiError(AppError::validation_failed, std::string(label) + "应为数字", std::string(key));
  if (!std::isfinite(out)) throw ApiError(AppError::validation_failed, std::string(label) + "应为数字", std::string(key));
  return out;
}

std::string text(json::object const& body, std::string_view key, std::string_view label, std::size_t max) {
  return http::opt_string(body, key, label, max).value_or("");
}

Item item_input(json::value const& value, int depth) {
  if (!value.is_object()) throw ApiError(AppError::validation_failed, "评分项格式不正确");
  auto const& o = value.as_object();
  Item item;
  item.kind = http::opt_string(o, "kind", "类型", 10).value_or(std::string(item_kind::normal));
  if (item.kind != item_kind::group && item.kind != item_kind::normal && item.kind != item_kind::bonus && item.kind != item_kind::veto) {
    throw ApiError(AppError::validation_failed, "评分项类型应为 group、normal、bonus 或 veto", "kind");
  }
  item.title = text(o, "title", "指标内容", 500);
  if (item.kind == item_kind::group) {
    if (depth >= 3) throw ApiError(AppError::validation_failed, "评分表最多三级", "children");
    auto const& children = array_of(o, "children", "下级评分项", max_leaves);
    for (std::size_t i = 0; i < children.size(); ++i) {
      item.children.push_back(at(fmt::format("children[{}]", i), [&] { return item_input(children[i], depth + 1); }));
    }
    return item;
  }
  item.standard = text(o, "standard", "评分标准", 500);
  item.points = opt_number(o, "points", "标准分").value_or(0);
  item.method = http::opt_string(o, "method", "考核方式", 10).value_or("ledger");
  item.evidence = text(o, "evidence", "考核依据", 300);
  if (auto const* m = o.if_contains("measure"); m && !m->is_null()) {
    if (!m->is_object()) throw ApiError(AppError::validation_failed, "数据来源格式不正确", "measure");
    auto const& mo = m->as_object();
    item.measure = at("measure", [&] {
      Measure measure{http::req_string(mo, "source", "数据来源", 30)};
      auto code = [&](char const* key, char const* label) -> std::optional<std::string> {
        auto v = http::opt_string(mo, key, label, 100);
        return v && !v->empty() ? v : std::nullopt;
      };
      measure.theme = code("theme", "活动主题");
      measure.form = code("form", "活动形式");
      measure.six_place = code("six_place", "法律六进");
      measure.study_kind = code("study_kind", "学法形式");
      return measure;
    });
  }
  return item;
}

}  // namespace

std::string date_value(json::value const& value, std::string const& field, std::string_view label) {
  if (!value.is_string()) throw ApiError(AppError::validation_failed, std::string(label) + "应为日期，如 2020-12-31", field);
  std::string date(value.as_string());
  if (!base::is_date(date)) {
    throw ApiError(AppError::validation_failed, std::string(label) + "应为日期，如 2020-12-31", field);
  }
  return date;
}

SetInput set_input(json::object const& body) {
  SetInput input;
  input.name = http::req_string(body, "name", "评分表名称", 100);
  input.edition = text(body, "edition", "版本", 40);
  input.category = http::req_string(body, "category", "适用单位类型", 20);
  input.bonus_cap = opt_number(body, "bonus_cap", "加分上限").value_or(0);
  auto const& items = array_of(body, "items", "评分项", max_leaves);
  for (std::size_t i = 0; i < items.size(); ++i) {
    input.items.push_back(at(fmt::format("items[{}]", i), [&] { return item_input(items[i], 1); }));
  }
  return input;
}

RoundInput round_input(json::object const& body) {
  RoundInput input;
  auto const year = http::opt_int(body, "year", "年度");
  if (!year || *year < 2000 || *year > 2100) throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  input.year = static_cast<int>(*year);
  input.title = http::req_string(body, "title", "考核名称", 100);
  auto const* from = body.if_contains("period_from");
  auto const* to = body.if_contains("period_to");
  input.period_from = from ? date_value(*from, "period_from", "统计起始日") : fmt::format("{}-01-01", input.year);
  input.period_to = to ? date_value(*to, "period_to", "统计截止日") : fmt::format("{}-12-31", input.year);
  if (input.period_from > input.period_to) throw ApiError(AppError::validation_failed, "统计起始日不能晚于截止日", "period_from");
  if (std::stoi(input.period_to.substr(0, 4)) - std::stoi(input.period_from.substr(0, 4)) > 5) {
    throw ApiError(AppError::validation_failed, "统计期最长六年", "period_from");
  }
  auto const& phases = array_of(body, "phases", "阶段", 10);
  for (std::size_t i = 0; i < phases.size(); ++i) {
    auto const field = fmt::format("phases[{}]", i);
    if (!phases[i].is_object()) throw ApiError(AppError::validation_failed, "阶段格式不正确", field);
    auto const& p = phases[i].as_object();
    Phase phase{http::req_string(p, "phase", "阶段", 20)};
    if (std::find(std::begin(phase_codes), std::end(phase_codes), phase.phase) == std::end(phase_codes)) {
      throw ApiError(AppError::validation_failed, "阶段应为自查自评、材料上报、实地验收、审核或公布", field + ".phase");
    }
    phase.starts_on = date_value(p.contains("starts_on") ? p.at("starts_on") : json::value(), field + ".starts_on", "开始日期");
    phase.ends_on = date_value(p.contains("ends_on") ? p.at("ends_on") : json::value(), field + ".ends_on", "结束日期");
    if (phase.starts_on > phase.ends_on) throw ApiError(AppError::validation_failed, "开始日期不能晚于结束日期", field + ".ends_on");
    input.phases.push_back(std::move(phase));
  }
  input.rule = http::opt_string(body, "rule", "计分规则", 30).value_or(std::string(final_rule::inspection_first));
  if (input.rule != final_rule::inspection_first && input.rule != final_rule::weighted) {
    throw ApiError(AppError::validation_failed, "计分规则应为 inspection_first 或 weighted", "rule");
  }
  auto const weight = http::opt_int(body, "self_weight", "自评权重").value_or(30);
  if (weight < 0 || weight > 100) throw ApiError(AppError::validation_failed, "自评权重应在 0 到 100 之间", "self_weight");
  input.self_weight = static_cast<int>(weight);
  if (auto const* b = body.if_contains("bands"); b && !b->is_null()) {
    if (!b->is_object()) throw ApiError(AppError::validation_failed, "等次分数线格式不正确", "bands");
    auto const& bo = b->as_object();
    input.bands.excellent = opt_number(bo, "excellent", "优秀分数线").value_or(90);
    input.bands.good = opt_number(bo, "good", "良好分数线").value_or(80);
    input.bands.pass = opt_number(bo, "pass", "合格分数线").value_or(60);
    if (!(input.bands.excellent > input.bands.good && input.bands.good > input.bands.pass && input.bands.pass > 0) ||
        input.bands.excellent > 200) {
      throw ApiError(AppError::validation_failed, "分数线应为 优秀 > 良好 > 合格 > 0", "bands");
    }
  }
  auto const& units = array_of(body, "units", "参评单位", 2000);
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto const field = fmt::format("units[{}]", i);
    if (!units[i].is_object()) throw ApiError(AppError::validation_failed, "参评单位格式不正确", field);
    auto const& u = units[i].as_object();
    auto const unit = at(field, [&] { return http::opt_int(u, "unit_id", "单位"); });
    auto const set = at(field, [&] { return http::opt_int(u, "set_id", "评分表"); });
    if (!unit || *unit <= 0) throw ApiError(AppError::validation_failed, "请选择单位", field + ".unit_id");
    // No sheet named: the active sheet of the unit's type (乡镇街道, 部门, 学校, 企业).
    if (set && *set <= 0) throw ApiError(AppError::validation_failed, "评分表编号不正确", field + ".set_id");
    input.units.emplace_back(*unit, set.value_or(0));
  }
  return input;
}

std::vector<std::int64_t> id_list(json::object const& body, std::string_view key, std::string_view label) {
  std::vector<std::int64_t> out;
  auto const& items = array_of(body, key, label, 500);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_int64() || items[i].as_int64() <= 0) {
      throw ApiError(AppError::validation_failed, std::string(label) + "应为编号", fmt::format("{}[{}]", key, i));
    }
    out.push_back(items[i].as_int64());
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> evidence_input(json::object const& body) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  auto const& items = array_of(body, "evidence", "佐证材料", 20);
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto const field = fmt::format("evidence[{}]", i);
    if (!items[i].is_object()) throw ApiError(AppError::validation_failed, "佐证材料格式不正确", field);
    auto const& o = items[i].as_object();
    auto kind = at(field, [&] { return http::req_string(o, "kind", "类型", 20); });
    auto const id = at(field, [&] { return http::opt_int(o, "id", "编号"); });
    if (!id || *id <= 0) throw ApiError(AppError::validation_failed, "佐证材料的编号不正确", field + ".id");
    out.emplace_back(std::move(kind), *id);
  }
  return out;
}

LeafInput leaf_input(json::object const& body, bool inspection) {
  LeafInput input;
  if (auto const* v = body.if_contains("vetoed"); v && v->is_bool()) input.score = v->as_bool() ? 1.0 : 0.0;
  else input.score = opt_number(body, "score", "得分");
  input.note = text(body, "note", "说明", 500);
  if (inspection) input.photo_ids = id_list(body, "photo_ids", "照片");
  else input.evidence = evidence_input(body);
  return input;
}

std::vector<GroupInput> groups_input(json::object const& body) {
  std::vector<GroupInput> out;
  auto const& groups = array_of(body, "groups", "检查组", 20);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto const field = fmt::format("groups[{}]", i);
    if (!groups[i].is_object()) throw ApiError(AppError::validation_failed, "检查组格式不正确", field);
    auto const& g = groups[i].as_object();
    out.push_back(at(field, [&] {
      GroupInput input;
      input.name = http::req_string(g, "name", "检查组名称", 40);
      input.leader_name = http::req_string(g, "leader_name", "组长", 60);
      if (auto const id = http::opt_int(g, "leader_user_id", "组长账号")) {
        if (*id <= 0) throw ApiError(AppError::validation_failed, "组长账号不正确", "leader_user_id");
        input.leader_user_id = *id;
      }
      input.member_ids = id_list(g, "member_ids", "成员");
      input.round_unit_ids = id_list(g, "round_unit_ids", "检查单位");
      return input;
    }));
  }
  return out;
}

}  // namespace pufa::assess
