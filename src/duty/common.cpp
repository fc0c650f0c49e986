#include "duty/common.hpp"

#include <algorithm>

#include "base/time.hpp"
#include "http/error.hpp"
#include "laws/library.hpp"

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

void name_units(db::Connection& conn, std::vector<Point>& points) {
  std::vector<std::int64_t> ids;
  for (auto const& point : points) {
    if (point.lead_unit_id) ids.push_back(*point.lead_unit_id);
    ids.insert(ids.end(), point.co_unit_ids.begin(), point.co_unit_ids.end());
  }
  auto const names = names_of(conn, ids);
  auto name = [&](std::int64_t id) -> std::optional<std::string> {
    if (auto const found = names.find(id); found != names.end()) return found->second;
    return std::nullopt;
  };
  for (auto& point : points) {
    point.lead_unit_name = point.lead_unit_id ? name(*point.lead_unit_id) : std::nullopt;
    point.co_unit_names.clear();
    for (auto id : point.co_unit_ids) point.co_unit_names.push_back(name(id));
  }
}

void link_laws(db::Connection& conn, std::vector<ListItem>& items) {
  for (auto& item : items) {
    item.law_links.clear();
    // Separators: 、 ， ； (three bytes each in UTF-8), ASCII , ; and newlines.
    std::string name;
    auto flush = [&] {
      auto const key = laws::library::law_key(name);
      name.clear();
      if (key.empty()) return;
      auto const found = laws::library::law(conn, key);
      item.law_links.push_back({key, found ? std::optional<std::int64_t>(found->id) : std::nullopt});
    };
    std::string_view rest = item.laws;
    while (!rest.empty()) {
      if (rest.starts_with("、") || rest.starts_with("，") || rest.starts_with("；")) {
        flush();
        rest.remove_prefix(3);
      } else {
        if (rest[0] == ',' || rest[0] == ';' || rest[0] == '\n') flush();
        else name += rest[0];
        rest.remove_prefix(1);
      }
    }
    flush();
  }
}

void name_lists(db::Connection& conn, std::vector<DutyList>& lists) {
  std::vector<std::int64_t> ids;
  for (auto const& list : lists) ids.push_back(list.unit_id);
  auto const names = names_of(conn, ids);
  for (auto& list : lists) list.unit_name = names.contains(list.unit_id) ? names.at(list.unit_id) : "";
}

}  // namespace pufa::duty
