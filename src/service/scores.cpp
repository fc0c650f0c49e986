// What the service days, logs and bookings add up to: a scorecard per advisor, the compliance table per
// township and the subsidy it implies; the to-do items and the overview's figure (docs/service.md).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "calendar/library.hpp"
#include "service/common.hpp"
#include "service/store.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;

std::string Period::from() const {
  if (month) return fmt::format("{}-{:02}-01", year, *month);
  if (quarter) return fmt::format("{}-{:02}-01", year, (*quarter - 1) * 3 + 1);
  return fmt::format("{}-01-01", year);
}

std::string Period::to() const {
  auto const last = [&](int m) {
    auto const next = m == 12 ? fmt::format("{}-01-01", year + 1) : fmt::format("{}-{:02}-01", year, m + 1);
    return calendar::date_of(calendar::day_number(next) - 1);
  };
  if (month) return last(*month);
  if (quarter) return last(*quarter * 3);
  return fmt::format("{}-12-31", year);
}

int Period::months() const { return month ? 1 : quarter ? 3 : 12; }
int Period::quarters() const { return month ? 0 : quarter ? 1 : 4; }

namespace {

struct Tally {
  std::set<std::int64_t> villages;
  std::int64_t required = 0, verified = 0, unverified = 0, missed = 0, lectures = 0, logs = 0, days_with_log = 0, bookings = 0,
               answered_in_time = 0, rated = 0, satisfied = 0, basic = 0, unsatisfied = 0;
};

// Quarters of the period that have begun by today: the lectures they require.
int quarters_begun(Period const& p, std::string const& on) {
  if (!p.quarters()) return 0;
  int n = 0;
  for (int q = 1; q <= 4; ++q) {
    if (p.quarter && *p.quarter != q) continue;
    if (fmt::format("{}-{:02}-01", p.year, (q - 1) * 3 + 1) <= on) ++n;
  }
  return n;
}

struct Records {
  std::vector<Day> days;
  std::vector<Log> logs;
  std::vector<Booking> bookings;
  std::vector<org::directory::VillageContract> contracts;
};

Records records(db::Connection& conn, std::string const& path, std::optional<std::int64_t> advisor, Period const& p,
                std::string const& on) {
  Records r;
  auto const to = std::min(p.to(), on);
  if (p.from() <= to) {
    r.days = store::days(conn, {.scope_path = path, .advisor_id = advisor, .from = p.from(), .to = to});
  }
  r.logs = store::logs(conn, {.scope_path = path, .advisor_id = advisor, .from = p.from(), .to = p.to()});
  r.bookings = store::bookings(conn, {.scope_path = path, .advisor_id = advisor, .from = p.from(), .to = p.to()});
  r.contracts = advisor ? org::directory::contracts_of_advisor(conn, *advisor, p.from(), p.to())
                        : org::directory::village_contracts(conn, path, p.from(), p.to());
  if (advisor) {
    std::erase_if(r.contracts, [&](auto const& c) { return !c.village_path.starts_with(path); });
  }
  return r;
}

void add_days(Tally& t, Day const& d, std::string const& on, std::set<std::pair<std::int64_t, std::string>> const& logged) {
  ++t.required;
  if (d.status == day_status::verified) {
    ++t.verified;
    t.days_with_log += logged.contains({d.region_id, d.planned_on});
  } else if (d.planned_on < on) {
    ++(d.status == day_status::checked_in ? t.unverified : t.missed);
  }
}

void add_booking(Tally& t, Booking const& b, int answer_hours) {
  if (b.status == booking_status::cancelled) return;
  ++t.bookings;
  t.answered_in_time += b.answered_at && *b.answered_at - b.created_at <= answer_hours * base::hour_ms;
  if (b.rating) {
    ++t.rated;
    if (*b.rating == "satisfied") ++t.satisfied;
    else if (*b.rating == "basic") ++t.basic;
    else ++t.unsatisfied;
  }
}

double round1(double v) { return std::round(v * 10) / 10; }

std::set<std::pair<std::int64_t, std::string>> logged_days(std::vector<Log> const& logs) {
  std::set<std::pair<std::int64_t, std::string>> out;
  for (auto const& l : logs) out.insert({l.region_id, l.served_on});
  return out;
}

Period checked(Period p) {
  if (p.year < 2000 || p.year > 2100) invalid("年度应为 2000 到 2100 之间的年份", "year");
  if (p.quarter && (*p.quarter < 1 || *p.quarter > 4)) invalid("季度应为 1 至 4", "quarter");
  if (p.month && (*p.month < 1 || *p.month > 12)) invalid("月份应为 1 至 12", "month");
  if (p.quarter && p.month) invalid("季度和月份只能选一个", "month");
  return p;
}

}  // namespace

std::vector<ScoreRow> LegalService::scorecards(auth::Actor const& actor, Period const& period, std::optional<std::int64_t> region_id) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  auto const p = checked(period);
  return db_->read([&](db::Connection& conn) {
    auto const r = reader_of(conn, caller, region_id);
    auto const on = today();
    auto const standard = store::standard(conn);
    auto const rec = records(conn, r.path, r.advisor_id, p, on);
    std::map<std::int64_t, Tally> by;
    std::map<std::int64_t, std::pair<std::string, std::string>> who;
    for (auto const& c : rec.contracts) {
      by[c.advisor_id].villages.insert(c.village_id);
      who[c.advisor_id] = {c.advisor_name, c.firm};
    }
    auto const logged = logged_days(rec.logs);
    for (auto const& d : rec.days) add_days(by[d.advisor_id], d, on, logged);
    for (auto const& l : rec.logs) {
      auto& t = by[l.advisor_id];
      ++t.logs;
      t.lectures += l.kind == "lecture";
    }
    for (auto const& b : rec.bookings) {
      if (b.advisor_id) add_booking(by[*b.advisor_id], b, standard.answer_hours);
    }
    auto const quarters = quarters_begun(p, on);
    Names names(conn);
    std::vector<ScoreRow> out;
    for (auto const& [advisor, t] : by) {
      ScoreRow row;
      row.advisor_id = advisor;
      auto const found = who.find(advisor);
      row.advisor_name = found != who.end() ? found->second.first : names.person(advisor);
      row.firm = found != who.end() ? found->second.second : std::string();
      row.villages = static_cast<std::int64_t>(t.villages.size());
      row.required = t.required;
      row.verified = t.verified;
      row.unverified = t.unverified;
      row.missed = t.missed;
      row.lectures = t.lectures;
      row.lectures_required = standard.lectures_per_quarter * row.villages * quarters;
      row.logs = t.logs;
      row.days_with_log = t.days_with_log;
      row.bookings = t.bookings;
      row.answered_in_time = t.answered_in_time;
      row.rated = t.rated;
      row.satisfied = t.satisfied;
      row.basic = t.basic;
      row.unsatisfied = t.unsatisfied;
      if (t.rated) row.satisfaction = static_cast<double>(t.satisfied + t.basic) / static_cast<double>(t.rated);
      double score = 0;
      score += t.required ? 40.0 * static_cast<double>(t.verified) / static_cast<double>(t.required) : 40.0;
      score += row.lectures_required ? 20.0 * std::min(1.0, static_cast<double>(t.lectures) / static_cast<double>(row.lectures_required)) : 20.0;
      score += t.verified ? 20.0 * static_cast<double>(t.days_with_log) / static_cast<double>(t.verified) : (t.required ? 0.0 : 20.0);
      score += t.bookings ? 10.0 * static_cast<double>(t.answered_in_time) / static_cast<double>(t.bookings) : 10.0;
      score += row.satisfaction ? 10.0 * *row.satisfaction : 10.0;
      row.score = round1(score);
      row.meets_standard = t.verified >= t.required && t.lectures >= row.lectures_required;
      row.subsidy = t.verified * standard.subsidy_per_day;
      out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](ScoreRow const& a, ScoreRow const& b) {
      return a.score != b.score ? a.score > b.score : a.advisor_id < b.advisor_id;
    });
    return out;
  });
}

Compliance LegalService::compliance(auth::Actor const& actor, Period const& period) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  auto const p = checked(period);
  return db_->read([&](db::Connection& conn) {
    auto const on = today();
    auto const standard = store::standard(conn);
    auto const rec = records(conn, caller.region_path, std::nullopt, p, on);
    auto const logged = logged_days(rec.logs);
    Names names(conn);
    std::map<std::int64_t, ComplianceRow> rows;
    std::map<std::int64_t, Tally> village;
    auto const town_of = [&](std::int64_t region_id) -> std::int64_t {
      auto const town = names.township_of(region_id);
      return town ? town->id : 0;
    };
    for (auto const& town : auth::regions::at_level(conn, caller.region_path, auth::regions::township_level)) {
      auto& row = rows[town.id];
      row.township_id = town.id;
      row.name = town.name;
      row.villages = auth::regions::count_at_level(conn, town.path, auth::regions::village_level);
      row.callbacks_open = store::open_callbacks(conn, town.path);
    }
    if (rows.empty()) {  // a village's operator: their own village
      if (auto const me = auth::regions::find(conn, caller.region_id)) {
        auto& row = rows[me->id];
        row.township_id = me->id;
        row.name = me->name;
        row.villages = auth::regions::count_at_level(conn, me->path, auth::regions::village_level);
        row.callbacks_open = store::open_callbacks(conn, me->path);
      }
    }
    auto const row_of = [&](std::int64_t region_id) -> ComplianceRow* {
      auto const found = rows.find(town_of(region_id));
      if (found != rows.end()) return &found->second;
      return rows.size() == 1 ? &rows.begin()->second : nullptr;
    };
    std::set<std::int64_t> with_advisor;
    for (auto const& c : rec.contracts) with_advisor.insert(c.village_id);
    for (auto v : with_advisor) {
      if (auto* row = row_of(v)) ++row->with_advisor;
    }
    for (auto const& d : rec.days) add_days(village[d.region_id], d, on, logged);
    for (auto const& l : rec.logs) village[l.region_id].lectures += l.kind == "lecture";
    for (auto const& b : rec.bookings) add_booking(village[b.region_id], b, standard.answer_hours);
    for (auto const& [v, t] : village) {
      auto* row = row_of(v);
      if (!row) continue;
      row->required += t.required;
      row->verified += t.verified;
      row->villages_under += t.verified < t.required;
      row->lectures += t.lectures;
      row->bookings += t.bookings;
      row->unsatisfied += t.unsatisfied;
    }
    Compliance out;
    out.total.name = "合计";
    for (auto& [id, row] : rows) {
      row.subsidy = row.verified * standard.subsidy_per_day;
      if (row.required) row.verified_rate = static_cast<double>(row.verified) / static_cast<double>(row.required);
      auto& t = out.total;
      t.villages += row.villages;
      t.with_advisor += row.with_advisor;
      t.required += row.required;
      t.verified += row.verified;
      t.villages_under += row.villages_under;
      t.lectures += row.lectures;
      t.bookings += row.bookings;
      t.unsatisfied += row.unsatisfied;
      t.callbacks_open += row.callbacks_open;
      t.subsidy += row.subsidy;
      out.rows.push_back(row);
    }
    if (out.total.required) out.total.verified_rate = static_cast<double>(out.total.verified) / static_cast<double>(out.total.required);
    return out;
  });
}

Download LegalService::compliance_export(auth::Actor const& actor, Period const& p) const {
  auto const table = compliance(actor, p);
  xlsx::Sheet sheet;
  auto const label = p.month ? fmt::format("{}年{}月", p.year, *p.month) : p.quarter ? fmt::format("{}年第{}季度", p.year, *p.quarter)
                                                                                     : fmt::format("{}年", p.year);
  sheet.name = label + "法律顾问履职情况";
  using T = xlsx::CellType;
  sheet.columns = {{"乡镇（街道）", 0, T::text},   {"村（社区）数", 0, T::number}, {"已签约法律顾问", 0, T::number},
                   {"应服务日", 0, T::number},     {"已核实服务日", 0, T::number}, {"核实率", 0, T::percent},
                   {"未达标村数", 0, T::number},   {"法治讲座", 0, T::number},     {"预约咨询", 0, T::number},
                   {"不满意", 0, T::number},       {"待回访", 0, T::number},       {"补贴（元）", 0, T::number}};
  auto const line = [](ComplianceRow const& r) -> std::vector<std::string> {
    return {r.name, std::to_string(r.villages), std::to_string(r.with_advisor), std::to_string(r.required), std::to_string(r.verified),
            r.verified_rate ? fmt::format("{:.4f}", *r.verified_rate) : "", std::to_string(r.villages_under),
            std::to_string(r.lectures), std::to_string(r.bookings), std::to_string(r.unsatisfied), std::to_string(r.callbacks_open),
            std::to_string(r.subsidy)};
  };
  for (auto const& r : table.rows) sheet.rows.push_back(line(r));
  sheet.rows.push_back(line(table.total));
  db_->write([&](db::Connection& conn) {
    auth::audit(conn, actor, "service.compliance.export", "service_days", label, fmt::format("{} rows", table.rows.size()));
  });
  return {sheet.name + ".xlsx", std::string(xlsx::content_type), xlsx::write_workbook({sheet})};
}

std::vector<todo::Item> LegalService::todo(auth::Principal const& caller) const {
  std::vector<todo::Item> out;
  db_->read([&](db::Connection& conn) {
    auto const on = today();
    std::int64_t total = 0;
    if (caller.has(log_permission)) {
      if (auto const me = org::directory::person_of_user(conn, caller.user_id)) {
        if (auto const n = store::count_bookings(conn, me->id, std::string(booking_status::submitted))) {
          out.push_back({"service.bookings.answer", n});
        }
        std::int64_t today_days = 0;
        store::days(conn, {.scope_path = "/", .advisor_id = me->id, .from = on, .to = on, .status = std::string(day_status::planned), .limit = 1},
                    &today_days);
        std::int64_t checked_in = 0;
        store::days(conn, {.scope_path = "/", .advisor_id = me->id, .from = on, .to = on, .status = std::string(day_status::checked_in), .limit = 1},
                    &checked_in);
        if (today_days + checked_in) out.push_back({"service.days.check_in", today_days + checked_in});
      }
    }
    if (caller.has(confirm_permission)) {
      auto const from = calendar::date_of(calendar::day_number(on) - operator_confirm_days);
      store::days(conn, {.scope_path = caller.region_path, .from = from, .to = on, .status = std::string(day_status::checked_in), .limit = 1},
                  &total);
      if (total) out.push_back({"service.days.confirm", total});
    }
    if (caller.has(manage_permission)) {
      if (auto const n = store::open_callbacks(conn, caller.region_path)) out.push_back({"service.callbacks.close", n});
      auto const aids = store::aid_status_counts(conn, caller.region_path);
      auto const n = [&](std::string_view status) {
        auto const found = aids.find(std::string(status));
        return found == aids.end() ? std::int64_t{0} : found->second;
      };
      if (auto const decide = n(aid_status::submitted)) out.push_back({"service.aid.decide", decide});
      if (auto const assign = n(aid_status::approved)) out.push_back({"service.aid.assign", assign});
    }
  });
  return out;
}

void LegalService::add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out) {
  auto const year = store::latest_year(conn, region_path, today());
  out["service_days_verified"] = year ? store::count_verified(conn, region_path, *year) : 0;
  out["service_year"] = year ? boost::json::value(*year) : boost::json::value(nullptr);
}

}  // namespace pufa::service
