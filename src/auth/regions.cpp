#include "auth/regions.hpp"

#include <algorithm>

#include "auth/audit.hpp"
#include "auth/store.hpp"
#include "base/time.hpp"
#include "http/error.hpp"

namespace pufa::auth::regions {

using http::ApiError;
using http::AppError;

std::string full_name(Region const& region, std::string const& parent_name) {
  return region.level >= village_level && !parent_name.empty() ? parent_name + " " + region.name : region.name;
}

std::optional<Region> find(db::Connection& conn, std::int64_t id) { return store::region_by_id(conn, id); }

std::optional<Region> by_code(db::Connection& conn, std::string const& code) {
  return store::region_by_code(conn, code);
}

Region root(db::Connection& conn) {
  auto found = store::root_region(conn);
  if (!found) throw std::logic_error("the region tree has no root");
  return *found;
}

std::vector<Region> under(db::Connection& conn, std::string const& path) { return store::regions_under(conn, path); }

std::vector<Region> at_level(db::Connection& conn, std::string const& path, int level) {
  return store::regions_at_level(conn, path, level);
}

std::int64_t count_at_level(db::Connection& conn, std::string const& path, int level) {
  return store::count_regions_at_level(conn, path, level);
}

std::map<std::int64_t, std::string> full_names(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  return store::region_full_names(conn, ids);
}

std::vector<std::int64_t> find_by_name(db::Connection& conn, std::string const& path, std::string const& text) {
  return store::regions_named(conn, path, text);
}

std::string scope_path(db::Connection& conn, Principal const& caller, std::optional<std::int64_t> region_id) {
  if (!region_id) return caller.region_path;
  auto region = store::region_by_id(conn, *region_id);
  if (!region) throw ApiError(AppError::validation_failed, "区域不存在", "region_id");
  if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope);
  return region->path;
}

void fill_region_paths(db::Connection& conn, std::string_view table) {
  auto const rows = conn.query("SELECT DISTINCT region_id FROM " + std::string(table) + " WHERE region_path = ''");
  for (auto row : rows) {
    auto const id = row.i64("region_id");
    if (auto region = store::region_by_id(conn, id)) {
      conn.exec("UPDATE " + std::string(table) + " SET region_path = ? WHERE region_id = ? AND region_path = ''",
                {region->path, id});
    }
  }
}

namespace {

// 统计用区划代码: 12 digits (a city may keep its 6-digit county code); a township's starts with
// its city's first 6 digits, a village's with its township's first 9.
void check_code(std::string const& code, int level, std::optional<std::string> const& parent_code) {
  bool const digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool const length_ok = code.size() == 12 || (level == city_level && code.size() == 6);
  if (!digits || !length_ok) {
    throw ApiError(AppError::validation_failed, "区划代码应为 12 位数字（统计用区划代码），如 330781011001", "code");
  }
  if (!parent_code) return;
  std::size_t const prefix = level == township_level ? 6 : 9;
  if (parent_code->size() < prefix || code.compare(0, prefix, *parent_code, 0, prefix) != 0) {
    throw ApiError(AppError::validation_failed,
                   "区划代码应以上级区域代码的前 " + std::to_string(prefix) + " 位（" + parent_code->substr(0, prefix) + "）开头",
                   "code");
  }
}

}  // namespace

Region create(db::Database& db, Actor const& actor, std::int64_t parent_id, std::string const& code,
              std::string const& name) {
  auto const& caller = actor.user();
  return db.write([&](db::Connection& conn) {
    auto parent = store::region_by_id(conn, parent_id);
    if (!parent) throw ApiError(AppError::validation_failed, "上级区域不存在", "parent_id");
    if (!caller.covers(parent->path)) throw ApiError(AppError::out_of_scope);
    if (parent->level >= village_level) throw ApiError(AppError::validation_failed, "村（社区）下不能再建区域", "parent_id");
    check_code(code, parent->level + 1, parent->code);
    if (store::region_by_code(conn, code)) throw ApiError(AppError::conflict, "区划代码已存在", "code");
    auto const id = store::insert_region(conn, parent->id, code, name, parent->level + 1, base::now_ms());
    audit(conn, actor, "regions.create", "regions", std::to_string(id));
    return *store::region_by_id(conn, id);
  });
}

Region rename(db::Database& db, Actor const& actor, std::int64_t id, std::string const& code,
              std::string const& name) {
  auto const& caller = actor.user();
  return db.write([&](db::Connection& conn) {
    auto region = store::region_by_id(conn, id);
    if (!region) throw ApiError(AppError::not_found, "区域不存在");
    if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope);
    std::optional<std::string> parent_code;
    if (region->parent_id) {
      if (auto parent = store::region_by_id(conn, *region->parent_id)) parent_code = parent->code;
    }
    check_code(code, region->level, parent_code);
    if (auto other = store::region_by_code(conn, code); other && other->id != id) {
      throw ApiError(AppError::conflict, "区划代码已存在", "code");
    }
    store::rename_region(conn, id, code, name);
    audit(conn, actor, "regions.update", "regions", std::to_string(id));
    return *store::region_by_id(conn, id);
  });
}

std::int64_t insert(db::Connection& conn, std::optional<std::int64_t> parent_id, std::string const& code,
                    std::string const& name) {
  int level = city_level;
  if (parent_id) {
    auto parent = store::region_by_id(conn, *parent_id);
    if (!parent) throw std::logic_error("no parent region " + std::to_string(*parent_id));
    level = parent->level + 1;
  }
  return store::insert_region(conn, parent_id, code, name, level, base::now_ms());
}

void set_name(db::Connection& conn, std::int64_t id, std::string const& code, std::string const& name) {
  store::rename_region(conn, id, code, name);
}

}  // namespace pufa::auth::regions
