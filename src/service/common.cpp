#include "service/common.hpp"

#include "auth/regions.hpp"
#include "base/random.hpp"
#include "base/sealed.hpp"
#include "service/store.hpp"
#include "xlsx/cell_text.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;

void invalid(std::string message, std::string field) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}

std::string today() { return base::shanghai_date(base::now_ms()); }
std::string trimmed(std::string_view text) { return std::string(xlsx::trim(text)); }
std::string code_hash(std::string const& salt, std::string const& code) { return base::sha256_hex(salt + ":" + code); }

std::string new_code() {
  auto const value = std::stoull(base::random_hex(4), nullptr, 16) % 1'000'000;
  auto text = std::to_string(value);
  return std::string(6 - text.size(), '0') + text;
}

bool can_read(auth::Principal const& caller) {
  return caller.has(read_permission) || caller.has(manage_permission) || caller.has(log_permission) ||
         caller.has(confirm_permission);
}

org::directory::Person advisor_of(db::Connection& conn, auth::Principal const& caller) {
  if (!caller.has(log_permission)) throw ApiError(AppError::forbidden);
  auto person = org::directory::person_of_user(conn, caller.user_id);
  if (!person) throw ApiError(AppError::forbidden, "账号未关联法律顾问人员信息，请联系管理员在人员信息中绑定登录账号");
  return std::move(*person);
}

Reader reader_of(db::Connection& conn, auth::Principal const& caller, std::optional<std::int64_t> region_id) {
  if (caller.has(read_permission) || caller.has(manage_permission) || caller.has(confirm_permission)) {
    return {auth::regions::scope_path(conn, caller, region_id), std::nullopt};
  }
  auto const advisor = advisor_of(conn, caller);
  std::string path = auth::regions::root(conn).path;
  if (region_id) {
    auto const region = auth::regions::find(conn, *region_id);
    if (!region) invalid("区域不存在", "region_id");
    path = region->path;
  }
  return {path, advisor.id};
}

std::string shown_status(Day const& d, std::string const& on) {
  if (d.status == day_status::verified) return std::string(day_status::verified);
  if (d.planned_on >= on) return d.status;
  return std::string(d.status == day_status::checked_in ? day_status::unverified : day_status::missed);
}

std::optional<auth::Region> const& Names::region(std::int64_t id) {
  auto found = regions_.find(id);
  if (found == regions_.end()) found = regions_.emplace(id, auth::regions::find(conn, id)).first;
  return found->second;
}

std::string Names::name_of(std::int64_t region_id) {
  auto const& r = region(region_id);
  return r ? r->name : std::string();
}

std::optional<auth::Region> Names::township_of(std::int64_t region_id) {
  auto r = region(region_id);
  while (r && r->level > auth::regions::township_level && r->parent_id) r = region(*r->parent_id);
  if (r && r->level == auth::regions::township_level) return r;
  return std::nullopt;
}

std::string const& Names::person(std::int64_t id) {
  auto found = people_.find(id);
  if (found == people_.end()) {
    auto const p = org::directory::person(conn, id);
    found = people_.emplace(id, p ? p->name : std::string()).first;
  }
  return found->second;
}

DayView day_view(Names& names, Day d, std::string const& on, std::optional<std::int64_t> logs) {
  DayView v;
  v.village_name = names.name_of(d.region_id);
  auto const town = names.township_of(d.region_id);
  v.township_name = town ? town->name : std::string();
  v.advisor_name = names.person(d.advisor_id);
  v.shown_status = shown_status(d, on);
  v.logs = logs ? *logs : store::logs_of_day(names.conn, d.region_id, d.planned_on);
  v.d = std::move(d);
  return v;
}

auth::Region village_in_scope(db::Connection& conn, auth::Principal const& caller, std::int64_t id, std::string const& field) {
  auto const region = auth::regions::find(conn, id);
  if (!region || !caller.covers(region->path)) throw ApiError(AppError::not_found, "村（社区）不存在");
  if (region->level != auth::regions::village_level) invalid("请选择村（社区）", field);
  return *region;
}

}  // namespace pufa::service
