// 整改: an inspector of the unit's group or the coordinator raises an item on a leaf of the unit's sheet;
// the unit answers it with evidence; the coordinator accepts it or returns it with a reason. Items are
// raised from the inspection on, after the round is locked too (they change no score).
#include <fmt/format.h>

#include "assess/common.hpp"
#include "assess/store.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

namespace {

void name(db::Connection& conn, Fix& fix) {
  if (auto const unit = store::unit(conn, fix.round_unit_id)) {
    if (auto const org_unit = org::directory::unit(conn, unit->unit_id)) fix.unit_name = org_unit->name;
    if (auto const set = store::find_set(conn, unit->set_id)) {
      for (auto const* leaf : leaves_of(*set)) {
        if (leaf->id == fix.item_id) {
          fix.item_code = leaf->code;
          fix.item_title = leaf->title;
        }
      }
    }
  }
}

struct Owned {
  Fix fix;
  Round round;
  RoundUnit unit;
  org::directory::Unit org_unit;
};

Owned load_fix(db::Connection& conn, std::int64_t id) {
  auto fix = store::find_fix(conn, id);
  if (!fix) throw ApiError(AppError::not_found, "整改事项不存在");
  auto round = load_round(conn, fix->round_id);
  auto unit = load_unit(conn, round, fix->round_unit_id);
  auto org_unit = org::directory::unit(conn, unit.unit_id);
  if (!org_unit) throw ApiError(AppError::not_found, "整改事项不存在");
  return {std::move(*fix), std::move(round), std::move(unit), std::move(*org_unit)};
}

}  // namespace

Fix AssessService::raise_fix(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id, std::int64_t item_id,
                             std::string text, std::optional<std::string> deadline) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.write([&](db::Connection& conn) {
    auto const round = load_round(conn, round_id);
    auto const unit = load_unit(conn, round, round_unit_id);
    bool const coordinator = caller.has(manage) && caller.covers(round.region_path);
    auto const group = group_of(conn, unit);
    bool const member = caller.has(inspect) && group && in_group(*group, caller.user_id);
    if (!coordinator && !member) throw ApiError(AppError::out_of_scope);
    if (round.status == round_status::draft || round.status == round_status::self_assess) {
      throw ApiError(wrong_state, "实地验收开始后才能提出整改事项");
    }
    auto const set = load_set(conn, unit.set_id);
    bool found = false;
    for (auto const* leaf : leaves_of(set)) found |= leaf->id == item_id;
    if (!found) throw ApiError(item_not_in_sheet, {}, "item_id");
    Fix fix{.round_id = round_id, .round_unit_id = round_unit_id, .item_id = item_id, .text = std::move(text),
            .deadline = std::move(deadline), .raised_at = base::now_ms(), .raised_by = caller.user_id};
    fix.id = store::insert_fix(conn, fix);
    audit(conn, actor, "assess.fix.raise", "assess_fix", fix.id, unit.unit_name);
    name(conn, fix);
    return fix;
  });
}

std::vector<Fix> AssessService::fixes(auth::Actor const& actor, std::int64_t round_id) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) {
    auto const round = load_round(conn, round_id);
    if (!sees_round(conn, caller, round)) throw ApiError(AppError::out_of_scope);
    std::vector<Fix> out;
    for (auto& fix : store::fixes(conn, round_id, std::nullopt)) {
      auto const unit = load_unit(conn, round, fix.round_unit_id);
      if (!sees_sheet(conn, caller, round, unit)) continue;
      name(conn, fix);
      out.push_back(std::move(fix));
    }
    return out;
  });
}

Fix AssessService::answer_fix(auth::Actor const& actor, std::int64_t id, std::string answer,
                              std::vector<std::pair<std::string, std::int64_t>> evidence) const {
  auto const& caller = actor.user();
  if (!caller.has(self)) throw ApiError(AppError::forbidden);
  return db_.write([&](db::Connection& conn) {
    auto owned = load_fix(conn, id);
    if (!acts_for(caller, owned.org_unit)) throw ApiError(AppError::out_of_scope);
    if (owned.fix.status != fix_status::open && owned.fix.status != fix_status::returned) {
      throw ApiError(wrong_state, "该整改事项已提交或已验收");
    }
    owned.fix.status = fix_status::answered;
    owned.fix.answer = std::move(answer);
    owned.fix.evidence = own_evidence(conn, caller, owned.unit.unit_id, evidence);
    store::update_fix(conn, owned.fix, caller.user_id, base::now_ms());
    audit(conn, actor, "assess.fix.answer", "assess_fix", id, owned.org_unit.name);
    name(conn, owned.fix);
    return owned.fix;
  });
}

Fix AssessService::accept_fix(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto owned = load_fix(conn, id);
    if (!caller.covers(owned.round.region_path)) throw ApiError(AppError::out_of_scope);
    if (owned.fix.status != fix_status::answered) throw ApiError(wrong_state, "单位尚未提交整改情况");
    owned.fix.status = fix_status::accepted;
    owned.fix.return_reason.reset();
    store::update_fix(conn, owned.fix, caller.user_id, base::now_ms());
    audit(conn, actor, "assess.fix.accept", "assess_fix", id, owned.org_unit.name);
    name(conn, owned.fix);
    return owned.fix;
  });
}

Fix AssessService::return_fix(auth::Actor const& actor, std::int64_t id, std::string reason) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto owned = load_fix(conn, id);
    if (!caller.covers(owned.round.region_path)) throw ApiError(AppError::out_of_scope);
    if (owned.fix.status != fix_status::answered) throw ApiError(wrong_state, "单位尚未提交整改情况");
    owned.fix.status = fix_status::returned;
    owned.fix.return_reason = std::move(reason);
    store::update_fix(conn, owned.fix, caller.user_id, base::now_ms());
    audit(conn, actor, "assess.fix.return", "assess_fix", id, owned.org_unit.name);
    name(conn, owned.fix);
    return owned.fix;
  });
}

}  // namespace pufa::assess
