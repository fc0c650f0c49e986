#include "exam/view.hpp"

#include <cmath>

namespace pufa::exam {

namespace json = boost::json;

namespace {

json::array strings(std::vector<std::string> const& values) {
  json::array out;
  for (auto const& v : values) out.emplace_back(v);
  return out;
}

}  // namespace

json::array options_json(std::vector<Option> const& options, std::string const& order) {
  json::array out;
  if (order.empty()) {
    for (auto const& o : options) out.push_back({{"key", o.key}, {"text", o.text}});
    return out;
  }
  // Relabelled in the order shown: the examinee reads A, B, C … whatever the shuffle.
  char shown = 'A';
  for (char key : order) {
    auto const index = static_cast<std::size_t>(key - 'A');
    if (index < options.size()) out.push_back({{"key", std::string(1, shown++)}, {"text", options[index].text}});
  }
  return out;
}

json::array letters_json(std::string const& letters) {
  json::array out;
  for (char c : letters) out.emplace_back(std::string(1, c));
  return out;
}

json::value law_json(std::string const& text, std::map<std::string, LawLink> const& links) {
  if (text.empty()) return nullptr;
  auto found = links.find(text);
  json::object out{{"text", text}, {"law_id", nullptr}, {"number", nullptr}, {"url", nullptr}};
  if (found != links.end() && found->second.law_id) {
    out["law_id"] = *found->second.law_id;
    out["number"] = found->second.number;
    out["url"] = found->second.url;
  }
  return out;
}

json::object question_json(Question const& q, std::map<std::string, LawLink> const& links) {
  return {{"id", q.id},
          {"bank_id", q.bank_id},
          {"type", q.type},
          {"stem", q.stem},
          {"options", options_json(q.options)},
          {"answer", letters_json(q.answer)},
          {"explanation", q.explanation},
          {"difficulty", q.difficulty},
          {"tags", strings(q.tags)},
          {"law_ref", law_json(q.law_ref, links)},
          {"created_at", base::iso8601(q.created_at)},
          {"updated_at", base::iso8601(q.updated_at)}};
}

json::object bank_json(Bank const& b) {
  return {{"id", b.id},
          {"name", b.name},
          {"audience", b.audience},
          {"description", b.description},
          {"question_count", b.question_count},
          {"created_at", base::iso8601(b.created_at)},
          {"updated_at", base::iso8601(b.updated_at)}};
}

json::value opt_time(std::optional<base::Millis> at) { return at ? json::value(base::iso8601(*at)) : json::value(nullptr); }

json::object attempt_json(Attempt const& a) {
  json::object out{{"id", a.id},
                   {"exam_id", a.exam_id},
                   {"number", a.number},
                   {"status", code_of(a.status)},
                   {"started_at", base::iso8601(a.started_at)},
                   {"deadline", base::iso8601(a.deadline)},
                   {"submitted_at", opt_time(a.submitted_at)},
                   {"server_now", base::iso8601(base::now_ms())},
                   {"events", a.events}};
  if (a.status != AttemptStatus::in_progress) {
    out["score"] = a.score.value_or(0);
    out["grade"] = a.grade;
    out["passed"] = a.passed;
  }
  return out;
}

json::object exam_brief(Exam const& e, base::Millis now) {
  return {{"id", e.id},
          {"title", e.title},
          {"kind", e.kind},
          {"status", code_of(e.closed_at(now) ? ExamStatus::closed : e.status)},
          {"opens_at", base::iso8601(e.opens_at)},
          {"closes_at", base::iso8601(e.closes_at)},
          {"duration_minutes", e.duration_minutes},
          {"pass_mark", e.pass_mark},
          {"total_score", e.total_score},
          {"question_count", e.question_count}};
}

json::object started_json(Started const& s) {
  json::array questions;
  for (auto const& item : s.attempt.paper) {
    auto const& q = s.exam->plan.questions.at(item.question_id);
    questions.push_back({{"id", q.id}, {"type", q.type}, {"stem", q.stem}, {"score", item.score},
                         {"options", options_json(q.options, item.order)}});
  }
  json::object answers;
  for (auto const& item : s.attempt.paper) {
    if (auto found = s.answers.find(item.question_id); found != s.answers.end())
      answers[std::to_string(item.question_id)] = letters_json(shown_of_keys(item.order, found->second));
  }
  return {{"attempt", attempt_json(s.attempt)},
          {"exam", exam_brief(s.exam->exam, base::now_ms())},
          {"questions", std::move(questions)},
          {"answers", std::move(answers)},
          {"events", s.attempt.events}};
}

json::object result_json(ResultRow const& r) {
  json::object user{{"id", r.user.user_id}, {"display_name", r.user.display_name}, {"unit", r.user.unit_name},
                    {"unit_id", r.user.unit_id ? json::value(*r.user.unit_id) : json::value(nullptr)},
                    {"region", r.user.region_name}};
  json::object out{{"user", std::move(user)}, {"attempts", r.attempts}};
  if (r.counted) {
    out["score"] = *r.counted->score;
    out["grade"] = r.counted->grade;
    out["passed"] = r.counted->passed;
    out["submitted_at"] = opt_time(r.counted->submitted_at);
    out["duration_seconds"] = (r.counted->submitted_at.value_or(r.counted->started_at) - r.counted->started_at) / 1000;
    out["events"] = r.counted->events;  // page events (hidden, visible, blur…) of the counted attempt
    out["attempt_id"] = r.counted->id;
  } else {
    out["events"] = nullptr;
    out["attempt_id"] = nullptr;
    out["score"] = nullptr;
    out["grade"] = nullptr;
    out["passed"] = false;
    out["submitted_at"] = nullptr;
  }
  return out;
}

json::object stats_row_json(StatsRow const& s) {
  // Rates and the average are null where they have no meaning (nobody eligible, nobody sat):
  // a page shows "-" there, not 0.
  auto rate = [](int part, int whole) { return whole ? json::value(std::round(1000.0 * part / whole) / 1000) : json::value(nullptr); };
  return {{"id", s.id},
          {"name", s.name},
          {"eligible", s.eligible},
          {"sat", s.sat},
          {"not_sat", s.eligible - s.sat},
          {"passed", s.passed},
          {"participation_rate", rate(s.sat, s.eligible)},
          {"pass_rate", rate(s.passed, s.sat)},
          {"average", s.sat ? json::value(std::round(s.average() * 10) / 10) : json::value(nullptr)}};
}

json::object examinee_json(Examinee const& e) {
  return {{"user_id", e.user_id},
          {"username", e.username},
          {"display_name", e.display_name},
          {"region_id", e.region_id},
          {"region_name", e.region_name},
          {"unit_id", e.unit_id ? json::value(*e.unit_id) : json::value(nullptr)},
          {"unit_name", e.unit_name},
          {"rank", e.rank}};
}

std::vector<std::string> law_refs(std::vector<Question> const& questions) {
  std::vector<std::string> out;
  for (auto const& q : questions) out.push_back(q.law_ref);
  return out;
}

}  // namespace pufa::exam
