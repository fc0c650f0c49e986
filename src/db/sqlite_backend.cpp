#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "db/backend.hpp"

namespace pufa::db::detail {

namespace {

ErrorKind kind_of(int extended) {
  switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: return ErrorKind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return ErrorKind::foreign_key_violation;
    case SQLITE_CONSTRAINT_NOTNULL: return ErrorKind::not_null_violation;
    case SQLITE_CONSTRAINT_CHECK: return ErrorKind::check_violation;
    default: break;
  }
  int const primary = extended & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return ErrorKind::busy;
  return ErrorKind::other;
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(std::string const& path, SqliteSettings settings) {
    int const flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw DbError(ErrorKind::connection, "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, settings.busy_timeout_ms);
    exec_script("PRAGMA journal_mode=WAL");
    exec_script(settings.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    exec_script("PRAGMA foreign_keys=ON");
    // Reads through a shared memory map instead of a pread per page into each connection's own
    // cache: searches over the law library read hundreds of pages each (docs/benchmarks.md).
    exec_script("PRAGMA mmap_size=1073741824");
    if (settings.query_only) exec_script("PRAGMA query_only=ON");
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Engine engine() const override { return Engine::sqlite; }

  ResultSet query(std::string_view sql, std::span<Param const> params) override {
    sqlite3_stmt* stmt = prepare(sql);
    struct Reset {
      sqlite3_stmt* stmt;
      ~Reset() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } reset{stmt};
    int index = 1;
    for (auto const& param : params) bind(stmt, index++, param.value);
    ResultSet result;
    int const columns = sqlite3_column_count(stmt);
    for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(stmt, c));
    while (true) {
      int const rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(sql);
      auto& row = result.rows.emplace_back();
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) row.push_back(column(stmt, c));
    }
    result.affected = sqlite3_changes64(db_);
    return result;
  }

  void exec_script(std::string_view sql) override {
    std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string error = message ? message : "unknown error";
      sqlite3_free(message);
      int const code = sqlite3_extended_errcode(db_);
      throw DbError(kind_of(code), "SQLite: " + error);
    }
  }

  bool healthy() override { return true; }
  void reset() override {}

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    auto found = cache_.find(std::string(sql));
    if (found != cache_.end()) return found->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      fail(sql);
    }
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  static void bind(sqlite3_stmt* stmt, int index, Value const& value) {
    if (auto const* v = std::get_if<std::int64_t>(&value)) {
      sqlite3_bind_int64(stmt, index, *v);
    } else if (auto const* v = std::get_if<double>(&value)) {
      sqlite3_bind_double(stmt, index, *v);
    } else if (auto const* v = std::get_if<std::string>(&value)) {
      sqlite3_bind_text64(stmt, index, v->data(), v->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      sqlite3_bind_null(stmt, index);
    }
  }

  static Value column(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(stmt, c)};
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, c);
      case SQLITE_NULL: return std::monostate{};
      default: {
        auto const* data = static_cast<char const*>(sqlite3_column_blob(stmt, c));
        return std::string(data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  [[noreturn]] void fail(std::string_view sql) {
    int const code = sqlite3_extended_errcode(db_);
    std::string message = sqlite3_errmsg(db_);
    std::string constraint;
    if (auto colon = message.find(": "); colon != std::string::npos && (code & 0xff) == SQLITE_CONSTRAINT) {
      constraint = message.substr(colon + 2);
    }
    throw DbError(kind_of(code), "SQLite: " + message + " in: " + std::string(sql.substr(0, 200)),
                  constraint);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(std::string const& path, SqliteSettings settings) {
  return std::make_unique<SqliteConnection>(path, settings);
}

}  // namespace pufa::db::detail
