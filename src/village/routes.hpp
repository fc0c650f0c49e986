// The village area's routes under /api/v1/village (docs/village.md).
#pragma once

#include <vector>

#include <boost/json/object.hpp>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "todo/todo.hpp"

namespace pufa::village {

std::vector<db::Migration> migrations();
void add_routes(http::Router& router, db::Database& db, todo::Centre& todo);
// GET /stats/overview's villages_national, villages_provincial, villages_jinhua.
void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);
// The Lanxi demo: the 350 files (1 / 19 / 110), the criteria set, a published 2020 round and an open one, 复核.
void load_demo(db::Connection& conn);

}  // namespace pufa::village
