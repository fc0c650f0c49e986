#include "village/common.hpp"

#include "activity/library.hpp"
#include "auth/regions.hpp"
#include "legality/library.hpp"
#include "org/directory.hpp"
#include "service/library.hpp"
#include "village/store.hpp"
#include "xlsx/cell_text.hpp"

namespace pufa::village {

using http::ApiError;
using http::AppError;

void invalid(std::string message, std::string field) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}
std::string today() { return base::shanghai_date(base::now_ms()); }
std::string trimmed(std::string_view text) { return std::string(xlsx::trim(text)); }

void require_reader(auth::Principal const& caller) {
  if (!caller.has(read_permission) && !caller.has(manage_permission) && !caller.has(file_permission) &&
      !caller.has(township_permission)) {
    throw ApiError(AppError::forbidden);
  }
}

int level_rank(std::string_view level) {
  if (level == "national") return 4;
  if (level == "provincial") return 3;
  if (level == "jinhua") return 2;
  if (level == "county") return 1;
  if (level == "none") return 0;
  return -1;
}
bool valid_level(std::string_view level) { return level_rank(level) >= 0; }

std::string_view level_words(std::string_view level) {
  if (level == "national") return "全国民主法治示范村（社区）";
  if (level == "provincial") return "省级民主法治村（社区）";
  if (level == "jinhua") return "金华市级民主法治村（社区）";
  if (level == "county") return "兰溪市级民主法治村（社区）";
  return "未命名";
}

std::optional<auth::Region> const& Names::region(std::int64_t id) {
  auto found = regions_.find(id);
  if (found == regions_.end()) found = regions_.emplace(id, auth::regions::find(conn, id)).first;
  return found->second;
}

std::string Names::name_of(std::int64_t id) {
  auto const& r = region(id);
  return r ? r->name : std::string();
}

std::optional<auth::Region> Names::township_of(std::int64_t id) {
  auto r = region(id);
  while (r && r->level > auth::regions::township_level && r->parent_id) r = region(*r->parent_id);
  if (r && r->level == auth::regions::township_level) return r;
  return std::nullopt;
}

FileRow file_row(Names& names, File f, bool under_review) {
  FileRow row;
  row.name = names.name_of(f.region_id);
  if (auto const town = names.township_of(f.region_id)) {
    row.township_id = town->id;
    row.township_name = town->name;
  }
  row.under_review = under_review;
  row.f = std::move(f);
  return row;
}

AppRow app_row(Names& names, Application a, std::map<std::int64_t, Round> const& rounds) {
  AppRow row;
  row.village_name = names.name_of(a.region_id);
  if (auto const town = names.township_of(a.region_id)) row.township_name = town->name;
  if (auto const found = rounds.find(a.round_id); found != rounds.end()) {
    row.round_title = found->second.title;
    row.year = found->second.year;
  }
  row.a = std::move(a);
  return row;
}

ReviewView review_view(Names& names, Review r) {
  ReviewView v;
  v.village_name = names.name_of(r.region_id);
  if (auto const town = names.township_of(r.region_id)) v.township_name = town->name;
  v.r = std::move(r);
  return v;
}

std::map<std::int64_t, Live> live_figures(db::Connection& conn, std::string const& path, int year) {
  std::map<std::int64_t, Live> out;
  auto const from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
  for (auto const& [id, n] : activity::library::activities_by_region(conn, path, from, to)) out[id].activities = n;
  for (auto const& [id, n] : org::directory::tagged_by_region(conn, path, "legal_literate")) out[id].legal_literate = n;
  for (auto const& [id, n] : service::library::verified_days(conn, path, year)) out[id].advisor_days = n;
  for (auto const& [id, lawful] : legality::library::village_rules_lawful(conn, path)) out[id].village_rules = lawful ? "lawful" : "pending";
  for (auto& [id, live] : out) live.year = year;
  return out;
}

File load_file(db::Connection& conn, auth::Principal const& caller, std::int64_t region_id) {
  auto const region = auth::regions::find(conn, region_id);
  if (!region || !caller.covers(region->path) || region->level != auth::regions::village_level) {
    throw ApiError(AppError::not_found, "村（社区）档案不存在");
  }
  if (auto f = store::file(conn, region_id)) return std::move(*f);
  File f;
  f.region_id = region->id;
  f.region_path = region->path;
  return f;
}

}  // namespace pufa::village
