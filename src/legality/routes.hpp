// The legality area's routes under /api/v1/legality (docs/legality.md).
#pragma once

#include <filesystem>
#include <vector>

#include <boost/json/object.hpp>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "legality/service.hpp"

namespace pufa::legality {

std::vector<db::Migration> migrations();
void add_routes(http::Router& router, db::Database& db, std::filesystem::path uploads, ReviewDays days, todo::Centre& todo);
// GET /stats/overview's legality figures.
void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);
// The Lanxi demo: 2019-2020 reviews for every township, 村规民约 for the villages, 复议 and 诉讼 cases.
void load_demo(db::Connection& conn);

}  // namespace pufa::legality
