// A unit's sheet: the unit self-assesses each leaf with its evidence and hands in its 自查报告; the
// inspection group scores each leaf on site (from a phone, one leaf per request so that a queue of
// saves can be replayed) and its leader confirms the sheet.
#include <fmt/format.h>

#include <algorithm>

#include "activity/library.hpp"
#include "assess/common.hpp"
#include "assess/store.hpp"
#include "content/library.hpp"
#include "media/photos.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

namespace {

inline constexpr std::size_t max_evidence = 20;
inline constexpr std::size_t max_photos = 9;

struct Loaded {
  Round round;
  RoundUnit unit;
  org::directory::Unit org_unit;
};

Loaded load(db::Connection& conn, std::int64_t round_id, std::int64_t round_unit_id) {
  auto round = load_round(conn, round_id);
  auto unit = load_unit(conn, round, round_unit_id);
  auto org_unit = org::directory::unit(conn, unit.unit_id);
  if (!org_unit) throw ApiError(AppError::not_found, "参评单位不存在");
  return {std::move(round), std::move(unit), std::move(*org_unit)};
}

SheetView build(db::Connection& conn, auth::Principal const& caller, Loaded loaded) {
  SheetView view;
  view.set = load_set(conn, loaded.unit.set_id);
  auto const scores = store::scores(conn, loaded.unit.id);
  auto const& round = loaded.round;
  Counter counter(conn, {loaded.org_unit}, round.period_from, round.period_to, std::min(today(), round.period_to),
                  round.region_path);
  view.leaves = compute_leaves(round, view.set, loaded.unit, scores, counter, true);
  view.totals = totals_of(round, view.set, view.leaves);
  view.group = group_of(conn, loaded.unit);
  view.fixes = store::fixes(conn, round.id, loaded.unit.id);
  for (auto& f : view.fixes) {
    f.unit_name = loaded.unit.unit_name;
    for (auto const& leaf : view.leaves) {
      if (leaf.item->id == f.item_id) {
        f.item_code = leaf.item->code;
        f.item_title = leaf.item->title;
      }
    }
  }
  for (auto id : loaded.unit.attachment_ids) {
    if (auto const file = content::library::upload(conn, id)) view.attachments.emplace_back(id, file->info.name);
  }
  bool const open_unit = loaded.unit.status != unit_status::confirmed;
  bool const member = view.group && in_group(*view.group, caller.user_id) && caller.has(inspect);
  bool const coordinator = caller.has(manage) && caller.covers(round.region_path);
  view.can_self = caller.has(self) && !caller.has(manage) && acts_for(caller, loaded.org_unit) &&
                  round.status == round_status::self_assess && loaded.unit.status == unit_status::pending;
  view.can_inspect = member && round.status == round_status::inspection && open_unit;
  view.can_confirm = view.group && round.status == round_status::inspection && open_unit &&
                     ((caller.has(inspect) && view.group->leader_user_id == caller.user_id) || coordinator);
  view.can_raise = (coordinator || member) && round.status != round_status::draft && round.status != round_status::self_assess;
  view.round = std::move(loaded.round);
  view.unit = std::move(loaded.unit);
  return view;
}

Loaded load_seen(db::Connection& conn, auth::Principal const& caller, std::int64_t round_id, std::int64_t round_unit_id) {
  auto loaded = load(conn, round_id, round_unit_id);
  if (!sees_sheet(conn, caller, loaded.round, loaded.unit)) throw ApiError(AppError::out_of_scope);
  return loaded;
}

Item const& leaf_of(IndicatorSet const& set, std::int64_t item_id) {
  for (auto const* leaf : leaves_of(set)) {
    if (leaf->id == item_id) return *leaf;
  }
  throw ApiError(item_not_in_sheet, {}, "item_id");
}

std::optional<double> checked_score(Item const& item, double bonus_cap, std::optional<double> score) {
  if (!score) return std::nullopt;
  if (item.kind == item_kind::veto) {
    if (*score != 0 && *score != 1) throw ApiError(score_out_of_range, "一票否决项只能是 1（否决）或 0（不否决）", "score");
    return score;
  }
  auto const most = item.kind == item_kind::bonus ? std::min(item.points, bonus_cap > 0 ? bonus_cap : item.points) : item.points;
  if (!(*score >= 0) || *score > most + 1e-9) {
    throw ApiError(score_out_of_range, fmt::format("「{}」的得分应在 0 到 {} 分之间", item.title, points_text(most)), "score");
  }
  return round2(*score);
}

}  // namespace

// Evidence the unit gives: its own ledger records, or files the caller uploaded.
std::vector<EvidenceRef> own_evidence(db::Connection& conn, auth::Principal const& caller, std::int64_t unit_id,
                                      std::vector<std::pair<std::string, std::int64_t>> const& refs) {
  if (refs.size() > max_evidence) throw ApiError(AppError::validation_failed, fmt::format("佐证材料最多 {} 项", max_evidence), "evidence");
  std::vector<EvidenceRef> out;
  for (std::size_t i = 0; i < refs.size(); ++i) {
    auto const& [kind, id] = refs[i];
    auto const field = fmt::format("evidence[{}]", i);
    if (kind == "upload") {
      auto const file = content::library::upload(conn, id);
      if (!file) throw ApiError(AppError::unprocessable, "附件不存在", field);
      if (file->uploader_id != caller.user_id || file->article_id) throw ApiError(evidence_not_own, "只能使用自己上传的附件", field);
      out.push_back({kind, id, file->info.name, ""});
      continue;
    }
    if (!activity::library::is_record_kind(kind)) throw ApiError(AppError::validation_failed, "佐证材料的类型不正确", field + ".kind");
    auto const record = activity::library::record(conn, kind, id);
    if (!record) throw ApiError(AppError::unprocessable, "记录不存在", field);
    if (record->unit_id != unit_id) throw ApiError(evidence_not_own, {}, field);
    out.push_back({kind, id, record->title, record->date});
  }
  return out;
}

SheetView AssessService::sheet(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) { return build(conn, caller, load_seen(conn, caller, round_id, round_unit_id)); });
}

std::vector<Gap> AssessService::gaps(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const {
  auto const view = sheet(actor, round_id, round_unit_id);
  std::vector<Gap> out;
  for (auto const& leaf : view.leaves) {
    auto const& item = *leaf.item;
    if (item.kind == item_kind::veto) continue;
    Gap gap{item.code, item.title, "", item.points, leaf.self, ""};
    if (leaf.automatic) {
      if (leaf.automatic->deduction > 0 || (item.kind == item_kind::bonus && leaf.automatic->score == 0)) {
        gap.reason = "low_auto";
        gap.words = leaf.automatic->words;
        out.push_back(std::move(gap));
      }
      continue;
    }
    if (item.measure && !leaf.found_any) {
      gap.reason = "no_evidence";
      gap.words = "台账中没有可计算的数据";
    } else if (!leaf.score.self) {
      gap.reason = "not_scored";
    } else if (leaf.score.evidence.empty() && item.kind == item_kind::normal) {
      gap.reason = "no_evidence";
    } else {
      continue;
    }
    out.push_back(std::move(gap));
  }
  return out;
}

SheetView AssessService::save_self(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id,
                                   std::int64_t item_id, LeafInput input) const {
  auto const& caller = actor.user();
  if (!caller.has(self)) throw ApiError(AppError::forbidden);
  return db_.write([&](db::Connection& conn) {
    auto loaded = load(conn, round_id, round_unit_id);
    if (!acts_for(caller, loaded.org_unit)) throw ApiError(AppError::out_of_scope);
    require_open(loaded.round);
    if (loaded.round.status != round_status::self_assess) throw ApiError(wrong_state, "不在自查自评阶段");
    if (loaded.unit.status != unit_status::pending) throw ApiError(wrong_state, "自评材料已上报，需修改请联系普法办退回");
    auto const set = load_set(conn, loaded.unit.set_id);
    auto const& item = leaf_of(set, item_id);
    if (item.measure && item.kind != item_kind::veto && input.score) throw ApiError(auto_scored, {}, "score");
    Score score{.round_unit_id = round_unit_id, .item_id = item_id, .self = checked_score(item, set.bonus_cap, input.score),
                .self_note = input.note, .evidence = own_evidence(conn, caller, loaded.unit.unit_id, input.evidence)};
    store::save_self(conn, score, caller.user_id, base::now_ms());
    audit(conn, actor, "assess.self.score", "assess_round_unit", round_unit_id,
          fmt::format("{} {}", item.code, score.self ? points_text(*score.self) : "—"));
    return build(conn, caller, std::move(loaded));
  });
}

SheetView AssessService::save_report(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id,
                                     std::string report, std::vector<std::int64_t> attachment_ids) const {
  auto const& caller = actor.user();
  if (!caller.has(self)) throw ApiError(AppError::forbidden);
  if (attachment_ids.size() > 10) throw ApiError(AppError::validation_failed, "附件最多 10 个", "attachment_ids");
  return db_.write([&](db::Connection& conn) {
    auto loaded = load(conn, round_id, round_unit_id);
    if (!acts_for(caller, loaded.org_unit)) throw ApiError(AppError::out_of_scope);
    require_open(loaded.round);
    if (loaded.round.status != round_status::self_assess || loaded.unit.status != unit_status::pending) {
      throw ApiError(wrong_state, "自查报告只能在自查自评阶段、上报前修改");
    }
    for (std::size_t i = 0; i < attachment_ids.size(); ++i) {
      auto const id = attachment_ids[i];
      bool const kept = std::find(loaded.unit.attachment_ids.begin(), loaded.unit.attachment_ids.end(), id) != loaded.unit.attachment_ids.end();
      if (kept) continue;
      auto const file = content::library::upload(conn, id);
      if (!file || file->uploader_id != caller.user_id || file->article_id) {
        throw ApiError(evidence_not_own, "只能附上自己上传的文件", fmt::format("attachment_ids[{}]", i));
      }
    }
    store::set_report(conn, round_unit_id, report, attachment_ids);
    loaded.unit.report = report;
    loaded.unit.attachment_ids = attachment_ids;
    audit(conn, actor, "assess.self.report", "assess_round_unit", round_unit_id);
    return build(conn, caller, std::move(loaded));
  });
}

SheetView AssessService::submit(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const {
  auto const& caller = actor.user();
  if (!caller.has(self)) throw ApiError(AppError::forbidden);
  return db_.write([&](db::Connection& conn) {
    auto loaded = load(conn, round_id, round_unit_id);
    if (!acts_for(caller, loaded.org_unit)) throw ApiError(AppError::out_of_scope);
    require_open(loaded.round);
    if (loaded.round.status != round_status::self_assess || loaded.unit.status != unit_status::pending) {
      throw ApiError(wrong_state, "当前不能上报");
    }
    if (loaded.unit.report.empty()) throw ApiError(AppError::validation_failed, "请先填写自查报告", "report");
    auto const now = base::now_ms();
    store::set_unit_status(conn, round_unit_id, unit_status::submitted, caller.user_id, now);
    loaded.unit.status = unit_status::submitted;
    loaded.unit.submitted_at = now;
    audit(conn, actor, "assess.self.submit", "assess_round_unit", round_unit_id, loaded.unit.unit_name);
    return build(conn, caller, std::move(loaded));
  });
}

SheetView AssessService::reopen(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto loaded = load(conn, round_id, round_unit_id);
    if (!caller.covers(loaded.round.region_path)) throw ApiError(AppError::out_of_scope);
    require_open(loaded.round);
    if (loaded.round.status != round_status::self_assess || loaded.unit.status != unit_status::submitted) {
      throw ApiError(wrong_state, "只能在自查自评阶段退回已上报的材料");
    }
    store::set_unit_status(conn, round_unit_id, unit_status::pending, std::nullopt, base::now_ms());
    loaded.unit.status = unit_status::pending;
    loaded.unit.submitted_at.reset();
    audit(conn, actor, "assess.self.reopen", "assess_round_unit", round_unit_id, loaded.unit.unit_name);
    return build(conn, caller, std::move(loaded));
  });
}

SheetView AssessService::save_inspection(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id,
                                         std::int64_t item_id, LeafInput input) const {
  auto const& caller = actor.user();
  if (!caller.has(inspect)) throw ApiError(AppError::forbidden);
  if (input.photo_ids.size() > max_photos) throw ApiError(AppError::validation_failed, fmt::format("每项最多 {} 张照片", max_photos), "photo_ids");
  return db_.write([&](db::Connection& conn) {
    auto loaded = load(conn, round_id, round_unit_id);
    auto const group = group_of(conn, loaded.unit);
    if (!group || !in_group(*group, caller.user_id)) throw ApiError(not_in_group);
    require_open(loaded.round);
    if (loaded.round.status != round_status::inspection) throw ApiError(wrong_state, "不在实地验收阶段");
    if (loaded.unit.status == unit_status::confirmed) throw ApiError(wrong_state, "组长已确认本单位的检查结果");
    auto const set = load_set(conn, loaded.unit.set_id);
    auto const& item = leaf_of(set, item_id);
    for (std::size_t i = 0; i < input.photo_ids.size(); ++i) {
      auto const photo = media::photo_ref(conn, input.photo_ids[i]);
      if (!photo || !caller.covers(photo->region_path)) {
        throw ApiError(AppError::unprocessable, "照片不存在", fmt::format("photo_ids[{}]", i));
      }
    }
    Score score{.round_unit_id = round_unit_id, .item_id = item_id};
    score.inspect = checked_score(item, set.bonus_cap, input.score);
    score.inspect_note = input.note;
    score.photo_ids = input.photo_ids;
    store::save_inspect(conn, score, caller.user_id, base::now_ms());
    audit(conn, actor, "assess.inspect.score", "assess_round_unit", round_unit_id,
          fmt::format("{} {}", item.code, score.inspect ? points_text(*score.inspect) : "—"));
    return build(conn, caller, std::move(loaded));
  });
}

SheetView AssessService::confirm(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.write([&](db::Connection& conn) {
    auto loaded = load(conn, round_id, round_unit_id);
    auto const group = group_of(conn, loaded.unit);
    bool const coordinator = caller.has(manage) && caller.covers(loaded.round.region_path);
    bool const leader = group && caller.has(inspect) && group->leader_user_id == caller.user_id;
    if (!group) throw ApiError(wrong_state, "该单位未分配检查组");
    if (!leader && !coordinator) throw ApiError(AppError::forbidden, "只有检查组组长可以确认检查结果");
    require_open(loaded.round);
    if (loaded.round.status != round_status::inspection) throw ApiError(wrong_state, "不在实地验收阶段");
    if (loaded.unit.status == unit_status::confirmed) throw ApiError(wrong_state, "已确认");
    auto const now = base::now_ms();
    store::set_unit_status(conn, round_unit_id, unit_status::confirmed, caller.user_id, now);
    loaded.unit.status = unit_status::confirmed;
    loaded.unit.confirmed_at = now;
    loaded.unit.confirmed_by = caller.user_id;
    audit(conn, actor, "assess.inspect.confirm", "assess_round_unit", round_unit_id,
          fmt::format("{}（{}）", loaded.unit.unit_name, group->name));
    return build(conn, caller, std::move(loaded));
  });
}

std::vector<EvidenceRef> AssessService::candidates(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id,
                                                   std::string const& kind, std::string const& q, bool any_date) const {
  auto const& caller = actor.user();
  require_any(caller);
  if (!activity::library::is_record_kind(kind)) throw ApiError(AppError::validation_failed, "记录类型不正确", "kind");
  return db_.read([&](db::Connection& conn) {
    auto const loaded = load_seen(conn, caller, round_id, round_unit_id);
    std::vector<EvidenceRef> out;
    auto const from = any_date ? std::string() : loaded.round.period_from;
    auto const to = any_date ? std::string() : loaded.round.period_to;
    for (auto& r : activity::library::unit_records(conn, kind, loaded.unit.unit_id, q, 50, from, to)) {
      out.push_back({kind, r.id, std::move(r.title), std::move(r.date)});
    }
    return out;
  });
}

}  // namespace pufa::assess
