#include "assess/common.hpp"

#include <algorithm>

#include "assess/store.hpp"
#include "auth/audit.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

bool is_category(std::string_view code) { return std::find(std::begin(categories), std::end(categories), code) != std::end(categories); }
std::string_view category_words(std::string_view category) {
  if (category == category::township) return "乡镇街道";
  if (category == category::department) return "部门";
  if (category == category::school) return "学校";
  if (category == category::enterprise) return "企业";
  return category;
}

bool is_method(std::string_view code) { return std::find(std::begin(methods), std::end(methods), code) != std::end(methods); }

void require_any(auth::Principal const& caller) {
  if (!caller.has(manage) && !caller.has(self) && !caller.has(inspect)) throw ApiError(AppError::forbidden);
}

void require_manage(auth::Principal const& caller) {
  if (!caller.has(manage)) throw ApiError(AppError::forbidden);
}

bool acts_for(auth::Principal const& caller, org::directory::Unit const& unit) {
  if (!caller.covers(unit.region_path)) return false;
  if (caller.has(manage)) return true;
  if (!caller.has(self)) return false;
  return !caller.unit_id || *caller.unit_id == unit.id;
}

bool in_group(Group const& group, std::int64_t user_id) {
  return group.leader_user_id == user_id ||
         std::find(group.member_ids.begin(), group.member_ids.end(), user_id) != group.member_ids.end();
}

Round load_round(db::Connection& conn, std::int64_t id) {
  auto round = store::find_round(conn, id);
  if (!round) throw ApiError(AppError::not_found, "考核不存在");
  return std::move(*round);
}

IndicatorSet load_set(db::Connection& conn, std::int64_t id) {
  auto set = store::find_set(conn, id);
  if (!set) throw ApiError(AppError::not_found, "评分表不存在");
  return std::move(*set);
}

void name_units(db::Connection& conn, std::vector<RoundUnit>& units) {
  for (auto& u : units) {
    if (auto const unit = org::directory::unit(conn, u.unit_id)) {
      u.unit_name = unit->name;
      u.region_path = unit->region_path;
      u.region_id = unit->region_id;
    }
  }
}

RoundUnit load_unit(db::Connection& conn, Round const& round, std::int64_t round_unit_id) {
  auto unit = store::unit(conn, round_unit_id);
  if (!unit || unit->round_id != round.id) throw ApiError(AppError::not_found, "参评单位不存在");
  std::vector<RoundUnit> one{std::move(*unit)};
  name_units(conn, one);
  return std::move(one.front());
}

std::optional<Group> group_of(db::Connection& conn, RoundUnit const& unit) {
  if (!unit.group_id) return std::nullopt;
  for (auto& g : store::groups(conn, unit.round_id)) {
    if (g.id == *unit.group_id) return std::move(g);
  }
  return std::nullopt;
}

bool sees_round(db::Connection& conn, auth::Principal const& caller, Round const& round) {
  if (caller.has(manage) && caller.covers(round.region_path)) return true;
  if (caller.has(inspect)) {
    for (auto const& g : store::groups(conn, round.id)) {
      if (in_group(g, caller.user_id)) return true;
    }
  }
  if (caller.has(self) && round.status != round_status::draft) {
    for (auto const& u : store::units(conn, round.id)) {
      auto const unit = org::directory::unit(conn, u.unit_id);
      if (unit && acts_for(caller, *unit)) return true;
    }
  }
  return false;
}

bool sees_sheet(db::Connection& conn, auth::Principal const& caller, Round const& round, RoundUnit const& unit) {
  if (caller.has(manage) && caller.covers(round.region_path) && caller.covers(unit.region_path)) return true;
  if (caller.has(inspect)) {
    if (auto const g = group_of(conn, unit); g && in_group(*g, caller.user_id)) return true;
  }
  if (caller.has(self) && round.status != round_status::draft) {
    if (auto const u = org::directory::unit(conn, unit.unit_id); u && acts_for(caller, *u)) return true;
  }
  return false;
}

void require_open(Round const& round) {
  if (round.status == round_status::locked || round.status == round_status::published) throw ApiError(round_locked);
}

void audit(db::Connection& conn, auth::Actor const& actor, std::string action, std::string type, std::int64_t id,
           std::string detail) {
  auth::audit(conn, actor, std::move(action), std::move(type), std::to_string(id), std::move(detail));
}

std::string today() { return base::shanghai_date(base::now_ms()); }

std::vector<Item const*> leaves_of(IndicatorSet const& set) {
  std::vector<Item const*> out;
  auto walk = [&](auto&& self_, std::vector<Item> const& items) -> void {
    for (auto const& item : items) {
      if (item.kind == item_kind::group) self_(self_, item.children);
      else out.push_back(&item);
    }
  };
  walk(walk, set.items);
  return out;
}

}  // namespace pufa::assess
