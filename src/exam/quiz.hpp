// Public prize quizzes (有奖竞答): phone + one-time code, daily questions, leaderboard and a
// reproducible prize draw (seed committed before, revealed after). Part of the exam area.
#pragma once

#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::exam {

void add_quiz_routes(http::Router& router, db::Database& db);
std::vector<db::Migration> quiz_migrations();  // area "quiz", numbered on its own
void load_quiz_demo(db::Connection& conn);

}  // namespace pufa::exam
