// The activity area: routes, migrations and demo data.
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::activity {

void add_routes(http::Router& router, db::Database& db);
std::vector<db::Migration> migrations();

}  // namespace pufa::activity
