#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "db/migrate.hpp"
#include "test_db.hpp"

namespace pufa::db {

namespace {

class DatabaseTest : public ::testing::TestWithParam<Engine> {};

std::vector<Migration> sample_migrations() {
  return {{"sample", 1, "items", "CREATE TABLE items (id {{pk}}, name TEXT NOT NULL UNIQUE, n BIGINT, x DOUBLE PRECISION)"},
          {"sample", 2, "seed", "INSERT INTO items (name, n) VALUES ('first', 1)"}};
}

}  // namespace

TEST_P(DatabaseTest, MigrationsApplyOnceAndAreRecorded) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  EXPECT_EQ(migrate(temp.db(), sample_migrations()), 2);
  EXPECT_EQ(migrate(temp.db(), sample_migrations()), 0);
  auto count = temp.db().read([](Connection& c) { return c.scalar("SELECT COUNT(*) FROM items"); });
  EXPECT_EQ(count, 1);
}

TEST_P(DatabaseTest, TypedRowsAndBoundParameters) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  migrate(temp.db(), sample_migrations());
  auto id = temp.db().write([](Connection& c) {
    return c.insert("INSERT INTO items (name, n, x) VALUES (?, ?, ?) RETURNING id",
                    {"它's 马涧 ?", std::int64_t{1} << 40, 2.5});
  });
  auto rows = temp.db().read([&](Connection& c) {
    return c.query("SELECT name, n, x, NULL AS blank FROM items WHERE id = ?", {id});
  });
  ASSERT_EQ(rows.size(), 1u);
  auto const row = rows.front();
  EXPECT_EQ(row.str("name"), "它's 马涧 ?");
  EXPECT_EQ(row.i64("n"), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(row.f64("x"), 2.5);
  EXPECT_TRUE(row.is_null("blank"));
  EXPECT_FALSE(row.opt_str("blank"));
  EXPECT_FALSE(row.opt_i64("blank"));
  // Reading NULL as a value is a bug, never a silent 0 or "".
  EXPECT_THROW(row.i64("blank"), std::logic_error);
  EXPECT_THROW(row.str("blank"), std::logic_error);
  // A column the select list does not have is a bug too.
  EXPECT_THROW(row.i64("missing"), std::logic_error);
  // By position, for generic code that builds its select list.
  EXPECT_EQ(row.str_at(0), "它's 马涧 ?");
  EXPECT_THROW(row.i64_at(3), std::logic_error);
}

TEST_P(DatabaseTest, UniqueViolationIsTyped) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  migrate(temp.db(), sample_migrations());
  try {
    temp.db().write([](Connection& c) { c.exec("INSERT INTO items (name) VALUES ('first')"); });
    FAIL() << "expected a unique violation";
  } catch (DbError const& error) {
    EXPECT_EQ(error.kind(), ErrorKind::unique_violation);
  }
}

TEST_P(DatabaseTest, AFailingWriteLeavesNothingBehind) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  migrate(temp.db(), sample_migrations());
  EXPECT_THROW(temp.db().write([](Connection& c) {
    c.exec("INSERT INTO items (name) VALUES ('half')");
    throw std::runtime_error("validation failed after the first insert");
  }), std::runtime_error);
  auto half = temp.db().read([](Connection& c) { return c.scalar("SELECT COUNT(*) FROM items WHERE name = 'half'"); });
  EXPECT_EQ(half, 0);
}

TEST_P(DatabaseTest, ConcurrentWritesAreAllDurableAndFailuresStayAlone) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  migrate(temp.db(), sample_migrations());
  constexpr int threads = 8, per_thread = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        try {
          temp.db().write([&](Connection& c) {
            c.exec("INSERT INTO items (name, n) VALUES (?, ?)", {"t" + std::to_string(t) + "-" + std::to_string(i), i});
            if (i % 10 == 9) c.exec("INSERT INTO items (name) VALUES ('first')");  // duplicate
          });
        } catch (DbError const& error) {
          if (error.kind() == ErrorKind::unique_violation) ++failures;
        }
      }
    });
  }
  for (auto& thread : pool) thread.join();
  EXPECT_EQ(failures, threads * per_thread / 10);
  auto stored = temp.db().read([](Connection& c) { return c.scalar("SELECT COUNT(*) FROM items"); });
  EXPECT_EQ(stored, 1 + threads * per_thread * 9 / 10);
}

TEST(SqliteWriter, ConcurrentWritesShareCommits) {
  testing::TempDatabase temp(Engine::sqlite);
  migrate(temp.db(), sample_migrations());
  auto const before = temp.db().commits();
  std::vector<std::thread> pool;
  for (int t = 0; t < 16; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        temp.db().write([&](Connection& c) {
          c.exec("INSERT INTO items (name) VALUES (?)", {"g" + std::to_string(t) + "-" + std::to_string(i)});
        });
      }
    });
  }
  for (auto& thread : pool) thread.join();
  auto const commits = temp.db().commits() - before;
  EXPECT_LT(commits, 640) << "no batching happened";
  EXPECT_GT(commits, 0);
}

TEST(DatabaseUrl, UnknownSchemesAreRefused) {
  EXPECT_THROW(Database::open("mysql://x"), DbError);
  EXPECT_THROW(Database::open("sqlite:"), DbError);
}

TEST(Dialect, SpellsKeysAndBlobsPerEngine) {
  EXPECT_EQ(dialect_sql(Engine::sqlite, "id {{pk}}, b {{blob}}"), "id INTEGER PRIMARY KEY, b BLOB");
  EXPECT_EQ(dialect_sql(Engine::postgresql, "b {{blob}}"), "b BYTEA");
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         testing::engine_label);

}  // namespace pufa::db
