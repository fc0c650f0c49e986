// A unit's sheet as it stands: each leaf's automatic score from the records, the self-assessment's and
// the group's, the one that counts by the round's rule; the totals, the grade, and the round's ranking.
#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "assess/common.hpp"
#include "assess/store.hpp"

namespace pufa::assess {

namespace json = boost::json;

std::vector<Leaf> compute_leaves(Round const& round, IndicatorSet const& set, RoundUnit const& unit,
                                 std::vector<Score> const& scores, Counter& counter, bool with_records,
                                 std::map<std::int64_t, Standard>* standards) {
  std::map<std::int64_t, Standard> local;
  if (!standards) standards = &local;
  std::map<std::int64_t, Score const*> by_item;
  for (auto const& s : scores) by_item[s.item_id] = &s;
  std::vector<Leaf> out;
  for (auto const* item : leaves_of(set)) {
    Leaf leaf;
    leaf.item = item;
    auto parsed = standards->find(item->id);
    if (parsed == standards->end()) {
      std::string error;
      parsed = standards->emplace(item->id, parse_standard(item->standard, error).value_or(Standard{})).first;
    }
    leaf.standard = parsed->second;
    if (auto const found = by_item.find(item->id); found != by_item.end()) leaf.score = *found->second;
    else leaf.score = {.round_unit_id = unit.id, .item_id = item->id};
    if (item->measure && item->kind != item_kind::veto) {
      auto const found = counter.found(*item->measure, unit.unit_id);
      leaf.found = found.value;
      leaf.found_any = found.any;
      leaf.automatic = auto_score(leaf.standard, item->kind == item_kind::bonus ? item->points : item->points, found);
      if (with_records) leaf.records = counter.records(*item->measure, unit.unit_id);
    }
    leaf.self = leaf.automatic ? std::optional<double>(leaf.automatic->score) : leaf.score.self;
    leaf.inspection = leaf.score.inspect;
    if (leaf.inspection && leaf.self && round.rule == final_rule::weighted && item->kind != item_kind::veto) {
      leaf.final = round2((*leaf.self * round.self_weight + *leaf.inspection * (100 - round.self_weight)) / 100.0);
    } else {
      leaf.final = leaf.inspection ? leaf.inspection : leaf.self;
    }
    out.push_back(std::move(leaf));
  }
  return out;
}

std::string grade_of(Bands const& bands, Totals const& t) {
  if (t.vetoed) return "fail";
  if (t.final + 1e-9 >= bands.excellent) return "excellent";
  if (t.final + 1e-9 >= bands.good) return "good";
  if (t.final + 1e-9 >= bands.pass) return "pass";
  return "fail";
}

Totals totals_of(Round const& round, IndicatorSet const& set, std::vector<Leaf> const& leaves) {
  Totals t;
  double self_bonus = 0, inspection_bonus = 0, final_bonus = 0;
  for (auto const& leaf : leaves) {
    auto const kind = leaf.item->kind;
    if (kind == item_kind::veto) {
      if (leaf.final && *leaf.final >= 1) t.vetoed = true;
      if (leaf.inspection) t.inspected = true;
      continue;
    }
    auto const self = leaf.self.value_or(0);
    auto const inspection = leaf.inspection.value_or(self);
    auto const final = leaf.final.value_or(0);
    if (leaf.inspection) t.inspected = true;
    if (kind == item_kind::bonus) {
      self_bonus += self;
      inspection_bonus += inspection;
      final_bonus += final;
    } else {
      t.self += self;
      t.inspection += inspection;
      t.final += final;
    }
  }
  t.bonus = round2(std::min(final_bonus, set.bonus_cap));
  t.self = round2(t.self + std::min(self_bonus, set.bonus_cap));
  t.inspection = round2(t.inspection + std::min(inspection_bonus, set.bonus_cap));
  t.final = round2(t.final + t.bonus);
  t.grade = grade_of(round.bands, t);
  return t;
}

std::vector<Ranked> live_results(db::Connection& conn, Round const& round, std::vector<RoundUnit> units) {
  name_units(conn, units);
  std::vector<org::directory::Unit> org_units;
  for (auto const& u : units) {
    if (auto unit = org::directory::unit(conn, u.unit_id)) org_units.push_back(std::move(*unit));
  }
  auto const now = today();
  Counter counter(conn, org_units, round.period_from, round.period_to, std::min(now, round.period_to), round.region_path);
  std::map<std::int64_t, IndicatorSet> sets;
  std::map<std::int64_t, Standard> standards;  // item ids are unique across sets
  std::vector<Measure> measures;
  for (auto const& u : units) {
    if (sets.contains(u.set_id)) continue;
    auto const& set = sets.emplace(u.set_id, load_set(conn, u.set_id)).first->second;
    for (auto const* leaf : leaves_of(set)) {
      if (leaf->measure) measures.push_back(*leaf->measure);
    }
  }
  counter.expect(measures);
  auto scores = store::round_scores(conn, round.id);
  std::vector<Ranked> out;
  for (auto const& u : units) {
    auto const& set = sets.at(u.set_id);
    auto const leaves = compute_leaves(round, set, u, scores[u.id], counter, false, &standards);
    out.push_back({u.id, u.unit_id, u.unit_name, u.category, u.group_id, totals_of(round, set, leaves), 0});
  }
  std::stable_sort(out.begin(), out.end(), [](Ranked const& a, Ranked const& b) {
    if (a.category != b.category) {
      auto const pos = [](std::string const& c) { return std::find(std::begin(categories), std::end(categories), c) - std::begin(categories); };
      return pos(a.category) < pos(b.category);
    }
    if (a.totals.vetoed != b.totals.vetoed) return !a.totals.vetoed;
    return a.totals.final > b.totals.final;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    bool const first = i == 0 || out[i].category != out[i - 1].category;
    if (first) out[i].rank = 1;
    else if (out[i].totals.final == out[i - 1].totals.final && out[i].totals.vetoed == out[i - 1].totals.vetoed) out[i].rank = out[i - 1].rank;
    else {
      std::size_t start = i;
      while (start > 0 && out[start - 1].category == out[i].category) --start;
      out[i].rank = static_cast<int>(i - start + 1);
    }
  }
  return out;
}

std::string results_text(std::vector<Ranked> const& results) {
  json::array out;
  for (auto const& r : results) {
    out.push_back({{"round_unit_id", r.round_unit_id}, {"unit_id", r.unit_id}, {"unit_name", r.unit_name},
                   {"category", r.category}, {"group_id", r.group_id ? json::value(*r.group_id) : json::value(nullptr)},
                   {"self", r.totals.self}, {"inspection", r.totals.inspection}, {"final", r.totals.final},
                   {"bonus", r.totals.bonus}, {"vetoed", r.totals.vetoed}, {"inspected", r.totals.inspected},
                   {"grade", r.totals.grade}, {"rank", r.rank}});
  }
  return json::serialize(out);
}

std::vector<Ranked> results_from_text(std::string const& text) {
  auto number = [](json::value const& v) { return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64()); };
  std::vector<Ranked> out;
  auto const parsed = json::parse(text);
  for (auto const& v : parsed.as_array()) {
    auto const& o = v.as_object();
    Ranked r;
    r.round_unit_id = o.at("round_unit_id").as_int64();
    r.unit_id = o.at("unit_id").as_int64();
    r.unit_name = std::string(o.at("unit_name").as_string());
    r.category = std::string(o.at("category").as_string());
    if (!o.at("group_id").is_null()) r.group_id = o.at("group_id").as_int64();
    r.totals.self = number(o.at("self"));
    r.totals.inspection = number(o.at("inspection"));
    r.totals.final = number(o.at("final"));
    r.totals.bonus = number(o.at("bonus"));
    r.totals.vetoed = o.at("vetoed").as_bool();
    r.totals.inspected = o.at("inspected").as_bool();
    r.totals.grade = std::string(o.at("grade").as_string());
    r.rank = static_cast<int>(o.at("rank").as_int64());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace pufa::assess
