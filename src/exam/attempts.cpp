// Sitting an exam: start or resume, autosave, page events, submit, deadlines, review and the
// certificate. Every rule is decided on the server's clock.
#include <algorithm>

#include "auth/audit.hpp"
#include "base/random.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

namespace {

// The attempt that counts among the finished ones: the best score, or the last finished.
std::optional<Attempt> counted(std::vector<Attempt> const& attempts, std::string const& counts) {
  std::optional<Attempt> out;
  for (auto const& a : attempts) {
    if (a.status == AttemptStatus::in_progress || !a.score) continue;
    if (!out || counts == "last" || *a.score > *out->score) out = a;
  }
  return out;
}

// Where an examinee stands with an exam.
ExamState state_of(Exam const& exam, bool running, int attempts_used, base::Millis now) {
  if (running) return ExamState::in_progress;
  if (exam.closed_at(now)) return ExamState::closed;
  if (now < exam.opens_at) return ExamState::upcoming;
  if (attempts_used >= exam.attempts_allowed) return ExamState::submitted;
  return ExamState::open;
}

std::uint64_t new_seed() { return std::stoull(base::random_hex(8), nullptr, 16); }

// The examinee as the start path sees them: the principal's region and roles, this area's unit and rank.
Examinee sitting(db::Connection& conn, auth::Principal const& caller) {
  Examinee who{};
  who.user_id = caller.user_id;
  who.region_path = caller.region_path;
  who.roles = caller.roles;
  auto const profile = store::profile(conn, caller.user_id);
  who.unit_id = profile.unit_id;
  who.rank = profile.rank;
  return who;
}

}  // namespace

std::optional<Attempt> counted_attempt(std::vector<Attempt> const& attempts, std::string const& counts) {
  return counted(attempts, counts);
}

Attempt ExamService::finalise(db::Connection& conn, Attempt attempt, CachedExam const& exam, AttemptStatus status,
                              base::Millis now) {
  if (attempt.status != AttemptStatus::in_progress) return attempt;
  attempt = graded(attempt, exam, store::answers(conn, attempt.id), status, now);
  if (!store::finish_attempt(conn, attempt)) return *store::attempt(conn, attempt.id);
  return attempt;
}

Attempt ExamService::expire_if_due(Attempt attempt, ExamPtr const& exam, base::Millis now) {
  if (attempt.status != AttemptStatus::in_progress || now <= attempt.deadline + grace_ms) return attempt;
  return db_.write([&](db::Connection& conn) {
    auto current = store::attempt(conn, attempt.id);
    return finalise(conn, *current, *exam, AttemptStatus::expired, now);
  });
}

void ExamService::maybe_sweep() {
  auto const now = base::now_ms();
  auto last = last_sweep_.load();
  if (now - last < sweep_every_ms || !last_sweep_.compare_exchange_strong(last, now)) return;
  sweep(std::nullopt);
}

std::size_t ExamService::sweep(std::optional<std::int64_t> exam_id) {
  auto const now = base::now_ms();
  auto const ids = db_.read([&](db::Connection& conn) { return store::expired_attempts(conn, now - grace_ms, exam_id); });
  for (auto id : ids) {
    auto attempt = db_.read([&](db::Connection& conn) { return store::attempt(conn, id); });
    if (!attempt) continue;
    auto exam = db_.read([&](db::Connection& conn) { return cached(conn, attempt->exam_id); });
    if (exam) expire_if_due(*attempt, exam, now);
  }
  return ids.size();
}

Attempt ExamService::own_attempt(db::Connection& conn, auth::Principal const& caller, std::int64_t attempt_id) {
  auto attempt = store::attempt(conn, attempt_id);
  // Someone else's attempt is answered like a missing one: ids reveal nothing.
  if (!attempt || attempt->user_id != caller.user_id) throw ApiError(AppError::not_found, "答卷不存在");
  return *attempt;
}

std::vector<MyExam> ExamService::my_exams(auth::Principal const& caller) {
  maybe_sweep();
  auto const now = base::now_ms();
  std::vector<MyExam> out;
  auto data = db_.read([&](db::Connection& conn) {
    auto const who = sitting(conn, caller);
    std::vector<std::pair<ExamPtr, std::vector<Attempt>>> mine;
    auto const all = store::attempts_of_user(conn, caller.user_id);
    for (auto const& row : store::exams(conn)) {
      if (row.status == ExamStatus::draft) continue;
      auto exam = cached(conn, row.id);
      if (!eligible(exam->exam, who)) continue;
      std::vector<Attempt> attempts;
      for (auto const& a : all) {
        if (a.exam_id == row.id) attempts.push_back(a);
      }
      mine.emplace_back(exam, std::move(attempts));
    }
    return mine;
  });
  for (auto& [exam, attempts] : data) {
    for (auto& a : attempts) a = expire_if_due(a, exam, now);
    MyExam item;
    item.exam = exam->exam;
    item.attempts_used = static_cast<int>(attempts.size());
    item.best = counted(attempts, exam->exam.counts);
    for (auto const& a : attempts) {
      if (a.status == AttemptStatus::in_progress) item.attempt_id = a.id;
    }
    item.state = state_of(exam->exam, item.attempt_id.has_value(), item.attempts_used, now);
    out.push_back(std::move(item));
  }
  return out;
}

ExamNotice ExamService::notice(auth::Principal const& caller, std::int64_t exam_id) {
  auto const now = base::now_ms();
  auto [exam, attempts] = db_.read([&](db::Connection& conn) {
    auto exam = published(conn, exam_id);
    if (!eligible(exam->exam, sitting(conn, caller))) throw ApiError(AppError::forbidden, "您不在本场考试的参考范围内");
    return std::make_pair(exam, store::attempts(conn, exam_id, caller.user_id));
  });
  auto const settings = certificate_settings();
  ExamNotice out{exam->exam, exam->exam.notice.empty() ? settings.notice : exam->exam.notice, settings.pledge};
  bool const running = std::any_of(attempts.begin(), attempts.end(), [&](auto const& a) {
    return a.status == AttemptStatus::in_progress && now <= a.deadline + grace_ms;
  });
  out.state = state_of(exam->exam, running, static_cast<int>(attempts.size()), now);
  return out;
}

Started ExamService::start(auth::Actor const& actor, std::int64_t exam_id, bool pledged) {
  auto const& caller = actor.user();
  maybe_sweep();
  auto const now = base::now_ms();
  struct Look {
    ExamPtr exam;
    Examinee who;
    std::vector<Attempt> attempts;
  };
  auto look = db_.read([&](db::Connection& conn) {
    Look out;
    out.exam = published(conn, exam_id);
    out.who = sitting(conn, caller);
    if (!eligible(out.exam->exam, out.who)) throw ApiError(AppError::forbidden, "您不在本场考试的参考范围内");
    out.attempts = store::attempts(conn, exam_id, caller.user_id);
    return out;
  });
  auto const& exam = look.exam->exam;
  auto resume = [&](Attempt const& a) {
    Started resumed{a, false, look.exam, {}};
    resumed.answers = db_.read([&](db::Connection& conn) { return store::answers(conn, a.id); });
    return resumed;
  };
  for (auto& a : look.attempts) {
    a = expire_if_due(a, look.exam, now);
    if (a.status == AttemptStatus::in_progress) return resume(a);
  }
  if (now < exam.opens_at) throw ApiError(AppError::unprocessable, "考试尚未开始");
  if (exam.closed_at(now)) throw ApiError(AppError::unprocessable, "考试已结束");
  if (static_cast<int>(look.attempts.size()) >= exam.attempts_allowed)
    throw ApiError(AppError::unprocessable, "您的考试次数已用完");
  if (!pledged) throw ApiError(pledge_required, {}, "pledge");
  Attempt attempt;
  attempt.exam_id = exam_id;
  attempt.user_id = caller.user_id;
  attempt.number = static_cast<int>(look.attempts.size()) + 1;
  attempt.seed = new_seed();
  attempt.paper = draw_paper(look.exam->plan, look.who.rank, attempt.seed);
  attempt.status = AttemptStatus::in_progress;
  attempt.started_at = now;
  attempt.pledged_at = now;
  // Whole seconds, as the API shows it (the client counts down to exactly this).
  attempt.deadline = std::min(now - now % 1000 + exam.duration_minutes * base::minute_ms, exam.closes_at);
  try {
    attempt.id = db_.write([&](db::Connection& conn) {
      auto const id = store::insert_attempt(conn, attempt);
      auth::audit(conn, actor, "exam.attempt.start", "exam_attempt", std::to_string(id),
                  "exam " + std::to_string(exam_id) + ", attempt " + std::to_string(attempt.number));
      return id;
    });
  } catch (db::DbError const& error) {
    if (error.kind() != db::ErrorKind::unique_violation) throw;
    // Started at the same moment on another device: resume that attempt.
    auto existing = db_.read([&](db::Connection& conn) { return store::attempts(conn, exam_id, caller.user_id); });
    for (auto const& a : existing) {
      if (a.number == attempt.number) return resume(a);
    }
    throw;
  }
  return {attempt, true, look.exam, {}};
}

base::Millis ExamService::save_answer(auth::Principal const& caller, std::int64_t attempt_id, std::int64_t question_id,
                                      std::vector<std::string> const& letters) {
  std::shared_ptr<AttemptKey const> key;
  {
    std::lock_guard lock(mutex_);
    if (auto found = attempts_.find(attempt_id); found != attempts_.end()) key = found->second;
  }
  if (!key) {
    auto attempt = db_.read([&](db::Connection& conn) { return store::attempt(conn, attempt_id); });
    if (!attempt) throw ApiError(AppError::not_found, "答卷不存在");
    auto made = std::make_shared<AttemptKey>();
    made->exam_id = attempt->exam_id;
    made->user_id = attempt->user_id;
    made->deadline = attempt->deadline;
    made->paper = attempt->paper;
    key = made;
    std::lock_guard lock(mutex_);
    if (attempts_.size() > attempt_cache_limit) attempts_.clear();
    attempts_[attempt_id] = key;
  }
  if (key->user_id != caller.user_id) throw ApiError(AppError::not_found, "答卷不存在");
  auto item = std::find_if(key->paper.begin(), key->paper.end(), [&](auto const& i) { return i.question_id == question_id; });
  if (item == key->paper.end()) throw ApiError(AppError::not_found, "本试卷中没有这道题");
  std::string joined;
  for (auto const& letter : letters) joined += letter + ",";
  auto shown = normalise_letters(joined);
  if (!shown) throw ApiError(AppError::validation_failed, "答案应为选项字母，如 [\"A\",\"C\"]", "answer");
  for (char c : *shown) {
    if (static_cast<std::size_t>(c - 'A') >= item->order.size())
      throw ApiError(AppError::validation_failed, std::string("本题没有选项 ") + c, "answer");
  }
  auto const answer = keys_of_shown(item->order, *shown);  // stored under the question's own keys
  if (answer->size() > 1) {
    ExamPtr exam;
    {
      std::lock_guard lock(mutex_);
      if (auto found = exams_.find(key->exam_id); found != exams_.end()) exam = found->second;
    }
    if (!exam) exam = db_.read([&](db::Connection& conn) { return cached(conn, key->exam_id); });
    if (exam->plan.questions.at(question_id).type != "multiple")
      throw ApiError(AppError::validation_failed, "本题只能选一个答案", "answer");
  }
  auto const now = base::now_ms();
  if (now > key->deadline + grace_ms) {
    auto exam = db_.read([&](db::Connection& conn) { return cached(conn, key->exam_id); });
    auto attempt = db_.read([&](db::Connection& conn) { return store::attempt(conn, attempt_id); });
    expire_if_due(*attempt, exam, now);
    throw ApiError(attempt_closed, "考试时间已到，答卷已自动提交，本题答案未保存");
  }
  db_.write([&](db::Connection& conn) {
    if (store::attempt_status(conn, attempt_id) != AttemptStatus::in_progress)
      throw ApiError(attempt_closed, "答卷已提交，答案未保存");
    store::save_answer(conn, attempt_id, question_id, *answer, now);
  });
  return now;
}

void ExamService::record_event(auth::Actor const& actor, std::int64_t attempt_id, std::string const& kind) {
  auto const& caller = actor.user();
  auto const now = base::now_ms();
  auto [attempt, exam] = this->attempt(caller, attempt_id);  // finalises an attempt past its deadline
  if (attempt.status != AttemptStatus::in_progress) throw ApiError(attempt_closed, "答卷已结束");
  db_.write([&](db::Connection& conn) {
    if (store::attempt_status(conn, attempt_id) != AttemptStatus::in_progress) throw ApiError(attempt_closed, "答卷已结束");
    store::insert_event(conn, attempt_id, kind, now);
    auth::audit(conn, actor, "exam.attempt.event", "exam_attempt", std::to_string(attempt_id), kind);
  });
}

std::vector<store::Event> ExamService::attempt_events(auth::Principal const& caller, std::int64_t attempt_id) {
  bool const all = caller.has("exam.manage");
  if (!all && !caller.has("report.read")) throw ApiError(AppError::forbidden);
  return db_.read([&](db::Connection& conn) {
    auto const attempt = store::attempt(conn, attempt_id);
    if (!attempt) throw ApiError(AppError::not_found, "答卷不存在");
    if (!all) {
      auto const who = examinee(conn, attempt->user_id);
      if (!who || !caller.covers(who->region_path)) throw ApiError(AppError::not_found, "答卷不存在");
    }
    return store::events_of(conn, attempt_id);
  });
}

std::pair<Attempt, ExamPtr> ExamService::submit(auth::Actor const& actor, std::int64_t attempt_id) {
  auto const& caller = actor.user();
  auto const now = base::now_ms();
  auto [attempt, exam] = db_.read([&](db::Connection& conn) {
    auto a = own_attempt(conn, caller, attempt_id);
    return std::make_pair(a, cached(conn, a.exam_id));
  });
  if (attempt.status != AttemptStatus::in_progress) return {attempt, exam};
  auto done = db_.write([&](db::Connection& conn) {
    auto current = *store::attempt(conn, attempt_id);
    auto const late = now > current.deadline + grace_ms;
    auto out = finalise(conn, current, *exam, late ? AttemptStatus::expired : AttemptStatus::submitted, now);
    auth::audit(conn, actor, "exam.attempt.submit", "exam_attempt", std::to_string(attempt_id),
                std::to_string(out.score.value_or(0)) + " 分");
    return out;
  });
  return {done, exam};
}

std::pair<Attempt, ExamPtr> ExamService::attempt(auth::Principal const& caller, std::int64_t attempt_id) {
  auto [attempt, exam] = db_.read([&](db::Connection& conn) {
    auto a = own_attempt(conn, caller, attempt_id);
    return std::make_pair(a, cached(conn, a.exam_id));
  });
  return {expire_if_due(attempt, exam, base::now_ms()), exam};
}

Started ExamService::review(auth::Principal const& caller, std::int64_t attempt_id) {
  auto [attempt, exam] = this->attempt(caller, attempt_id);
  if (!exam->exam.closed_at(base::now_ms())) throw ApiError(review_not_open);
  if (attempt.status == AttemptStatus::in_progress) attempt = expire_if_due(attempt, exam, attempt.deadline + grace_ms + 1);
  Started out{attempt, false, exam, {}};
  out.answers = db_.read([&](db::Connection& conn) { return store::answers(conn, attempt_id); });
  return out;
}

}  // namespace pufa::exam
