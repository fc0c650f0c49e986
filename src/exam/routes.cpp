#include "exam/routes.hpp"

#include "exam/quiz.hpp"

namespace pufa::exam {

// Keep the quiz calls below when filling this file in: the quiz lives in quiz*.cpp.
void add_routes(http::Router& router, db::Database& db) { add_quiz_routes(router, db); }

std::vector<db::Migration> migrations() {
  std::vector<db::Migration> out;  // the exam area's own migrations go first
  auto quiz = quiz_migrations();
  out.insert(out.end(), quiz.begin(), quiz.end());
  return out;
}

void load_demo(db::Connection& conn) { load_quiz_demo(conn); }

}  // namespace pufa::exam
