// Results of an exam: a row per eligible examinee in the caller's view, and the statistics by
// unit and township.
#include <map>

#include "auth/regions.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

std::pair<ExamPtr, std::vector<ResultRow>> ExamService::results(auth::Principal const& caller, std::int64_t exam_id) {
  bool const all = caller.has("exam.manage");
  if (!all && !caller.has("report.read")) throw ApiError(AppError::forbidden);
  auto exam = db_.read([&](db::Connection& conn) { return published(conn, exam_id); });
  sweep(exam_id);
  std::vector<ResultRow> out;
  db_.read([&](db::Connection& conn) {
    std::map<std::int64_t, std::vector<Attempt>> by_user;
    for (auto& a : store::attempts_of_exam(conn, exam_id)) by_user[a.user_id].push_back(std::move(a));
    // exam.manage sees the whole city; report.read its own subtree.
    auto const scope = all ? auth::regions::root(conn).path : caller.region_path;
    for_each_examinee(conn, scope, [&](Examinee&& person) {
      auto found = by_user.find(person.user_id);
      if (found == by_user.end() && !eligible(exam->exam, person)) return;
      ResultRow row;
      row.user = std::move(person);
      if (found != by_user.end()) {
        row.attempts = static_cast<int>(found->second.size());
        row.counted = counted_attempt(found->second, exam->exam.counts);
      }
      out.push_back(std::move(row));
    });
  });
  return {exam, out};
}

Stats ExamService::stats(std::vector<ResultRow> const& rows) {
  Stats out;
  std::map<std::int64_t, StatsRow> units, regions;
  auto const townships = db_.read([](db::Connection& conn) {
    return auth::regions::at_level(conn, auth::regions::root(conn).path, auth::regions::township_level);
  });
  auto add = [](StatsRow& s, ResultRow const& row) {
    ++s.eligible;
    if (row.counted) {
      ++s.sat;
      s.total += *row.counted->score;
      if (row.counted->passed) ++s.passed;
    }
  };
  for (auto const& row : rows) {
    add(out.all, row);
    if (row.user.unit_id) {
      auto& u = units[*row.user.unit_id];
      u.id = *row.user.unit_id;
      u.name = row.user.unit_name;
      add(u, row);
    }
    for (auto const& town : townships) {
      if (row.user.region_path.starts_with(town.path)) {
        auto& r = regions[town.id];
        r.id = town.id;
        r.name = town.name;
        add(r, row);
      }
    }
  }
  for (auto& [id, row] : units) out.by_unit.push_back(row);
  for (auto const& town : townships) {
    if (auto found = regions.find(town.id); found != regions.end()) out.by_region.push_back(found->second);
  }
  return out;
}

}  // namespace pufa::exam
