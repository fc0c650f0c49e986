// The exam area's demo: a civil-servant bank written from hand-made facts, demo civil servants
// in units across the 16 townships, the closed 2020 yearly exam with results, a 2020 任前考试
// for five new cadres, and an exam open now for the demo examinee wangfang.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "auth/accounts.hpp"
#include "auth/password.hpp"
#include "auth/regions.hpp"
#include "base/sequence.hpp"
#include "exam/demo_facts.hpp"
#include "exam/paper.hpp"
#include "exam/routes.hpp"
#include "org/directory.hpp"
#include "exam/service.hpp"
#include "exam/store.hpp"

namespace pufa::exam {

namespace {

constexpr char const* bank_name = "公务员学法用法题库";
constexpr char const* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高",
                                    "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "叶", "程", "蒋"};
constexpr char const* given[] = {"伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
                                 "超", "霞", "平", "刚", "华", "萍", "鹏", "辉", "燕", "飞", "斌", "宇", "浩", "婷", "琳"};

base::Millis at(char const* iso) { return *base::parse_iso8601(iso); }

std::string replace_blank(std::string text, std::string const& with) {
  auto const blank = std::string("（　）");
  auto const pos = text.find(blank);
  if (pos != std::string::npos) text.replace(pos, blank.size(), with);
  return text;
}

void build_bank(db::Connection& conn, std::int64_t bank_id, base::Millis now) {
  base::Sequence random(20201204);
  for (auto const& fact : demo::facts) {
    Question base;
    base.bank_id = bank_id;
    base.tags = {fact.tag};
    base.law_ref = fact.law_ref;
    base.difficulty = fact.difficulty;
    base.explanation = fact.explanation;
    Question single = base;
    single.type = "single";
    single.stem = fact.text;
    std::vector<std::string> texts{fact.answer, fact.wrong[0], fact.wrong[1], fact.wrong[2]};
    auto const right = random.below(4);
    std::swap(texts[0], texts[right]);
    for (std::size_t i = 0; i < texts.size(); ++i) single.options.push_back({std::string(1, char('A' + i)), texts[i]});
    single.answer = std::string(1, char('A' + right));
    store::insert_question(conn, single, now);
    Question judge = base;
    judge.type = "judge";
    judge.options = {{"A", "正确"}, {"B", "错误"}};
    judge.stem = replace_blank(fact.text, fact.answer);
    judge.answer = "A";
    store::insert_question(conn, judge, now);
    for (auto const* wrong : fact.wrong) {
      judge.stem = replace_blank(fact.text, wrong);
      judge.answer = "B";
      judge.difficulty = std::min(5, fact.difficulty + 1);
      store::insert_question(conn, judge, now);
    }
  }
  for (auto const& multi : demo::multis) {
    Question q;
    q.bank_id = bank_id;
    q.type = "multiple";
    q.stem = multi.stem;
    for (std::size_t i = 0; i < 5 && *multi.options[i]; ++i) q.options.push_back({std::string(1, char('A' + i)), multi.options[i]});
    q.answer = multi.answer;
    q.explanation = multi.explanation;
    q.difficulty = multi.difficulty;
    q.tags = {multi.tag};
    store::insert_question(conn, q, now);
  }
}

struct Person {
  std::int64_t user_id;
  int ability;  // per cent of questions answered right
};

std::int64_t unit_named(db::Connection& conn, std::string const& name) {
  auto unit = org::directory::unit_named(conn, name);
  return unit ? unit->id : 0;
}

std::int64_t add_user(db::Connection& conn, std::string const& username, std::string const& name, std::int64_t unit_id,
                      std::string const& rank, std::string const& hash, base::Millis now) {
  auto const unit = org::directory::unit(conn, unit_id);
  auto const region = unit ? unit->region_id : auth::regions::root(conn).id;
  auto const id = auth::accounts::add(conn, auth::system_actor("pufa demo"), {username, name, hash, region, {"examinee"}, false});
  store::set_examinee(conn, id, unit_id, rank, now);
  return id;
}

Exam exam_spec(std::string title, std::string kind, base::Millis opens, base::Millis closes, int minutes,
               std::int64_t bank_id, std::vector<Rule> rules, int pass_mark) {
  Exam exam;
  exam.title = std::move(title);
  exam.kind = std::move(kind);
  exam.opens_at = opens;
  exam.closes_at = closes;
  exam.duration_minutes = minutes;
  exam.pass_mark = pass_mark;
  exam.grade_bands = {{90, "优秀"}, {80, "良好"}, {60, "合格"}};
  exam.attempts_allowed = 1;
  exam.paper.mode = "random";
  exam.paper.bank_ids = {bank_id};
  exam.paper.rules = std::move(rules);
  exam.total_score = total_score(exam.paper.rules);
  for (auto const& rule : exam.paper.rules) exam.question_count += rule.count;
  return exam;
}

std::int64_t publish(db::Connection& conn, Exam const& exam, base::Millis now) {
  auto const id = store::insert_exam(conn, exam, now);
  auto stored = *store::exam(conn, id);
  store::freeze_pool(conn, id, pool_for(conn, stored), now);
  return id;
}

// Sits the exam for each person: a deterministic paper, answers right with the person's
// ability, graded by the same code as a real submission.
void sit(db::Connection& conn, std::int64_t exam_id, std::vector<Person> const& people, base::Millis start_day) {
  auto const exam = load_exam(conn, exam_id);
  base::Sequence random(static_cast<std::uint64_t>(exam_id) * 7919);
  for (std::size_t i = 0; i < people.size(); ++i) {
    auto const& person = people[i];
    Attempt attempt;
    attempt.exam_id = exam_id;
    attempt.user_id = person.user_id;
    attempt.seed = static_cast<std::uint64_t>(exam_id) * 1'000'003 + static_cast<std::uint64_t>(person.user_id);
    attempt.paper = draw_paper(exam->plan, "", attempt.seed);
    attempt.status = AttemptStatus::in_progress;
    attempt.started_at = start_day + static_cast<base::Millis>(random.below(10)) * 86'400'000 + random.below(8 * 60) * base::minute_ms;
    attempt.deadline = std::min(attempt.started_at + exam->exam.duration_minutes * base::minute_ms, exam->exam.closes_at);
    std::map<std::int64_t, std::string> answers;
    for (auto const& item : attempt.paper) {
      auto const& q = exam->plan.questions.at(item.question_id);
      if (random.below(100) < person.ability) {
        answers[q.id] = q.answer;
      } else {
        std::string wrong(1, q.options[(q.answer[0] - 'A' + 1 + random.below(int(q.options.size()) - 1)) % q.options.size()].key[0]);
        answers[q.id] = wrong;
      }
    }
    auto const finished = attempt.started_at + (20 + random.below(exam->exam.duration_minutes - 20)) * base::minute_ms;
    auto done = graded(attempt, *exam, answers, AttemptStatus::submitted, finished);
    done.id = store::insert_attempt(conn, done);
    for (auto const& [qid, answer] : answers) store::save_answer(conn, done.id, qid, answer, finished);
    // About one in twelve left the page once or twice (another tab, a call): the browser reports
    // hidden, blur and visible each time, which 成绩统计 shows as 页面事件. From the user id, so
    // that the draws above (and the demo's figures) stay put.
    if (person.user_id % 12 == 5) {
      for (std::int64_t leave = 0; leave <= person.user_id % 2; ++leave) {
        auto const at = attempt.started_at + (5 + 7 * leave) * base::minute_ms;
        store::insert_event(conn, done.id, "hidden", at);
        store::insert_event(conn, done.id, "blur", at + 200);
        store::insert_event(conn, done.id, "visible", at + 40'000);
      }
    }
  }
}

}  // namespace

void load_demo(db::Connection& conn) {
  if (store::bank_id_by_name(conn, bank_name)) return;
  auto const now = base::now_ms();
  Bank bank{0, bank_name, "civil_servant", "依据宪法、民法典、行政法和普法工作要点编写，供年度学法用法考试使用", 0, now, now};
  auto const bank_id = store::insert_bank(conn, bank, now);
  build_bank(conn, bank_id, now);
  store::put_setting(conn, "issuer", "兰溪市守法普法协调小组办公室", now);
  store::insert_bank(conn, {0, "领导干部任前法律知识题库", "leader", "新任市管领导干部任前法律考试", 0, now, now}, now);
  store::insert_bank(conn, {0, "青少年法治教育题库", "youth", "青少年法治教育基地、模拟法庭配套题目", 0, now, now}, now);

  // One hash for every demo civil servant: Argon2id per user would take minutes.
  auto const hash = auth::hash_password("Pufa-Exam-2026");
  base::Sequence random(20200601);
  std::vector<Person> civil_servants;
  auto const towns = auth::regions::at_level(conn, auth::regions::root(conn).path, auth::regions::township_level);
  int serial = 0;
  auto add_person = [&](std::int64_t unit_id, std::string const& rank) {
    if (!unit_id) return;
    auto const username = fmt::format("gwy{:03}", ++serial);
    std::string name = std::string(surnames[random.below(30)]) + given[random.below(30)] + (random.below(2) ? given[random.below(30)] : "");
    auto const id = add_user(conn, username, name, unit_id, rank, hash, now);
    civil_servants.push_back({id, 45 + random.below(54)});
  };
  char const* ranks[] = {"科员", "科员", "副科级", "正科级"};
  for (auto const& town : towns) {
    std::string const office = town.name + (town.name.ends_with("街道") ? "办事处" : "人民政府");
    std::string short_name = town.name.substr(0, town.name.size() - (town.name.ends_with("街道") ? 6 : 3));
    if (town.name == "水亭畲族乡") short_name = "水亭";
    for (int i = 0; i < 8; ++i) add_person(unit_named(conn, office), ranks[random.below(4)]);
    for (int i = 0; i < 2; ++i) add_person(unit_named(conn, short_name + "司法所"), ranks[random.below(4)]);
  }
  for (auto const* dept : {"市司法局", "市公安局", "市教育局", "市市场监管局", "市卫健局", "市民政局", "市人力社保局", "市农业农村局"}) {
    for (int i = 0; i < 5; ++i) add_person(unit_named(conn, dept), ranks[random.below(4)]);
  }
  if (auto const wangfang = auth::accounts::id_of(conn, "wangfang")) {
    store::set_examinee(conn, *wangfang, unit_named(conn, "马涧镇人民政府"), "科员", now);
  }

  std::vector<Person> cadres;
  constexpr char const* cadre_names[] = {"陈建国", "周晓东", "吴丽华", "郑志文", "何海燕"};
  constexpr char const* cadre_units[] = {"市教育局", "市市场监管局", "游埠镇人民政府", "市交通运输局", "云山街道办事处"};
  for (int i = 0; i < 5; ++i) {
    auto const unit = unit_named(conn, cadre_units[i]);
    if (!unit) continue;
    auto const username = fmt::format("xrgb{:02}", i + 1);
    cadres.push_back({add_user(conn, username, cadre_names[i], unit, "县处级", hash, now), 70 + 5 * i});
  }

  // 2020 学法用法考试: closed, about 93 % sat.
  auto yearly = exam_spec("2020年度兰溪市国家工作人员学法用法考试", "yearly", at("2020-11-02T00:00:00Z"),
                          at("2020-11-30T10:00:00Z"), 90, bank_id,
                          {{"single", 30, 2, "", 0}, {"multiple", 5, 4, "", 0}, {"judge", 20, 1, "", 0}}, 60);
  yearly.eligibility.roles = {"examinee"};
  auto const yearly_id = publish(conn, yearly, now);
  std::vector<Person> sat;
  for (auto const& p : civil_servants) {
    if (random.below(100) >= 7) sat.push_back(p);
  }
  sit(conn, yearly_id, sat, at("2020-11-09T01:00:00Z"));
  store::set_exam_status(conn, yearly_id, ExamStatus::closed, yearly.closes_at, now);

  // 2020 新任市管领导干部任前法律考试: a named list.
  auto pre = exam_spec("2020年新任市管领导干部任前法律知识考试", "pre_appointment", at("2020-07-06T00:30:00Z"),
                       at("2020-07-06T03:30:00Z"), 60, bank_id, {{"single", 20, 3, "", 0}, {"judge", 20, 2, "", 0}}, 80);
  for (auto const& c : cadres) pre.eligibility.user_ids.push_back(c.user_id);
  auto const pre_id = publish(conn, pre, now);
  sit(conn, pre_id, cadres, at("2020-07-06T00:30:00Z"));
  store::set_exam_status(conn, pre_id, ExamStatus::closed, pre.closes_at, now);

  // Open now, for a week already and a month to come: the browser test sits it as wangfang.
  auto const year = std::to_string(base::shanghai_year(now));
  auto open = exam_spec(year + "年度兰溪市国家工作人员学法用法考试", "yearly", now - 7 * 24 * base::hour_ms,
                        now + 30 * 24 * base::hour_ms, 60, bank_id,
                        {{"single", 15, 3, "", 0}, {"multiple", 5, 5, "", 0}, {"judge", 15, 2, "", 0}}, 60);
  open.eligibility.roles = {"examinee"};
  open.attempts_allowed = 2;
  publish(conn, open, now);
}

}  // namespace pufa::exam
