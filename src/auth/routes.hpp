// The auth area's HTTP routes and migrations.
#pragma once

#include <vector>

#include "auth/service.hpp"
#include "auth/users.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::auth {

void add_routes(http::Router& router, AuthService& service, UserAdmin& users);
std::vector<db::Migration> migrations();

}  // namespace pufa::auth
