// 情况通报: the coordinator ranks the units by their tasks as the records stand, and the ranking
// is frozen in the bulletin (a later change to the records does not rewrite an issued bulletin).
#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "auth/audit.hpp"
#include "base/time.hpp"
#include "duty/common.hpp"
#include "duty/judged.hpp"
#include "duty/service.hpp"
#include "duty/store.hpp"
#include "http/error.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

std::string rows_text(std::vector<BulletinRow> const& rows) {
  boost::json::array out;
  for (auto const& r : rows) {
    out.push_back({{"rank", r.rank}, {"unit_id", r.unit_id}, {"unit_name", r.unit_name}, {"tasks", r.tasks},
                   {"on_time", r.on_time}, {"late", r.late}, {"overdue", r.overdue}, {"open", r.open},
                   {"score", r.score}});
  }
  return boost::json::serialize(out);
}

Bulletin DutyService::issue_bulletin(auth::Actor const& actor, BulletinInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  // Judged before the write opens: reads only, and the ranking is of this moment.
  auto rows = db_.read([&](db::Connection& conn) { return rank_units(judged_tasks(conn, caller.region_path, input.year, today())); });
  if (rows.empty()) throw ApiError(AppError::unprocessable, fmt::format("{} 年没有任何任务，无法通报", input.year), "year");
  return db_.write([&](db::Connection& conn) {
    Bulletin bulletin;
    bulletin.year = input.year;
    bulletin.serial = store::next_bulletin_serial(conn, input.year);
    bulletin.title = input.title.value_or(fmt::format("{}年普法责任制落实情况通报（第{}期）", input.year, bulletin.serial));
    bulletin.as_of = today();
    bulletin.is_public = input.is_public;
    bulletin.remarks = input.remarks.value_or("");
    bulletin.issued_at = base::now_ms();
    bulletin.rows = std::move(rows);
    bulletin.id = store::insert_bulletin(conn, bulletin, rows_text(bulletin.rows), caller.user_id);
    auth::audit(conn, actor, "duty.bulletin.issue", "duty_bulletin", std::to_string(bulletin.id), bulletin.title);
    return bulletin;
  });
}

std::vector<Bulletin> DutyService::bulletins(auth::Actor const& actor, std::optional<int> year) const {
  require_duty(actor.user());
  return db_.read([&](db::Connection& conn) { return store::bulletins(conn, year, false); });
}

Bulletin DutyService::bulletin(auth::Principal const* caller, std::int64_t id) const {
  auto found = db_.read([&](db::Connection& conn) { return store::bulletin(conn, id); });
  bool const staff = caller && (caller->has(manage) || caller->has(respond));
  if (!found || (!staff && !found->is_public)) throw ApiError(AppError::not_found, "通报不存在");
  return *found;
}

std::vector<Bulletin> DutyService::public_bulletins() const {
  return db_.read([&](db::Connection& conn) { return store::bulletins(conn, std::nullopt, true); });
}

}  // namespace pufa::duty
