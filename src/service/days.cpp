// The work standard, the villages and their advisors, schedules and the verified service day
// (docs/service.md, "The work standard", "Schedules and service days").
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "auth/audit.hpp"
#include "auth/rate_limit.hpp"
#include "auth/regions.hpp"
#include "base/random.hpp"
#include "calendar/library.hpp"
#include "service/common.hpp"
#include "service/schedule.hpp"
#include "service/store.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;

namespace {

constexpr int resident_tries = 10;  // codes a resident's address may try per 10 minutes
constexpr base::Millis resident_window_ms = 10 * base::minute_ms;

void require(auth::Principal const& caller, std::string_view permission) {
  if (!caller.has(permission)) throw ApiError(AppError::forbidden);
}

Day load_day(db::Connection& conn, std::int64_t id) {
  auto d = store::day(conn, id);
  if (!d) throw ApiError(AppError::not_found, "服务日不存在");
  return std::move(*d);
}

// A staff member sees the days of their subtree, an advisor their own; anything else is 404.
void require_visible(db::Connection& conn, auth::Principal const& caller, Day const& d) {
  if (caller.has(read_permission) || caller.has(manage_permission) || caller.has(confirm_permission)) {
    if (caller.covers(d.region_path)) return;
  } else if (caller.has(log_permission)) {
    auto const me = org::directory::person_of_user(conn, caller.user_id);
    if (me && me->id == d.advisor_id) return;
  }
  throw ApiError(AppError::not_found, "服务日不存在");
}

void verify(db::Connection& conn, auth::Actor const& actor, Day& d, std::string method, std::optional<std::int64_t> by) {
  d.status = std::string(day_status::verified);
  d.verified_at = base::now_ms();
  d.verified_by = std::move(method);
  d.verifier_id = by;
  d.code_hash.reset();
  d.code_salt.reset();
  d.code_expires_at.reset();
  store::update_day(conn, d);
  auth::audit(conn, actor, "service.day.verify", "service_days", std::to_string(d.id), *d.verified_by);
}

int month_of(std::string const& date) { return std::stoi(date.substr(5, 2)); }

}  // namespace

Standard LegalService::standard(auth::Actor const& actor) const {
  if (!can_read(actor.user())) throw ApiError(AppError::forbidden);
  return db_->read([](db::Connection& conn) { return store::standard(conn); });
}

Standard LegalService::set_standard(auth::Actor const& actor, Standard s) const {
  auto const& caller = actor.user();
  require(caller, manage_permission);
  auto& days = s.days_of_month;
  if (days.empty() || days.size() > 6) invalid("请选择 1 至 6 个服务日", "days_of_month");
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i] < 1 || days[i] > 28) invalid("服务日应为每月 1 日至 28 日", fmt::format("days_of_month[{}]", i));
  }
  std::sort(days.begin(), days.end());
  if (std::adjacent_find(days.begin(), days.end()) != days.end()) invalid("服务日不能重复", "days_of_month");
  auto const n = static_cast<int>(days.size());
  if (s.town_days < 1 || s.town_days > n) invalid(fmt::format("每月服务天数应为 1 至 {} 天（不超过所列服务日）", n), "town_days");
  if (s.remote_days < 1 || s.remote_days > s.town_days) invalid("偏远村每月服务天数应为 1 天至一般村的天数", "remote_days");
  if (s.villages_per_day < 1 || s.villages_per_day > 10) invalid("每日服务村数应为 1 至 10 个", "villages_per_day");
  if (s.lectures_per_quarter < 0 || s.lectures_per_quarter > 12) invalid("每季度讲座次数应为 0 至 12 次", "lectures_per_quarter");
  if (s.answer_hours < 1 || s.answer_hours > 720) invalid("答复时限应为 1 至 720 小时", "answer_hours");
  if (s.subsidy_per_day < 0 || s.subsidy_per_day > 100000) invalid("每个服务日补贴应为 0 至 100000 元", "subsidy_per_day");
  db_->write([&](db::Connection& conn) {
    store::set_standard(conn, s, caller.user_id);
    auth::audit(conn, actor, "service.standard.update", "service_standard", "1",
                fmt::format("{} days, town {}, remote {}", n, s.town_days, s.remote_days));
  });
  return s;
}

VillagePage LegalService::villages(auth::Actor const& actor, std::optional<std::int64_t> region_id, std::optional<std::string> q,
                                   std::int64_t page, std::int64_t page_size) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto const path = auth::regions::scope_path(conn, caller, region_id);
    auto const on = today();
    auto const contracts = org::directory::village_contracts(conn, path, on, on);
    std::map<std::int64_t, org::directory::VillageContract const*> by_village;
    for (auto const& c : contracts) by_village[c.village_id] = &c;
    auto const remote = store::remote_villages(conn, path);
    std::set<std::int64_t> remote_set(remote.begin(), remote.end());
    Names names(conn);
    std::vector<VillageRow> all;
    for (auto const& v : auth::regions::at_level(conn, path, auth::regions::village_level)) {
      if (q && v.name.find(*q) == std::string::npos) continue;
      VillageRow row{v.id, v.name};
      if (auto const town = names.township_of(v.id)) {
        row.township_id = town->id;
        row.township_name = town->name;
      }
      row.remote = remote_set.contains(v.id);
      if (auto const found = by_village.find(v.id); found != by_village.end()) {
        row.advisor_id = found->second->advisor_id;
        row.contract_id = found->second->id;
        row.advisor_name = found->second->advisor_name;
        row.firm = found->second->firm;
      }
      all.push_back(std::move(row));
    }
    VillagePage out;
    out.total = static_cast<std::int64_t>(all.size());
    auto const from = std::min<std::size_t>(all.size(), static_cast<std::size_t>((page - 1) * page_size));
    auto const to = std::min<std::size_t>(all.size(), from + static_cast<std::size_t>(page_size));
    out.items.assign(all.begin() + static_cast<std::ptrdiff_t>(from), all.begin() + static_cast<std::ptrdiff_t>(to));
    return out;
  });
}

VillageRow LegalService::set_remote(auth::Actor const& actor, std::int64_t id, bool remote) const {
  auto const& caller = actor.user();
  require(caller, manage_permission);
  auto const name = db_->write([&](db::Connection& conn) {
    auto const village = village_in_scope(conn, caller, id, "id");
    store::set_remote(conn, village.id, village.path, remote);
    auth::audit(conn, actor, "service.village.remote", "regions", std::to_string(id), remote ? "remote" : "not remote");
    return village.name;
  });
  auto page = villages(actor, id, name, 1, 1);
  if (page.items.empty()) throw ApiError(AppError::not_found, "村（社区）不存在");
  return page.items.front();
}

Generated LegalService::generate(auth::Actor const& actor, int year, std::optional<std::int64_t> region_id) const {
  auto const& caller = actor.user();
  require(caller, manage_permission);
  if (year < 2000 || year > 2100) invalid("年度应为 2000 到 2100 之间的年份", "year");
  return db_->write([&](db::Connection& conn) {
    auto const path = auth::regions::scope_path(conn, caller, region_id);
    auto const standard = store::standard(conn);
    auto const cal = calendar::Calendar::load(conn, year, year + 1);
    auto const from_day = std::max(today(), fmt::format("{}-01-01", year));
    Generated out;
    store::delete_replaceable(conn, path, year, from_day);
    // What stays (checked-in, verified, past days) holds its village's date and its advisor's load.
    Taken taken;
    for (auto const& d : store::days(conn, {.scope_path = "/", .from = fmt::format("{}-01-01", year), .to = fmt::format("{}-12-31", year)})) {
      taken.advisor_dates.emplace_back(d.advisor_id, d.planned_on);
      if (d.region_path.starts_with(path)) taken.village_dates.emplace_back(d.region_id, d.planned_on);
    }
    auto const remote = store::remote_villages(conn, path);
    std::set<std::int64_t> remote_set(remote.begin(), remote.end());
    std::vector<Term> terms;
    std::map<std::int64_t, std::string> paths;
    for (auto const& c : org::directory::village_contracts(conn, path, fmt::format("{}-01-01", year), fmt::format("{}-12-31", year))) {
      terms.push_back({c.village_id, c.advisor_id, c.id, remote_set.contains(c.village_id), c.starts_on, c.ends_on});
      paths[c.village_id] = c.village_path;
    }
    auto const villages = auth::regions::count_at_level(conn, path, auth::regions::village_level);
    out.villages = static_cast<std::int64_t>(paths.size());
    out.without_advisor = villages - out.villages;
    for (auto const& p : plan_year(standard, cal, year, terms, from_day, taken)) {
      Day d;
      d.region_id = p.village_id;
      d.region_path = paths[p.village_id];
      d.advisor_id = p.advisor_id;
      d.contract_id = p.contract_id;
      d.year = year;
      d.nominal_on = p.nominal_on;
      d.planned_on = p.planned_on;
      d.moved = p.moved;
      d.status = std::string(day_status::planned);
      store::insert_day(conn, d);
      ++out.days;
      out.moved += p.moved.has_value();
    }
    auth::audit(conn, actor, "service.schedule.generate", "service_days", std::to_string(year),
                fmt::format("{} days for {} villages", out.days, out.villages));
    return out;
  });
}

DayPage LegalService::days(auth::Actor const& actor, DayQuery const& q) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto const r = reader_of(conn, caller, q.region_id);
    store::DayFilter f{.scope_path = r.path, .advisor_id = r.advisor_id ? r.advisor_id : q.advisor_id};
    if (q.year) {
      f.from = q.month ? fmt::format("{}-{:02}-01", *q.year, *q.month) : fmt::format("{}-01-01", *q.year);
      f.to = q.month ? fmt::format("{}-{:02}-31", *q.year, *q.month) : fmt::format("{}-12-31", *q.year);
    }
    if (q.from) f.from = std::max(f.from.value_or(""), *q.from);
    if (q.to) f.to = f.to ? std::min(*f.to, *q.to) : *q.to;
    auto const on = today();
    // Shown statuses that are stored as such filter in SQL; the past ones by date.
    if (q.status) {
      auto const& s = *q.status;
      if (s == day_status::verified) f.status = s;
      else if (s == day_status::planned || s == day_status::checked_in) {
        f.status = s;
        f.from = std::max(f.from.value_or(""), on);
      } else {
        f.status = std::string(s == day_status::unverified ? day_status::checked_in : day_status::planned);
        auto const yesterday = calendar::date_of(calendar::day_number(on) - 1);
        f.to = f.to ? std::min(*f.to, yesterday) : yesterday;
      }
    }
    f.limit = q.page_size;
    f.offset = (q.page - 1) * q.page_size;
    DayPage out;
    auto rows = store::days(conn, f, &out.total);
    std::map<std::int64_t, std::string> firms;
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> logs;
    if (!rows.empty()) {
      for (auto const& c : org::directory::village_contracts(conn, r.path, rows.front().planned_on, rows.back().planned_on)) {
        firms[c.id] = c.firm;
      }
      logs = store::log_counts(conn, r.path, rows.front().planned_on, rows.back().planned_on);
    }
    Names names(conn);
    for (auto& d : rows) {
      auto const contract = d.contract_id;
      auto const found = logs.find({d.region_id, d.planned_on});
      out.items.push_back(day_view(names, std::move(d), on, found == logs.end() ? 0 : found->second));
      out.items.back().firm = firms[contract];
    }
    return out;
  });
}

DayView LegalService::day(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto d = load_day(conn, id);
    require_visible(conn, caller, d);
    Names names(conn);
    return day_view(names, std::move(d), today());
  });
}

Download LegalService::schedule_export(auth::Actor const& actor, int year, std::optional<std::int64_t> region_id) const {
  DayQuery q;
  q.year = year;
  q.region_id = region_id;
  q.page_size = 200000;
  auto const page = days(actor, q);
  xlsx::Sheet sheet;
  sheet.name = fmt::format("{}年法律顾问服务日程", year);
  using T = xlsx::CellType;
  sheet.columns = {{"序号", 6, T::number}, {"乡镇（街道）", 0, T::text}, {"村（社区）", 0, T::text}, {"法律顾问", 0, T::text},
                   {"律师事务所", 24, T::text}, {"服务日期", 0, T::date}, {"原定日期", 0, T::date}, {"调整原因", 0, T::text},
                   {"状态", 0, T::text}};
  auto const moved_words = [](std::optional<std::string> const& m) -> std::string {
    if (!m) return "";
    if (*m == "weekend") return "逢周末顺延";
    if (*m == "holiday") return "逢节假日顺延";
    return "当日服务村数已满顺延";
  };
  auto const status_words = [](std::string const& s) -> std::string {
    if (s == day_status::verified) return "已核实";
    if (s == day_status::checked_in) return "已签到待核实";
    if (s == day_status::unverified) return "未核实";
    if (s == day_status::missed) return "未到岗";
    return "待服务";
  };
  int n = 0;
  for (auto const& v : page.items) {
    sheet.rows.push_back({std::to_string(++n), v.township_name, v.village_name, v.advisor_name, v.firm, v.d.planned_on, v.d.nominal_on, moved_words(v.d.moved),
                          status_words(v.shown_status)});
  }
  db_->write([&](db::Connection& conn) {
    auth::audit(conn, actor, "service.schedule.export", "service_days", std::to_string(year), fmt::format("{} rows", n));
  });
  return {sheet.name + ".xlsx", std::string(xlsx::content_type), xlsx::write_workbook({sheet})};
}

CheckIn LegalService::check_in(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  auto const code = new_code();
  auto const expires = base::now_ms() + check_in_ttl_ms;
  db_->write([&](db::Connection& conn) {
    auto const me = advisor_of(conn, caller);
    auto d = load_day(conn, id);
    if (d.advisor_id != me.id) throw ApiError(AppError::not_found, "服务日不存在");
    if (d.status == day_status::verified) throw ApiError(wrong_state, "该服务日已核实");
    if (d.planned_on != today()) throw ApiError(wrong_state, "只能在服务日当天签到（" + d.planned_on + "）");
    d.status = std::string(day_status::checked_in);
    if (!d.checked_in_at) d.checked_in_at = base::now_ms();
    d.code_salt = base::random_hex(16);
    d.code_hash = code_hash(*d.code_salt, code);
    d.code_expires_at = expires;
    d.code_failures = 0;
    store::update_day(conn, d);
    auth::audit(conn, actor, "service.day.check_in", "service_days", std::to_string(id));
  });
  return {code, expires};
}

DayView LegalService::confirm(auth::Actor const& actor, std::int64_t id, std::optional<std::string> code) const {
  auto const& caller = actor.user();
  require(caller, confirm_permission);
  enum class Result { ok, wrong };
  auto const result = db_->write([&](db::Connection& conn) {
    auto d = load_day(conn, id);
    if (!caller.covers(d.region_path)) throw ApiError(AppError::not_found, "服务日不存在");
    if (d.status == day_status::verified) throw ApiError(wrong_state, "该服务日已核实");
    auto const on = today();
    if (code) {
      auto const now = base::now_ms();
      if (d.status != day_status::checked_in || !d.code_hash || !d.code_expires_at || *d.code_expires_at <= now ||
          d.code_failures >= check_in_max_failures) {
        throw ApiError(code_invalid, "签到码已失效，请法律顾问重新签到");
      }
      if (!base::constant_time_equal(code_hash(*d.code_salt, *code), *d.code_hash)) {
        ++d.code_failures;
        store::update_day(conn, d);
        return Result::wrong;  // the try counts: committed before the refusal
      }
      verify(conn, actor, d, "operator_code", caller.user_id);
      return Result::ok;
    }
    if (d.planned_on > on) throw ApiError(wrong_state, "服务日尚未到来（" + d.planned_on + "）");
    if (calendar::day_number(on) - calendar::day_number(d.planned_on) > operator_confirm_days) {
      throw ApiError(wrong_state, fmt::format("只能确认 {} 日内的服务日", operator_confirm_days));
    }
    verify(conn, actor, d, "operator", caller.user_id);
    return Result::ok;
  });
  if (result == Result::wrong) throw ApiError(code_invalid, "签到码不正确", "code");
  return day(actor, id);
}

ResidentConfirmed LegalService::resident_confirm(auth::Actor const& actor, std::int64_t village_id, std::string const& code) const {
  auto const now = base::now_ms();
  auto const key = "service.checkin.ip:" + actor.ip;
  struct Outcome {
    bool limited = false, ok = false;
    ResidentConfirmed confirmed;
  };
  auto const outcome = db_->write([&](db::Connection& conn) {
    auth::rate_limit::lock(conn, key, now);
    auto const events = auth::rate_limit::events(conn, key, now - resident_window_ms);
    if (auth::rate_limit::wait(events, {{resident_tries, resident_window_ms}}, now) > 0) return Outcome{true};
    auth::rate_limit::record(conn, key, now, base::day_ms);
    auto const region = auth::regions::find(conn, village_id);
    if (!region || region->level != auth::regions::village_level) return Outcome{};
    for (auto d : store::live_codes(conn, village_id, now)) {
      if (d.code_failures >= check_in_max_failures || !d.code_salt || !d.code_hash) continue;
      if (!base::constant_time_equal(code_hash(*d.code_salt, code), *d.code_hash)) continue;
      verify(conn, actor, d, "resident_code", std::nullopt);
      Names names(conn);
      return Outcome{false, true, {region->name, names.person(d.advisor_id), d.planned_on}};
    }
    return Outcome{};
  });
  if (outcome.limited) throw ApiError(AppError::rate_limited, "尝试次数过多，请稍后再试");
  if (!outcome.ok) throw ApiError(code_invalid, "签到码不正确或已失效", "code");
  return outcome.confirmed;
}

}  // namespace pufa::service
