#include "duty/view.hpp"

#include <boost/json/serialize.hpp>

#include "base/time.hpp"
#include "duty/rules.hpp"

namespace pufa::duty {

namespace json = boost::json;

namespace {

json::value opt(std::optional<std::string> const& value) { return value ? json::value(*value) : json::value(nullptr); }
json::value opt_time(std::optional<base::Millis> const& value) {
  return value ? json::value(base::iso8601(*value)) : json::value(nullptr);
}

}  // namespace

json::object point_json(Point const& point) {
  json::array co, co_names;
  for (auto id : point.co_unit_ids) co.emplace_back(id);
  for (auto const& name : point.co_unit_names) co_names.push_back(opt(name));
  return {{"id", point.id},
          {"seq", point.seq},
          {"kind", point.kind},
          {"section", point.section},
          {"text", point.text},
          {"day", opt(point.day)},
          {"lead_unit_id", point.lead_unit_id ? json::value(*point.lead_unit_id) : json::value(nullptr)},
          {"lead_unit_name", opt(point.lead_unit_name)},
          {"co_unit_ids", std::move(co)},
          {"co_unit_names", std::move(co_names)},
          {"deadline", opt(point.deadline)},
          {"rule", rule_json(point.rule)}};
}

json::object plan_json(Plan const& plan) {
  json::array points;
  for (auto const& point : plan.points) points.push_back(point_json(point));
  return {{"id", plan.id},
          {"year", plan.year},
          {"title", plan.title},
          {"status", plan.status},
          {"issued_at", opt_time(plan.issued_at)},
          {"created_at", base::iso8601(plan.created_at)},
          {"updated_at", base::iso8601(plan.updated_at)},
          {"points", std::move(points)}};
}

json::object item_json(ListItem const& item) {
  json::array links;
  for (auto const& link : item.law_links) {
    links.push_back({{"name", link.name}, {"law_id", link.law_id ? json::value(*link.law_id) : json::value(nullptr)}});
  }
  return {{"id", item.id},
          {"seq", item.seq},
          {"content", item.content},
          {"laws", item.laws},
          {"law_links", std::move(links)},
          {"leader", item.leader},
          {"owner", item.owner},
          {"office", item.office},
          {"audience", item.audience},
          {"carrier", item.carrier},
          {"measures", item.measures},
          {"standard", item.standard},
          {"deadline", opt(item.deadline)},
          {"rule", rule_json(item.rule)}};
}

json::object annex_json(Annex const& annex) {
  json::array nodes, themes;
  for (auto const& point : annex.date_nodes) nodes.push_back(point_json(point));
  for (auto const& point : annex.themes) themes.push_back(point_json(point));
  json::array laws;
  for (auto const& issued : annex.new_laws) {
    laws.push_back({{"law_id", issued.law.id}, {"title", issued.law.title}, {"short_title", issued.law.short_title},
                    {"category", issued.law.category}, {"version_date", issued.version_date}, {"amended", issued.amended}});
  }
  return {{"date_nodes", std::move(nodes)}, {"themes", std::move(themes)}, {"new_laws", std::move(laws)}};
}

json::object list_json(ListView const& view, bool with_items) {
  auto const& list = view.list;
  json::object out{{"id", list.id},
                   {"unit_id", list.unit_id},
                   {"unit_name", list.unit_name},
                   {"year", list.year},
                   {"region_id", list.region_id},
                   {"status", list.status},
                   {"version", list.version},
                   {"published_version", list.published_version ? json::value(*list.published_version) : json::value(nullptr)},
                   {"change_reason", opt(list.change_reason)},
                   {"return_reason", opt(list.return_reason)},
                   {"index_no", opt(list.index_no)},
                   {"published_at", opt_time(list.published_at)},
                   {"updated_at", base::iso8601(list.updated_at)}};
  if (!with_items) return out;
  json::array items;
  for (auto const& item : list.items) items.push_back(item_json(item));
  out["items"] = std::move(items);
  out["versions"] = versions_json(list.versions);
  out["annex"] = annex_json(view.annex);
  return out;
}

json::array versions_json(std::vector<ListVersion> const& versions) {
  json::array out;
  for (auto const& v : versions) {
    out.push_back({{"version", v.version}, {"reason", v.reason}, {"index_no", v.index_no},
                   {"published_at", base::iso8601(v.published_at)}});
  }
  return out;
}

std::string snapshot_text(DutyList const& list, ListVersion const& version) {
  json::array items;
  for (auto const& item : list.items) items.push_back(item_json(item));
  json::object out{{"unit_id", list.unit_id},
                   {"unit_name", list.unit_name},
                   {"year", list.year},
                   {"version", version.version},
                   {"reason", version.reason},
                   {"index_no", version.index_no},
                   {"published_at", base::iso8601(version.published_at)},
                   {"items", std::move(items)}};
  return json::serialize(out);
}

json::array evidence_json(std::vector<Evidence> const& evidence) {
  json::array out;
  for (auto const& e : evidence) {
    out.push_back({{"kind", e.kind}, {"id", e.id}, {"date", e.date}, {"title", e.title}, {"status", e.status}});
  }
  return out;
}

json::object task_json(TaskView const& view) {
  auto const& task = view.task;
  auto const& p = view.progress;
  return {{"id", task.id},
          {"year", task.year},
          {"source", task.source},
          {"unit_id", task.unit_id},
          {"unit_name", task.unit_name},
          {"role", task.role},
          {"title", task.title},
          {"deadline", opt(task.deadline)},
          {"rule", rule_json(task.rule)},
          {"rule_text", rule_words(task.rule)},
          {"status", task.status},
          {"state", p.state},
          {"note", opt(task.note)},
          {"return_reason", opt(task.return_reason)},
          {"answered_at", opt_time(task.answered_at)},
          {"evidence", evidence_json(task.evidence)},
          {"progress", json::object{{"count", p.count},
                                    {"required", p.required},
                                    {"last_on", opt(p.last_on)},
                                    {"done_on", opt(p.done_on)},
                                    {"records", evidence_json(p.records)}}}};
}

json::object bulletin_json(Bulletin const& bulletin, bool with_rows) {
  json::object out{{"id", bulletin.id},
                   {"year", bulletin.year},
                   {"serial", bulletin.serial},
                   {"title", bulletin.title},
                   {"as_of", bulletin.as_of},
                   {"is_public", bulletin.is_public},
                   {"remarks", bulletin.remarks},
                   {"issued_at", base::iso8601(bulletin.issued_at)}};
  if (with_rows) {
    json::array rows;
    for (auto const& r : bulletin.rows) {
      rows.push_back({{"rank", r.rank}, {"unit_id", r.unit_id}, {"unit_name", r.unit_name}, {"tasks", r.tasks},
                      {"on_time", r.on_time}, {"late", r.late}, {"overdue", r.overdue}, {"open", r.open},
                      {"score", r.score}});
    }
    out["rows"] = std::move(rows);
  }
  return out;
}

}  // namespace pufa::duty
