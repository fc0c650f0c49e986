// One interface over SQLite and PostgreSQL: connections, bound parameters, typed rows,
// transactions, a reader pool and a single batched writer path (group commit).
//
// SQL is written once, with `?` placeholders; the PostgreSQL backend rewrites them to $n.
// Migrations may use {{pk}} and {{blob}}, the only type spellings that differ by engine.
#pragma once

#include <cstdint>
#include <functional>
#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace pufa::db {

enum class Engine { sqlite, postgresql };
std::string_view engine_name(Engine engine);

enum class ErrorKind {
  unique_violation,
  foreign_key_violation,
  not_null_violation,
  check_violation,
  busy,        // lock timeout, serialization failure, deadlock
  connection,  // the server went away
  other,
};

// Infrastructure and constraint failures, typed so a duplicate maps to 409 without
// matching message text.
class DbError : public std::runtime_error {
 public:
  DbError(ErrorKind kind, std::string const& message, std::string constraint = {})
      : std::runtime_error(message), kind_(kind), constraint_(std::move(constraint)) {}
  ErrorKind kind() const { return kind_; }
  // Constraint name (PostgreSQL) or "table.column" (SQLite), when known.
  std::string const& constraint() const { return constraint_; }

 private:
  ErrorKind kind_;
  std::string constraint_;
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// A bound parameter. Booleans bind as 0/1 (columns holding flags are INTEGER on both engines).
struct Param {
  Value value;
  Param(std::nullptr_t) {}
  Param(int v) : value(std::int64_t{v}) {}
  Param(long v) : value(std::int64_t{v}) {}
  Param(long long v) : value(static_cast<std::int64_t>(v)) {}
  Param(unsigned v) : value(std::int64_t{v}) {}
  Param(bool v) : value(std::int64_t{v ? 1 : 0}) {}
  Param(double v) : value(v) {}
  Param(char const* v) : value(std::string(v)) {}
  Param(std::string v) : value(std::move(v)) {}
  Param(std::string_view v) : value(std::string(v)) {}
  template <class T>
  Param(std::optional<T> const& v) {
    if (v) value = Param(*v).value;
  }
};

class ResultSet;

// One row of a ResultSet; valid while the ResultSet lives. Columns are read by name (the
// select list's name or alias); reading NULL through a plain accessor is a bug and throws
// std::logic_error naming the column: a nullable column is read with opt_*.
class Row {
 public:
  Row(ResultSet const& set, std::size_t index) : set_(&set), index_(index) {}
  bool is_null(std::string_view column) const { return is_null_at(at(column)); }
  std::int64_t i64(std::string_view column) const { return i64_at(at(column)); }
  double f64(std::string_view column) const { return f64_at(at(column)); }
  std::string str(std::string_view column) const { return str_at(at(column)); }
  bool flag(std::string_view column) const { return i64(column) != 0; }
  std::optional<std::int64_t> opt_i64(std::string_view column) const;
  std::optional<double> opt_f64(std::string_view column) const;
  std::optional<std::string> opt_str(std::string_view column) const;

  // A number is not a column name (0 would otherwise become a null string_view): use *_at.
  template <std::integral T> bool is_null(T) const = delete;
  template <std::integral T> std::int64_t i64(T) const = delete;
  template <std::integral T> double f64(T) const = delete;
  template <std::integral T> std::string str(T) const = delete;
  template <std::integral T> bool flag(T) const = delete;
  template <std::integral T> std::optional<std::int64_t> opt_i64(T) const = delete;
  template <std::integral T> std::optional<std::string> opt_str(T) const = delete;

  // By position, for generic code that builds its select list (the registry engine, scalars).
  bool is_null_at(std::size_t column) const;
  std::int64_t i64_at(std::size_t column) const;
  double f64_at(std::size_t column) const;
  std::string str_at(std::size_t column) const;
  std::optional<std::string> opt_str_at(std::size_t column) const;
  std::optional<std::int64_t> opt_i64_at(std::size_t column) const;

 private:
  std::size_t at(std::string_view column) const;
  Value const& cell(std::size_t column) const;
  ResultSet const* set_;
  std::size_t index_;
};

class ResultSet {
 public:
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE

  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  Row row(std::size_t index) const { return Row(*this, index); }
  Row front() const { return Row(*this, 0); }
  // Position of a column by name; throws std::logic_error when the select list has none.
  std::size_t index_of(std::string_view column) const;

  // Rows one by one: for (auto row : rows) ...
  struct Iterator {
    ResultSet const* set;
    std::size_t index;
    Row operator*() const { return Row(*set, index); }
    Iterator& operator++() {
      ++index;
      return *this;
    }
    bool operator!=(Iterator const& other) const { return index != other.index; }
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, rows.size()}; }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  // One statement with bound parameters; prepared once per connection and cached.
  virtual ResultSet query(std::string_view sql, std::span<Param const> params) = 0;
  // Several statements, no parameters (migrations, BEGIN/COMMIT).
  virtual void exec_script(std::string_view sql) = 0;
  virtual bool healthy() = 0;
  virtual void reset() = 0;  // reconnect after a connection error

  ResultSet query(std::string_view sql, std::initializer_list<Param> params = {}) {
    return query(sql, std::span<Param const>(params.begin(), params.size()));
  }
  std::int64_t exec(std::string_view sql, std::initializer_list<Param> params = {}) {
    return query(sql, params).affected;
  }
  // For `INSERT ... RETURNING id`: the first column of the first row.
  std::int64_t insert(std::string_view sql, std::initializer_list<Param> params = {});
  // The first column of the first row, or nullopt when there is no row.
  std::optional<std::int64_t> scalar(std::string_view sql, std::initializer_list<Param> params = {});
};

struct Options {
  int readers = 4;           // SQLite reader connections / PostgreSQL pool size
  std::size_t max_batch = 512;  // most write jobs one SQLite commit may carry
  bool synchronous_full = true;
};

class Database {
 public:
  // "sqlite:PATH" or "postgresql://..." (also "postgres://"). Throws DbError on failure.
  static std::unique_ptr<Database> open(std::string_view url, Options options = {});
  virtual ~Database() = default;

  virtual Engine engine() const = 0;

  // Runs f(conn) on a pooled connection outside any explicit transaction.
  template <class F>
  auto read(F&& f) -> std::invoke_result_t<F, Connection&> {
    return call(std::forward<F>(f), [this](auto const& job) { run_read(job); });
  }

  // Runs f(conn) inside a write transaction. On SQLite all writes go through one writer
  // thread that commits concurrent jobs together (each in its own savepoint), so they
  // share an fsync; a job that throws is rolled back alone and its exception rethrown here.
  // f must not call write() or read() itself: use the connection it is given.
  template <class F>
  auto write(F&& f) -> std::invoke_result_t<F, Connection&> {
    return call(std::forward<F>(f), [this](auto const& job) { run_write(job); });
  }

  // Write jobs committed and commits made (for tests and benchmarks).
  virtual std::int64_t commits() const = 0;

 protected:
  using Job = std::function<void(Connection&)>;
  virtual void run_read(Job const& job) = 0;
  virtual void run_write(Job const& job) = 0;

 private:
  template <class F, class Run>
  static auto call(F&& f, Run&& run) -> std::invoke_result_t<F, Connection&> {
    using R = std::invoke_result_t<F, Connection&>;
    if constexpr (std::is_void_v<R>) {
      run(Job([&](Connection& conn) { f(conn); }));
    } else {
      std::optional<R> out;
      run(Job([&](Connection& conn) { out.emplace(f(conn)); }));
      return std::move(*out);
    }
  }
};

// A BEGIN/COMMIT guard for code that owns a connection (CLI, migrations of a single
// connection). Rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Connection& conn);
  ~Transaction();
  Transaction(Transaction const&) = delete;
  Transaction& operator=(Transaction const&) = delete;
  void commit();

 private:
  Connection& conn_;
  bool open_ = true;
};

// Rewrites {{pk}} and {{blob}} for the engine, and keeps {{sqlite:}} … {{:sqlite}} and
// {{postgresql:}} … {{:postgresql}} blocks only for their engine (a comment for the other).
std::string dialect_sql(Engine engine, std::string_view sql);

}  // namespace pufa::db
