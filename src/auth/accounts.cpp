#include "auth/accounts.hpp"

#include "auth/audit.hpp"
#include "auth/principal_cache.hpp"
#include "auth/rate_limit.hpp"
#include "auth/service.hpp"
#include "auth/store.hpp"

namespace pufa::auth::accounts {

std::int64_t add(db::Connection& conn, Actor const& actor, NewAccount const& account) {
  User user;
  user.username = account.username;
  user.display_name = account.display_name;
  user.password_hash = account.password_hash;
  user.region_id = account.region_id;
  user.must_change_password = account.must_change_password;
  user.unit_id = account.unit_id;
  auto const id = store::insert_user(conn, user, base::now_ms());
  store::set_roles(conn, id, account.roles);
  audit(conn, actor, "user.create", "user", std::to_string(id));
  return id;
}

std::optional<std::int64_t> id_of(db::Connection& conn, std::string const& username) {
  auto user = store::user_by_name(conn, username);
  if (!user) return std::nullopt;
  return user->id;
}

void set_password(db::Connection& conn, Actor const& actor, std::int64_t id, std::string const& hash) {
  auto user = store::user_by_id(conn, id);
  if (!user) throw std::logic_error("no user " + std::to_string(id));
  store::set_password(conn, id, hash, false, base::now_ms());
  store::revoke_user_sessions(conn, id, std::nullopt);
  rate_limit::clear(conn, login_scope(user->username));
  audit(conn, actor, "user.reset_password", "user", std::to_string(id));
  forget_principals();
}

void set_disabled(db::Connection& conn, Actor const& actor, std::int64_t id, bool disabled) {
  auto user = store::user_by_id(conn, id);
  if (!user) throw std::logic_error("no user " + std::to_string(id));
  store::set_disabled(conn, id, disabled, base::now_ms());
  if (disabled) store::revoke_user_sessions(conn, id, std::nullopt);
  else rate_limit::clear(conn, login_scope(user->username));
  audit(conn, actor, disabled ? "user.disable" : "user.enable", "user", std::to_string(id));
  forget_principals();
}

}  // namespace pufa::auth::accounts
