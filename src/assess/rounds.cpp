// Rounds: set up with their period, phases, units and sheets; moved through the phases; inspection
// groups assigned; locked (results frozen) and published.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "assess/common.hpp"
#include "assess/store.hpp"
#include "auth/directory.hpp"
#include "auth/regions.hpp"
#include "auth/roles.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

namespace {

bool is_inspector(auth::directory::Member const& m) {
  for (auto const& code : m.roles) {
    if (auto const* role = auth::find_role(code)) {
      if (std::find(role->permissions.begin(), role->permissions.end(), inspect) != role->permissions.end()) return true;
    }
  }
  return false;
}

// What the caller may see of the round's units: all for the coordinator, their group's for an
// inspector, their own for a liaison.
std::vector<RoundUnit> visible_units(db::Connection& conn, auth::Principal const* caller, Round const& round,
                                     std::vector<RoundUnit> units) {
  if (!caller || (caller->has(manage) && caller->covers(round.region_path))) return units;
  std::vector<RoundUnit> out;
  for (auto& u : units) {
    if (sees_sheet(conn, *caller, round, u)) out.push_back(std::move(u));
  }
  return out;
}

RoundView view_of(db::Connection& conn, auth::Principal const* caller, Round round) {
  RoundView view;
  auto all = store::units(conn, round.id);
  name_units(conn, all);
  view.units = visible_units(conn, caller, round, all);
  view.groups = store::groups(conn, round.id);
  for (auto const& g : view.groups) {
    std::string names;
    for (auto const& m : auth::directory::members(conn, g.member_ids)) names += (names.empty() ? "" : "、") + m.display_name;
    view.group_member_names.push_back(std::move(names));
  }
  std::vector<Ranked> results;
  if (auto const frozen = store::results(conn, round.id)) results = results_from_text(*frozen);
  else if (caller && round.status != round_status::draft) results = live_results(conn, round, all);
  bool const everyone = round.status == round_status::published || (caller && caller->has(manage));
  for (auto& r : results) {
    bool const shown = everyone || std::any_of(view.units.begin(), view.units.end(), [&](auto const& u) { return u.id == r.round_unit_id; });
    if (shown) view.results.push_back(std::move(r));
  }
  if (caller) {
    std::vector<std::int64_t> ids;
    for (auto const& u : view.units) ids.push_back(u.id);
    view.open_fixes = store::count_fixes(conn, ids, fix_status::open) + store::count_fixes(conn, ids, fix_status::returned);
    view.can_manage = caller->has(manage) && caller->covers(round.region_path);
  }
  view.round = std::move(round);
  return view;
}

// The sheet category of a unit: 学校 and 企业 by type; a 机关部门 in a township (or below) is that township's
// own office (乡镇街道), one at the city level a department; the other types have no sheet of their own.
std::optional<std::string> category_of(org::directory::Unit const& unit, std::map<std::int64_t, int> const& levels) {
  if (unit.type == "school") return std::string(category::school);
  if (unit.type == "enterprise") return std::string(category::enterprise);
  if (unit.type != "department") return std::nullopt;
  auto const it = levels.find(unit.region_id);
  bool const township = it != levels.end() && it->second >= auth::regions::township_level;
  return std::string(township ? category::township : category::department);
}

std::map<std::int64_t, int> region_levels(db::Connection& conn, std::string const& path) {
  std::map<std::int64_t, int> out;
  for (auto const& r : auth::regions::under(conn, path)) out.emplace(r.id, r.level);
  return out;
}

// The sheet a unit of the category gets when none is named: the one the round already uses for that
// category, else the newest active sheet of it the caller may use (its own or one set above it).
class SheetPicker {
 public:
  SheetPicker(db::Connection& conn, auth::Principal const& caller, std::vector<RoundUnit> const& current)
      : conn_(conn), caller_(caller) {
    for (auto const& u : current) chosen_.emplace(u.category, u.set_id);
  }
  void use(std::string const& category, std::int64_t set_id) { chosen_.insert_or_assign(category, set_id); }
  // Every set's head (no items), read once.
  std::vector<IndicatorSet> const& heads() {
    if (!heads_) heads_ = store::all_sets(conn_);
    return *heads_;
  }
  std::optional<std::int64_t> pick(std::string const& category) {
    if (auto const it = chosen_.find(category); it != chosen_.end()) return it->second;
    std::optional<std::int64_t> best;
    for (auto const& s : heads()) {
      if (s.status != set_status::active || s.category != category) continue;
      if (!caller_.covers(s.region_path) && !caller_.region_path.starts_with(s.region_path)) continue;
      if (!best || s.id > *best) best = s.id;
    }
    if (best) chosen_.emplace(category, *best);
    return best;
  }
  std::optional<std::string> category(org::directory::Unit const& unit) {
    if (!levels_) levels_ = region_levels(conn_, caller_.region_path);
    return category_of(unit, *levels_);
  }

 private:
  db::Connection& conn_;
  auth::Principal const& caller_;
  std::map<std::string, std::int64_t> chosen_;
  std::optional<std::vector<IndicatorSet>> heads_;
  std::optional<std::map<std::int64_t, int>> levels_;
};

// The round's units as asked: each unit in the caller's subtree once, on an active sheet — the one named,
// or (set 0) the sheet of the unit's type (SheetPicker).
std::vector<RoundUnit> check_units(db::Connection& conn, auth::Principal const& caller,
                                   std::vector<std::pair<std::int64_t, std::int64_t>> const& units,
                                   std::vector<RoundUnit> const& current = {}) {
  std::vector<RoundUnit> out;
  std::set<std::int64_t> seen;
  SheetPicker picker(conn, caller, current);
  std::vector<std::optional<IndicatorSet>> named(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].second == 0) continue;
    named[i] = store::find_set(conn, units[i].second);
    if (named[i]) picker.use(named[i]->category, named[i]->id);
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    auto const [unit_id, asked] = units[i];
    auto const field = fmt::format("units[{}]", i);
    auto const unit = org::directory::unit(conn, unit_id);
    if (!unit) throw ApiError(AppError::unprocessable, fmt::format("单位不存在（编号 {}）", unit_id), field + ".unit_id");
    if (!caller.covers(unit->region_path)) throw ApiError(AppError::out_of_scope);
    if (!seen.insert(unit_id).second) throw ApiError(AppError::validation_failed, fmt::format("「{}」重复", unit->name), field + ".unit_id");
    auto set_id = asked;
    if (set_id == 0) {
      auto const cat = picker.category(*unit);
      if (!cat) throw ApiError(AppError::unprocessable, fmt::format("「{}」的单位类型没有对应的评分表，请选择评分表", unit->name), field + ".set_id");
      auto const picked = picker.pick(*cat);
      if (!picked) throw ApiError(AppError::unprocessable, fmt::format("没有启用的{}评分表", category_words(*cat)), field + ".set_id");
      set_id = *picked;
    }
    auto const set = set_id == asked ? named[i] : store::find_set(conn, set_id);
    if (!set) throw ApiError(AppError::unprocessable, "评分表不存在", field + ".set_id");
    if (set->status != set_status::active) throw ApiError(AppError::unprocessable, fmt::format("评分表「{}」尚未启用", set->name), field + ".set_id");
    out.push_back({.unit_id = unit_id, .set_id = set_id, .category = set->category});
  }
  return out;
}

Round managed(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto round = load_round(conn, id);
  if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
  return round;
}

}  // namespace

std::vector<RoundSummary> AssessService::rounds(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) {
    std::vector<RoundSummary> out;
    for (auto& round : store::all_rounds(conn)) {
      if (!sees_round(conn, caller, round)) continue;
      auto units = store::units(conn, round.id);
      name_units(conn, units);
      units = visible_units(conn, &caller, round, std::move(units));
      RoundSummary s{.round = std::move(round), .units = static_cast<std::int64_t>(units.size())};
      for (auto const& u : units) {
        s.submitted += u.status != unit_status::pending;
        s.confirmed += u.status == unit_status::confirmed;
      }
      s.groups = static_cast<std::int64_t>(store::groups(conn, s.round.id).size());
      out.push_back(std::move(s));
    }
    return out;
  });
}

RoundView AssessService::round(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) {
    auto round = load_round(conn, id);
    if (!sees_round(conn, caller, round)) throw ApiError(AppError::out_of_scope);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView AssessService::create_round(auth::Actor const& actor, RoundInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto units = check_units(conn, caller, input.units);
    Round round{.year = input.year, .title = input.title, .period_from = input.period_from, .period_to = input.period_to,
                .phases = input.phases, .rule = input.rule, .self_weight = input.self_weight, .bands = input.bands,
                .region_path = caller.region_path};
    round.created_at = round.updated_at = base::now_ms();
    round.id = store::insert_round(conn, round, caller.user_id);
    store::set_units(conn, round.id, units);
    audit(conn, actor, "assess.round.create", "assess_round", round.id, round.title);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView AssessService::update_round(auth::Actor const& actor, std::int64_t id, RoundInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = managed(conn, caller, id);
    require_open(round);
    auto current = store::units(conn, id);
    if (round.status == round_status::draft) {
      store::set_units(conn, id, check_units(conn, caller, input.units, current));
      round.year = input.year;
      round.period_from = input.period_from;
      round.period_to = input.period_to;
      round.rule = input.rule;
      round.self_weight = input.self_weight;
      round.bands = input.bands;
    } else {
      // Under way: the units, sheets and scoring rule stay as the units were told. A unit sent without its
      // sheet means the one it has.
      std::vector<std::pair<std::int64_t, std::int64_t>> have;
      std::map<std::int64_t, std::int64_t> sheet_of;
      for (auto const& u : current) {
        have.emplace_back(u.unit_id, u.set_id);
        sheet_of.emplace(u.unit_id, u.set_id);
      }
      auto want = input.units;
      for (auto& [unit, set] : want) {
        if (set == 0 && sheet_of.contains(unit)) set = sheet_of.at(unit);
      }
      std::sort(have.begin(), have.end());
      std::sort(want.begin(), want.end());
      if (want != have || input.rule != round.rule || input.self_weight != round.self_weight ||
          input.period_from != round.period_from || input.period_to != round.period_to || input.year != round.year) {
        throw ApiError(wrong_state, "考核已开始：只能修改标题、各阶段时间和等次分数线");
      }
      round.bands = input.bands;
    }
    round.title = input.title;
    round.phases = input.phases;
    round.updated_at = base::now_ms();
    store::update_round(conn, round);
    audit(conn, actor, "assess.round.update", "assess_round", id, round.title);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView AssessService::advance(auth::Actor const& actor, std::int64_t id, std::string const& to) const {
  auto const& caller = actor.user();
  require_manage(caller);
  static constexpr std::pair<std::string_view, std::string_view> steps[] = {
      {round_status::draft, round_status::self_assess},
      {round_status::self_assess, round_status::inspection},
      {round_status::inspection, round_status::review},
      {round_status::review, round_status::locked},
      {round_status::locked, round_status::published}};
  return db_.write([&](db::Connection& conn) {
    auto round = managed(conn, caller, id);
    bool const allowed = std::any_of(std::begin(steps), std::end(steps), [&](auto const& s) { return s.first == round.status && s.second == to; });
    if (!allowed) {
      if (round.status == round_status::locked && to != round_status::published) throw ApiError(round_locked);
      throw ApiError(wrong_state, fmt::format("考核当前阶段不能转到「{}」", to));
    }
    auto const now = base::now_ms();
    if (to == round_status::self_assess && store::units(conn, id).empty()) {
      throw ApiError(AppError::validation_failed, "请先选择参评单位", "units");
    }
    if (to == round_status::locked) {
      store::set_results(conn, id, results_text(live_results(conn, round, store::units(conn, id))));
      round.locked_at = now;
    }
    if (to == round_status::published) round.published_at = now;
    round.status = to;
    round.updated_at = now;
    store::update_round(conn, round);
    audit(conn, actor, "assess.round." + to, "assess_round", id, round.title);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView AssessService::set_groups(auth::Actor const& actor, std::int64_t id, std::vector<GroupInput> input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = managed(conn, caller, id);
    require_open(round);
    if (round.status == round_status::review) throw ApiError(wrong_state, "审核阶段不能调整检查组");
    auto const units = store::units(conn, id);
    std::set<std::int64_t> assigned;
    std::vector<Group> groups;
    for (std::size_t i = 0; i < input.size(); ++i) {
      auto const field = fmt::format("groups[{}]", i);
      auto& g = input[i];
      std::vector<std::int64_t> people = g.member_ids;
      if (g.leader_user_id) people.push_back(*g.leader_user_id);
      auto const members = auth::directory::members(conn, people);
      for (auto person : people) {
        auto const found = std::find_if(members.begin(), members.end(), [&](auto const& m) { return m.id == person; });
        if (found == members.end()) throw ApiError(AppError::unprocessable, fmt::format("用户不存在（编号 {}）", person), field + ".member_ids");
        if (!is_inspector(*found)) {
          throw ApiError(AppError::unprocessable, fmt::format("「{}」不是检查组成员角色", found->display_name), field + ".member_ids");
        }
      }
      for (auto ru : g.round_unit_ids) {
        auto const unit = std::find_if(units.begin(), units.end(), [&](auto const& u) { return u.id == ru; });
        if (unit == units.end()) throw ApiError(AppError::unprocessable, fmt::format("参评单位不存在（编号 {}）", ru), field + ".round_unit_ids");
        if (!assigned.insert(ru).second) throw ApiError(AppError::validation_failed, "一个单位只能分到一个检查组", field + ".round_unit_ids");
      }
      groups.push_back({.name = g.name, .leader_name = g.leader_name, .leader_user_id = g.leader_user_id,
                        .member_ids = g.member_ids, .unit_ids = g.round_unit_ids});
    }
    // A unit whose sheet the group confirmed stays with that group.
    for (auto const& u : units) {
      if (u.status != unit_status::confirmed || !u.group_id) continue;
      bool kept = false;
      auto const old = store::groups(conn, id);
      auto const was = std::find_if(old.begin(), old.end(), [&](auto const& g) { return g.id == *u.group_id; });
      for (auto const& g : groups) {
        kept |= was != old.end() && g.name == was->name && std::find(g.unit_ids.begin(), g.unit_ids.end(), u.id) != g.unit_ids.end();
      }
      if (!kept) throw ApiError(wrong_state, "已确认检查结果的单位不能调整检查组");
    }
    store::replace_groups(conn, id, groups);
    audit(conn, actor, "assess.round.groups", "assess_round", id, fmt::format("{} 个检查组", groups.size()));
    return view_of(conn, &caller, std::move(round));
  });
}

std::vector<std::pair<Round, Group>> AssessService::my_groups(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) {
    std::vector<std::pair<Round, Group>> out;
    for (auto& g : store::groups_of_user(conn, caller.user_id)) {
      auto round = load_round(conn, g.round_id);
      out.emplace_back(std::move(round), std::move(g));
    }
    return out;
  });
}

std::vector<auth::directory::Member> AssessService::inspectors(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.read([&](db::Connection& conn) {
    std::vector<auth::directory::Member> out;
    auth::directory::for_each_member(conn, caller.region_path, [&](auth::directory::Member const& m) {
      if (!m.disabled && is_inspector(m)) out.push_back(m);
    });
    return out;
  });
}

std::vector<UnitChoice> AssessService::unit_choices(auth::Actor const& actor, std::optional<std::int64_t> round_id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.read([&](db::Connection& conn) {
    std::vector<RoundUnit> current;
    if (round_id) current = store::units(conn, managed(conn, caller, *round_id).id);
    SheetPicker picker(conn, caller, current);
    std::map<std::int64_t, IndicatorSet const*> heads;
    for (auto const& s : picker.heads()) heads.emplace(s.id, &s);
    std::map<std::int64_t, std::int64_t> in_round;
    for (auto const& u : current) in_round.emplace(u.unit_id, u.set_id);
    constexpr std::int64_t max_units = 5000;
    auto const units = org::directory::units_under(conn, caller.region_path, max_units);
    std::vector<std::int64_t> region_ids;
    for (auto const& u : units) region_ids.push_back(u.region_id);
    auto const region_names = auth::regions::full_names(conn, region_ids);
    std::vector<UnitChoice> out;
    for (auto const& unit : units) {
      UnitChoice choice{.unit = unit};
      if (auto const it = region_names.find(unit.region_id); it != region_names.end()) choice.region_name = it->second;
      choice.category = picker.category(unit);
      std::optional<std::int64_t> set_id;
      if (auto const it = in_round.find(unit.id); it != in_round.end()) set_id = it->second;
      else if (choice.category) set_id = picker.pick(*choice.category);
      if (set_id && heads.contains(*set_id)) {
        choice.set = *heads.at(*set_id);
        choice.category = choice.set->category;
      }
      out.push_back(std::move(choice));
    }
    return out;
  });
}

std::vector<RoundSummary> AssessService::public_rounds() const {
  return db_.read([&](db::Connection& conn) {
    std::vector<RoundSummary> out;
    for (auto& round : store::all_rounds(conn)) {
      if (round.status != round_status::published) continue;
      auto const units = static_cast<std::int64_t>(store::units(conn, round.id).size());
      out.push_back({.round = std::move(round), .units = units});
    }
    std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) {
      return a.round.year != b.round.year ? a.round.year > b.round.year : a.round.id > b.round.id;
    });
    return out;
  });
}

RoundView AssessService::public_results(std::int64_t id) const {
  return db_.read([&](db::Connection& conn) {
    auto round = load_round(conn, id);
    if (round.status != round_status::published) throw ApiError(AppError::not_found, "考核结果尚未公布");
    auto view = view_of(conn, nullptr, std::move(round));
    view.units.clear();
    return view;
  });
}

Overview AssessService::overview(db::Connection& conn, std::string const& region_path) {
  Overview out;
  auto const round = store::latest_round(conn, region_path);
  if (!round) return out;
  out.round_id = round->id;
  out.year = round->year;
  auto const groups = store::groups(conn, round->id);
  out.groups = static_cast<std::int64_t>(groups.size());
  for (auto const& u : store::units(conn, round->id)) {
    if (!u.group_id) continue;
    out.townships += u.category == category::township;
    out.departments += u.category == category::department;
  }
  return out;
}

}  // namespace pufa::assess
