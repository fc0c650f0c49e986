#include "db/migrate.hpp"

#include "base/random.hpp"
#include "base/time.hpp"

namespace pufa::db {

std::string fingerprint(Migration const& migration) {
  return base::sha256_hex(migration.area + "\n" + std::to_string(migration.number) + "\n" + migration.sql);
}

int migrate(Database& db, std::vector<Migration> const& migrations) {
  db.write([](Connection& conn) {
    conn.exec_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " area TEXT NOT NULL, number INTEGER NOT NULL, name TEXT NOT NULL,"
        " applied_at BIGINT NOT NULL, PRIMARY KEY (area, number))");
  });
  int applied = 0;
  for (auto const& migration : migrations) {
    bool const done = db.write([&](Connection& conn) {
      // Several servers may start at once on one PostgreSQL: the first applies, the
      // others wait here and then find it recorded. SQLite's writer lock does the same.
      if (conn.engine() == Engine::postgresql) {
        conn.query("SELECT pg_advisory_xact_lock(7370817)");
      }
      auto found = conn.scalar("SELECT 1 FROM schema_migrations WHERE area = ? AND number = ?",
                               {migration.area, migration.number});
      if (found) return false;
      conn.exec_script(dialect_sql(conn.engine(), migration.sql));
      if (migration.after) migration.after(conn);
      conn.exec("INSERT INTO schema_migrations (area, number, name, applied_at) VALUES (?, ?, ?, ?)",
                {migration.area, migration.number, migration.name, base::now_ms()});
      return true;
    });
    if (done) ++applied;
  }
  return applied;
}

}  // namespace pufa::db
