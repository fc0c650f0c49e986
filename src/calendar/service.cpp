#include "calendar/service.hpp"

#include <algorithm>

#include "auth/audit.hpp"
#include "calendar/store.hpp"
#include "http/error.hpp"

namespace pufa::calendar {

using http::ApiError;
using http::AppError;

YearView year_view(db::Database& db, int year) {
  auto days = db.read([&](db::Connection& conn) { return year_days(conn, year); });
  bool const known = std::any_of(days.begin(), days.end(), [](Day const& d) { return d.kind == holiday; });
  return YearView{known, std::move(days)};
}

Day put_day(db::Database& db, auth::Actor const& actor, Day day) {
  auto const& caller = actor.user();
  if (day.kind != holiday && day.kind != workday) throw ApiError(AppError::validation_failed, "类型应为法定节假日或调休上班日", "kind");
  auto const wd = weekday(day.day);
  if (day.kind == workday && wd <= 5) throw ApiError(AppError::validation_failed, "调休上班日应为周六或周日", "kind");
  if (day.name.empty()) throw ApiError(AppError::validation_failed, "请填写节日名称", "name");
  db.write([&](db::Connection& conn) {
    store::put(conn, day, caller.user_id, base::now_ms());
    auth::audit(conn, actor, "calendar.put", "calendar_days", day.day, day.kind + " " + day.name);
  });
  return day;
}

void remove_day(db::Database& db, auth::Actor const& actor, std::string const& day) {
  db.write([&](db::Connection& conn) {
    if (!store::day(conn, day)) throw ApiError(AppError::not_found, "该日期没有节假日安排");
    store::remove(conn, day);
    auth::audit(conn, actor, "calendar.delete", "calendar_days", day);
  });
}

}  // namespace pufa::calendar
