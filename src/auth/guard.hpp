// What stands between the router and an area's handler: the session, CSRF and permission
// checks, and the audit of writes that were refused.
#pragma once

#include "auth/service.hpp"
#include "http/router.hpp"

namespace pufa::auth {

http::Guard make_guard(AuthService& service);
// Records refused writes (4xx on a route with an audit action) in the audit log.
http::Observer make_refusal_auditor(db::Database& db);
// Maps typed database errors to application errors (unique → 409, ...).
http::Translator make_db_translator();

}  // namespace pufa::auth
