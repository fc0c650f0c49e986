// The organisation area's routes, migrations and demo data.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::org {

// Figures other areas add to GET /api/v1/stats/overview (the responsibility system's), read on
// the overview's connection for the caller's subtree. Wired by the application: org knows none.
using OverviewFigures = std::function<void(db::Connection&, std::string const& region_path, boost::json::object&)>;

void add_routes(http::Router& router, db::Database& db, std::vector<OverviewFigures> more = {});
std::vector<db::Migration> migrations();

}  // namespace pufa::org
