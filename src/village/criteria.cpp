// Criteria sets, versioned: a set a round uses is not edited; a new version is made from it (docs/village.md).
#include <fmt/format.h>

#include "auth/audit.hpp"
#include "village/common.hpp"
#include "village/store.hpp"

namespace pufa::village {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::size_t max_items = 200;

bool valid_part(std::string_view p) {
  return p == "organisation" || p == "democracy" || p == "rule_of_law" || p == "development" || p == "support";
}
bool valid_source(std::string_view s) {
  return s == "activities" || s == "legal_literate" || s == "advisor_days" || s == "village_rules";
}

void check(SetInput& in) {
  in.name = trimmed(in.name);
  if (in.name.empty() || in.name.size() > 300) invalid("请填写标准名称（不超过 100 字）", "name");
  if (in.items.empty()) invalid("请至少填写一项评价内容", "items");
  if (in.items.size() > max_items) invalid("评价内容不超过 200 项", "items");
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    auto& c = in.items[i];
    auto const at = [&](char const* key) { return fmt::format("items[{}].{}", i, key); };
    if (!valid_part(c.part)) invalid("请选择所属部分", at("part"));
    c.title = trimmed(c.title);
    if (c.title.empty() || c.title.size() > 300) invalid("请填写项目（不超过 100 字）", at("title"));
    c.standard = trimmed(c.standard);
    if (c.standard.empty() || c.standard.size() > 3000) invalid("请填写评定标准（不超过 1000 字）", at("standard"));
    c.rule = trimmed(c.rule);
    if (c.rule.size() > 3000) invalid("评分细则不超过 1000 字", at("rule"));
    if (!(c.points >= 0.5 && c.points <= 100)) invalid("分值应为 0.5 至 100 分", at("points"));
    if (c.source && !valid_source(*c.source)) invalid("数据来源不在可选范围内", at("source"));
  }
}

SetView view_of(db::Connection& conn, CriteriaSet s) {
  SetView v;
  v.used = store::set_used(conn, s.id);
  for (auto const& c : s.items) v.points += c.points;
  v.s = std::move(s);
  return v;
}

}  // namespace

std::vector<SetView> VillageService::sets(auth::Actor const& actor) const {
  require_reader(actor.user());
  return db_->read([&](db::Connection& conn) {
    std::vector<SetView> out;
    for (auto& s : store::sets(conn)) out.push_back(view_of(conn, std::move(s)));
    return out;
  });
}

SetView VillageService::set(auth::Actor const& actor, std::int64_t id) const {
  require_reader(actor.user());
  return db_->read([&](db::Connection& conn) {
    auto s = store::set(conn, id);
    if (!s) throw ApiError(AppError::not_found, "评价标准不存在");
    return view_of(conn, std::move(*s));
  });
}

SetView VillageService::create_set(auth::Actor const& actor, SetInput in) const {
  if (!actor.user().has(manage_permission)) throw ApiError(AppError::forbidden);
  check(in);
  auto const id = db_->write([&](db::Connection& conn) {
    CriteriaSet s;
    s.name = in.name;
    s.items = in.items;
    s.active = in.active;
    if (in.base_id) {
      auto const base = store::set(conn, *in.base_id);
      if (!base) invalid("所依据的评价标准不存在", "base_id");
      s.base_id = base->base_id.value_or(base->id);
      s.version = store::next_version(conn, base->id);
    }
    auto const id = store::insert_set(conn, s);
    auth::audit(conn, actor, "village.criteria.create", "village_criteria_sets", std::to_string(id), fmt::format("v{}", s.version));
    return id;
  });
  return set(actor, id);
}

SetView VillageService::update_set(auth::Actor const& actor, std::int64_t id, SetInput in) const {
  if (!actor.user().has(manage_permission)) throw ApiError(AppError::forbidden);
  check(in);
  db_->write([&](db::Connection& conn) {
    auto s = store::set(conn, id);
    if (!s) throw ApiError(AppError::not_found, "评价标准不存在");
    if (store::set_used(conn, id)) throw ApiError(wrong_state, "该标准已用于评选，不能修改，请另存为新版本");
    s->name = in.name;
    s->items = in.items;
    s->active = in.active;
    store::replace_set(conn, *s);
    auth::audit(conn, actor, "village.criteria.update", "village_criteria_sets", std::to_string(id));
  });
  return set(actor, id);
}

}  // namespace pufa::village
