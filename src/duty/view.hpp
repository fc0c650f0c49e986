// JSON of the responsibility system's records, for the routes and for the snapshots that
// published list versions keep.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <string>

#include "db/database.hpp"
#include "duty/model.hpp"
#include "duty/service.hpp"

namespace pufa::duty {

boost::json::object point_json(Point const& point, std::map<std::int64_t, std::string> const& names);
boost::json::object plan_json(db::Connection& conn, Plan const& plan);
// An item; `conn` links the laws it names to the library.
boost::json::object item_json(db::Connection& conn, ListItem const& item);
boost::json::object list_json(db::Connection& conn, ListView const& view, bool with_items);
// What a published version keeps: the unit, the year, the version, its reason and index number, the items.
std::string snapshot_text(db::Connection& conn, DutyList const& list, ListVersion const& version);
boost::json::object task_json(TaskView const& view);
boost::json::object bulletin_json(Bulletin const& bulletin, bool with_rows);
boost::json::array evidence_json(std::vector<Evidence> const& evidence);

}  // namespace pufa::duty
