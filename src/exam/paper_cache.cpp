// Published exams as the start path needs them: each process builds an exam's paper plan once
// per version from the frozen pool, so a start is a few small reads and one insert.
#include <algorithm>

#include "auth/regions.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

std::shared_ptr<CachedExam> load_exam(db::Connection& conn, std::int64_t exam_id) {
  auto exam_row = store::exam(conn, exam_id);
  if (!exam_row) return nullptr;
  auto built = std::make_shared<CachedExam>();
  built->exam = std::move(*exam_row);
  auto& exam = built->exam;
  for (auto id : exam.eligibility.region_ids) {
    if (auto region = auth::regions::find(conn, id)) exam.region_paths.push_back(region->path);
  }
  auto& plan = built->plan;
  plan.shuffle_questions = exam.shuffle_questions;
  plan.shuffle_options = exam.shuffle_options;
  std::vector<Question const*> pointers;
  if (exam.status != ExamStatus::draft) {
    for (auto& q : store::pool(conn, exam_id)) plan.questions.emplace(q.id, std::move(q));
    for (auto const& [id, q] : plan.questions) pointers.push_back(&q);
    std::sort(pointers.begin(), pointers.end(), [](auto a, auto b) { return a->id < b->id; });
  }
  plan.fixed = exam.paper.mode == "fixed";
  plan.fixed_ids = exam.paper.question_ids;
  plan.score_each = exam.paper.score_each;
  auto rule_set = [&](std::vector<Rule> const& rules) {
    RuleSet set{rules, {}};
    for (auto const& rule : rules) set.pools.push_back(pool_of(rule, pointers));
    return set;
  };
  plan.defaults = rule_set(exam.paper.rules);
  for (auto const& [rank, rules] : exam.paper.rank_rules) plan.by_rank[rank] = rule_set(rules);
  return built;
}

Attempt graded(Attempt attempt, CachedExam const& exam, std::map<std::int64_t, std::string> const& answers,
               AttemptStatus status, base::Millis now) {
  int score = 0;
  for (auto const& item : attempt.paper) {
    auto given = answers.find(item.question_id);
    auto question = exam.plan.questions.find(item.question_id);
    if (given != answers.end() && question != exam.plan.questions.end() &&
        answer_correct(question->second.answer, given->second))
      score += item.score;
  }
  attempt.status = status;
  attempt.submitted_at = status == AttemptStatus::expired ? std::min(now, attempt.deadline) : now;
  attempt.score = score;
  attempt.passed = score >= exam.exam.pass_mark;
  attempt.grade = grade_of(score, exam.exam.pass_mark, exam.exam.grade_bands);
  return attempt;
}

ExamPtr ExamService::cached(db::Connection& conn, std::int64_t exam_id) {
  auto const head = store::exam_head(conn, exam_id);
  if (!head) return nullptr;
  {
    std::lock_guard lock(mutex_);
    auto found = exams_.find(exam_id);
    if (found != exams_.end() && found->second->exam.version == head->version) return found->second;
  }
  // One build at a time: a burst of starts after a restart must not load the pool once per request.
  std::lock_guard build(build_mutex_);
  {
    std::lock_guard lock(mutex_);
    auto found = exams_.find(exam_id);
    if (found != exams_.end() && found->second->exam.version == head->version) return found->second;
  }
  ExamPtr built = load_exam(conn, exam_id);
  std::lock_guard lock(mutex_);
  exams_[exam_id] = built;
  return built;
}

ExamPtr ExamService::published(db::Connection& conn, std::int64_t exam_id) {
  auto exam = cached(conn, exam_id);
  if (!exam || exam->exam.status == ExamStatus::draft) throw ApiError(AppError::not_found, "考试不存在");
  return exam;
}

}  // namespace pufa::exam
