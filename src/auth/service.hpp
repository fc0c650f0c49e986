// Sign-in, sessions, lockout and the signed-in user's own account.
#pragma once

#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "auth/principal_cache.hpp"
#include "db/database.hpp"
#include <vector>

namespace pufa::auth {

struct AuthSettings {
  base::Millis idle_timeout = 30 * base::minute_ms;
  base::Millis absolute_timeout = 12 * base::hour_ms;
  int lockout_threshold = 5;
  base::Millis lockout_duration = 15 * base::minute_ms;
  // Failed logins from one address (any names) in the lockout window before it gets 429: a
  // password spray is stopped before accounts lock. Raise it where many users share one
  // address (a bureau behind one NAT without trusted_proxies).
  int address_failure_limit = 20;
  bool cookie_secure = false;  // set behind TLS
  // A password older than this must be changed before anything else (等保: periodic change);
  // 0 days: never expires. Counted from users.password_changed_at.
  base::Millis password_max_age = 0;
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
  LoginResult login(std::string const& username, std::string const& password, Actor const& actor);
  // The principal of a live session, or nullptr when unknown, expired, revoked or disabled.
  PrincipalPtr resolve(std::string_view token);
  void logout(Actor const& actor);
  void change_password(Actor const& actor, std::string const& old_password, std::string const& new_password);
  User set_preferences(Actor const& actor, std::optional<bool> large_font, std::optional<std::string> locale);
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
// The user name rule: 3 to 32 of a-z, 0-9, _ . - (after normalize_username).
bool is_username(std::string_view username);

// The login throttle on the shared rate limiter: failures per normalised user name (whether or
// not the user exists). `threshold` failures within `lockout` lock the name until the oldest of
// them is `lockout` old; a success or an administrator's unlock forgets them.
std::string login_scope(std::string const& username);
std::optional<base::Millis> locked_until(std::vector<base::Millis> const& failures, AuthSettings const& settings,
                                         base::Millis now);

// When the user's password becomes too old to use (password_max_age); none: it never does.
std::optional<base::Millis> password_expiry(User const& user, AuthSettings const& settings);
// Sets user.password_expired as of `now`.
void age_password(User& user, AuthSettings const& settings, base::Millis now);

}  // namespace pufa::auth
