// 复核 (dynamic management): a spot check, a complaint or a negative event opens a review of a named village;
// it ends 保留, 撤销 or 注销, and every step is kept in the file (docs/village.md).
#include <fmt/format.h>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "village/common.hpp"
#include "village/store.hpp"

namespace pufa::village {

using http::ApiError;
using http::AppError;

namespace {

bool valid_trigger(std::string_view t) {
  return t == "spot_check" || t == "written" || t == "survey" || t == "complaint" || t == "negative_event";
}
std::string_view decision_words(std::string_view d) { return d == "keep" ? "保留" : d == "revoke" ? "撤销" : "注销"; }

}  // namespace

std::vector<ReviewView> VillageService::reviews(auth::Actor const& actor, std::optional<std::string> status) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    Names names(conn);
    std::vector<ReviewView> out;
    for (auto& r : store::reviews(conn, caller.region_path, status)) out.push_back(review_view(names, std::move(r)));
    return out;
  });
}

ReviewView VillageService::open_review(auth::Actor const& actor, ReviewInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  if (!valid_trigger(in.trigger)) invalid("请选择复核起因", "trigger");
  in.description = trimmed(in.description);
  if (in.description.empty() || in.description.size() > 6000) invalid("请写明复核事由（不超过 2000 字）", "description");
  if (!base::is_date(in.on) || in.on > today()) invalid("日期应为今天或以前的日期", "on");
  auto const id = db_->write([&](db::Connection& conn) {
    auto const f = load_file(conn, caller, in.region_id);
    if (f.level == "none") invalid("该村（社区）未获命名，无需复核", "region_id");
    if (!store::reviews(conn, f.region_path, std::string("open"), in.region_id).empty()) throw ApiError(wrong_state, "该村（社区）已在复核中");
    Review r;
    r.region_id = f.region_id;
    r.region_path = f.region_path;
    r.trigger = in.trigger;
    r.description = in.description;
    r.opened_on = in.on;
    r.level_before = f.level;
    r.status = "open";
    auto const id = store::insert_review(conn, r, caller.user_id);
    store::insert_entry(conn, {.region_id = f.region_id, .region_path = f.region_path, .kind = in.trigger == "complaint" ? "complaint" : "review",
                               .on = in.on, .title = "启动复核", .detail = in.description, .created_by_name = caller.display_name,
                               .created_by = caller.user_id});
    auth::audit(conn, actor, "village.review.open", "village_reviews", std::to_string(id), in.trigger);
    return id;
  });
  return db_->read([&](db::Connection& conn) {
    Names names(conn);
    return review_view(names, *store::review(conn, id));
  });
}

ReviewView VillageService::decide_review(auth::Actor const& actor, std::int64_t id, std::string decision, std::string note) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  if (decision != "keep" && decision != "revoke" && decision != "cancel") invalid("请选择复核结论", "decision");
  note = trimmed(note);
  if (note.empty() || note.size() > 6000) invalid("请写明复核情况（不超过 2000 字）", "note");
  db_->write([&](db::Connection& conn) {
    auto r = store::review(conn, id);
    if (!r || !caller.covers(r->region_path)) throw ApiError(AppError::not_found, "复核不存在");
    if (r->status != "open") throw ApiError(wrong_state, "该复核已作出结论");
    r->status = "decided";
    r->decision = decision;
    r->decision_note = note;
    r->decided_on = today();
    store::update_review(conn, *r);
    auto f = load_file(conn, caller, r->region_id);
    if (decision != "keep") {
      f.level = "none";
      f.named_year.reset();
      f.naming_doc.reset();
      f.plaque = "removed";
      store::upsert_file(conn, f, caller.user_id);
    }
    store::insert_entry(conn, {.region_id = r->region_id, .region_path = r->region_path, .kind = "review", .on = today(),
                               .title = fmt::format("复核结论：{}{}", decision_words(decision), level_words(r->level_before)),
                               .detail = note, .created_by_name = caller.display_name, .created_by = caller.user_id});
    auth::audit(conn, actor, "village.review.decide", "village_reviews", std::to_string(id), decision);
  });
  return db_->read([&](db::Connection& conn) {
    Names names(conn);
    return review_view(names, *store::review(conn, id));
  });
}

}  // namespace pufa::village
