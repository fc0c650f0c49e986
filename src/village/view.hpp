// JSON of the village area's views (docs/village.md).
#pragma once

#include <boost/json/object.hpp>

#include "village/service.hpp"

namespace pufa::village {

boost::json::object file_json(FileRow const& r);
boost::json::object detail_json(FileDetail const& d);
boost::json::object set_json(SetView const& v, bool with_items);
boost::json::object round_json(RoundView const& v);
boost::json::object sheet_json(Sheet const& s);
boost::json::object review_json(ReviewView const& v);
boost::json::object coverage_json(CoverageRow const& r);

}  // namespace pufa::village
