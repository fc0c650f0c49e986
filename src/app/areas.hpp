// The one place that knows the list of areas: their migrations and their routes.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "auth/service.hpp"
#include "auth/users.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::app {

std::vector<db::Migration> all_migrations();

// A server's state: the database, the areas' services and the router over them.
struct Application {
  // `test_clock` adds PUT /api/v1/test/clock {"offset_ms"}, which moves this process's clock
  // (base::set_clock_offset): the API tests' deadlines without sleeping. Never in production.
  Application(std::unique_ptr<db::Database> database, auth::AuthSettings settings,
              std::filesystem::path uploads, bool test_clock = false);
  std::unique_ptr<db::Database> db;
  auth::AuthService auth;
  auth::UserAdmin users;
  http::Router router;
};

}  // namespace pufa::app
