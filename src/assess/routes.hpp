// Assessment and acceptance inspection (考核与总结验收): routes, migrations, the demo and the figures it
// adds to the overview.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "todo/todo.hpp"

namespace pufa::assess {

// Registers its to-do provider with `todo` (sheets to hand in, units to inspect, rectifications).
void add_routes(http::Router& router, db::Database& db, todo::Centre& todo);
std::vector<db::Migration> migrations();
// inspection_groups, inspected_townships, inspected_departments of the latest round, for GET /api/v1/stats/overview.
void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);
// The Lanxi demo: the 七五 sets for townships and departments, the 2020 acceptance round with 4 groups
// visiting 4 townships and 12 departments, scored and locked; the 八五 sets ready for 2025.
void load_demo(db::Connection& conn);

}  // namespace pufa::assess
