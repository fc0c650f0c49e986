// Public prize quizzes (有奖竞答): phone + one-time code, daily questions, leaderboard and a
// reproducible prize draw (seed committed before, revealed after). docs/quiz.md describes the
// rules, the draw algorithm and how to verify it.
#pragma once

#include <memory>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "quiz/sender.hpp"

namespace pufa::quiz {

// Without a sender, one-time codes are refused with 503 (no gateway configured).
void add_routes(http::Router& router, db::Database& db, std::shared_ptr<OtpSender> sender = nullptr);
std::vector<db::Migration> migrations();  // area "quiz", numbered on its own
// The 宪法 quizzes: the bank 宪法知识竞答题库, this year's 宪法宣传周 quiz (open), and the 2020
// quiz with participants, results and a revealed draw. Deterministic; a second run changes nothing.
void load_demo(db::Connection& conn);

}  // namespace pufa::quiz
