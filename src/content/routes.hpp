// The content area's routes, migrations and demo data.
#pragma once

#include <filesystem>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "todo/todo.hpp"

namespace pufa::content {

// `uploads`: the folder attachments are written under (beside the photos, outside the web root).
// The routes own the visit counter, whose thread stops (and flushes) when they are destroyed.
// Registers the articles' to-do counts (articles to review, articles returned to their author).
// `four_eyes`: an article is published by someone other than its author (four_eyes_publishing).
void add_routes(http::Router& router, db::Database& db, std::filesystem::path uploads, todo::Centre& todo,
                bool four_eyes = false);
std::vector<db::Migration> migrations();
// Demo data for the Lanxi demo; deterministic, a second run changes nothing.
void load_demo(db::Connection& conn);

}  // namespace pufa::content
