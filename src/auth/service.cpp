#include "auth/service.hpp"

#include <tuple>

#include <algorithm>

#include "auth/audit.hpp"
#include "auth/password.hpp"
#include "auth/rate_limit.hpp"
#include "auth/roles.hpp"
#include "auth/store.hpp"
#include "base/random.hpp"
#include "http/error.hpp"
#include "text/personal.hpp"
#include "text/utf8.hpp"

namespace pufa::auth {

using http::ApiError;
using http::AppError;

std::string normalize_username(std::string_view username) {
  while (!username.empty() && (username.front() == ' ' || username.front() == '\t')) {
    username.remove_prefix(1);
  }
  while (!username.empty() && (username.back() == ' ' || username.back() == '\t')) {
    username.remove_suffix(1);
  }
  std::string out(username);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : char(c); });
  return out;
}

bool is_username(std::string_view username) {
  return username.size() >= 3 && username.size() <= max_username_length &&
         std::all_of(username.begin(), username.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
         });
}

std::string login_scope(std::string const& username) { return "login:" + username; }
// Failures from one address, whatever the names: a password spray from one place is throttled
// before any account locks (AuthSettings::address_failure_limit, then 429 until the oldest ages out).
std::string address_scope(std::string const& ip) { return "login.ip:" + ip; }

std::optional<base::Millis> locked_until(std::vector<base::Millis> const& failures, AuthSettings const& settings,
                                         base::Millis now) {
  auto const wait = rate_limit::wait(failures, {{settings.lockout_threshold, settings.lockout_duration}}, now);
  if (wait <= 0) return std::nullopt;
  return now + wait;
}

namespace {

// The name a failed login typed, as the audit keeps it: an account's own name as it is; a phone
// or 身份证号 typed into the name field masked; anything else that cannot be a user name (a
// password typed in the wrong box, say) kept only as its first two characters.
std::string audit_name(std::string const& username, bool known) {
  if (known) return username;
  if (text::is_mobile(username)) return text::mask_phone(username);
  // Shaped like a 身份证号 (18 characters, the last a digit or X), whatever its check digit says.
  auto const id = text::check_id_number(username);
  if (id != text::IdCheck::wrong_length && id != text::IdCheck::bad_character) return text::mask_id_number(username);
  if (is_username(username)) return username;
  std::string cut;
  auto const points = text::code_points(username);
  for (std::size_t i = 0; i < points.size() && i < 2; ++i) text::append_utf8(cut, points[i]);
  return cut + "***";
}

AuditEntry login_entry(Actor const& actor, std::string const& username, std::optional<std::int64_t> user_id,
                       bool success, std::string detail) {
  auto const name = audit_name(username, user_id.has_value());
  auto entry = audit_entry(actor, "auth.login", "user", name);
  entry.user_id = user_id;
  entry.username = name;
  entry.success = success;
  entry.detail = std::move(detail);
  return entry;
}

// Locked until `until`: the message says how long in whole minutes (at least one).
ApiError locked_error(base::Millis until, base::Millis now) {
  auto const minutes = std::max<base::Millis>(1, (until - now + base::minute_ms - 1) / base::minute_ms);
  return ApiError(AppError::account_locked,
                  "登录失败次数过多，账户已锁定，请 " + std::to_string(minutes) + " 分钟后再试")
      .with({{"retry_after_seconds", std::max<base::Millis>(1, (until - now + 999) / 1000)}});
}

}  // namespace

LoginResult AuthService::login(std::string const& raw_username, std::string const& password, Actor const& actor) {
  auto const username = normalize_username(raw_username);
  if (username.empty()) throw ApiError(AppError::validation_failed, "请输入用户名", "username");
  if (password.empty()) throw ApiError(AppError::validation_failed, "请输入密码", "password");
  if (username.size() > max_username_length || password.size() > max_password_length) {
    // Refused before any password check, and still a login attempt the audit keeps.
    db_.write([&](db::Connection& conn) {
      record_audit(conn, login_entry(actor, username, std::nullopt, false, "too_long"));
    });
    throw ApiError(AppError::invalid_credentials);
  }
  auto const now = base::now_ms();
  auto const scope = login_scope(username);
  auto const by_address = address_scope(actor.ip);
  auto [user, locked, address_wait] = db_.read([&](db::Connection& conn) {
    auto const since = now - settings_.lockout_duration;
    return std::tuple(store::user_by_name(conn, username),
                      locked_until(rate_limit::events(conn, scope, since), settings_, now),
                      rate_limit::wait(rate_limit::events(conn, by_address, since),
                                       {{settings_.address_failure_limit, settings_.lockout_duration}}, now));
  });
  std::optional<std::int64_t> const user_id = user ? std::optional(user->id) : std::nullopt;
  if (address_wait > 0) {
    db_.write([&](db::Connection& conn) {
      record_audit(conn, login_entry(actor, username, user_id, false, "address_throttled"));
    });
    auto const minutes = std::max<base::Millis>(1, (address_wait + base::minute_ms - 1) / base::minute_ms);
    throw ApiError(AppError::rate_limited, "本网络登录失败次数过多，请 " + std::to_string(minutes) + " 分钟后再试")
        .with({{"retry_after_seconds", (address_wait + 999) / 1000}});
  }
  if (locked) {
    db_.write([&](db::Connection& conn) {
      record_audit(conn, login_entry(actor, username, user_id, false, "locked"));
    });
    throw locked_error(*locked, now);
  }
  // Argon2 runs outside any transaction: it takes tens of milliseconds and 64 MiB.
  bool const password_ok = user ? verify_password(user->password_hash, password)
                                : (verify_dummy(password), false);
  if (!password_ok) {
    struct Failure {
      std::optional<base::Millis> until;
      int failures = 0;
    };
    auto const failure = db_.write([&](db::Connection& conn) {
      rate_limit::lock(conn, scope, now);
      rate_limit::record(conn, scope, now, settings_.lockout_duration);
      rate_limit::record(conn, by_address, now, settings_.lockout_duration);
      auto const events = rate_limit::events(conn, scope, now - settings_.lockout_duration);
      auto const until = locked_until(events, settings_, now);
      record_audit(conn, login_entry(actor, username, user_id, false,
                                     until ? "bad_credentials; locked" : "bad_credentials"));
      return Failure{until, static_cast<int>(events.size())};
    });
    if (failure.until) throw locked_error(*failure.until, now);
    // Says how many tries are left, the same for a name that does not exist.
    auto const remaining = std::max(1, settings_.lockout_threshold - failure.failures);
    throw ApiError(AppError::invalid_credentials,
                   "用户名或密码错误，还可尝试 " + std::to_string(remaining) + " 次，之后账户将锁定 " +
                       std::to_string(settings_.lockout_duration / base::minute_ms) + " 分钟")
        .with({{"remaining_attempts", remaining}});
  }
  if (user->disabled) {
    db_.write([&](db::Connection& conn) {
      record_audit(conn, login_entry(actor, username, user_id, false, "disabled"));
    });
    throw ApiError(AppError::account_disabled);
  }
  LoginResult result{base::random_token(32), base::random_token(24), *user};
  db_.write([&](db::Connection& conn) {
    rate_limit::clear(conn, scope);
    store::insert_session(conn, base::sha256_hex(result.token), result.csrf_token, user->id, actor.ip,
                          actor.user_agent, now, now + settings_.absolute_timeout);
    store::touch_login(conn, user->id, now);
    record_audit(conn, login_entry(actor, username, user_id, true, {}));
  });
  result.user.last_login_at = now;
  age_password(result.user, settings_, now);
  return result;
}

PrincipalPtr AuthService::resolve(std::string_view token) {
  if (token.empty() || token.size() > 128) return nullptr;
  auto const hash = base::sha256_hex(token);
  auto const now = base::now_ms();
  if (auto cached = cache_.find(hash, now)) return cached;
  auto const generation = PrincipalCache::generation();
  auto found = db_.read([&](db::Connection& conn) -> std::optional<std::pair<SessionRow, User>> {
    auto session = store::session_by_hash(conn, hash);
    if (!session) return std::nullopt;
    auto user = store::user_by_id(conn, session->user_id);
    if (!user) return std::nullopt;
    return std::pair(*session, *user);
  });
  if (!found) return nullptr;
  auto const& [session, user] = *found;
  bool const expired = now >= session.expires_at ||
                       now - session.last_seen_at > settings_.idle_timeout;
  if (session.revoked || expired || user.disabled) return nullptr;
  if (now - session.last_seen_at > touch_interval) {
    db_.write([&](db::Connection& conn) { store::touch_session(conn, session.id, now); });
  }
  auto principal = std::make_shared<Principal>();
  principal->user_id = user.id;
  principal->username = user.username;
  principal->display_name = user.display_name;
  principal->roles = user.roles;
  principal->permissions = permissions_of(user.roles);
  principal->region_id = user.region_id;
  principal->region_path = user.region_path;
  principal->unit_id = user.unit_id;
  principal->session_id = session.id;
  principal->csrf_token = session.csrf_token;
  principal->must_change_password = user.must_change_password;
  principal->password_expires_at = password_expiry(user, settings_);
  cache_.put(hash, principal, generation, now, session.expires_at);
  return principal;
}

void AuthService::logout(Actor const& actor) {
  auto const& principal = actor.user();
  db_.write([&](db::Connection& conn) {
    store::revoke_session(conn, principal.session_id);
    audit(conn, actor, "auth.logout", "session", std::to_string(principal.session_id));
  });
  forget_principals();
}

void AuthService::change_password(Actor const& actor, std::string const& old_password,
                                  std::string const& new_password) {
  auto const& principal = actor.user();
  auto const now = base::now_ms();
  auto user = db_.read([&](db::Connection& conn) { return store::user_by_id(conn, principal.user_id); });
  if (!user) throw ApiError(AppError::unauthenticated);
  if (!verify_password(user->password_hash, old_password)) {
    // The route's refusal auditor records the failure.
    throw ApiError(AppError::validation_failed, "原密码不正确", "old_password");
  }
  if (auto problem = password_problem(new_password, user->username)) {
    throw ApiError(AppError::validation_failed, *problem, "new_password");
  }
  if (new_password == old_password) {
    throw ApiError(AppError::validation_failed, "新密码不能与原密码相同", "new_password");
  }
  auto const hash = hash_password(new_password);
  db_.write([&](db::Connection& conn) {
    store::set_password(conn, user->id, hash, false, now);
    store::revoke_user_sessions(conn, user->id, principal.session_id);
    audit(conn, actor, "auth.password", "user", std::to_string(user->id));
  });
  forget_principals();
}

User AuthService::set_preferences(Actor const& actor, std::optional<bool> large_font, std::optional<std::string> locale) {
  auto const& principal = actor.user();
  if (locale && *locale != "zh-CN" && *locale != "en") {
    throw ApiError(AppError::validation_failed, "语言只能是 zh-CN 或 en", "locale");
  }
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    auto user = store::user_by_id(conn, principal.user_id);
    if (!user) throw ApiError(AppError::unauthenticated);
    user->large_font = large_font.value_or(user->large_font);
    user->locale = locale.value_or(user->locale);
    store::set_preferences(conn, user->id, user->large_font, user->locale, now);
    audit(conn, actor, "auth.preferences", "user", std::to_string(user->id));
    age_password(*user, settings_, now);
    return *user;
  });
}

User AuthService::current_user(Principal const& principal) {
  auto user = db_.read([&](db::Connection& conn) { return store::user_by_id(conn, principal.user_id); });
  if (!user) throw ApiError(AppError::unauthenticated);
  age_password(*user, settings_, base::now_ms());
  return *user;
}

std::optional<base::Millis> password_expiry(User const& user, AuthSettings const& settings) {
  if (settings.password_max_age <= 0) return std::nullopt;
  return user.password_changed_at + settings.password_max_age;
}

void age_password(User& user, AuthSettings const& settings, base::Millis now) {
  auto const expiry = password_expiry(user, settings);
  user.password_expired = expiry && now >= *expiry;
}

std::string AuthService::session_cookie_header(std::string const& token) const {
  return std::string(session_cookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
         (settings_.cookie_secure ? "; Secure" : "");
}

std::string AuthService::clear_cookie_header() const {
  return std::string(session_cookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
         (settings_.cookie_secure ? "; Secure" : "");
}

}  // namespace pufa::auth
