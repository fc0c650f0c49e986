// The auth area's HTTP routes and migrations.
#pragma once

#include <vector>

#include "auth/grants.hpp"
#include "auth/service.hpp"
#include "auth/users.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::auth {

void add_routes(http::Router& router, AuthService& service, UserAdmin& users, RoleGrants& grants);
// PUT /users/{id}/roles and /role-requests (grant_routes.cpp).
void add_grant_routes(http::Router& router, RoleGrants& grants);
std::vector<db::Migration> migrations();

}  // namespace pufa::auth
