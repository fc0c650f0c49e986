#include "db/migrate.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "app/areas.hpp"

namespace pufa::db {

namespace {

// "area number sha256" per line: the fingerprints of the migrations that landed.
std::map<std::pair<std::string, int>, std::string> landed() {
  std::map<std::pair<std::string, int>, std::string> out;
  std::ifstream in(PUFA_MIGRATION_LIST);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) continue;
    std::istringstream fields(line);
    std::string area, fingerprint;
    int number = 0;
    if (fields >> area >> number >> fingerprint) out[{area, number}] = fingerprint;
  }
  return out;
}

}  // namespace

// A migration that landed is history: editing it would leave databases that ran the old text
// different from new ones. Add a migration instead, and its line to tests/unit/migrations.sha256.
TEST(Migrations, LandedOnesAreNeverEdited) {
  auto const list = landed();
  ASSERT_FALSE(list.empty()) << "cannot read " << PUFA_MIGRATION_LIST;
  std::ostringstream expected;
  bool all_listed = true;
  for (auto const& migration : app::all_migrations()) {
    auto const fingerprint = db::fingerprint(migration);
    expected << migration.area << " " << migration.number << " " << fingerprint << "\n";
    auto found = list.find({migration.area, migration.number});
    if (found == list.end()) {
      all_listed = false;
      continue;
    }
    EXPECT_EQ(found->second, fingerprint) << "migration " << migration.area << " " << migration.number
                                          << " changed after it landed: add a new migration instead";
  }
  EXPECT_TRUE(all_listed) << "a migration is not in " << PUFA_MIGRATION_LIST << "; the full list:\n" << expected.str();
}

TEST(Migrations, NumbersRunOneByOnePerArea) {
  std::map<std::string, int> last;
  for (auto const& migration : app::all_migrations()) {
    EXPECT_EQ(migration.number, last[migration.area] + 1) << migration.area;
    last[migration.area] = migration.number;
  }
}

}  // namespace pufa::db
