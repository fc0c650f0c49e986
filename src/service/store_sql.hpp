// What the service area's SQL files share: WHERE clauses from optional conditions, paging, counts.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "db/database.hpp"

namespace pufa::service::store {

// WHERE clauses built from optional conditions, parameters beside them.
struct Where {
  std::string sql;
  std::vector<db::Param> params;
  void add(std::string condition, db::Param value) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
    params.push_back(std::move(value));
  }
  void raw(std::string condition) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
  }
};

inline std::string page_sql(std::int64_t limit, std::int64_t offset) {
  return limit > 0 ? fmt::format(" LIMIT {} OFFSET {}", limit, offset) : std::string();
}

inline std::int64_t count_of(db::Connection& conn, std::string const& table, Where const& w) {
  auto rows = conn.query("SELECT COUNT(*) AS n FROM " + table + w.sql, w.params);
  return rows.front().i64("n");
}

// Re-seals the legal aid applications' personal data (aid_store.cpp).
std::int64_t reseal_aid(db::Connection& conn);

}  // namespace pufa::service::store
