#include "duty/rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <tuple>
#include <boost/json/serialize.hpp>
#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "activity/library.hpp"
#include "content/library.hpp"
#include "duty/store.hpp"
#include "duty/digest.hpp"
#include "base/time.hpp"
#include "http/error.hpp"

namespace pufa::duty {

namespace json = boost::json;
using http::ApiError;
using http::AppError;

namespace {

std::optional<std::string> text_member(json::object const& body, std::string_view key, std::string const& field) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) throw ApiError(AppError::validation_failed, "规则的 " + std::string(key) + " 应为文字", field + "." + std::string(key));
  std::string text(value->as_string());
  if (text.empty()) return std::nullopt;
  if (text.size() > 200) throw ApiError(AppError::validation_failed, "规则的 " + std::string(key) + " 过长", field + "." + std::string(key));
  return text;
}

void check_code(std::optional<std::string> const& code, std::string_view list, std::string const& field,
                std::string_view label) {
  if (code && !activity::library::has_choice(list, *code)) {
    throw ApiError(AppError::unprocessable, fmt::format("{}「{}」不存在", label, *code), field);
  }
}

std::string quarter_end(int year, int quarter) {
  static constexpr char const* ends[] = {"03-31", "06-30", "09-30", "12-31"};
  return fmt::format("{:04}-{}", year, ends[quarter - 1]);
}

std::string quarter_start(int year, int quarter) {
  static constexpr char const* starts[] = {"01-01", "04-01", "07-01", "10-01"};
  return fmt::format("{:04}-{}", year, starts[quarter - 1]);
}

int quarter_of(std::string const& date) { return (std::stoi(date.substr(5, 2)) - 1) / 3 + 1; }

Evidence evidence_of(std::string_view kind, activity::library::Match const& match) {
  return {std::string(kind), match.id, match.date, match.title, {}};
}

}  // namespace

void check_rule(db::Connection& conn, Rule const& rule, std::string const& field) {
  if (rule.theme && !activity::library::theme_exists(conn, *rule.theme)) {
    throw ApiError(AppError::unprocessable, fmt::format("活动主题「{}」不在活动主题字典中", *rule.theme),
                   field + ".theme");
  }
}

Rule rule_of(json::value const* value, std::string const& field) {
  Rule rule;
  if (!value || value->is_null()) return rule;
  if (!value->is_object()) throw ApiError(AppError::validation_failed, "完成规则格式不正确", field);
  auto const& body = value->as_object();
  auto const kind = text_member(body, "kind", field).value_or(std::string(rule_kind::manual));
  if (kind != rule_kind::manual && kind != rule_kind::activity && kind != rule_kind::study_record &&
      kind != rule_kind::legal_case) {
    throw ApiError(AppError::validation_failed, "完成规则的类型应为人工确认、普法活动、学法记录或以案释法", field + ".kind");
  }
  rule.kind = kind;
  if (kind == rule_kind::manual) return rule;
  if (auto const* min = body.if_contains("min"); min && !min->is_null()) {
    if (!min->is_int64() || min->as_int64() < 1 || min->as_int64() > 1000) {
      throw ApiError(AppError::validation_failed, "完成规则的数量应为 1 到 1000 的整数", field + ".min");
    }
    rule.min = min->as_int64();
  }
  rule.period = text_member(body, "period", field).value_or("year");
  if (rule.period != "year" && rule.period != "quarter") {
    throw ApiError(AppError::validation_failed, "完成规则的周期应为每年或每季度", field + ".period");
  }
  if (kind == rule_kind::activity) {
    rule.theme = text_member(body, "theme", field);
    rule.form = text_member(body, "form", field);
    rule.six_place = text_member(body, "six_place", field);
    check_code(rule.form, "activity_form", field + ".form", "活动形式");
    check_code(rule.six_place, "six_place", field + ".six_place", "法律六进");
  } else if (kind == rule_kind::study_record) {
    rule.study_kind = text_member(body, "study_kind", field);
    check_code(rule.study_kind, "study_kind", field + ".study_kind", "学法类型");
  }
  return rule;
}

json::object rule_json(Rule const& rule) {
  json::object out{{"kind", rule.kind}};
  if (rule.kind == rule_kind::manual) return out;
  out["min"] = rule.min;
  out["period"] = rule.period;
  auto put = [&](char const* key, std::optional<std::string> const& value) {
    if (value) out[key] = *value;
  };
  put("theme", rule.theme);
  put("form", rule.form);
  put("six_place", rule.six_place);
  put("study_kind", rule.study_kind);
  return out;
}

std::string rule_text(Rule const& rule) { return json::serialize(rule_json(rule)); }

Rule rule_from_text(std::string const& text) {
  Rule rule;
  auto const value = json::parse(text);
  auto const& body = value.as_object();
  rule.kind = std::string(body.at("kind").as_string());
  if (rule.kind == rule_kind::manual) return rule;
  rule.min = body.at("min").as_int64();
  rule.period = std::string(body.at("period").as_string());
  auto get = [&](char const* key) -> std::optional<std::string> {
    if (auto const* v = body.if_contains(key); v && v->is_string()) return std::string(v->as_string());
    return std::nullopt;
  };
  rule.theme = get("theme");
  rule.form = get("form");
  rule.six_place = get("six_place");
  rule.study_kind = get("study_kind");
  return rule;
}

std::string rule_words(Rule const& rule) {
  if (rule.kind == rule_kind::manual) return "人工确认";
  auto const per = rule.period == "quarter" ? "每季度" : "全年";
  if (rule.kind == rule_kind::activity) {
    return fmt::format("{}≥ {} 项{}普法活动", per, rule.min, rule.theme ? "「" + *rule.theme + "」主题" : "");
  }
  if (rule.kind == rule_kind::legal_case) return fmt::format("{}≥ {} 篇以案释法案例", per, rule.min);
  return fmt::format("{}≥ {} 次学法记录", per, rule.min);
}

namespace {

Progress judge_manual(Task const& task, std::string const& today) {
  Progress progress;
  bool const past = task.deadline && today > *task.deadline;
  progress.required = 1;
  progress.count = task.status == task_status::done ? 1 : 0;
  if (task.answered_at) progress.done_on = base::shanghai_date(*task.answered_at);
  for (auto const& e : task.evidence) progress.records.push_back(e);
  bool const answered_later = progress.done_on && *progress.done_on > today;  // as of an earlier day
  if (task.status == task_status::done && !answered_later) {
    progress.state = task.deadline && progress.done_on && *progress.done_on > *task.deadline ? "late" : "done";
  } else if (task.status == task_status::open || answered_later) {
    progress.count = 0;
    progress.state = past ? "overdue" : "open";
  } else {
    progress.state = task.status;
  }
  return progress;
}

// The days in [from, to] a rule counts: from Jan 1 of the task's year to its end or `today`,
// whichever is first (records dated after the day of judgement do not count yet).
std::pair<std::string, std::string> span_of(Task const& task, std::string const& today) {
  return {fmt::format("{:04}-01-01", task.year), std::min(fmt::format("{:04}-12-31", task.year), today)};
}

// A rule task from the dates of its matching records, oldest first.
Progress evaluate(Task const& task, std::vector<std::string_view> const& days, std::string const& today) {
  Progress progress;
  auto const& rule = task.rule;
  bool const past = task.deadline && today > *task.deadline;
  if (!days.empty()) progress.last_on = std::string(days.back());
  bool done = false;
  bool failed = false;  // a quarter that ended short: it can no longer be done
  if (rule.period == "quarter") {
    int const quarters = task.deadline ? quarter_of(*task.deadline) : 4;
    progress.required = quarters;
    std::string_view done_on;
    for (int q = 1; q <= quarters; ++q) {
      auto const from = quarter_start(task.year, q), to = quarter_end(task.year, q);
      std::int64_t seen = 0;
      std::string_view nth;
      for (auto const& day : days) {
        if (day < from || day > to) continue;
        if (++seen == rule.min) nth = day;
      }
      if (!nth.empty()) {
        ++progress.count;
        done_on = std::max(done_on, nth);
      } else if (today > to) {
        failed = true;
      }
    }
    done = progress.count == progress.required;
    if (done) progress.done_on = std::string(done_on);
  } else {
    progress.required = rule.min;
    progress.count = static_cast<std::int64_t>(days.size());
    done = progress.count >= rule.min;
    if (done) progress.done_on = std::string(days[static_cast<std::size_t>(rule.min - 1)]);
  }
  if (done) {
    progress.state = task.deadline && *progress.done_on > *task.deadline ? "late" : "done";
  } else {
    progress.state = past || failed ? "overdue" : "open";
  }
  return progress;
}

// A record's theme, form, place and study kind as small numbers, so that 10,000 rules over a
// year's records compare integers (0: absent; a rule's absent value matches anything).
// Keys are views into the digests read (alive while the group is judged) and into the rules.
struct Codes {
  std::unordered_map<std::string_view, int> numbers;
  int of(std::string_view value) {
    if (value.empty()) return 0;
    return numbers.try_emplace(value, static_cast<int>(numbers.size()) + 1).first->second;
  }
  // A rule's value: -1 for "any"; a value no record has gets a number no record carries.
  int wanted(std::optional<std::string> const& value) { return value ? of(*value) : -1; }
};

bool matches(std::array<int, 4> const& rule, std::array<int, 4> const& fact) {
  for (std::size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] != -1 && rule[i] != fact[i]) return false;
  }
  return true;
}

// The 以案释法 cases drafted from each unit's penalty decisions and published in [from, to], oldest first.
std::map<std::int64_t, std::vector<Evidence>> published_cases(db::Connection& conn, std::vector<std::int64_t> const& units,
                                                            std::string const& from, std::string const& to) {
  auto const pairs = store::penalty_cases(conn, units);
  std::vector<std::int64_t> ids;
  for (auto const& [unit, id] : pairs) ids.push_back(id);
  auto const states = content::library::case_states(conn, ids);
  std::map<std::int64_t, std::vector<Evidence>> out;
  for (auto const& [unit, id] : pairs) {
    auto const state = states.find(id);
    if (state == states.end() || !state->second.published_on) continue;
    auto const& day = *state->second.published_on;
    if (day < from || day > to) continue;
    out[unit].push_back({std::string(rule_kind::legal_case), id, day, state->second.title, state->second.status});
  }
  for (auto& [unit, cases] : out) {
    std::sort(cases.begin(), cases.end(), [](Evidence const& a, Evidence const& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
  }
  return out;
}

void judge_cases(db::Connection& conn, std::vector<Task> const& tasks, std::vector<std::size_t> const& members,
                 std::string const& today, std::vector<Progress>& out) {
  std::vector<std::int64_t> units;
  for (auto i : members) units.push_back(tasks[i].unit_id);
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  auto const [from, to] = span_of(tasks[members.front()], today);
  auto const cases = published_cases(conn, units, from, to);
  std::vector<std::string_view> days;
  for (auto i : members) {
    days.clear();
    if (auto const found = cases.find(tasks[i].unit_id); found != cases.end()) {
      for (auto const& c : found->second) days.push_back(c.date);
    }
    out[i] = evaluate(tasks[i], days, today);
  }
}

}  // namespace

Progress judge(db::Connection& conn, Task const& task, std::string const& today) {
  if (task.rule.kind == rule_kind::manual) return judge_manual(task, today);
  if (task.rule.kind == rule_kind::legal_case) {
    auto const [from, to] = span_of(task, today);
    auto const cases = published_cases(conn, {task.unit_id}, from, to);
    std::vector<std::string_view> days;
    auto const found = cases.find(task.unit_id);
    if (found != cases.end()) {
      for (auto const& c : found->second) days.push_back(c.date);
    }
    auto progress = evaluate(task, days, today);
    if (found != cases.end()) {
      for (auto it = found->second.rbegin(); it != found->second.rend() && progress.records.size() < 20; ++it) {
        progress.records.push_back(*it);
      }
    }
    return progress;
  }
  auto const& rule = task.rule;
  activity::library::Criteria criteria;
  criteria.kind = rule.kind;
  criteria.unit_id = task.unit_id;
  std::tie(criteria.from, criteria.to) = span_of(task, today);
  criteria.theme = rule.theme;
  criteria.form = rule.form;
  criteria.six_place = rule.six_place;
  criteria.study_kind = rule.study_kind;
  auto const found = activity::library::matching(conn, criteria);
  std::vector<std::string_view> days;
  days.reserve(found.size());
  for (auto const& match : found) days.push_back(match.date);
  auto progress = evaluate(task, days, today);
  for (auto it = found.rbegin(); it != found.rend() && progress.records.size() < 20; ++it) {
    progress.records.push_back(evidence_of(rule.kind, *it));
  }
  return progress;
}

std::vector<Progress> judge_many(db::Connection& conn, std::vector<Task> const& tasks, std::string const& today) {
  std::vector<Progress> out(tasks.size());
  // Rule tasks by (kind, year): one read of the units' records of that year, then each rule in memory.
  std::map<std::pair<std::string, int>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].rule.kind == rule_kind::manual) out[i] = judge_manual(tasks[i], today);
    else groups[{tasks[i].rule.kind, tasks[i].year}].push_back(i);
  }
  for (auto const& [key, members] : groups) {
    auto const& [kind, year] = key;
    if (kind == rule_kind::legal_case) {
      judge_cases(conn, tasks, members, today, out);
      continue;
    }
    std::vector<std::int64_t> units;
    for (auto i : members) units.push_back(tasks[i].unit_id);
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    auto const [from, to] = span_of(tasks[members.front()], today);
    // The units' digests (duty/digest.hpp): one line per record, day \t theme \t form \t place \t kind.
    auto const digests = digest::read(conn, kind, year, units);
    Codes codes;
    struct Coded {
      std::string_view day;
      std::array<int, 4> values;
    };
    std::map<std::int64_t, std::vector<Coded>> by_unit;
    for (auto const& [unit, text] : digests) {
      auto& coded = by_unit[unit];
      std::string_view rest = text;
      while (!rest.empty()) {
        auto const end = rest.find('\n');
        auto line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        std::array<std::string_view, 5> part{};
        for (std::size_t k = 0; k < part.size(); ++k) {
          auto const tab = line.find('\t');
          part[k] = line.substr(0, tab);
          line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
        }
        if (part[0] < from || part[0] > to) continue;  // after the day of judgement
        coded.push_back({part[0], {codes.of(part[1]), codes.of(part[2]), codes.of(part[3]), codes.of(part[4])}});
      }
    }
    std::vector<std::string_view> days;
    for (auto i : members) {
      days.clear();
      auto const& rule = tasks[i].rule;
      std::array<int, 4> const wanted{codes.wanted(rule.theme), codes.wanted(rule.form), codes.wanted(rule.six_place),
                                      codes.wanted(rule.study_kind)};
      if (auto const found = by_unit.find(tasks[i].unit_id); found != by_unit.end()) {
        for (auto const& fact : found->second) {
          if (matches(wanted, fact.values)) days.push_back(fact.day);
        }
      }
      out[i] = evaluate(tasks[i], days, today);
    }
  }
  return out;
}

}  // namespace pufa::duty
