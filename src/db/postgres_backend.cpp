#include <libpq-fe.h>

#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/backend.hpp"

namespace pufa::db::detail {

namespace {

// Type OIDs from pg_type.h (stable since PostgreSQL 7).
constexpr Oid bool_oid = 16, int8_oid = 20, int2_oid = 21, int4_oid = 23;
constexpr Oid float4_oid = 700, float8_oid = 701, numeric_oid = 1700;

ErrorKind kind_of(char const* sqlstate) {
  std::string_view const state = sqlstate ? sqlstate : "";
  if (state == "23505") return ErrorKind::unique_violation;
  if (state == "23503") return ErrorKind::foreign_key_violation;
  if (state == "23502") return ErrorKind::not_null_violation;
  if (state == "23514") return ErrorKind::check_violation;
  if (state == "40001" || state == "40P01" || state == "55P03") return ErrorKind::busy;
  if (state.starts_with("08") || state.starts_with("57P")) return ErrorKind::connection;
  return ErrorKind::other;
}

// `?` → `$n`, skipping quoted text.
std::string numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

struct ResultGuard {
  PGresult* result;
  ~ResultGuard() { PQclear(result); }
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(std::string const& url) : url_(url) { connect(); }
  ~PostgresConnection() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::postgresql; }

  ResultSet query(std::string_view sql, std::span<Param const> params) override {
    std::string const& name = prepare(sql);
    std::vector<std::string> texts(params.size());
    std::vector<char const*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      auto const& value = params[i].value;
      if (auto const* v = std::get_if<std::int64_t>(&value)) {
        texts[i] = std::to_string(*v);
      } else if (auto const* v = std::get_if<double>(&value)) {
        char buffer[64];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *v);
        texts[i].assign(buffer, end);
      } else if (auto const* v = std::get_if<std::string>(&value)) {
        texts[i] = *v;
      } else {
        continue;
      }
      values[i] = texts[i].c_str();
    }
    ResultGuard guard{PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                     values.data(), nullptr, nullptr, 0)};
    check(guard.result, sql);
    return convert(guard.result);
  }

  void exec_script(std::string_view sql) override {
    ResultGuard guard{PQexec(conn_, std::string(sql).c_str())};
    check(guard.result, sql);
  }

  bool healthy() override { return PQstatus(conn_) == CONNECTION_OK; }

  void reset() override {
    PQreset(conn_);
    prepared_.clear();
  }

 private:
  void connect() {
    conn_ = PQconnectdb(url_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw DbError(ErrorKind::connection, "cannot connect to PostgreSQL: " + message);
    }
    PQsetClientEncoding(conn_, "UTF8");
    exec_script("SET client_min_messages = warning");
  }

  std::string const& prepare(std::string_view sql) {
    std::string key(sql);
    auto found = prepared_.find(key);
    if (found != prepared_.end()) return found->second;
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    ResultGuard guard{PQprepare(conn_, name.c_str(), numbered(sql).c_str(), 0, nullptr)};
    check(guard.result, sql);
    return prepared_.emplace(std::move(key), std::move(name)).first->second;
  }

  void check(PGresult* result, std::string_view sql) {
    auto const status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return;
    }
    char const* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    char const* constraint = result ? PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME) : nullptr;
    ErrorKind kind = PQstatus(conn_) != CONNECTION_OK ? ErrorKind::connection : kind_of(state);
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    throw DbError(kind, "PostgreSQL: " + message + " in: " + std::string(sql.substr(0, 200)),
                  constraint ? constraint : "");
  }

  static ResultSet convert(PGresult* result) {
    ResultSet set;
    int const columns = PQnfields(result);
    int const rows = PQntuples(result);
    std::vector<Oid> types(columns);
    for (int c = 0; c < columns; ++c) {
      set.columns.emplace_back(PQfname(result, c));
      types[c] = PQftype(result, c);
    }
    set.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      auto& row = set.rows.emplace_back();
      row.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) {
          row.emplace_back(std::monostate{});
          continue;
        }
        char const* text = PQgetvalue(result, r, c);
        std::size_t const length = PQgetlength(result, r, c);
        switch (types[c]) {
          case int8_oid:
          case int4_oid:
          case int2_oid: {
            std::int64_t value = 0;
            std::from_chars(text, text + length, value);
            row.emplace_back(value);
            break;
          }
          case float4_oid:
          case float8_oid:
          case numeric_oid: row.emplace_back(std::strtod(text, nullptr)); break;
          case bool_oid: row.emplace_back(std::int64_t{text[0] == 't' ? 1 : 0}); break;
          default: row.emplace_back(std::string(text, length));
        }
      }
    }
    char const* tuples = PQcmdTuples(result);
    if (tuples && *tuples) set.affected = std::strtoll(tuples, nullptr, 10);
    return set;
  }

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

std::unique_ptr<Connection> open_postgres(std::string const& url) {
  return std::make_unique<PostgresConnection>(url);
}

}  // namespace pufa::db::detail
