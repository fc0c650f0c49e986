#include "exam/codec.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/roles.hpp"
#include "exam/paper.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/utf8.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

namespace {

[[noreturn]] void invalid(std::string field, std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}

std::int64_t int_in(json::object const& body, std::string_view key, std::string const& field, std::string_view label,
                    std::int64_t low, std::int64_t high, std::optional<std::int64_t> fallback) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) {
    if (fallback) return *fallback;
    invalid(field, "请填写" + std::string(label));
  }
  std::int64_t number = 0;
  if (value->is_int64()) number = value->as_int64();
  else if (value->is_uint64() && value->as_uint64() <= 1'000'000'000) number = static_cast<std::int64_t>(value->as_uint64());
  else invalid(field, std::string(label) + "应为整数");
  if (number < low || number > high)
    invalid(field, std::string(label) + "应在 " + std::to_string(low) + " 到 " + std::to_string(high) + " 之间");
  return number;
}

bool flag(json::object const& body, std::string_view key, std::string_view label, bool fallback) {
  return http::opt_bool(body, key, label).value_or(fallback);
}

base::Millis time_of(json::object const& body, std::string_view key, std::string_view label) {
  auto const text = http::req_string(body, key, label, 40);
  auto const at = base::parse_iso8601(text);
  if (!at) invalid(std::string(key), std::string(label) + "应为 1900 至 2100 年间的 ISO-8601 时间，如 2026-12-01T09:00:00+08:00");
  return *at - ((*at % 1000) + 1000) % 1000;  // whole seconds: what the API shows is what counts
}

std::vector<std::int64_t> ids_of(json::object const& body, std::string_view key, std::string const& field,
                                 std::string_view label) {
  std::vector<std::int64_t> out;
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return out;
  if (!value->is_array()) invalid(field, std::string(label) + "应为编号列表");
  for (auto const& item : value->as_array()) {
    if (!item.is_int64() || item.as_int64() <= 0) invalid(field, std::string(label) + "应为正整数编号");
    if (std::find(out.begin(), out.end(), item.as_int64()) != out.end()) invalid(field, std::string(label) + "有重复");
    out.push_back(item.as_int64());
  }
  if (out.size() > 5000) invalid(field, std::string(label) + "最多 5000 项");
  return out;
}

std::vector<Rule> rules_of(json::value const& value, std::string const& field) {
  if (!value.is_array() || value.as_array().empty()) invalid(field, "抽题规则应为非空列表");
  if (value.as_array().size() > 50) invalid(field, "抽题规则最多 50 条");
  std::vector<Rule> rules;
  for (std::size_t i = 0; i < value.as_array().size(); ++i) {
    auto const& item = value.as_array()[i];
    auto const at = field + "[" + std::to_string(i) + "]";
    if (!item.is_object()) invalid(at, "每条抽题规则应为对象");
    auto const& object = item.as_object();
    Rule rule;
    rule.type = http::req_string(object, "type", "题型", 20);
    if (std::find(std::begin(question_types), std::end(question_types), rule.type) == std::end(question_types))
      invalid(at + ".type", "题型应为 single、multiple 或 judge");
    rule.count = static_cast<int>(int_in(object, "count", at + ".count", "题量", 1, 500, std::nullopt));
    rule.score = static_cast<int>(int_in(object, "score", at + ".score", "每题分值", 1, 100, std::nullopt));
    rule.tag = http::opt_string(object, "tag", "标签", 20).value_or("");
    rule.difficulty = static_cast<int>(int_in(object, "difficulty", at + ".difficulty", "难度", 0, 5, 0));
    rules.push_back(std::move(rule));
  }
  return rules;
}

PaperSpec paper_of(json::object const& body) {
  auto const* value = body.if_contains("paper");
  if (!value || !value->is_object()) invalid("paper", "请设置组卷方式");
  auto const& paper = value->as_object();
  PaperSpec spec;
  spec.mode = http::req_string(paper, "mode", "组卷方式", 10);
  if (spec.mode == "fixed") {
    spec.question_ids = ids_of(paper, "question_ids", "paper.question_ids", "固定试题");
    if (spec.question_ids.empty()) invalid("paper.question_ids", "请选择试题");
    spec.score_each = static_cast<int>(int_in(paper, "score_each", "paper.score_each", "每题分值", 1, 100, std::nullopt));
    return spec;
  }
  if (spec.mode != "random") invalid("paper.mode", "组卷方式应为 fixed（固定试题）或 random（按规则随机）");
  spec.bank_ids = ids_of(paper, "bank_ids", "paper.bank_ids", "题库");
  if (spec.bank_ids.empty()) invalid("paper.bank_ids", "请选择题库");
  spec.rules = rules_of(paper.contains("rules") ? paper.at("rules") : json::value(), "paper.rules");
  if (auto const* ranks = paper.if_contains("rank_rules"); ranks && !ranks->is_null()) {
    if (!ranks->is_object()) invalid("paper.rank_rules", "按职级的规则应为对象 {\"职级\": [规则]}");
    for (auto const& [rank, rules] : ranks->as_object()) {
      std::string const name(rank);
      if (name.empty() || text::utf8_length(name).value_or(99) > 20) invalid("paper.rank_rules", "职级名称应为 1 到 20 个字");
      auto const field = "paper.rank_rules." + name;
      spec.rank_rules[name] = rules_of(rules, field);
      if (total_score(spec.rank_rules[name]) != total_score(spec.rules))
        invalid(field, "职级“" + name + "”的试卷总分应与默认规则相同（" + std::to_string(total_score(spec.rules)) + " 分）");
    }
  }
  return spec;
}

Eligibility eligibility_of(json::object const& body) {
  Eligibility out;
  auto const* value = body.if_contains("eligibility");
  if (!value || value->is_null()) return out;
  if (!value->is_object()) invalid("eligibility", "参考范围应为对象");
  auto const& object = value->as_object();
  out.unit_ids = ids_of(object, "unit_ids", "eligibility.unit_ids", "单位");
  out.region_ids = ids_of(object, "region_ids", "eligibility.region_ids", "区域");
  out.user_ids = ids_of(object, "user_ids", "eligibility.user_ids", "指定人员");
  for (auto const& role : http::opt_string_list(object, "roles", "角色").value_or(std::vector<std::string>{})) {
    if (!auth::find_role(role)) invalid("eligibility.roles", "角色 " + role + " 不存在");
    out.roles.push_back(role);
  }
  return out;
}

std::vector<GradeBand> bands_of(json::object const& body) {
  std::vector<GradeBand> bands;
  auto const* value = body.if_contains("grade_bands");
  if (!value || value->is_null()) return bands;
  if (!value->is_array()) invalid("grade_bands", "等级应为列表，如 [{\"min\":90,\"label\":\"优秀\"}]");
  for (auto const& item : value->as_array()) {
    if (!item.is_object()) invalid("grade_bands", "每个等级应有 min 和 label");
    auto const& object = item.as_object();
    GradeBand band;
    band.min = static_cast<int>(int_in(object, "min", "grade_bands", "等级分数线", 0, 10000, std::nullopt));
    band.label = http::req_string(object, "label", "等级名称", 10);
    bands.push_back(std::move(band));
  }
  std::sort(bands.begin(), bands.end(), [](auto const& a, auto const& b) { return a.min > b.min; });
  for (std::size_t i = 1; i < bands.size(); ++i) {
    if (bands[i].min == bands[i - 1].min) invalid("grade_bands", "等级分数线不能重复");
  }
  if (bands.size() > 10) invalid("grade_bands", "等级最多 10 个");
  return bands;
}

json::array ids_json(std::vector<std::int64_t> const& ids) {
  json::array out;
  for (auto id : ids) out.push_back(id);
  return out;
}

json::array rules_json(std::vector<Rule> const& rules) {
  json::array out;
  for (auto const& rule : rules) {
    json::object item{{"type", rule.type}, {"count", rule.count}, {"score", rule.score}};
    if (!rule.tag.empty()) item["tag"] = rule.tag;
    if (rule.difficulty) item["difficulty"] = rule.difficulty;
    out.push_back(std::move(item));
  }
  return out;
}

json::value parse_text(std::string const& text) {
  return text.empty() ? json::value() : json::parse(text);
}

}  // namespace

Exam exam_from_json(json::object const& body) {
  Exam exam;
  exam.title = http::req_string(body, "title", "考试名称", 100);
  exam.kind = http::opt_string(body, "kind", "考试类型", 20).value_or("yearly");
  if (exam.kind != "yearly" && exam.kind != "pre_appointment" && exam.kind != "practice")
    invalid("kind", "考试类型应为 yearly（年度考试）、pre_appointment（任前考试）或 practice（练习）");
  exam.opens_at = time_of(body, "opens_at", "开考时间");
  exam.closes_at = time_of(body, "closes_at", "截止时间");
  if (exam.closes_at <= exam.opens_at) invalid("closes_at", "截止时间应晚于开考时间");
  exam.duration_minutes = static_cast<int>(int_in(body, "duration_minutes", "duration_minutes", "考试时长（分钟）", 1, 600, std::nullopt));
  exam.attempts_allowed = static_cast<int>(int_in(body, "attempts_allowed", "attempts_allowed", "可考次数", 1, 20, 1));
  exam.counts = http::opt_string(body, "counts", "计分方式", 10).value_or("best");
  if (exam.counts != "best" && exam.counts != "last") invalid("counts", "计分方式应为 best（取最高）或 last（取最后一次）");
  exam.eligibility = eligibility_of(body);
  exam.shuffle_questions = flag(body, "shuffle_questions", "题目乱序", true);
  exam.shuffle_options = flag(body, "shuffle_options", "选项乱序", true);
  exam.notice = http::opt_string(body, "notice", "考试须知", max_notice_chars).value_or("");
  exam.paper = paper_of(body);
  exam.total_score = exam.paper.mode == "fixed" ? static_cast<int>(exam.paper.question_ids.size()) * exam.paper.score_each
                                                : total_score(exam.paper.rules);
  exam.question_count = 0;
  if (exam.paper.mode == "fixed") exam.question_count = static_cast<int>(exam.paper.question_ids.size());
  else for (auto const& rule : exam.paper.rules) exam.question_count += rule.count;
  if (exam.question_count > 500) invalid("paper", "一份试卷最多 500 道题");
  exam.pass_mark = static_cast<int>(int_in(body, "pass_mark", "pass_mark", "及格分", 0, exam.total_score, std::nullopt));
  exam.grade_bands = bands_of(body);
  for (auto const& band : exam.grade_bands) {
    if (band.min > exam.total_score) invalid("grade_bands", "等级分数线不能高于试卷总分 " + std::to_string(exam.total_score));
  }
  return exam;
}

json::array bands_json(std::vector<GradeBand> const& bands) {
  json::array out;
  for (auto const& band : bands) out.push_back({{"min", band.min}, {"label", band.label}});
  return out;
}

json::object eligibility_json(Eligibility const& e) {
  json::array roles;
  for (auto const& role : e.roles) roles.emplace_back(role);
  return {{"unit_ids", ids_json(e.unit_ids)},
          {"region_ids", ids_json(e.region_ids)},
          {"roles", std::move(roles)},
          {"user_ids", ids_json(e.user_ids)}};
}

json::object paper_json(PaperSpec const& paper) {
  if (paper.mode == "fixed")
    return {{"mode", "fixed"}, {"question_ids", ids_json(paper.question_ids)}, {"score_each", paper.score_each}};
  json::object ranks;
  for (auto const& [rank, rules] : paper.rank_rules) ranks[rank] = rules_json(rules);
  return {{"mode", "random"}, {"bank_ids", ids_json(paper.bank_ids)}, {"rules", rules_json(paper.rules)},
          {"rank_rules", std::move(ranks)}};
}

json::object exam_json(Exam const& exam, base::Millis now) {
  return {{"id", exam.id},
          {"title", exam.title},
          {"kind", exam.kind},
          {"status", code_of(exam.closed_at(now) ? ExamStatus::closed : exam.status)},
          {"opens_at", base::iso8601(exam.opens_at)},
          {"closes_at", base::iso8601(exam.closes_at)},
          {"duration_minutes", exam.duration_minutes},
          {"pass_mark", exam.pass_mark},
          {"grade_bands", bands_json(exam.grade_bands)},
          {"attempts_allowed", exam.attempts_allowed},
          {"counts", exam.counts},
          {"eligibility", eligibility_json(exam.eligibility)},
          {"shuffle_questions", exam.shuffle_questions},
          {"shuffle_options", exam.shuffle_options},
          {"notice", exam.notice},
          {"paper", paper_json(exam.paper)},
          {"total_score", exam.total_score},
          {"question_count", exam.question_count},
          {"created_at", base::iso8601(exam.created_at)},
          {"updated_at", base::iso8601(exam.updated_at)}};
}

std::vector<GradeBand> bands_from_text(std::string const& text) {
  auto value = parse_text(text);
  return value.is_array() ? bands_of(json::object{{"grade_bands", value}}) : std::vector<GradeBand>{};
}

Eligibility eligibility_from_text(std::string const& text) {
  auto value = parse_text(text);
  return value.is_object() ? eligibility_of(json::object{{"eligibility", value}}) : Eligibility{};
}

PaperSpec paper_from_text(std::string const& text) { return paper_of(json::object{{"paper", parse_text(text)}}); }

char const* type_label(std::string_view type) {
  return type == "single" ? "单选题" : type == "multiple" ? "多选题" : "判断题";
}

std::string rule_label(Rule const& rule) {
  std::string out = std::string(type_label(rule.type)) + " " + std::to_string(rule.count) + " 道";
  if (!rule.tag.empty()) out += "，标签「" + rule.tag + "」";
  if (rule.difficulty) out += "，难度 " + std::to_string(rule.difficulty);
  return out;
}

}  // namespace pufa::exam
