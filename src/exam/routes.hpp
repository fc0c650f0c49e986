// The exam area's routes, migrations and demo data.
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "todo/todo.hpp"

namespace pufa::exam {

// Registers the examinee's to-do count (exams open to sit).
void add_routes(http::Router& router, db::Database& db, todo::Centre& todo);
std::vector<db::Migration> migrations();
// Demo data for the Lanxi demo; deterministic, a second run changes nothing.
void load_demo(db::Connection& conn);

}  // namespace pufa::exam
