// Sign-in, sessions, lockout and the signed-in user's own account.
#pragma once

#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "auth/principal_cache.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace pufa::auth {

struct AuthSettings {
  base::Millis idle_timeout = 30 * base::minute_ms;
  base::Millis absolute_timeout = 12 * base::hour_ms;
  int lockout_threshold = 5;
  base::Millis lockout_duration = 15 * base::minute_ms;
  bool cookie_secure = false;  // set behind TLS
};

inline constexpr std::string_view session_cookie = "pufa_session";
// A session's last_seen_at is written at most this often (not on every request).
inline constexpr base::Millis touch_interval = base::minute_ms;
inline constexpr std::size_t max_username_length = 32;

struct LoginResult {
  std::string token;
  std::string csrf_token;
  User user;
};

class AuthService {
 public:
  AuthService(db::Database& db, AuthSettings settings) : db_(db), settings_(settings) {}

  // Throws ApiError: invalid_credentials (unknown user or wrong password, same answer),
  // account_locked, account_disabled, validation_failed.
  LoginResult login(std::string const& username, std::string const& password,
                    http::Request const& request);
  // The principal of a live session, or nullptr when unknown, expired, revoked or disabled.
  PrincipalPtr resolve(std::string_view token);
  void logout(Principal const& principal, http::Request const& request);
  void change_password(Principal const& principal, std::string const& old_password,
                       std::string const& new_password, http::Request const& request);
  User set_preferences(Principal const& principal, std::optional<bool> large_font,
                       std::optional<std::string> locale, http::Request const& request);
  User current_user(Principal const& principal);

  std::string session_cookie_header(std::string const& token) const;
  std::string clear_cookie_header() const;

  db::Database& db() { return db_; }
  AuthSettings const& settings() const { return settings_; }

 private:
  db::Database& db_;
  AuthSettings settings_;
  PrincipalCache cache_;
};

// Lower-cased, trimmed login name.
std::string normalize_username(std::string_view username);

}  // namespace pufa::auth
