#include "auth/guard.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "auth/audit.hpp"
#include "base/random.hpp"
#include "text/utf8.hpp"

namespace pufa::auth {

using http::ApiError;
using http::AppError;

Principal const* principal_if(http::Request const& request) {
  auto const* principal = std::any_cast<PrincipalPtr>(&request.context);
  return principal ? principal->get() : nullptr;
}

Principal const& principal(http::Request const& request) {
  auto const* found = principal_if(request);
  if (!found) throw ApiError(AppError::unauthenticated);
  return *found;
}

Principal const& Actor::user() const {
  if (!principal) throw ApiError(AppError::unauthenticated);
  return *principal;
}

Actor actor(http::Request const& request) {
  return {principal_if(request), request.remote_ip, request.request_id,
          std::string(request.header("user-agent").value_or("")).substr(0, 300)};
}

Actor system_actor(std::string request_id) { return {nullptr, "cli", std::move(request_id), {}}; }

bool Principal::has(std::string_view permission) const {
  return std::binary_search(permissions.begin(), permissions.end(), permission);
}

namespace {

// A route's permission, or several as "a|b": the caller holds one of them.
bool holds_any(Principal const& caller, std::string_view permissions) {
  while (!permissions.empty()) {
    auto const bar = permissions.find('|');
    if (caller.has(permissions.substr(0, bar))) return true;
    if (bar == std::string_view::npos) break;
    permissions.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

http::Guard make_guard(AuthService& service) {
  return [&service](http::Request& request,
                    http::RouteOptions const& options) -> std::optional<http::Response> {
    auto const token = request.cookie(session_cookie);
    PrincipalPtr found = token ? service.resolve(*token) : nullptr;
    if (found) request.context = found;
    if (options.access == http::Access::open) return std::nullopt;
    if (!found) {
      auto response = http::error_response(AppError::unauthenticated, {}, {}, request.request_id);
      if (token) response.set_header("Set-Cookie", service.clear_cookie_header());
      return response;
    }
    if (!http::is_safe(request.method)) {
      auto const sent = request.header("x-csrf-token");
      if (!sent || !base::constant_time_equal(*sent, found->csrf_token)) {
        throw ApiError(AppError::csrf_failed);
      }
    }
    // An initial or reset password, or one older than password_max_age_days, is changed before
    // anything else: only the account's own routes answer until then (the web app opens 修改密码).
    if (!options.own_account) {
      if (found->must_change_password) throw ApiError(AppError::password_change_required);
      if (found->password_expires_at && base::now_ms() >= *found->password_expires_at) {
        throw ApiError(AppError::password_change_required, "密码使用时间过长，请先修改密码，再使用系统");
      }
    }
    if (!options.permission.empty() && !holds_any(*found, options.permission)) {
      throw ApiError(AppError::forbidden);
    }
    return std::nullopt;
  };
}

http::Observer make_refusal_auditor(db::Database& db) {
  return [&db](http::Request const& request, http::RouteOptions const& options,
               http::Response const& response) {
    if (response.status < 400) return;
    // A signed-in user refused a read (403: no permission or outside their subtree) is audited as
    // read.refused with the path (never the query): probing for records is an event to see.
    bool const refused_read = http::is_safe(request.method) && (response.status == 403 || response.concealed) &&
                              principal_if(request);
    if (!refused_read && (options.action.empty() || http::is_safe(request.method))) return;
    auto entry = audit_entry(actor(request), refused_read ? "read.refused" : options.action);
    if (refused_read) {
      entry.object_type = "path";
      entry.object_id = std::string(text::prefix_bytes(request.path, 200));
    }
    entry.success = false;
    boost::system::error_code ec;
    auto body = boost::json::parse(response.body, ec);
    if (!ec && body.is_object()) {
      if (auto const* error = body.as_object().if_contains("error"); error && error->is_object()) {
        if (auto const* code = error->as_object().if_contains("code"); code && code->is_string()) {
          entry.detail = response.concealed ? std::string("out_of_scope") : std::string(code->as_string());
        }
      }
    }
    if (auto const id = request.params.find("id"); !refused_read && id != request.params.end()) {
      entry.object_id = id->second;
    }
    db.write([&](db::Connection& conn) { record_audit(conn, entry); });
  };
}

http::Translator make_db_translator() {
  return [](std::exception const& error) -> std::optional<AppError> {
    auto const* db_error = dynamic_cast<db::DbError const*>(&error);
    if (!db_error) return std::nullopt;
    switch (db_error->kind()) {
      case db::ErrorKind::unique_violation: return AppError::conflict;
      case db::ErrorKind::foreign_key_violation: return AppError::unprocessable;
      case db::ErrorKind::busy: return AppError::unavailable;
      default: return std::nullopt;
    }
  };
}

}  // namespace pufa::auth
