// Indicator sets: written as a tree, checked (depth, points, standards that parse, measures the
// records can answer), activated, and copied into a new version when they must change.
#include <fmt/format.h>

#include <algorithm>

#include "assess/common.hpp"
#include "assess/sheet_file.hpp"
#include "assess/store.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

namespace {

void check_item(db::Connection& conn, Item& item, int depth, std::string const& field, std::size_t& leaves) {
  if (depth > 3) throw ApiError(AppError::validation_failed, "评分表最多三级", field);
  if (item.title.empty()) throw ApiError(AppError::validation_failed, "请填写指标内容", field + ".title");
  if (item.kind == item_kind::group) {
    if (item.children.empty()) throw ApiError(AppError::validation_failed, fmt::format("「{}」下没有评分项", item.title), field + ".children");
    item.points = 0;
    item.standard.clear();
    item.measure.reset();
    for (std::size_t i = 0; i < item.children.size(); ++i) {
      auto& child = item.children[i];
      check_item(conn, child, depth + 1, fmt::format("{}.children[{}]", field, i), leaves);
      if (child.kind != item_kind::bonus && child.kind != item_kind::veto) item.points += child.points;
    }
    item.points = round2(item.points);
    return;
  }
  if (depth == 1) throw ApiError(AppError::validation_failed, "第一级应为评分项目（分组），评分项写在其下", field + ".kind");
  if (++leaves > max_leaves) throw ApiError(AppError::validation_failed, fmt::format("一张评分表最多 {} 个评分项", max_leaves), field);
  if (item.kind == item_kind::veto) {
    item.points = 0;
  } else if (!(item.points > 0) || item.points > 100) {
    throw ApiError(AppError::validation_failed, "标准分应大于 0 且不超过 100", field + ".points");
  }
  if (!is_method(item.method)) throw ApiError(AppError::validation_failed, "考核方式不正确", field + ".method");
  std::string error;
  auto const standard = parse_standard(item.standard, error);
  if (!standard) throw ApiError(rule_invalid, fmt::format("「{}」：{}", item.standard, error), field + ".standard");
  if (item.kind == item_kind::bonus && standard->form != Standard::Form::bonus && standard->form != Standard::Form::manual) {
    throw ApiError(rule_invalid, "加分项的标准应写成“每…加1分，最高加3分”", field + ".standard");
  }
  if (item.kind == item_kind::normal && standard->form == Standard::Form::bonus) {
    throw ApiError(rule_invalid, "加分的标准只能用于加分项", field + ".standard");
  }
  if (item.measure) {
    if (item.kind == item_kind::veto) throw ApiError(AppError::validation_failed, "一票否决项不能自动计分", field + ".measure");
    check_measure(conn, *item.measure, field + ".measure");
    using Form = Standard::Form;
    bool const rate = is_rate(item.measure->source);
    bool const fits = standard->form == Form::all_or_nothing || (rate ? standard->form == Form::rate
                                                                      : standard->form == Form::count || standard->form == Form::bonus);
    if (!fits) {
      throw ApiError(rule_invalid,
                     rate ? "按比率自动计分的指标，标准应写成“达到95%，每低1个百分点扣0.5分”"
                          : "按次数自动计分的指标，标准应写成“不少于3次，每少一次扣0.5分”或“未开展的不得分”",
                     field + ".standard");
    }
    item.method = "auto";
  } else if (item.method == "auto") {
    throw ApiError(AppError::validation_failed, "数据自动的评分项须选择数据来源", field + ".measure");
  }
}

void check_set(db::Connection& conn, SetInput& input) {
  if (!is_category(input.category)) throw ApiError(AppError::validation_failed, "适用单位类型不正确", "category");
  if (input.bonus_cap < 0 || input.bonus_cap > 50) throw ApiError(AppError::validation_failed, "加分上限应在 0 到 50 分之间", "bonus_cap");
  if (input.items.empty()) throw ApiError(AppError::validation_failed, "评分表没有评分项", "items");
  std::size_t leaves = 0;
  for (std::size_t i = 0; i < input.items.size(); ++i) check_item(conn, input.items[i], 1, fmt::format("items[{}]", i), leaves);
}

double total_of(std::vector<Item> const& items) {
  double total = 0;
  for (auto const& item : items) {
    if (item.kind == item_kind::group) total += total_of(item.children);
    else if (item.kind == item_kind::normal) total += item.points;
  }
  return round2(total);
}

IndicatorSet write_new(db::Connection& conn, auth::Actor const& actor, SetInput input, std::string code, int version) {
  auto const& caller = actor.user();
  IndicatorSet set{.code = std::move(code), .version = version, .name = input.name, .edition = input.edition,
                   .category = input.category, .total = total_of(input.items), .bonus_cap = input.bonus_cap,
                   .region_path = caller.region_path};
  set.created_at = set.updated_at = base::now_ms();
  set.id = store::insert_set(conn, set, caller.user_id);
  store::replace_items(conn, set.id, input.items);
  audit(conn, actor, "assess.set.create", "assess_set", set.id, fmt::format("{} 第{}版", set.name, set.version));
  return load_set(conn, set.id);
}

IndicatorSet draft_in_scope(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto set = load_set(conn, id);
  if (!caller.covers(set.region_path)) throw ApiError(AppError::out_of_scope);
  if (set.status != set_status::draft) throw ApiError(set_in_use);
  return set;
}

}  // namespace

std::vector<IndicatorSet> AssessService::sets(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) { return store::all_sets(conn); });
}

IndicatorSet AssessService::set(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_.read([&](db::Connection& conn) { return load_set(conn, id); });
}

IndicatorSet AssessService::create_set(auth::Actor const& actor, SetInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    check_set(conn, input);
    auto code = fmt::format("{}-{}", input.category, base::now_ms());
    return write_new(conn, actor, std::move(input), std::move(code), 1);
  });
}

IndicatorSet AssessService::update_set(auth::Actor const& actor, std::int64_t id, SetInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    check_set(conn, input);
    auto set = draft_in_scope(conn, caller, id);
    set.name = input.name;
    set.edition = input.edition;
    set.category = input.category;
    set.bonus_cap = input.bonus_cap;
    set.total = total_of(input.items);
    set.updated_at = base::now_ms();
    store::update_set(conn, set);
    store::replace_items(conn, id, input.items);
    audit(conn, actor, "assess.set.update", "assess_set", id, set.name);
    return load_set(conn, id);
  });
}

IndicatorSet AssessService::activate_set(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto set = draft_in_scope(conn, caller, id);
    set.status = set_status::active;
    set.updated_at = base::now_ms();
    store::update_set(conn, set);
    audit(conn, actor, "assess.set.activate", "assess_set", id, set.name);
    return load_set(conn, id);
  });
}

IndicatorSet AssessService::new_version(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto old = load_set(conn, id);
    if (!caller.covers(old.region_path)) throw ApiError(AppError::out_of_scope);
    SetInput input{old.name, old.edition, old.category, old.bonus_cap, std::move(old.items)};
    return write_new(conn, actor, std::move(input), old.code, store::next_version(conn, old.code));
  });
}

IndicatorSet AssessService::import_set(auth::Actor const& actor, std::optional<std::int64_t> id, SetInput head,
                                       std::string_view bytes) const {
  auto const& caller = actor.user();
  require_manage(caller);
  auto sheet = read_score_sheet(bytes);  // 422 import_failed with every bad row
  head.items = std::move(sheet.items);
  if (id) {
    return db_.write([&](db::Connection& conn) {
      auto set = draft_in_scope(conn, caller, *id);
      head.name = set.name;
      head.edition = set.edition;
      head.category = set.category;
      head.bonus_cap = sheet.bonus_cap.value_or(set.bonus_cap);
      set.bonus_cap = head.bonus_cap;
      check_set(conn, head);
      set.total = total_of(head.items);
      set.updated_at = base::now_ms();
      store::update_set(conn, set);
      store::replace_items(conn, *id, head.items);
      audit(conn, actor, "assess.set.import", "assess_set", *id, set.name);
      return load_set(conn, *id);
    });
  }
  if (sheet.bonus_cap) head.bonus_cap = *sheet.bonus_cap;
  return db_.write([&](db::Connection& conn) {
    check_set(conn, head);
    auto code = fmt::format("{}-{}", head.category, base::now_ms());
    return write_new(conn, actor, std::move(head), std::move(code), 1);
  });
}

}  // namespace pufa::assess
