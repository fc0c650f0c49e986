// Migrations owned by each area: numbered, applied once, recorded, one transaction each.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace pufa::db {

struct Migration {
  std::string area;  // "auth", "org", ...
  int number;        // 1, 2, ... within the area; never renumbered or edited once landed
  std::string name;
  std::string sql;   // may use {{pk}} and {{blob}}
  // Runs after `sql` in the same transaction: data moves that need another area's read
  // interface (a backfill of region paths), which SQL text may not reach for.
  std::function<void(Connection&)> after = {};
};

// The text a migration is fingerprinted by (area, number and SQL): tests keep a list of the
// fingerprints of landed migrations, so an edit to one that landed fails the suite.
std::string fingerprint(Migration const& migration);

// Applies the migrations not yet recorded, in the given order; returns how many it applied.
int migrate(Database& db, std::vector<Migration> const& migrations);

}  // namespace pufa::db
