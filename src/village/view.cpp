#include "village/view.hpp"

#include <boost/json/array.hpp>

namespace pufa::village {

namespace json = boost::json;

namespace {

json::value opt(std::optional<std::string> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(std::optional<double> const& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object app_json(AppRow const& r) {
  return {{"id", r.a.id},
          {"round_id", r.a.round_id},
          {"round_title", r.round_title},
          {"year", r.year},
          {"region_id", r.a.region_id},
          {"village_name", r.village_name},
          {"township_name", r.township_name},
          {"status", r.a.status},
          {"township_total", opt(r.a.township_total)},
          {"county_total", opt(r.a.county_total)}};
}

json::object live_json(Live const& l) {
  return {{"year", l.year}, {"activities", l.activities}, {"legal_literate", l.legal_literate},
          {"advisor_days", l.advisor_days}, {"village_rules", l.village_rules}};
}

json::object criterion_json(Criterion const& c) {
  return {{"id", c.id},         {"part", c.part},   {"seq", c.seq},   {"title", c.title},
          {"standard", c.standard}, {"points", c.points}, {"rule", c.rule}, {"source", opt(c.source)}};
}

}  // namespace

json::object file_json(FileRow const& r) {
  return {{"region_id", r.f.region_id},
          {"name", r.name},
          {"township_id", r.township_id},
          {"township_name", r.township_name},
          {"level", r.f.level},
          {"named_year", r.f.named_year ? json::value(*r.f.named_year) : json::value(nullptr)},
          {"naming_doc", opt(r.f.naming_doc)},
          {"plaque", r.f.plaque},
          {"under_review", r.under_review}};
}

json::object detail_json(FileDetail const& d) {
  auto out = file_json(d.row);
  out["history"] = d.row.f.history;
  json::array entries, reviews, apps;
  for (auto const& e : d.entries) {
    entries.push_back({{"id", e.id}, {"kind", e.kind}, {"on", e.on}, {"title", e.title}, {"detail", e.detail},
                       {"created_by_name", e.created_by_name}});
  }
  for (auto const& r : d.reviews) reviews.push_back(review_json(r));
  for (auto const& a : d.applications) apps.push_back(app_json(a));
  out["entries"] = std::move(entries);
  out["reviews"] = std::move(reviews);
  out["applications"] = std::move(apps);
  out["live"] = live_json(d.live);
  return out;
}

json::object set_json(SetView const& v, bool with_items) {
  json::object out{{"id", v.s.id},       {"name", v.s.name},   {"version", v.s.version}, {"active", v.s.active},
                   {"items_count", v.s.items.size()}, {"points", v.points}, {"used", v.used},
                   {"base_id", v.s.base_id ? json::value(*v.s.base_id) : json::value(nullptr)}};
  if (with_items) {
    json::array items;
    for (auto const& c : v.s.items) items.push_back(criterion_json(c));
    out["items"] = std::move(items);
  }
  return out;
}

json::object round_json(RoundView const& v) {
  auto const& r = v.r;
  json::array apps;
  for (auto const& a : v.applications) apps.push_back(app_json(a));
  return {{"id", r.id},
          {"year", r.year},
          {"title", r.title},
          {"target_level", r.target_level},
          {"set_id", r.set_id},
          {"set_name", v.set_name},
          {"set_version", v.set_version},
          {"status", r.status},
          {"apply_by", opt(r.apply_by)},
          {"recommend_by", opt(r.recommend_by)},
          {"naming_doc", opt(r.naming_doc)},
          {"published_on", opt(r.published_on)},
          {"applications", std::move(apps)}};
}

json::object sheet_json(Sheet const& s) {
  json::array criteria;
  for (auto const& l : s.lines) {
    auto c = criterion_json(l.c);
    c["township_score"] = opt(l.township_score);
    c["county_score"] = opt(l.county_score);
    c["live"] = opt(l.live);
    criteria.push_back(std::move(c));
  }
  auto const& a = s.row.a;
  return {{"id", a.id},
          {"round", json::object{{"id", s.round.id}, {"year", s.round.year}, {"title", s.round.title},
                                 {"target_level", s.round.target_level}, {"status", s.round.status}}},
          {"village", json::object{{"id", a.region_id}, {"name", s.row.village_name}, {"township_name", s.row.township_name}}},
          {"status", a.status},
          {"statement", a.statement},
          {"criteria", std::move(criteria)},
          {"township_total", opt(a.township_total)},
          {"county_total", opt(a.county_total)},
          {"township_note", opt(a.township_note)},
          {"county_note", opt(a.county_note)},
          {"live", live_json(s.live)}};
}

json::object review_json(ReviewView const& v) {
  auto const& r = v.r;
  return {{"id", r.id},
          {"region_id", r.region_id},
          {"village_name", v.village_name},
          {"township_name", v.township_name},
          {"trigger", r.trigger},
          {"description", r.description},
          {"opened_on", r.opened_on},
          {"level_before", r.level_before},
          {"status", r.status},
          {"decision", opt(r.decision)},
          {"decision_note", opt(r.decision_note)},
          {"decided_on", opt(r.decided_on)}};
}

json::object coverage_json(CoverageRow const& r) {
  return {{"township_id", r.township_id}, {"name", r.name},           {"villages", r.villages}, {"national", r.national},
          {"provincial", r.provincial},   {"jinhua", r.jinhua},       {"county", r.county},     {"none", r.none},
          {"named_rate", r.named_rate}};
}

}  // namespace pufa::village
