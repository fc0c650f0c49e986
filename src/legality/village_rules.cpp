// 村规民约 and 居民公约: one current text a village, reviewed for legality by the township's 司法所 in
// the same flow as any submission (docs/legality.md, "村规民约").
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "http/error.hpp"
#include "legality/common.hpp"
#include "legality/library.hpp"
#include "legality/store.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;

namespace {

bool lawful_review(Submission const& s, std::int64_t version) {
  return s.rules_version && *s.rules_version == version && s.conclusion &&
         (*s.conclusion == conclusion::lawful || *s.conclusion == conclusion::lawful_with_changes);
}

// Latest first: the review that speaks for the current text.
std::optional<Submission> latest(std::vector<Submission> const& reviews, std::int64_t rules_id) {
  for (auto const& s : reviews) {
    if (s.village_rules_id == rules_id && s.status != status::withdrawn) return s;
  }
  return std::nullopt;
}

RulesView view(db::Connection& conn, VillageRules r, std::vector<Submission> const& reviews) {
  RulesView v;
  auto const region = auth::regions::find(conn, r.region_id);
  if (region) {
    v.village_name = region->name;
    if (region->parent_id) {
      if (auto const parent = auth::regions::find(conn, *region->parent_id)) v.township_name = parent->name;
    }
  }
  v.review = latest(reviews, r.id);
  v.lawful = std::any_of(reviews.begin(), reviews.end(), [&](Submission const& s) {
    return s.village_rules_id == r.id && lawful_review(s, r.version);
  });
  v.rules = std::move(r);
  return v;
}

void require_village(db::Connection& conn, auth::Principal const& caller, std::int64_t region_id, auth::Region* out) {
  auto const region = auth::regions::find(conn, region_id);
  if (!region || region->level != auth::regions::village_level) invalid("请选择村(社区)", "region_id");
  if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope, "只能填写本辖区村(社区)的村规民约", "region_id");
  *out = *region;
}

void check(RulesInput const& in) {
  if (trimmed(in.title).empty()) invalid("请填写名称", "title");
  if (trimmed(in.text).empty()) invalid("请填写村规民约正文", "text");
  if (!base::is_date(in.adopted_on)) invalid("通过日期应为 1900 至 2100 年间的日期", "adopted_on");
  if (in.adopted_on > today()) invalid("通过日期不能晚于今天", "adopted_on");
}

}  // namespace

RulesPage LegalityService::rules(auth::Actor const& actor, std::optional<std::int64_t> region_id, std::optional<std::string> review,
                                 std::optional<std::string> q, std::int64_t page, std::int64_t page_size) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission)) throw ApiError(AppError::forbidden);
  if (review && *review != "lawful" && *review != "pending" && *review != "none" && *review != "unlawful") {
    invalid("审核情况应为 lawful、pending、none 或 unlawful", "review");
  }
  return db_->read([&](db::Connection& conn) {
    RulesPage out;
    auto const path = auth::regions::scope_path(conn, caller, region_id);
    out.villages = auth::regions::count_at_level(conn, path, auth::regions::village_level);
    // A village's one text: the whole subtree is read (350 rows in the demo) and filtered by its review.
    auto all = store::rules_under(conn, path, std::nullopt, q, 0, 0, nullptr);
    // By the tree (township, then village, by code), as every list of villages reads.
    std::map<std::int64_t, std::size_t> order;
    for (auto const& region : auth::regions::under(conn, path)) order.emplace(region.id, order.size());
    std::stable_sort(all.begin(), all.end(), [&](VillageRules const& a, VillageRules const& b) { return order[a.region_id] < order[b.region_id]; });
    std::vector<std::int64_t> ids;
    for (auto const& r : all) ids.push_back(r.id);
    auto const reviews = store::of_rules(conn, ids);
    std::vector<RulesView> views;
    for (auto& r : all) {
      auto v = view(conn, std::move(r), reviews);
      ++out.with_rules;
      if (v.lawful) ++out.reviewed_lawful;
      if (review) {
        bool const pending = v.review && (v.review->status == status::reviewing || v.review->status == status::material_requested);
        bool const unlawful = !v.lawful && v.review && v.review->conclusion == std::optional<std::string>(std::string(conclusion::unlawful));
        if (*review == "lawful" && !v.lawful) continue;
        if (*review == "pending" && !pending) continue;
        if (*review == "none" && v.review) continue;
        if (*review == "unlawful" && !unlawful) continue;
      }
      views.push_back(std::move(v));
    }
    out.total = static_cast<std::int64_t>(views.size());
    out.items = page_slice(std::move(views), page, page_size);
    return out;
  });
}

RulesView LegalityService::rules_of(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto r = store::rules(conn, id);
    if (!r) throw ApiError(AppError::not_found, "村规民约不存在");
    if (!caller.covers(r->region_path)) throw ApiError(http::concealed_refusal, "村规民约不存在");
    auto const reviews = store::of_rules(conn, {id});
    auto v = view(conn, std::move(*r), reviews);
    auto const cal = calendar::Calendar::load(conn, 2000, std::stoi(today().substr(0, 4)) + 1);
    Names names(conn);
    for (auto const& s : reviews) v.reviews.push_back(view_of(names, cal, s));
    return v;
  });
}

RulesView LegalityService::create_rules(auth::Actor const& actor, RulesInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(submit_permission)) throw ApiError(AppError::forbidden);
  check(in);
  auto const id = db_->write([&](db::Connection& conn) {
    auth::Region region;
    require_village(conn, caller, in.region_id, &region);
    if (store::rules_of_region(conn, region.id)) throw ApiError(AppError::conflict, region.name + "已有村规民约，请修改原文", "region_id");
    VillageRules r;
    r.region_id = region.id;
    r.region_path = region.path;
    r.title = trimmed(in.title);
    r.text = in.text;
    r.adopted_on = in.adopted_on;
    r.version = 1;
    r.created_at = r.updated_at = base::now_ms();
    auto const id = store::insert_rules(conn, r, caller.user_id);
    auth::audit(conn, actor, "legality.rules.create", "legality_village_rules", std::to_string(id), region.name);
    return id;
  });
  return rules_of(actor, id);
}

RulesView LegalityService::update_rules(auth::Actor const& actor, std::int64_t id, RulesInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(submit_permission)) throw ApiError(AppError::forbidden);
  check(in);
  db_->write([&](db::Connection& conn) {
    auto r = store::rules(conn, id);
    if (!r || !caller.covers(r->region_path)) throw ApiError(http::concealed_refusal, "村规民约不存在");
    auto const reviews = store::of_rules(conn, {id});
    auto const open = std::any_of(reviews.begin(), reviews.end(), [](Submission const& s) {
      return s.status == status::reviewing || s.status == status::material_requested;
    });
    bool const changed = r->text != in.text || r->title != trimmed(in.title);
    if (open && changed) throw ApiError(wrong_state, "合法性审核进行中，审核结束后才能修改正文");
    // A changed text is a new version: the review of the old one no longer speaks for it.
    if (changed) ++r->version;
    r->title = trimmed(in.title);
    r->text = in.text;
    r->adopted_on = in.adopted_on;
    r->updated_at = base::now_ms();
    store::update_rules(conn, *r);
    auth::audit(conn, actor, "legality.rules.update", "legality_village_rules", std::to_string(id), fmt::format("version {}", r->version));
  });
  return rules_of(actor, id);
}

SubmissionView LegalityService::submit_rules(auth::Actor const& actor, std::int64_t id, std::string summary,
                                             std::vector<std::int64_t> file_ids) const {
  auto const& caller = actor.user();
  if (!caller.has(submit_permission)) throw ApiError(AppError::forbidden);
  auto const submission_id = db_->write([&](db::Connection& conn) {
    auto r = store::rules(conn, id);
    if (!r || !caller.covers(r->region_path)) throw ApiError(http::concealed_refusal, "村规民约不存在");
    for (auto const& s : store::of_rules(conn, {id})) {
      if (s.status == status::reviewing || s.status == status::material_requested) {
        throw ApiError(wrong_state, "该村规民约已在审核中");
      }
    }
    check_files(conn, caller, file_ids, 0);
    Submission s;
    s.village_rules_id = r->id;
    s.rules_version = r->version;
    s.kind = std::string(kind::village_rules);
    s.title = r->title;
    s.basis = "《中华人民共和国村民委员会组织法》第二十七条";
    s.summary = summary;
    s.region_id = r->region_id;
    return receive(conn, actor, std::move(s), days_.of(kind::village_rules), file_ids);
  });
  return submission(actor, submission_id);
}

namespace library {

std::map<std::int64_t, bool> village_rules_lawful(db::Connection& conn, std::string const& region_path) {
  std::map<std::int64_t, bool> out;
  auto const all = store::rules_under(conn, region_path, std::nullopt, std::nullopt, 0, 0, nullptr);
  std::vector<std::int64_t> ids;
  for (auto const& r : all) ids.push_back(r.id);
  auto const reviews = store::of_rules(conn, ids);
  for (auto const& r : all) {
    out[r.region_id] = std::any_of(reviews.begin(), reviews.end(), [&](Submission const& s) {
      return s.village_rules_id == r.id && lawful_review(s, r.version);
    });
  }
  return out;
}

}  // namespace library

}  // namespace pufa::legality
