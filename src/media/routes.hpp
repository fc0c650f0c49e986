// The media area's routes and migrations: activity photos (upload, read, thumbnail, delete).
#pragma once

#include <filesystem>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::media {

// `storage`: the folder photos are written under (outside the web root).
void add_routes(http::Router& router, db::Database& db, std::filesystem::path storage);
std::vector<db::Migration> migrations();

}  // namespace pufa::media
