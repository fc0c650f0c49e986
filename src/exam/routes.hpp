// The exam area's routes, migrations and demo data.
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::exam {

void add_routes(http::Router& router, db::Database& db);
std::vector<db::Migration> migrations();
// Demo data for the Lanxi demo; deterministic, a second run changes nothing.
void load_demo(db::Connection& conn);

}  // namespace pufa::exam
