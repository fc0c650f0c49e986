// Migrations owned by each area: numbered, applied once, recorded, one transaction each.
#pragma once

#include <string>
#include <vector>

#include "db/database.hpp"

namespace pufa::db {

struct Migration {
  std::string area;  // "auth", "org", ...
  int number;        // 1, 2, ... within the area; never renumbered or edited once landed
  std::string name;
  std::string sql;   // may use {{pk}} and {{blob}}
};

// Applies the migrations not yet recorded, in the given order; returns how many it applied.
int migrate(Database& db, std::vector<Migration> const& migrations);

}  // namespace pufa::db
