// The calendar's routes: GET /api/v1/holidays?year (any signed-in user), PUT and DELETE
// /api/v1/holidays/{day} (settings.manage). docs/legality.md, "The calendar".
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::calendar {

std::vector<db::Migration> migrations();
void add_routes(http::Router& router, db::Database& db);

}  // namespace pufa::calendar
