// JSON of the responsibility system's records, for the routes and for the snapshots that
// published list versions keep.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <string>

#include "duty/model.hpp"
#include "duty/service.hpp"

namespace pufa::duty {

// Pure renderings: the use cases resolve names and law links first (common.hpp).
boost::json::object point_json(Point const& point);
boost::json::object plan_json(Plan const& plan);
boost::json::object item_json(ListItem const& item);
boost::json::object annex_json(Annex const& annex);
boost::json::array versions_json(std::vector<ListVersion> const& versions);
// Items, versions and annexes only `with_items` (a list's page; the lists' table has none).
boost::json::object list_json(ListView const& view, bool with_items);
// What a published version keeps: the unit, the year, the version, its reason and index number, the items.
std::string snapshot_text(DutyList const& list, ListVersion const& version);
boost::json::object task_json(TaskView const& view);
boost::json::object bulletin_json(Bulletin const& bulletin, bool with_rows);
boost::json::array evidence_json(std::vector<Evidence> const& evidence);

}  // namespace pufa::duty
