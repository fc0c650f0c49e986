// Headline counts of the organisation area, computed from the records in a subtree.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "db/database.hpp"

namespace pufa::org {

boost::json::object overview(db::Connection& conn, std::string const& region_path,
                             std::string const& today);

}  // namespace pufa::org
