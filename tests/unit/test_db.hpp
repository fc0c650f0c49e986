// A fresh database per test on either engine: SQLite in a temp dir, PostgreSQL as a new
// database on the ctest fixture's server (skipped when that server is absent).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "base/random.hpp"
#include "db/database.hpp"

namespace pufa::testing {

inline std::string pg_server_url() {
  if (char const* env = std::getenv("PUFA_TEST_PG_URL")) return env;
  std::ifstream in(PUFA_PG_URL_FILE);
  std::string url;
  std::getline(in, url);
  return url;
}

class TempDatabase {
 public:
  explicit TempDatabase(db::Engine engine, db::Options options = {}) : engine_(engine) {
    base::init_crypto();
    if (engine == db::Engine::sqlite) {
      dir_ = std::filesystem::temp_directory_path() / ("pufa-test-" + base::random_hex(6));
      std::filesystem::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "test.db").string();
    } else {
      server_ = pg_server_url();
      if (server_.empty()) return;
      name_ = "pufa_u_" + base::random_hex(6);
      auto admin = db::Database::open(server_);
      admin->read([&](db::Connection& conn) { conn.exec_script("CREATE DATABASE " + name_); });
      url_ = server_.substr(0, server_.rfind('/') + 1) + name_;
    }
    db_ = db::Database::open(url_, options);
  }

  ~TempDatabase() {
    db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!name_.empty()) {
      auto admin = db::Database::open(server_);
      admin->read([&](db::Connection& conn) { conn.exec_script("DROP DATABASE IF EXISTS " + name_); });
    }
  }

  bool available() const { return db_ != nullptr; }
  db::Database& db() { return *db_; }
  std::string const& url() const { return url_; }

 private:
  db::Engine engine_;
  std::filesystem::path dir_;
  std::string server_, name_, url_;
  std::unique_ptr<db::Database> db_;
};

inline std::string engine_label(::testing::TestParamInfo<db::Engine> const& info) {
  return std::string(db::engine_name(info.param));
}

}  // namespace pufa::testing

#define PUFA_REQUIRE_DB(temp) \
  if (!(temp).available()) GTEST_SKIP() << "no PostgreSQL test server"
