// The laws area: the statute library read by article (routes), its migrations, the importer
// (import.hpp) and the text parser (parser.hpp).
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::laws {

// GET /api/v1/laws, /api/v1/laws/{law}, /api/v1/laws/{law}/articles/{number}; {law} is the id,
// the full title or the short title (民法典). Any signed-in user.
void add_routes(http::Router& router, db::Database& db);
std::vector<db::Migration> migrations();

}  // namespace pufa::laws
