// Private to src/db: the two engines' connections.
#pragma once

#include <memory>
#include <string>

#include "db/database.hpp"

namespace pufa::db::detail {

struct SqliteSettings {
  bool query_only = false;  // readers refuse writes
  bool synchronous_full = true;
  int busy_timeout_ms = 5000;
};

std::unique_ptr<Connection> open_sqlite(std::string const& path, SqliteSettings settings);
std::unique_ptr<Connection> open_postgres(std::string const& url);

}  // namespace pufa::db::detail
