#include "duty/common.hpp"

#include <algorithm>

#include "base/time.hpp"
#include "http/error.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

void require_duty(auth::Principal const& caller) {
  if (!caller.has(manage) && !caller.has(respond)) throw ApiError(AppError::forbidden);
}

void require_manage(auth::Principal const& caller) {
  if (!caller.has(manage)) throw ApiError(AppError::forbidden);
}

bool acts_for(auth::Principal const& caller, org::directory::Unit const& unit) {
  if (!caller.covers(unit.region_path)) return false;
  if (caller.has(manage) || !caller.unit_id) return true;
  return *caller.unit_id == unit.id;
}

org::directory::Unit unit_or_fail(db::Connection& conn, std::int64_t id, std::string const& field) {
  auto unit = org::directory::unit(conn, id);
  if (!unit) throw ApiError(AppError::unprocessable, "单位不存在（编号 " + std::to_string(id) + "）", field);
  return *unit;
}

void require_unit(auth::Principal const& caller, org::directory::Unit const& unit) {
  if (!acts_for(caller, unit)) throw ApiError(AppError::out_of_scope);
}

std::string today() { return base::shanghai_date(base::now_ms()); }

std::map<std::int64_t, std::string> names_of(db::Connection& conn, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return org::directory::unit_names(conn, ids);
}

}  // namespace pufa::duty
