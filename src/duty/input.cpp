#include "duty/input.hpp"

#include <fmt/format.h>

#include "base/time.hpp"
#include "duty/rules.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"

namespace pufa::duty {

namespace json = boost::json;
using http::ApiError;
using http::AppError;

namespace {

constexpr std::size_t max_points = 300;
constexpr std::size_t max_items = 200;
constexpr std::size_t max_evidence = 50;

json::array const& array_of(json::object const& body, std::string_view key, std::string_view label, std::size_t max) {
  static json::array const empty;
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return empty;
  if (!value->is_array()) throw ApiError(AppError::validation_failed, std::string(label) + "应为列表", std::string(key));
  if (value->as_array().size() > max) {
    throw ApiError(AppError::validation_failed, fmt::format("{}最多 {} 条", label, max), std::string(key));
  }
  return value->as_array();
}

json::object const& object_at(json::value const& value, std::string const& field) {
  if (!value.is_object()) throw ApiError(AppError::validation_failed, "条目格式不正确", field);
  return value.as_object();
}

// A member's error names the element: points[3].text.
template <class F>
auto at(std::string const& prefix, F&& f) {
  try {
    return f();
  } catch (ApiError const& e) {
    throw ApiError(e.code(), e.message(), prefix + "." + e.field());
  }
}

std::optional<std::string> opt_date(json::object const& body, std::string_view key, std::string_view label) {
  auto value = http::opt_string(body, key, label, 10);
  if (!value || value->empty()) return std::nullopt;
  if (!base::is_date(*value)) {
    throw ApiError(AppError::validation_failed, std::string(label) + "应为 1900 至 2100 年间的日期，如 2020-06-30", std::string(key));
  }
  return value;
}

std::string text_or_empty(json::object const& body, std::string_view key, std::string_view label, std::size_t max) {
  return http::opt_string(body, key, label, max).value_or("");
}

std::optional<std::int64_t> opt_id(json::object const& body, std::string_view key, std::string_view label) {
  auto id = http::opt_int(body, key, label);
  if (id && *id <= 0) throw ApiError(AppError::validation_failed, std::string(label) + "不正确", std::string(key));
  return id;
}

bool blank(std::string const& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

int year_of(json::object const& body) {
  auto const year = http::opt_int(body, "year", "年度");
  if (!year || *year < 2000 || *year > 2100) {
    throw ApiError(AppError::validation_failed, "年度应为 2000 到 2100 之间的年份", "year");
  }
  return static_cast<int>(*year);
}

PlanInput plan_input(json::object const& body) {
  PlanInput input;
  input.year = year_of(body);
  input.title = http::req_string(body, "title", "标题", 100);
  auto const& points = array_of(body, "points", "要点", max_points);
  int seq = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    auto const prefix = fmt::format("points[{}]", i);
    auto const& p = object_at(points[i], prefix);
    Point point = at(prefix, [&] {
      Point out;
      out.id = opt_id(p, "id", "要点编号").value_or(0);
      out.seq = ++seq;
      out.kind = http::opt_string(p, "kind", "类别", 20).value_or(std::string(point_kind::point));
      if (out.kind != point_kind::point && out.kind != point_kind::date_node && out.kind != point_kind::theme) {
        throw ApiError(AppError::validation_failed, "类别应为工作要点、重要时间节点或专项主题", "kind");
      }
      out.section = text_or_empty(p, "section", "部分", 50);
      out.text = http::req_string(p, "text", "内容", 500);
      out.day = opt_date(p, "day", "日期");
      if (out.kind == point_kind::date_node && !out.day) {
        throw ApiError(AppError::validation_failed, "重要时间节点须填写日期", "day");
      }
      out.lead_unit_id = opt_id(p, "lead_unit_id", "牵头单位");
      if (auto const* co = p.if_contains("co_unit_ids"); co && !co->is_null()) {
        if (!co->is_array() || co->as_array().size() > 100) {
          throw ApiError(AppError::validation_failed, "配合单位应为单位编号的列表", "co_unit_ids");
        }
        for (auto const& id : co->as_array()) {
          if (!id.is_int64() || id.as_int64() <= 0) {
            throw ApiError(AppError::validation_failed, "配合单位应为单位编号的列表", "co_unit_ids");
          }
          out.co_unit_ids.push_back(id.as_int64());
        }
      }
      out.deadline = opt_date(p, "deadline", "完成时限");
      if (out.deadline && out.deadline->substr(0, 4) != std::to_string(input.year)) {
        throw ApiError(AppError::validation_failed, fmt::format("完成时限应在 {} 年内", input.year), "deadline");
      }
      out.rule = rule_of(p.if_contains("rule"), "rule");
      return out;
    });
    input.points.push_back(std::move(point));
  }
  return input;
}

ListInput list_input(json::object const& body, bool create) {
  ListInput input;
  if (create) {
    input.unit_id = opt_id(body, "unit_id", "单位").value_or(0);
    if (!input.unit_id) throw ApiError(AppError::validation_failed, "请选择单位", "unit_id");
    input.year = year_of(body);
  }
  input.reason = http::opt_string(body, "reason", "修改原因", 500);
  if (input.reason && blank(*input.reason)) input.reason.reset();
  auto const& items = array_of(body, "items", "清单条目", max_items);
  int seq = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto const prefix = fmt::format("items[{}]", i);
    auto const& p = object_at(items[i], prefix);
    input.items.push_back(at(prefix, [&] {
      ListItem item;
      item.id = opt_id(p, "id", "条目编号").value_or(0);
      item.seq = ++seq;
      item.content = http::req_string(p, "content", "内容清单", 500);
      item.laws = text_or_empty(p, "laws", "宣传的法律法规", 500);
      item.leader = text_or_empty(p, "leader", "责任领导", 50);
      item.owner = text_or_empty(p, "owner", "责任人", 50);
      item.office = text_or_empty(p, "office", "责任处室", 50);
      item.audience = text_or_empty(p, "audience", "普法对象", 200);
      item.carrier = text_or_empty(p, "carrier", "学习宣传载体", 200);
      item.measures = text_or_empty(p, "measures", "方式措施", 1000);
      item.standard = http::req_string(p, "standard", "标准清单", 500);
      item.deadline = opt_date(p, "deadline", "完成时限");
      item.rule = rule_of(p.if_contains("rule"), "rule");
      return item;
    }));
  }
  return input;
}

AnswerInput answer_input(json::object const& body) {
  AnswerInput input;
  input.note = http::opt_string(body, "note", "完成情况", 2000);
  if (input.note && blank(*input.note)) input.note.reset();
  auto const& evidence = array_of(body, "evidence", "佐证记录", max_evidence);
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    auto const prefix = fmt::format("evidence[{}]", i);
    auto const& e = object_at(evidence[i], prefix);
    input.evidence.push_back(at(prefix, [&] {
      auto kind = http::req_string(e, "kind", "记录类型", 20);
      auto id = opt_id(e, "id", "记录编号");
      if (!id) throw ApiError(AppError::validation_failed, "请选择记录", "id");
      return std::pair{kind, *id};
    }));
  }
  return input;
}

BulletinInput bulletin_input(json::object const& body) {
  BulletinInput input;
  input.year = year_of(body);
  input.title = http::opt_string(body, "title", "标题", 100);
  if (input.title && blank(*input.title)) input.title.reset();
  input.remarks = http::opt_string(body, "remarks", "通报说明", 2000);
  input.is_public = http::opt_bool(body, "is_public", "向社会公开").value_or(false);
  return input;
}

}  // namespace pufa::duty
