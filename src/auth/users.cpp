#include "auth/users.hpp"

#include <boost/json/array.hpp>

#include "auth/audit.hpp"
#include "auth/grants.hpp"
#include "auth/password.hpp"
#include "auth/principal_cache.hpp"
#include "auth/rate_limit.hpp"
#include "auth/roles.hpp"
#include "auth/service.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/personal.hpp"
#include "text/utf8.hpp"

namespace pufa::auth {

using http::ApiError;
using http::AppError;

boost::json::array role_codes_json(std::vector<std::string> const& roles) {
  boost::json::array out;
  for (auto const& role : roles) out.emplace_back(role);
  return out;
}

boost::json::object user_json(User const& user, bool reveal) {
  boost::json::object out;
  out["id"] = user.id;
  out["username"] = user.username;
  out["display_name"] = user.display_name;
  out["roles"] = role_codes_json(user.roles);
  boost::json::array permissions;
  for (auto const& permission : permissions_of(user.roles)) permissions.emplace_back(permission);
  out["permissions"] = std::move(permissions);
  out["region_id"] = user.region_id;
  out["region_name"] = user.region_name;
  if (user.unit_id) out["unit_id"] = *user.unit_id;
  else out["unit_id"] = nullptr;
  if (user.phone) out["phone"] = reveal ? *user.phone : text::mask_phone(*user.phone);
  else out["phone"] = nullptr;
  out["disabled"] = user.disabled;
  if (user.locked_until) out["locked_until"] = base::iso8601(*user.locked_until);
  else out["locked_until"] = nullptr;
  out["large_font"] = user.large_font;
  out["locale"] = user.locale;
  out["must_change_password"] = user.must_change_password;
  out["password_expired"] = user.password_expired;
  out["created_at"] = base::iso8601(user.created_at);
  if (user.last_login_at) out["last_login_at"] = base::iso8601(*user.last_login_at);
  else out["last_login_at"] = nullptr;
  return out;
}

void check_username(std::string const& username) {
  if (!is_username(username)) {
    throw ApiError(AppError::validation_failed,
                   "用户名应为 3 到 32 位小写字母、数字或 _ . -", "username");
  }
}

void check_display_name(std::string const& display_name) {
  auto length = text::utf8_length(display_name);
  if (!length || *length == 0 || *length > 50) {
    throw ApiError(AppError::validation_failed, "姓名应为 1 到 50 个字", "display_name");
  }
}

void check_roles(std::vector<std::string> const& roles) {
  if (roles.empty()) throw ApiError(AppError::validation_failed, "请至少选择一个角色", "roles");
  for (auto const& role : roles) {
    if (!find_role(role)) {
      throw ApiError(AppError::validation_failed, "未知角色：" + role, "roles");
    }
  }
}

void check_phone(std::optional<std::string> const& phone) {
  if (phone && !text::is_mobile(*phone)) {
    throw ApiError(AppError::validation_failed, "手机号应为 11 位手机号码", "phone");
  }
}

void check_password(std::string const& password, std::string_view field, std::string_view username) {
  if (auto problem = password_problem(password, username)) {
    throw ApiError(AppError::validation_failed, *problem, std::string(field));
  }
}

void UserAdmin::check_unit(db::Connection& conn, User const& user) const {
  if (!user.unit_id) return;
  auto const unit_path = unit_lookup_ ? unit_lookup_(conn, *user.unit_id) : std::nullopt;
  if (!unit_path) throw ApiError(AppError::validation_failed, "所属单位不存在", "unit_id");
  auto const region = store::region_by_id(conn, user.region_id);
  if (!region || !unit_path->starts_with(region->path)) {
    throw ApiError(AppError::validation_failed, "所属单位不在该用户的所属区域内", "unit_id");
  }
}

Region UserAdmin::region_in_scope(db::Connection& conn, Principal const& caller, std::int64_t region_id) {
  auto region = store::region_by_id(conn, region_id);
  if (!region) throw ApiError(AppError::validation_failed, "所属区域不存在", "region_id");
  if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope);
  return *region;
}

void UserAdmin::add_lockouts(db::Connection& conn, std::vector<User>& users) {
  auto const now = base::now_ms();
  std::vector<std::string> scopes;
  for (auto const& user : users) scopes.push_back(login_scope(user.username));
  auto const failures = store::rate_events_of(conn, scopes, now - settings_.lockout_duration);
  for (auto& user : users) {
    auto found = failures.find(login_scope(user.username));
    user.locked_until = found == failures.end() ? std::nullopt : locked_until(found->second, settings_, now);
    age_password(user, settings_, now);
  }
}

User UserAdmin::load(db::Connection& conn, Principal const& caller, std::int64_t id) {
  auto user = store::user_by_id(conn, id);
  if (!user) throw ApiError(AppError::not_found, "用户不存在");
  if (!caller.covers(user->region_path)) throw ApiError(AppError::out_of_scope);
  std::vector<User> one{std::move(*user)};
  add_lockouts(conn, one);
  return std::move(one.front());
}

UserAdmin::Page UserAdmin::list(Principal const& caller, store::UserFilter filter,
                                std::optional<std::int64_t> region_id) {
  return db_.read([&](db::Connection& conn) {
    filter.region_path = caller.region_path;
    if (region_id) filter.region_path = region_in_scope(conn, caller, *region_id).path;
    Page page;
    page.total = store::count_users(conn, filter);
    page.items = store::list_users(conn, filter);
    add_lockouts(conn, page.items);
    return page;
  });
}

User UserAdmin::get(Actor const& actor, std::int64_t id, bool reveal) {
  auto const& caller = actor.user();
  if (!reveal) return db_.read([&](db::Connection& conn) { return load(conn, caller, id); });
  if (!caller.has("pii.read")) throw ApiError(AppError::forbidden, "您没有查看完整个人信息的权限");
  return db_.write([&](db::Connection& conn) {
    auto user = load(conn, caller, id);
    audit(conn, actor, "pii.reveal", "user", std::to_string(id));
    return user;
  });
}

User UserAdmin::create(Actor const& actor, UserInput input) {
  auto const& caller = actor.user();
  input.username = normalize_username(input.username);
  check_username(input.username);
  check_display_name(input.display_name);
  check_password(input.password, "password", input.username);
  input.roles = unique_roles(std::move(input.roles));
  check_roles(input.roles);
  check_role_change(caller, 0, {}, input.roles);
  check_phone(input.phone);
  auto const hash = hash_password(input.password);
  return db_.write([&](db::Connection& conn) {
    User user;
    user.username = input.username;
    user.display_name = input.display_name;
    user.password_hash = hash;
    user.region_id = region_in_scope(conn, caller, input.region_id.value_or(caller.region_id)).id;
    user.phone = input.phone;
    user.unit_id = input.unit_id;
    user.must_change_password = input.must_change_password;
    check_unit(conn, user);
    if (store::user_by_name(conn, user.username)) {
      throw ApiError(AppError::conflict, "用户名已被使用", "username");
    }
    auto const now = base::now_ms();
    user.id = store::insert_user(conn, user, now);
    store::set_roles(conn, user.id, input.roles);
    audit(conn, actor, "user.create", "user", std::to_string(user.id));
    return *store::user_by_id(conn, user.id);
  });
}

User UserAdmin::update(Actor const& actor, std::int64_t id, UserInput input) {
  auto const& caller = actor.user();
  check_display_name(input.display_name);
  input.roles = unique_roles(std::move(input.roles));
  check_roles(input.roles);
  check_phone(input.phone);
  auto changed = db_.write([&](db::Connection& conn) {
    auto user = load(conn, caller, id);
    auto const before = unique_roles(user.roles);
    check_role_change(caller, id, before, input.roles);
    user.display_name = input.display_name;
    if (input.region_id) user.region_id = region_in_scope(conn, caller, *input.region_id).id;
    if (input.phone_given) user.phone = input.phone;
    if (input.unit_given) user.unit_id = input.unit_id;
    check_unit(conn, user);
    auto const now = base::now_ms();
    store::update_user(conn, user, now);
    if (before != input.roles) store::set_roles(conn, id, input.roles);
    audit(conn, actor, "user.update", "user", std::to_string(id));
    return load(conn, caller, id);
  });
  forget_principals();  // roles, region or sessions changed: no cached principal survives
  return changed;
}

User UserAdmin::set_disabled(Actor const& actor, std::int64_t id, bool disabled) {
  auto const& caller = actor.user();
  if (disabled && id == caller.user_id) {
    throw ApiError(AppError::unprocessable, "不能停用自己的账户");
  }
  auto changed = db_.write([&](db::Connection& conn) {
    auto user = load(conn, caller, id);
    auto const now = base::now_ms();
    store::set_disabled(conn, id, disabled, now);
    if (disabled) {
      store::revoke_user_sessions(conn, id, std::nullopt);
    } else {
      rate_limit::clear(conn, login_scope(user.username));
    }
    audit(conn, actor, disabled ? "user.disable" : "user.enable", "user", std::to_string(id));
    return load(conn, caller, id);
  });
  forget_principals();  // roles, region or sessions changed: no cached principal survives
  return changed;
}

User UserAdmin::unlock(Actor const& actor, std::int64_t id) {
  auto const& caller = actor.user();
  return db_.write([&](db::Connection& conn) {
    auto user = load(conn, caller, id);
    auto const was = user.locked_until;
    rate_limit::clear(conn, login_scope(user.username));
    audit(conn, actor, "user.unlock", "user", std::to_string(id),
          was ? "locked until " + base::shanghai_minute(*was) + " Asia/Shanghai" : std::string("not locked"));
    return load(conn, caller, id);
  });
}

void UserAdmin::reset_password(Actor const& actor, std::int64_t id, std::string const& password) {
  auto const& caller = actor.user();
  auto const target = db_.read([&](db::Connection& conn) { return load(conn, caller, id); });
  check_password(password, "password", target.username);
  auto const hash = hash_password(password);
  db_.write([&](db::Connection& conn) {
    auto user = load(conn, caller, id);
    auto const now = base::now_ms();
    store::set_password(conn, id, hash, true, now);
    store::revoke_user_sessions(conn, id, std::nullopt);
    rate_limit::clear(conn, login_scope(user.username));
    audit(conn, actor, "user.reset_password", "user", std::to_string(id));
  });
  forget_principals();
}

}  // namespace pufa::auth
