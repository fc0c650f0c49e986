// Registry::prepare: one validator per field kind (a table indexed by Kind), then the record's
// place in the tree from its region field or the records it refers to.
#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "registry/registry.hpp"
#include "text/normalize.hpp"
#include "text/personal.hpp"
#include "text/utf8.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

namespace {

// What a validator hands back: the cell to store and, for a reference, where its target sits.
struct Checked {
  Cell cell = nullptr;
  std::optional<Place> place;
  bool null = true;
};

struct Context {
  db::Connection& conn;
  auth::Principal const& caller;
  Entity const& entity;
  Record const* existing;
};

[[noreturn]] void invalid(Field const& field, std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), std::string(field.key));
}

std::string label(Field const& field) { return std::string(field.label); }

std::string trimmed(std::string_view text) {
  auto const first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto const last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string number_text(double value) { return fmt::format("{:.10g}", value); }

std::string choice_labels(ChoiceList const& list) {
  std::string out;
  for (auto const& item : list.items) {
    if (!out.empty()) out += "、";
    out += item.label;
  }
  return out;
}

std::string id_problem(text::IdCheck check) {
  switch (check) {
    case text::IdCheck::wrong_length: return "身份证号应为 18 位";
    case text::IdCheck::bad_character: return "身份证号只能包含数字，最后一位可以是 X";
    case text::IdCheck::bad_date: return "身份证号中的出生日期不正确";
    case text::IdCheck::bad_check_digit: return "身份证号校验位错误";
    case text::IdCheck::ok: break;
  }
  return {};
}

// Text of a string value: trimmed, valid UTF-8.
std::string text_of(Field const& field, boost::json::value const& value) {
  if (!value.is_string()) invalid(field, label(field) + "应为文本");
  auto text = trimmed(value.as_string());
  if (!text::valid_utf8(text)) invalid(field, label(field) + "含有无效字符");
  if (auto bad = text::forbidden_character(text, field.max > 200)) {
    invalid(field, label(field) + "含有不允许的控制字符（" + *bad + "）");
  }
  return text;
}

// The place of the record a reference points to, or nullopt when there is none.
std::optional<Place> place_of(Context& ctx, Field const& field, std::int64_t id) {
  if (field.kind == Kind::region) {
    auto region = auth::regions::find(ctx.conn, id);
    if (!region) return std::nullopt;
    return Place{region->id, region->path};
  }
  std::string sql = "SELECT region_id, region_path FROM " + std::string(field.ref->table) + " WHERE id = ?";
  if (!field.ref->filter.empty()) sql += " AND " + std::string(field.ref->filter);
  auto rows = ctx.conn.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return Place{rows.front().i64("region_id"), rows.front().str("region_path")};
}

// A referenced record that exists and, unless the field may point across the city, lies in scope.
Place reference(Context& ctx, Field const& field, std::int64_t id, std::string const& missing) {
  auto place = place_of(ctx, field, id);
  if (!place) invalid(field, missing);
  if (!field.shared && !ctx.caller.covers(place->region_path)) {
    throw ApiError(AppError::out_of_scope, label(field) + "不在您的管理范围内", std::string(field.key));
  }
  return *place;
}

Checked check_text(Context&, Field const& field, boost::json::value const& value) {
  auto text = text_of(field, value);
  if (*text::utf8_length(text) > field.max) {
    invalid(field, label(field) + "不能超过 " + std::to_string(field.max) + " 个字");
  }
  return {text, std::nullopt, false};
}

Checked check_choice(Context&, Field const& field, boost::json::value const& value) {
  auto text = text_of(field, value);
  if (!field.choices->find(text)) invalid(field, label(field) + "应为：" + choice_labels(*field.choices));
  return {text, std::nullopt, false};
}

Checked check_date(Context&, Field const& field, boost::json::value const& value) {
  auto text = text_of(field, value);
  if (!base::is_date(text)) invalid(field, label(field) + "应为 1900 至 2100 年间的日期，如 2020-09-01");
  return {text, std::nullopt, false};
}

Checked check_phone(Context&, Field const& field, boost::json::value const& value) {
  auto text = text_of(field, value);
  if (!text::is_mobile(text)) invalid(field, label(field) + "应为 11 位手机号码");
  return {text, std::nullopt, false};
}

Checked check_id_number(Context& ctx, Field const& field, boost::json::value const& value) {
  auto text = text_of(field, value);
  if (!text.empty() && text.back() == 'x') text.back() = 'X';
  if (auto check = text::check_id_number(text); check != text::IdCheck::ok) invalid(field, id_problem(check));
  // The number is sealed at rest: uniqueness is on its blind index (registry.cpp writes it).
  auto taken = ctx.conn.query("SELECT region_path FROM " + std::string(ctx.entity.table) + " WHERE " +
                                  std::string(field.key) + "_index = ? AND id <> ?",
                              {index_value(field, text), ctx.existing ? ctx.existing->id : 0});
  if (!taken.empty()) {
    // Within the caller's own records it may say so; elsewhere it must not confirm whose the
    // number is (a 409 for a guessed number is an oracle, bounded by Records' rate limit).
    bool const own = ctx.caller.covers(taken.row(0).opt_str("region_path").value_or("/"));
    throw ApiError(AppError::conflict,
                   own ? "该身份证号已登记在您管理的人员中，请编辑原记录"
                       : "该身份证号无法在此登记，请核对号码或联系上级管理员",
                   std::string(field.key));
  }
  return {text, std::nullopt, false};
}

void check_bounds(Field const& field, double number) {
  if (field.high > field.low && (number < field.low || number > field.high)) {
    invalid(field, label(field) + "应在 " + number_text(field.low) + " 到 " + number_text(field.high) + " 之间");
  }
}

Checked check_number(Context&, Field const& field, boost::json::value const& value) {
  if (!value.is_number()) invalid(field, label(field) + "应为数字");
  double const number = value.to_number<double>();
  check_bounds(field, number);
  return {number, std::nullopt, false};
}

Checked check_integer(Context&, Field const& field, boost::json::value const& value) {
  if (!value.is_int64()) invalid(field, label(field) + "应为整数");
  auto const number = value.as_int64();
  check_bounds(field, static_cast<double>(number));
  return {number, std::nullopt, false};
}

Checked check_dict(Context& ctx, Field const& field, boost::json::value const& value) {
  auto text = text_of(field, value);
  if (!field.dict->contains(ctx.conn, text)) invalid(field, label(field) + "“" + text + "”不在可选项中");
  return {text, std::nullopt, false};
}

Checked check_tags(Context&, Field const& field, boost::json::value const& value) {
  if (!value.is_array()) invalid(field, label(field) + "应为列表");
  std::string stored = ",";
  for (auto const& item : value.as_array()) {
    if (!item.is_string() || !field.choices->find(item.as_string())) {
      invalid(field, label(field) + "只能是：" + choice_labels(*field.choices));
    }
    std::string const tag(item.as_string());
    if (stored.find("," + tag + ",") == std::string::npos) stored += tag + ",";
  }
  if (stored == ",") return {};
  return {stored, std::nullopt, false};
}

Checked check_reference(Context& ctx, Field const& field, boost::json::value const& value) {
  if (!value.is_int64() || value.as_int64() <= 0) invalid(field, label(field) + "应为记录编号");
  auto const id = value.as_int64();
  return {id, reference(ctx, field, id, label(field) + "不存在"), false};
}

Checked check_references(Context& ctx, Field const& field, boost::json::value const& value) {
  if (!value.is_array()) invalid(field, label(field) + "应为列表");
  std::string stored = ",";
  for (auto const& item : value.as_array()) {
    if (!item.is_int64() || item.as_int64() <= 0) invalid(field, label(field) + "应为记录编号");
    reference(ctx, field, item.as_int64(), label(field) + "中有不存在的记录");
    auto const id = std::to_string(item.as_int64());
    if (stored.find("," + id + ",") == std::string::npos) stored += id + ",";
  }
  if (stored == ",") return {};
  return {stored, std::nullopt, false};
}

using Validator = Checked (*)(Context&, Field const&, boost::json::value const&);

// Indexed by Kind, in the enum's order.
constexpr std::array<Validator, 12> validators{
    check_text,     // text
    check_choice,   // choice
    check_number,   // number
    check_date,     // date
    check_phone,    // phone
    check_id_number,  // id_number
    check_tags,     // tags
    check_reference,  // region
    check_integer,  // integer
    check_dict,     // dict
    check_reference,  // ref
    check_references,  // refs
};
static_assert(validators.size() == static_cast<std::size_t>(Kind::refs) + 1);

// A field absent from an update keeps what is stored (phones and ID numbers are only ever seen
// masked, so a form that did not touch them sends nothing).
Checked kept(Context& ctx, Field const& field, std::optional<std::string> const& stored) {
  if (!stored) return {};
  switch (field.kind) {
    case Kind::number: return {std::strtod(stored->c_str(), nullptr), std::nullopt, false};
    case Kind::integer: return {std::int64_t{std::strtoll(stored->c_str(), nullptr, 10)}, std::nullopt, false};
    case Kind::region:
    case Kind::ref: {
      auto const id = std::int64_t{std::strtoll(stored->c_str(), nullptr, 10)};
      return {id, place_of(ctx, field, id), false};
    }
    default: return {*stored, std::nullopt, false};
  }
}

bool blank(boost::json::value const* value) {
  return !value || value->is_null() || (value->is_string() && trimmed(value->as_string()).empty());
}

}  // namespace

Prepared Registry::prepare(db::Connection& conn, auth::Principal const& caller, boost::json::object const& body,
                           Record const* existing) const {
  Context ctx{conn, caller, entity_, existing};
  Prepared out;
  if (!existing && caller.user_id) out.owner = caller.user_id;
  std::vector<std::optional<Place>> places(entity_.fields.size());
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    Checked checked;
    if (!field.readonly) {
      auto const* value = body.if_contains(field.key);
      if (!value && existing) checked = kept(ctx, field, existing->values[i]);
      else if (!blank(value)) checked = validators[static_cast<std::size_t>(field.kind)](ctx, field, *value);
      if (checked.null && field.required) invalid(field, "请填写" + label(field));
    }
    places[i] = std::move(checked.place);
    out.cells.push_back(std::move(checked.cell));
  }
  if (!entity_.one_of.empty()) {
    bool const any = std::any_of(entity_.one_of.begin(), entity_.one_of.end(), [&](auto key) {
      return !std::holds_alternative<std::monostate>(out.cells[entity_.index_of(key)].value);
    });
    if (!any) invalid(*entity_.field(entity_.one_of.front()), "请选择" + label(*entity_.field(entity_.one_of.front())));
  }
  if (entity_.region_from.empty()) {
    // City-wide records (dictionaries) sit at the root; only a caller at the root may write them.
    auto const root = auth::regions::root(conn);
    if (!caller.covers(root.path)) throw ApiError(AppError::out_of_scope);
    out.place = {root.id, root.path};
    return out;
  }
  for (auto key : entity_.region_from) {
    if (auto const& place = places[entity_.index_of(key)]) {
      out.place = *place;
      return out;
    }
  }
  auto const& first = *entity_.field(entity_.region_from.front());
  invalid(first, "请选择" + label(first));
}

}  // namespace pufa::registry
