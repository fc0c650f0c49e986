// The one place that knows the list of areas: their migrations and their routes.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "auth/grants.hpp"
#include "auth/service.hpp"
#include "auth/users.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "duty/reminders.hpp"
#include "legality/service.hpp"
#include "quiz/sender.hpp"
#include "todo/todo.hpp"


namespace pufa::app {

std::vector<db::Migration> all_migrations();
// Seals every area's 身份证号 and phones not sealed with the current field key (`pufa keys
// rotate`, `pufa keys reseal`); returns how many values changed.
std::int64_t reseal_personal_data(db::Connection& conn);

// A server's state: the database, the areas' services and the router over them.
struct Application {
  // `test_clock` adds PUT /api/v1/test/clock {"offset_ms"}, which moves this process's clock
  // (base::set_clock_offset): the API tests' deadlines without sleeping. Never in production.
  // `sms` sends the quiz's one-time codes (null: none configured, codes are refused).
  Application(std::unique_ptr<db::Database> database, auth::AuthSettings settings,
              std::filesystem::path uploads, bool test_clock = false, std::shared_ptr<quiz::OtpSender> sms = nullptr,
              std::shared_ptr<duty::ReminderSender> reminders = nullptr, bool four_eyes_publishing = false,
              legality::ReviewDays review_days = {});
  std::unique_ptr<db::Database> db;
  auth::AuthService auth;
  auth::UserAdmin users;
  auth::RoleGrants grants;
  todo::Centre todo;  // before the router: its routes refer to it
  http::Router router;
};

}  // namespace pufa::app
