// The activity area: routes, migrations and demo data.
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "todo/todo.hpp"

namespace pufa::activity {

// Registers the ledger's to-do counts (records to review, records returned to their author).
void add_routes(http::Router& router, db::Database& db, todo::Centre& todo);
std::vector<db::Migration> migrations();

}  // namespace pufa::activity
