// `pufa demo`: the Lanxi demo data. Idempotent: a second run changes nothing.
#pragma once

#include <string>
#include <vector>

#include "db/database.hpp"

namespace pufa::app {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
};

std::vector<DemoLogin> load_demo(db::Database& db);

}  // namespace pufa::app
