// Exams: eligibility, the pool a paper rule draws from, editing, publishing and closing.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "auth/audit.hpp"
#include "auth/directory.hpp"
#include "auth/regions.hpp"
#include "exam/codec.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"
#include "org/directory.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

namespace {

bool covers_path(std::string const& path, std::vector<std::string> const& paths) {
  return std::any_of(paths.begin(), paths.end(), [&](auto const& p) { return path.starts_with(p); });
}

bool has(std::vector<std::string> const& values, std::string const& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

void check_references(db::Connection& conn, Exam const& exam) {
  auto missing = [](std::string what, std::int64_t id, char const* field) {
    throw ApiError(AppError::validation_failed, what + " " + std::to_string(id) + " 不存在", field);
  };
  for (auto id : exam.eligibility.unit_ids)
    if (!org::directory::unit(conn, id)) missing("单位", id, "eligibility.unit_ids");
  for (auto id : exam.eligibility.region_ids)
    if (!auth::regions::find(conn, id)) missing("区域", id, "eligibility.region_ids");
  for (auto id : exam.eligibility.user_ids)
    if (!auth::directory::member(conn, id)) missing("用户", id, "eligibility.user_ids");
  for (auto id : exam.paper.bank_ids)
    if (!store::bank(conn, id)) missing("题库", id, "paper.bank_ids");
  if (exam.paper.mode == "fixed") {
    auto const found = store::questions_by_ids(conn, exam.paper.question_ids);
    if (found.size() != exam.paper.question_ids.size())
      throw ApiError(AppError::validation_failed, "所选试题中有不存在的题目", "paper.question_ids");
  }
}

}  // namespace

bool eligible(Exam const& exam, Examinee const& who) {
  auto const& e = exam.eligibility;
  if (std::find(e.user_ids.begin(), e.user_ids.end(), who.user_id) != e.user_ids.end()) return true;
  if (e.unit_ids.empty() && e.region_ids.empty() && e.roles.empty()) {
    // No criterion but named users: only those; none at all: everyone who takes exams.
    if (!e.user_ids.empty()) return false;
    return has(who.roles, "examinee");
  }
  if (!e.unit_ids.empty() &&
      (!who.unit_id || std::find(e.unit_ids.begin(), e.unit_ids.end(), *who.unit_id) == e.unit_ids.end()))
    return false;
  if (!e.region_ids.empty() && !covers_path(who.region_path, exam.region_paths)) return false;
  if (!e.roles.empty() && std::none_of(e.roles.begin(), e.roles.end(), [&](auto const& role) { return has(who.roles, role); }))
    return false;
  return true;
}

std::string certificate_no(Exam const& exam, std::int64_t user_id) {
  return fmt::format("LXPF-{}-{:04}-{:06}", base::shanghai_year(exam.opens_at), exam.id, user_id);
}

std::vector<Question> pool_for(db::Connection& conn, Exam const& exam) {
  if (exam.paper.mode == "fixed") {
    auto found = store::questions_by_ids(conn, exam.paper.question_ids);
    if (found.size() != exam.paper.question_ids.size())
      throw ApiError(AppError::unprocessable, "所选试题中有已被删除的题目", "paper.question_ids");
    return found;
  }
  auto const all = store::questions_of_banks(conn, exam.paper.bank_ids);
  std::vector<Question const*> pointers;
  for (auto const& q : all) pointers.push_back(&q);
  std::set<std::int64_t> used;
  auto check = [&](std::vector<Rule> const& rules, std::string const& field, std::string const& who) {
    RuleSet set{rules, {}};
    for (auto const& rule : rules) {
      set.pools.push_back(pool_of(rule, pointers));
      used.insert(set.pools.back().begin(), set.pools.back().end());
    }
    if (auto bad = unfillable_rule(set)) {
      auto const& rule = rules[*bad];
      throw ApiError(AppError::unprocessable,
                     who + "第 " + std::to_string(*bad + 1) + " 条规则（" + rule_label(rule) + "）题库中符合条件的题目只有 " +
                         std::to_string(set.pools[*bad].size()) + " 道（扣除前面规则可能抽走的），不足以组卷",
                     field + "[" + std::to_string(*bad) + "]");
    }
  };
  check(exam.paper.rules, "paper.rules", "");
  for (auto const& [rank, rules] : exam.paper.rank_rules) check(rules, "paper.rank_rules." + rank, "职级“" + rank + "”的");
  std::vector<Question> out;
  for (auto const& q : all) {
    if (used.contains(q.id)) out.push_back(q);
  }
  return out;
}

std::vector<Exam> ExamService::exams() {
  return db_.read([](db::Connection& conn) { return store::exams(conn); });
}

Exam ExamService::exam(std::int64_t id) {
  auto found = db_.read([&](db::Connection& conn) { return store::exam(conn, id); });
  if (!found) throw ApiError(AppError::not_found, "考试不存在");
  return *found;
}

Exam ExamService::save_exam(auth::Actor const& actor, std::optional<std::int64_t> id, Exam input) {
  actor.user();
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (id) {
      auto existing = store::exam(conn, *id);
      if (!existing) throw ApiError(AppError::not_found, "考试不存在");
      if (existing->status != ExamStatus::draft) throw ApiError(AppError::unprocessable, "考试已发布，不能修改");
    }
    check_references(conn, input);
    if (id) {
      input.id = *id;
      store::update_exam(conn, input, now);
    } else {
      input.id = store::insert_exam(conn, input, now);
    }
    auth::audit(conn, actor, id ? "exam.update" : "exam.create", "exam", std::to_string(input.id), input.title);
    return *store::exam(conn, input.id);
  });
}

void ExamService::delete_exam(auth::Actor const& actor, std::int64_t id) {
  actor.user();
  db_.write([&](db::Connection& conn) {
    auto existing = store::exam(conn, id);
    if (!existing) throw ApiError(AppError::not_found, "考试不存在");
    if (existing->status != ExamStatus::draft || store::exam_has_attempts(conn, id))
      throw ApiError(AppError::unprocessable, "只能删除未发布的考试");
    store::delete_exam(conn, id);
    auth::audit(conn, actor, "exam.delete", "exam", std::to_string(id), existing->title);
  });
}

Exam ExamService::publish(auth::Actor const& actor, std::int64_t id) {
  actor.user();
  auto const now = base::now_ms();
  auto out = db_.write([&](db::Connection& conn) {
    auto existing = store::exam(conn, id);
    if (!existing) throw ApiError(AppError::not_found, "考试不存在");
    if (existing->status != ExamStatus::draft) throw ApiError(AppError::unprocessable, "考试已发布");
    if (existing->closes_at <= now) throw ApiError(AppError::unprocessable, "截止时间已过，不能发布", "closes_at");
    store::freeze_pool(conn, id, pool_for(conn, *existing), now);
    auth::audit(conn, actor, "exam.publish", "exam", std::to_string(id), existing->title);
    return *store::exam(conn, id);
  });
  db_.read([&](db::Connection& conn) { cached(conn, id); });  // build the pools now, not at the first start
  return out;
}

Exam ExamService::close(auth::Actor const& actor, std::int64_t id) {
  actor.user();
  auto const now = base::now_ms();
  auto exam = db_.read([&](db::Connection& conn) { return cached(conn, id); });
  if (!exam) throw ApiError(AppError::not_found, "考试不存在");
  if (exam->exam.status == ExamStatus::draft) throw ApiError(AppError::unprocessable, "考试尚未发布");
  return db_.write([&](db::Connection& conn) {
    auto existing = store::exam(conn, id);
    if (existing->status != ExamStatus::published) throw ApiError(AppError::unprocessable, "考试已结束");
    store::set_exam_status(conn, id, ExamStatus::closed, std::min(existing->closes_at, now), now);
    for (auto attempt_id : store::open_attempts(conn, id)) {
      finalise(conn, *store::attempt(conn, attempt_id), *exam, AttemptStatus::expired, now);
    }
    auth::audit(conn, actor, "exam.close", "exam", std::to_string(id), existing->title);
    return *store::exam(conn, id);
  });
}

}  // namespace pufa::exam
