#include "exam/service.hpp"

#include <algorithm>
#include <set>

#include "auth/audit.hpp"
#include "base/random.hpp"
#include "exam/codec.hpp"
#include "http/error.hpp"
#include "laws/numerals.hpp"
#include "laws/store.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

namespace {

void audit(db::Connection& conn, http::Request const& request, auth::Principal const& caller, std::string action,
           std::string type, std::int64_t id, std::string detail = {}) {
  auto entry = auth::audit_entry(request, &caller, std::move(action), std::move(type), std::to_string(id));
  entry.detail = std::move(detail);
  auth::record_audit(conn, entry);
}

bool covers_path(std::string const& path, std::vector<std::string> const& paths) {
  return std::any_of(paths.begin(), paths.end(), [&](auto const& p) { return path.starts_with(p); });
}

// The attempt that counts among the finished ones: the best score, or the last finished.
std::optional<Attempt> counted(std::vector<Attempt> const& attempts, std::string const& counts) {
  std::optional<Attempt> out;
  for (auto const& a : attempts) {
    if (a.status == "in_progress" || !a.score) continue;
    if (!out || counts == "last" || *a.score > *out->score) out = a;
  }
  return out;
}

std::uint64_t new_seed() { return std::stoull(base::random_hex(8), nullptr, 16); }

}  // namespace

bool eligible(Exam const& exam, Examinee const& who) {
  auto const& e = exam.eligibility;
  if (std::find(e.user_ids.begin(), e.user_ids.end(), who.user_id) != e.user_ids.end()) return true;
  if (e.unit_ids.empty() && e.region_ids.empty() && e.roles.empty()) {
    // No criterion but named users: only those; none at all: everyone who takes exams.
    if (!e.user_ids.empty()) return false;
    return std::find(who.roles.begin(), who.roles.end(), "examinee") != who.roles.end();
  }
  if (!e.unit_ids.empty() && (!who.unit_id || std::find(e.unit_ids.begin(), e.unit_ids.end(), *who.unit_id) == e.unit_ids.end()))
    return false;
  if (!e.region_ids.empty() && !covers_path(who.region_path, exam.region_paths)) return false;
  if (!e.roles.empty() && std::none_of(e.roles.begin(), e.roles.end(), [&](auto const& role) {
        return std::find(who.roles.begin(), who.roles.end(), role) != who.roles.end();
      }))
    return false;
  return true;
}

std::string certificate_no(Exam const& exam, std::int64_t user_id) {
  char out[48];
  std::snprintf(out, sizeof out, "LXPF-%s-%04lld-%06lld", base::iso8601(exam.opens_at).substr(0, 4).c_str(),
                static_cast<long long>(exam.id), static_cast<long long>(user_id));
  return out;
}

// ---- banks and questions ----

std::vector<Bank> ExamService::banks() {
  return db_.read([](db::Connection& conn) { return store::banks(conn); });
}

Bank ExamService::bank(std::int64_t id) {
  auto found = db_.read([&](db::Connection& conn) { return store::bank(conn, id); });
  if (!found) throw ApiError(AppError::not_found, "题库不存在");
  return *found;
}

Bank ExamService::save_bank(http::Request const& request, auth::Principal const& caller, std::optional<std::int64_t> id,
                            Bank input) {
  auto const now = base::now_ms();
  auto const saved = db_.write([&](db::Connection& conn) {
    if (id && !store::bank(conn, *id)) throw ApiError(AppError::not_found, "题库不存在");
    auto other = store::bank_id_by_name(conn, input.name);
    if (other && (!id || *other != *id)) throw ApiError(AppError::conflict, "已有同名题库", "name");
    std::int64_t bank_id = 0;
    if (id) {
      input.id = *id;
      store::update_bank(conn, input, now);
      bank_id = *id;
    } else {
      bank_id = store::insert_bank(conn, input, now);
    }
    audit(conn, request, caller, id ? "exam.bank.update" : "exam.bank.create", "exam_bank", bank_id, input.name);
    return *store::bank(conn, bank_id);
  });
  return saved;
}

void ExamService::delete_bank(http::Request const& request, auth::Principal const& caller, std::int64_t id) {
  db_.write([&](db::Connection& conn) {
    if (!store::bank(conn, id)) throw ApiError(AppError::not_found, "题库不存在");
    if (store::bank_in_use(conn, id)) throw ApiError(AppError::unprocessable, "已发布的考试正在使用该题库的题目，不能删除");
    store::delete_bank(conn, id);
    audit(conn, request, caller, "exam.bank.delete", "exam_bank", id);
  });
}

std::pair<std::vector<Question>, std::int64_t> ExamService::questions(store::QuestionFilter const& filter) {
  return db_.read([&](db::Connection& conn) {
    if (!store::bank(conn, filter.bank_id)) throw ApiError(AppError::not_found, "题库不存在");
    return std::make_pair(store::questions(conn, filter), store::count_questions(conn, filter));
  });
}

Question ExamService::question(std::int64_t id) {
  auto found = db_.read([&](db::Connection& conn) { return store::question(conn, id); });
  if (!found) throw ApiError(AppError::not_found, "题目不存在");
  return *found;
}

Question ExamService::save_question(http::Request const& request, auth::Principal const& caller, std::int64_t bank_id,
                                    std::optional<std::int64_t> id, Question input) {
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (id) {
      auto existing = store::question(conn, *id);
      if (!existing) throw ApiError(AppError::not_found, "题目不存在");
      bank_id = existing->bank_id;
    } else if (!store::bank(conn, bank_id)) {
      throw ApiError(AppError::not_found, "题库不存在");
    }
    input.bank_id = bank_id;
    auto same = store::question_by_key(conn, bank_id, stem_key(input.stem));
    if (same && (!id || *same != *id)) throw ApiError(AppError::conflict, "题库中已有相同题干的题目", "stem");
    if (id) {
      input.id = *id;
      store::update_question(conn, input, now);
    } else {
      input.id = store::insert_question(conn, input, now);
    }
    audit(conn, request, caller, id ? "exam.question.update" : "exam.question.create", "exam_question", input.id);
    return *store::question(conn, input.id);
  });
}

void ExamService::delete_question(http::Request const& request, auth::Principal const& caller, std::int64_t id) {
  db_.write([&](db::Connection& conn) {
    if (!store::question(conn, id)) throw ApiError(AppError::not_found, "题目不存在");
    store::delete_question(conn, id);
    audit(conn, request, caller, "exam.question.delete", "exam_question", id);
  });
}

ImportResult ExamService::import(http::Request const& request, auth::Principal const& caller, std::int64_t bank_id,
                                 Format format) {
  if (request.body.empty()) throw ApiError(AppError::validation_failed, "请选择要导入的文件", "file");
  auto const rows = read_import(request.body, format);
  // Validate every row before touching the database, so a bad file stores nothing.
  boost::json::array errors;
  std::vector<std::pair<std::size_t, Question>> good;
  for (auto const& row : rows) {
    if (!row.error.empty()) {
      if (errors.size() < max_reported_rows) errors.push_back({{"row", row.row}, {"field", row.field}, {"message", row.error}});
      continue;
    }
    try {
      good.emplace_back(row.row, question_from_json(row.body));
    } catch (ApiError const& error) {
      if (errors.size() < max_reported_rows)
        errors.push_back({{"row", row.row}, {"field", error.field()}, {"message", error.message()}});
    }
  }
  if (!errors.empty()) {
    throw ApiError(AppError::import_failed, "导入失败：" + std::to_string(errors.size()) + " 行有错误，未写入任何数据")
        .with({{"errors", std::move(errors)}});
  }
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (!store::bank(conn, bank_id)) throw ApiError(AppError::not_found, "题库不存在");
    auto keys = store::stem_keys(conn, bank_id);
    ImportResult result;
    for (auto& [row, q] : good) {
      if (!keys.insert(stem_key(q.stem)).second) {
        result.skipped.emplace_back(row, q.stem);
        continue;
      }
      q.bank_id = bank_id;
      store::insert_question(conn, q, now);
      ++result.imported;
    }
    audit(conn, request, caller, "exam.question.import", "exam_bank", bank_id,
          std::to_string(result.imported) + " imported, " + std::to_string(result.skipped.size()) + " duplicates");
    return result;
  });
}

std::map<std::string, LawLink> ExamService::law_links(std::vector<std::string> const& refs) {
  std::map<std::string, LawLink> out;
  db_.read([&](db::Connection& conn) {
    for (auto const& text : refs) {
      if (text.empty() || out.contains(text)) continue;
      LawLink link{text, std::nullopt, {}, {}};
      auto const at = text.find("第");
      auto const space = text.rfind(' ');
      auto const split = at != std::string::npos ? at : space;
      if (split != std::string::npos && split > 0) {
        auto law_name = text.substr(0, split);
        while (!law_name.empty() && law_name.back() == ' ') law_name.pop_back();
        auto ref = laws::parse_article_ref(text.substr(split));
        auto law = ref ? laws::store::find_law(conn, law_name) : std::nullopt;
        auto version = law ? laws::store::latest_version(conn, law->id) : std::nullopt;
        if (version && laws::store::article(conn, version->id, *ref)) {
          link.law_id = law->id;
          link.number = laws::article_label(*ref);
          link.url = "/laws/" + std::to_string(law->id) + "/articles/" +
                     (ref->suffix ? link.number : std::to_string(ref->number));
        }
      }
      out[text] = std::move(link);
    }
  });
  return out;
}

// ---- examinees ----

std::vector<Examinee> ExamService::examinees(auth::Principal const& caller, std::optional<std::int64_t> unit_id,
                                             std::string const& q) {
  auto all = db_.read([](db::Connection& conn) { return store::examinees(conn); });
  std::vector<Examinee> out;
  for (auto& e : all) {
    if (!caller.covers(e.region_path)) continue;
    if (unit_id && e.unit_id != unit_id) continue;
    if (!q.empty() && e.display_name.find(q) == std::string::npos && e.username.find(q) == std::string::npos) continue;
    if (std::find(e.roles.begin(), e.roles.end(), "examinee") == e.roles.end() && !e.unit_id) continue;
    out.push_back(std::move(e));
  }
  return out;
}

Examinee ExamService::set_examinee(http::Request const& request, auth::Principal const& caller, std::int64_t user_id,
                                   std::optional<std::int64_t> unit_id, std::string rank) {
  return db_.write([&](db::Connection& conn) {
    auto who = store::examinee(conn, user_id);
    if (!who) throw ApiError(AppError::not_found, "用户不存在");
    if (!caller.covers(who->region_path)) throw ApiError(AppError::out_of_scope);
    if (unit_id && !store::unit_exists(conn, *unit_id)) throw ApiError(AppError::validation_failed, "单位不存在", "unit_id");
    store::set_examinee(conn, user_id, unit_id, rank, base::now_ms());
    audit(conn, request, caller, "exam.examinee.update", "user", user_id, rank);
    return *store::examinee(conn, user_id);
  });
}

// ---- exams ----

std::vector<Exam> ExamService::exams() {
  return db_.read([](db::Connection& conn) { return store::exams(conn); });
}

Exam ExamService::exam(std::int64_t id) {
  auto found = db_.read([&](db::Connection& conn) { return store::exam(conn, id); });
  if (!found) throw ApiError(AppError::not_found, "考试不存在");
  return *found;
}

namespace {

void check_references(db::Connection& conn, Exam const& exam) {
  for (auto id : exam.eligibility.unit_ids)
    if (!store::unit_exists(conn, id)) throw ApiError(AppError::validation_failed, "单位 " + std::to_string(id) + " 不存在", "eligibility.unit_ids");
  for (auto id : exam.eligibility.region_ids)
    if (!store::region_path(conn, id)) throw ApiError(AppError::validation_failed, "区域 " + std::to_string(id) + " 不存在", "eligibility.region_ids");
  for (auto id : exam.eligibility.user_ids)
    if (!store::user_exists(conn, id)) throw ApiError(AppError::validation_failed, "用户 " + std::to_string(id) + " 不存在", "eligibility.user_ids");
  for (auto id : exam.paper.bank_ids)
    if (!store::bank(conn, id)) throw ApiError(AppError::validation_failed, "题库 " + std::to_string(id) + " 不存在", "paper.bank_ids");
  if (exam.paper.mode == "fixed") {
    auto const found = store::questions_by_ids(conn, exam.paper.question_ids);
    if (found.size() != exam.paper.question_ids.size())
      throw ApiError(AppError::validation_failed, "所选试题中有不存在的题目", "paper.question_ids");
  }
}

}  // namespace

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

Exam ExamService::save_exam(http::Request const& request, auth::Principal const& caller, std::optional<std::int64_t> id,
                            Exam input) {
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (id) {
      auto existing = store::exam(conn, *id);
      if (!existing) throw ApiError(AppError::not_found, "考试不存在");
      if (existing->status != "draft") throw ApiError(AppError::unprocessable, "考试已发布，不能修改");
    }
    check_references(conn, input);
    if (id) {
      input.id = *id;
      store::update_exam(conn, input, now);
    } else {
      input.id = store::insert_exam(conn, input, now);
    }
    audit(conn, request, caller, id ? "exam.update" : "exam.create", "exam", input.id, input.title);
    return *store::exam(conn, input.id);
  });
}

void ExamService::delete_exam(http::Request const& request, auth::Principal const& caller, std::int64_t id) {
  db_.write([&](db::Connection& conn) {
    auto existing = store::exam(conn, id);
    if (!existing) throw ApiError(AppError::not_found, "考试不存在");
    if (existing->status != "draft" || store::exam_has_attempts(conn, id))
      throw ApiError(AppError::unprocessable, "只能删除未发布的考试");
    store::delete_exam(conn, id);
    audit(conn, request, caller, "exam.delete", "exam", id, existing->title);
  });
}

Exam ExamService::publish(http::Request const& request, auth::Principal const& caller, std::int64_t id) {
  auto const now = base::now_ms();
  auto out = db_.write([&](db::Connection& conn) {
    auto existing = store::exam(conn, id);
    if (!existing) throw ApiError(AppError::not_found, "考试不存在");
    if (existing->status != "draft") throw ApiError(AppError::unprocessable, "考试已发布");
    if (existing->closes_at <= now) throw ApiError(AppError::unprocessable, "截止时间已过，不能发布", "closes_at");
    store::freeze_pool(conn, id, pool_for(conn, *existing), now);
    audit(conn, request, caller, "exam.publish", "exam", id, existing->title);
    return *store::exam(conn, id);
  });
  db_.read([&](db::Connection& conn) { cached(conn, id); });  // build the pools now, not at the first start
  return out;
}

Exam ExamService::close(http::Request const& request, auth::Principal const& caller, std::int64_t id) {
  auto const now = base::now_ms();
  auto exam = db_.read([&](db::Connection& conn) { return cached(conn, id); });
  if (!exam) throw ApiError(AppError::not_found, "考试不存在");
  if (exam->exam.status == "draft") throw ApiError(AppError::unprocessable, "考试尚未发布");
  return db_.write([&](db::Connection& conn) {
    auto existing = store::exam(conn, id);
    if (existing->status != "published") throw ApiError(AppError::unprocessable, "考试已结束");
    store::set_exam_status(conn, id, "closed", std::min(existing->closes_at, now), now);
    for (auto attempt_id : store::open_attempts(conn, id)) finalise(conn, *store::attempt(conn, attempt_id), *exam, "expired", now);
    audit(conn, request, caller, "exam.close", "exam", id, existing->title);
    return *store::exam(conn, id);
  });
}

// ---- the paper cache ----

std::shared_ptr<CachedExam> load_exam(db::Connection& conn, std::int64_t exam_id) {
  auto exam_row = store::exam(conn, exam_id);
  if (!exam_row) return nullptr;
  auto built = std::make_shared<CachedExam>();
  built->exam = std::move(*exam_row);
  auto& exam = built->exam;
  for (auto id : exam.eligibility.region_ids) {
    if (auto path = store::region_path(conn, id)) exam.region_paths.push_back(*path);
  }
  auto& plan = built->plan;
  plan.shuffle_questions = exam.shuffle_questions;
  plan.shuffle_options = exam.shuffle_options;
  std::vector<Question const*> pointers;
  if (exam.status != "draft") {
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
               std::string const& status, base::Millis now) {
  int score = 0;
  for (auto const& item : attempt.paper) {
    auto given = answers.find(item.question_id);
    auto question = exam.plan.questions.find(item.question_id);
    if (given != answers.end() && question != exam.plan.questions.end() &&
        answer_correct(question->second.answer, given->second))
      score += item.score;
  }
  attempt.status = status;
  attempt.submitted_at = status == "expired" ? std::min(now, attempt.deadline) : now;
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
  if (!exam || exam->exam.status == "draft") throw ApiError(AppError::not_found, "考试不存在");
  return exam;
}

// ---- attempts ----

Attempt ExamService::finalise(db::Connection& conn, Attempt attempt, CachedExam const& exam, std::string const& status,
                              base::Millis now) {
  if (attempt.status != "in_progress") return attempt;
  attempt = graded(attempt, exam, store::answers(conn, attempt.id), status, now);
  if (!store::finish_attempt(conn, attempt)) return *store::attempt(conn, attempt.id);
  return attempt;
}

Attempt ExamService::expire_if_due(Attempt attempt, ExamPtr const& exam, base::Millis now) {
  if (attempt.status != "in_progress" || now <= attempt.deadline + grace_ms) return attempt;
  return db_.write([&](db::Connection& conn) {
    auto current = store::attempt(conn, attempt.id);
    return finalise(conn, *current, *exam, "expired", now);
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
    Examinee who{};
    who.user_id = caller.user_id;
    who.region_path = caller.region_path;
    who.roles = caller.roles;
    std::tie(who.unit_id, who.rank) = store::profile(conn, caller.user_id);
    std::vector<std::pair<ExamPtr, std::vector<Attempt>>> mine;
    auto const all = store::attempts_of_user(conn, caller.user_id);
    for (auto const& row : store::exams(conn)) {
      if (row.status == "draft") continue;
      auto exam = cached(conn, row.id);
      if (!eligible(exam->exam, who)) continue;
      std::vector<Attempt> attempts;
      for (auto const& a : all) if (a.exam_id == row.id) attempts.push_back(a);
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
    for (auto const& a : attempts) if (a.status == "in_progress") item.attempt_id = a.id;
    if (item.attempt_id) item.state = "in_progress";
    else if (exam->exam.closed_at(now)) item.state = "closed";
    else if (now < exam->exam.opens_at) item.state = "upcoming";
    else if (item.attempts_used >= exam->exam.attempts_allowed) item.state = "submitted";
    else item.state = "open";
    out.push_back(std::move(item));
  }
  return out;
}

Started ExamService::start(auth::Principal const& caller, std::int64_t exam_id) {
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
    out.who.user_id = caller.user_id;
    out.who.region_path = caller.region_path;
    out.who.roles = caller.roles;
    std::tie(out.who.unit_id, out.who.rank) = store::profile(conn, caller.user_id);
    if (!eligible(out.exam->exam, out.who)) throw ApiError(AppError::forbidden, "您不在本场考试的参考范围内");
    out.attempts = store::attempts(conn, exam_id, caller.user_id);
    return out;
  });
  auto const& exam = look.exam->exam;
  for (auto& a : look.attempts) {
    a = expire_if_due(a, look.exam, now);
    if (a.status == "in_progress") {
      Started resumed{a, false, look.exam, {}};
      resumed.answers = db_.read([&](db::Connection& conn) { return store::answers(conn, a.id); });
      return resumed;
    }
  }
  if (now < exam.opens_at) throw ApiError(AppError::unprocessable, "考试尚未开始");
  if (exam.closed_at(now)) throw ApiError(AppError::unprocessable, "考试已结束");
  if (static_cast<int>(look.attempts.size()) >= exam.attempts_allowed)
    throw ApiError(AppError::unprocessable, "您的考试次数已用完");
  Attempt attempt;
  attempt.exam_id = exam_id;
  attempt.user_id = caller.user_id;
  attempt.number = static_cast<int>(look.attempts.size()) + 1;
  attempt.seed = new_seed();
  attempt.paper = draw_paper(look.exam->plan, look.who.rank, attempt.seed);
  attempt.status = "in_progress";
  attempt.started_at = now;
  // Whole seconds, as the API shows it (the client counts down to exactly this).
  attempt.deadline = std::min(now - now % 1000 + exam.duration_minutes * base::minute_ms, exam.closes_at);
  try {
    attempt.id = db_.write([&](db::Connection& conn) { return store::insert_attempt(conn, attempt); });
  } catch (db::DbError const& error) {
    if (error.kind() != db::ErrorKind::unique_violation) throw;
    // Started at the same moment on another device: resume that attempt.
    auto existing = db_.read([&](db::Connection& conn) { return store::attempts(conn, exam_id, caller.user_id); });
    for (auto const& a : existing) {
      if (a.number == attempt.number) {
        Started resumed{a, false, look.exam, {}};
        resumed.answers = db_.read([&](db::Connection& conn) { return store::answers(conn, a.id); });
        return resumed;
      }
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
    if (attempts_.size() > 200'000) attempts_.clear();
    attempts_[attempt_id] = key;
  }
  if (key->user_id != caller.user_id) throw ApiError(AppError::not_found, "答卷不存在");
  auto item = std::find_if(key->paper.begin(), key->paper.end(), [&](auto const& i) { return i.question_id == question_id; });
  if (item == key->paper.end()) throw ApiError(AppError::not_found, "本试卷中没有这道题");
  std::string joined;
  for (auto const& letter : letters) joined += letter + ",";
  auto answer = normalise_letters(joined);
  if (!answer) throw ApiError(AppError::validation_failed, "答案应为选项字母，如 [\"A\",\"C\"]", "answer");
  for (char c : *answer) {
    if (item->order.find(c) == std::string::npos)
      throw ApiError(AppError::validation_failed, std::string("本题没有选项 ") + c, "answer");
  }
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
    throw ApiError(AppError::attempt_closed, "考试时间已到，答卷已自动提交，本题答案未保存");
  }
  db_.write([&](db::Connection& conn) {
    if (store::attempt_status(conn, attempt_id).value_or("") != "in_progress")
      throw ApiError(AppError::attempt_closed, "答卷已提交，答案未保存");
    store::save_answer(conn, attempt_id, question_id, *answer, now);
  });
  return now;
}

void ExamService::record_event(auth::Principal const& caller, std::int64_t attempt_id, std::string const& kind) {
  auto const now = base::now_ms();
  auto [attempt, exam] = this->attempt(caller, attempt_id);  // finalises an attempt past its deadline
  if (attempt.status != "in_progress") throw ApiError(AppError::attempt_closed, "答卷已结束");
  db_.write([&](db::Connection& conn) {
    if (store::attempt_status(conn, attempt_id).value_or("") != "in_progress")
      throw ApiError(AppError::attempt_closed, "答卷已结束");
    store::insert_event(conn, attempt_id, kind, now);
  });
}

std::vector<store::Event> ExamService::attempt_events(auth::Principal const& caller, std::int64_t attempt_id) {
  bool const all = caller.has("exam.manage");
  if (!all && !caller.has("report.read")) throw ApiError(AppError::forbidden);
  return db_.read([&](db::Connection& conn) {
    auto const attempt = store::attempt(conn, attempt_id);
    if (!attempt) throw ApiError(AppError::not_found, "答卷不存在");
    if (!all) {
      auto const examinee = store::examinee(conn, attempt->user_id);
      if (!examinee || !caller.covers(examinee->region_path)) throw ApiError(AppError::not_found, "答卷不存在");
    }
    return store::events_of(conn, attempt_id);
  });
}

std::pair<Attempt, ExamPtr> ExamService::submit(http::Request const& request, auth::Principal const& caller,
                                                std::int64_t attempt_id) {
  auto const now = base::now_ms();
  auto [attempt, exam] = db_.read([&](db::Connection& conn) {
    auto a = own_attempt(conn, caller, attempt_id);
    return std::make_pair(a, cached(conn, a.exam_id));
  });
  if (attempt.status != "in_progress") return {attempt, exam};
  auto done = db_.write([&](db::Connection& conn) {
    auto current = *store::attempt(conn, attempt_id);
    auto const late = now > current.deadline + grace_ms;
    auto out = finalise(conn, current, *exam, late ? "expired" : "submitted", now);
    audit(conn, request, caller, "exam.attempt.submit", "exam_attempt", attempt_id,
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
  if (!exam->exam.closed_at(base::now_ms())) throw ApiError(AppError::review_not_open);
  if (attempt.status == "in_progress") attempt = expire_if_due(attempt, exam, attempt.deadline + grace_ms + 1);
  Started out{attempt, false, exam, {}};
  out.answers = db_.read([&](db::Connection& conn) { return store::answers(conn, attempt_id); });
  return out;
}

Certificate ExamService::certificate(auth::Principal const& caller, std::int64_t attempt_id) {
  auto [attempt, exam] = this->attempt(caller, attempt_id);
  if (attempt.status == "in_progress" || !attempt.passed)
    throw ApiError(AppError::unprocessable, "只有通过考试的答卷才有合格证书");
  auto who = db_.read([&](db::Connection& conn) { return store::examinee(conn, caller.user_id); });
  Certificate out;
  out.name = who ? who->display_name : caller.display_name;
  out.unit = who && !who->unit_name.empty() ? who->unit_name : who ? who->region_name : "";
  out.exam_title = exam->exam.title;
  out.score = attempt.score.value_or(0);
  out.grade = attempt.grade;
  out.passed_on = base::iso8601(attempt.submitted_at.value_or(attempt.started_at)).substr(0, 10);
  out.certificate_no = certificate_no(exam->exam, caller.user_id);
  return out;
}

// ---- results ----

std::pair<ExamPtr, std::vector<ResultRow>> ExamService::results(auth::Principal const& caller, std::int64_t exam_id) {
  bool const all = caller.has("exam.manage");
  if (!all && !caller.has("report.read")) throw ApiError(AppError::forbidden);
  auto exam = db_.read([&](db::Connection& conn) { return published(conn, exam_id); });
  sweep(exam_id);
  auto [people, attempts] = db_.read([&](db::Connection& conn) {
    return std::make_pair(store::examinees(conn), store::attempts_of_exam(conn, exam_id));
  });
  std::map<std::int64_t, std::vector<Attempt>> by_user;
  for (auto& a : attempts) by_user[a.user_id].push_back(std::move(a));
  std::vector<ResultRow> out;
  for (auto& person : people) {
    if (!all && !caller.covers(person.region_path)) continue;
    auto found = by_user.find(person.user_id);
    if (found == by_user.end() && !eligible(exam->exam, person)) continue;
    ResultRow row;
    row.user = std::move(person);
    if (found != by_user.end()) {
      row.attempts = static_cast<int>(found->second.size());
      row.counted = counted(found->second, exam->exam.counts);
    }
    out.push_back(std::move(row));
  }
  return {exam, out};
}

Stats ExamService::stats(std::vector<ResultRow> const& rows, ExamPtr const&) {
  Stats out;
  std::map<std::int64_t, StatsRow> units, regions;
  auto const townships = db_.read([](db::Connection& conn) { return store::regions_at_level(conn, 2); });
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
