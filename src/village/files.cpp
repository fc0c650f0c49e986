// One file per village (一村一档), its entries, coverage by township, the overview's counts (docs/village.md).
#include <fmt/format.h>

#include <set>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "village/common.hpp"
#include "village/store.hpp"

namespace pufa::village {

using http::ApiError;
using http::AppError;

namespace {

bool valid_plaque(std::string_view p) { return p == "none" || p == "hung" || p == "removed"; }
bool valid_entry_kind(std::string_view k) {
  return k == "named" || k == "check" || k == "complaint" || k == "rectification" || k == "review" || k == "note";
}

std::set<std::int64_t> under_review(db::Connection& conn, std::string const& path) {
  std::set<std::int64_t> out;
  for (auto const& r : store::reviews(conn, path, std::string("open"))) out.insert(r.region_id);
  return out;
}

}  // namespace

FilePage VillageService::files(auth::Actor const& actor, FileQuery const& q) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    auto const path = auth::regions::scope_path(conn, caller, q.region_id);
    auto rows = store::files(conn, {.scope_path = path, .level = q.level, .plaque = q.plaque, .under_review = q.under_review});
    auto const open = under_review(conn, path);
    Names names(conn);
    std::vector<FileRow> all;
    for (auto& f : rows) {
      bool const flagged = open.contains(f.region_id);
      auto row = file_row(names, std::move(f), flagged);
      if (q.q && row.name.find(*q.q) == std::string::npos && row.township_name.find(*q.q) == std::string::npos) continue;
      all.push_back(std::move(row));
    }
    FilePage out;
    out.total = static_cast<std::int64_t>(all.size());
    auto const from = std::min<std::size_t>(all.size(), static_cast<std::size_t>((q.page - 1) * q.page_size));
    auto const to = std::min<std::size_t>(all.size(), from + static_cast<std::size_t>(q.page_size));
    out.items.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(from)),
                     std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(to)));
    return out;
  });
}

FileDetail VillageService::file(auth::Actor const& actor, std::int64_t region_id) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    auto f = load_file(conn, caller, region_id);
    Names names(conn);
    FileDetail out;
    auto reviews = store::reviews(conn, f.region_path, std::nullopt, region_id);
    bool const open = std::any_of(reviews.begin(), reviews.end(), [](Review const& r) { return r.status == "open"; });
    auto const path = f.region_path;
    out.row = file_row(names, std::move(f), open);
    out.entries = store::entries(conn, region_id);
    for (auto& r : reviews) out.reviews.push_back(review_view(names, std::move(r)));
    std::map<std::int64_t, Round> rounds;
    for (auto& r : store::rounds(conn)) rounds[r.id] = r;
    for (auto& a : store::applications(conn, std::nullopt, path, region_id)) out.applications.push_back(app_row(names, std::move(a), rounds));
    auto const year = std::stoi(today().substr(0, 4));
    auto live = live_figures(conn, path, year);
    out.live = live.contains(region_id) ? live[region_id] : Live{};
    out.live.year = year;
    return out;
  });
}

FileDetail VillageService::update_file(auth::Actor const& actor, std::int64_t region_id, FileInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  if (!valid_level(in.level)) invalid("请选择命名级别", "level");
  if (!valid_plaque(in.plaque)) invalid("请选择挂牌情况", "plaque");
  if (in.level != "none" && !in.named_year) invalid("请填写命名年度", "named_year");
  if (in.named_year && (*in.named_year < 1990 || *in.named_year > 2100)) invalid("命名年度应为 1990 至 2100 年", "named_year");
  if (in.naming_doc && in.naming_doc->size() > 300) invalid("命名文件不超过 100 字", "naming_doc");
  in.history = trimmed(in.history);
  if (in.history.size() > 15000) invalid("创建历程不超过 5000 字", "history");
  db_->write([&](db::Connection& conn) {
    auto f = load_file(conn, caller, region_id);
    auto const before = f.level;
    f.level = in.level;
    f.named_year = in.level == "none" ? std::nullopt : in.named_year;
    f.naming_doc = in.level == "none" ? std::nullopt : in.naming_doc;
    f.plaque = in.plaque;
    f.history = in.history;
    store::upsert_file(conn, f, caller.user_id);
    if (before != f.level) {
      store::insert_entry(conn, {.region_id = f.region_id, .region_path = f.region_path, .kind = "note", .on = today(),
                                 .title = fmt::format("命名级别由“{}”改为“{}”", level_words(before), level_words(f.level)),
                                 .detail = f.naming_doc.value_or(""), .created_by_name = caller.display_name, .created_by = caller.user_id});
    }
    auth::audit(conn, actor, "village.file.update", "village_files", std::to_string(region_id), f.level);
  });
  return file(actor, region_id);
}

FileDetail VillageService::add_entry(auth::Actor const& actor, std::int64_t region_id, EntryInput in) const {
  auto const& caller = actor.user();
  bool const manager = caller.has(manage_permission);
  if (!manager && !caller.has(file_permission)) throw ApiError(AppError::forbidden);
  if (!valid_entry_kind(in.kind)) invalid("请选择记录类别", "kind");
  if (!manager && in.kind != "check" && in.kind != "rectification") invalid("村（社区）只能记录日常检查和整改情况", "kind");
  if (!base::is_date(in.on) || in.on > today()) invalid("日期应为今天或以前的日期", "on");
  in.title = trimmed(in.title);
  if (in.title.empty() || in.title.size() > 300) invalid("请填写标题（不超过 100 字）", "title");
  in.detail = trimmed(in.detail);
  if (in.detail.size() > 15000) invalid("内容不超过 5000 字", "detail");
  db_->write([&](db::Connection& conn) {
    auto f = load_file(conn, caller, region_id);
    if (!store::file(conn, region_id)) store::upsert_file(conn, f, caller.user_id);
    auto const id = store::insert_entry(conn, {.region_id = f.region_id, .region_path = f.region_path, .kind = in.kind, .on = in.on,
                                               .title = in.title, .detail = in.detail, .created_by_name = caller.display_name,
                                               .created_by = caller.user_id});
    auth::audit(conn, actor, "village.entry.create", "village_entries", std::to_string(id), in.kind);
  });
  return file(actor, region_id);
}

Coverage VillageService::coverage(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    Coverage out;
    out.total.name = "合计";
    auto towns = auth::regions::at_level(conn, caller.region_path, auth::regions::township_level);
    if (towns.empty()) {
      if (auto const me = auth::regions::find(conn, caller.region_id)) towns.push_back(*me);
    }
    for (auto const& town : towns) {
      CoverageRow row;
      row.township_id = town.id;
      row.name = town.name;
      row.villages = auth::regions::count_at_level(conn, town.path, auth::regions::village_level);
      auto const counts = store::level_counts(conn, town.path);
      auto const n = [&](char const* level) {
        auto const found = counts.find(level);
        return found == counts.end() ? std::int64_t{0} : found->second;
      };
      row.national = n("national");
      row.provincial = n("provincial");
      row.jinhua = n("jinhua");
      row.county = n("county");
      row.none = row.villages - row.national - row.provincial - row.jinhua - row.county;
      if (row.villages) row.named_rate = static_cast<double>(row.national + row.provincial + row.jinhua) / static_cast<double>(row.villages);
      auto& t = out.total;
      t.villages += row.villages;
      t.national += row.national;
      t.provincial += row.provincial;
      t.jinhua += row.jinhua;
      t.county += row.county;
      t.none += row.none;
      out.rows.push_back(row);
    }
    if (out.total.villages) {
      out.total.named_rate = static_cast<double>(out.total.national + out.total.provincial + out.total.jinhua) /
                             static_cast<double>(out.total.villages);
    }
    return out;
  });
}

void VillageService::add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out) {
  auto const counts = store::level_counts(conn, region_path);
  auto const n = [&](char const* level) {
    auto const found = counts.find(level);
    return found == counts.end() ? std::int64_t{0} : found->second;
  };
  out["villages_national"] = n("national");
  out["villages_provincial"] = n("provincial");
  out["villages_jinhua"] = n("jinhua");
}

std::vector<todo::Item> VillageService::todo(auth::Principal const& caller) const {
  std::vector<todo::Item> out;
  if (!caller.has(township_permission) && !caller.has(manage_permission) && !caller.has(file_permission)) return out;
  db_->read([&](db::Connection& conn) {
    std::map<std::int64_t, Round> rounds;
    for (auto& r : store::rounds(conn)) rounds[r.id] = r;
    auto const me = auth::regions::find(conn, caller.region_id);
    bool const township = caller.has(township_permission) && me && me->level == auth::regions::township_level;
    std::int64_t to_score = 0, to_review = 0, reviews_open = 0;
    for (auto const& a : store::applications(conn, std::nullopt, caller.region_path)) {
      auto const found = rounds.find(a.round_id);
      if (found == rounds.end()) continue;
      if (township && found->second.status == "open" && a.status == "applied") ++to_score;
      if (caller.has(manage_permission) && found->second.status == "reviewing" && a.status == "recommended") ++to_review;
    }
    if (caller.has(manage_permission)) reviews_open = static_cast<std::int64_t>(store::reviews(conn, caller.region_path, std::string("open")).size());
    if (to_score) out.push_back({"village.applications.score", to_score});
    if (to_review) out.push_back({"village.applications.review", to_review});
    if (reviews_open) out.push_back({"village.reviews.decide", reviews_open});
  });
  return out;
}

}  // namespace pufa::village
