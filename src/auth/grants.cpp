#include "auth/grants.hpp"

#include <algorithm>
#include <iterator>

#include "auth/audit.hpp"
#include "auth/principal_cache.hpp"
#include "auth/roles.hpp"
#include "auth/store.hpp"
#include "auth/users.hpp"
#include "http/error.hpp"

namespace pufa::auth {

using http::ApiError;
using http::AppError;

namespace {

std::vector<std::string> changed_roles(std::vector<std::string> const& before, std::vector<std::string> const& after) {
  std::vector<std::string> out;
  std::set_symmetric_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(out));
  return out;
}

std::string role_list(std::vector<std::string> const& roles) {
  std::string out;
  for (auto const& role : roles) out += (out.empty() ? "" : ",") + role;
  return out.empty() ? "-" : out;
}

// The audit detail of a role change: "examinee → coordinator,examinee".
std::string change_detail(std::vector<std::string> const& before, std::vector<std::string> const& after) {
  return role_list(before) + " → " + role_list(after);
}

}  // namespace

std::vector<std::string> unique_roles(std::vector<std::string> roles) {
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

bool grants_privileged(std::vector<std::string> const& before, std::vector<std::string> const& after) {
  return std::any_of(after.begin(), after.end(), [&](std::string const& role) {
    return is_privileged(role) && std::find(before.begin(), before.end(), role) == before.end();
  });
}

void check_role_change(Principal const& caller, std::int64_t target_id, std::vector<std::string> const& before,
                       std::vector<std::string> const& after) {
  auto const changed = changed_roles(before, after);
  if (changed.empty()) return;
  if (target_id == caller.user_id) {
    throw ApiError(AppError::forbidden, "不能修改自己的角色，请由其他管理员办理", "roles");
  }
  bool const administrator = std::any_of(after.begin(), after.end(), [](auto const& r) { return is_administrator(r); });
  if (administrator && after.size() > 1) {
    throw ApiError(AppError::unprocessable, "系统管理员、安全管理员、安全审计员须单独设账户，不能与其他角色同时授予",
                   "roles");
  }
  bool const privileged = std::any_of(changed.begin(), changed.end(), [](auto const& r) { return is_privileged(r); });
  if (privileged && !caller.has("role.manage")) {
    throw ApiError(AppError::forbidden,
                   "管理员角色和可查看完整个人信息的角色（如普法办协调员）由安全管理员分配，并经另一名安全管理员复核",
                   "roles");
  }
}

RoleGrants::Outcome RoleGrants::assign(Actor const& actor, std::int64_t user_id, std::vector<std::string> roles) {
  auto const& caller = actor.user();
  roles = unique_roles(std::move(roles));
  check_roles(roles);
  auto outcome = db_.write([&](db::Connection& conn) {
    auto user = store::user_by_id(conn, user_id);
    if (!user) throw ApiError(AppError::not_found, "用户不存在");
    if (!caller.covers(user->region_path)) throw ApiError(AppError::not_found, "用户不存在");
    auto const before = unique_roles(user->roles);
    check_role_change(caller, user_id, before, roles);
    if (before == roles) return Outcome{*user, std::nullopt};
    if (store::pending_role_request_of(conn, user_id)) {
      throw ApiError(AppError::conflict, "该账户已有一项待复核的角色变更，请先复核或驳回", "roles");
    }
    auto const now = base::now_ms();
    if (grants_privileged(before, roles)) {
      RoleRequest request;
      request.user_id = user_id;
      request.roles = roles;
      request.previous_roles = before;
      request.requested_by = caller.user_id;
      request.requested_at = now;
      auto const id = store::insert_role_request(conn, request);
      audit(conn, actor, "role.request", "user", std::to_string(user_id), change_detail(before, roles));
      return Outcome{*user, store::role_request_by_id(conn, id)};
    }
    store::set_roles(conn, user_id, roles);
    audit(conn, actor, "user.roles", "user", std::to_string(user_id), change_detail(before, roles));
    return Outcome{*store::user_by_id(conn, user_id), std::nullopt};
  });
  if (!outcome.request) forget_principals();
  return outcome;
}

RoleRequest RoleGrants::load(db::Connection& conn, Principal const& caller, std::int64_t request_id) {
  auto request = store::role_request_by_id(conn, request_id);
  if (!request || !caller.covers(request->region_path)) throw ApiError(AppError::not_found, "角色变更申请不存在");
  return *request;
}

RoleGrants::Page RoleGrants::list(Principal const& caller, std::string const& state, std::int64_t limit,
                                  std::int64_t offset) {
  if (!state.empty() && state != "pending" && state != "approved" && state != "rejected") {
    throw ApiError(AppError::validation_failed, "状态只能是 pending、approved 或 rejected", "state");
  }
  return db_.read([&](db::Connection& conn) {
    return Page{store::list_role_requests(conn, state, caller.region_path, limit, offset),
                store::count_role_requests(conn, state, caller.region_path)};
  });
}

RoleRequest RoleGrants::approve(Actor const& actor, std::int64_t request_id) {
  auto const& caller = actor.user();
  auto decided = db_.write([&](db::Connection& conn) {
    auto request = load(conn, caller, request_id);
    if (request.state != "pending") throw ApiError(AppError::conflict, "该申请已处理");
    if (request.requested_by == caller.user_id) {
      throw ApiError(AppError::forbidden, "不能复核自己提出的角色变更，请由另一名安全管理员复核");
    }
    if (request.user_id == caller.user_id) throw ApiError(AppError::forbidden, "不能复核自己账户的角色变更");
    auto user = store::user_by_id(conn, request.user_id);
    if (!user || unique_roles(user->roles) != request.previous_roles) {
      throw ApiError(AppError::conflict, "该账户的角色在申请后已有变化，请驳回后重新提出");
    }
    auto const now = base::now_ms();
    store::set_roles(conn, request.user_id, request.roles);
    store::decide_role_request(conn, request_id, "approved", caller.user_id, now, "");
    audit(conn, actor, "role.approve", "user", std::to_string(request.user_id),
          change_detail(request.previous_roles, request.roles));
    return load(conn, caller, request_id);
  });
  forget_principals();
  return decided;
}

RoleRequest RoleGrants::reject(Actor const& actor, std::int64_t request_id, std::string const& reason) {
  auto const& caller = actor.user();
  if (reason.empty()) throw ApiError(AppError::validation_failed, "请填写驳回理由", "reason");
  return db_.write([&](db::Connection& conn) {
    auto request = load(conn, caller, request_id);
    if (request.state != "pending") throw ApiError(AppError::conflict, "该申请已处理");
    // The one who asked may withdraw it; anyone else deciding must be a second administrator.
    if (request.user_id == caller.user_id) throw ApiError(AppError::forbidden, "不能复核自己账户的角色变更");
    store::decide_role_request(conn, request_id, "rejected", caller.user_id, base::now_ms(), reason);
    audit(conn, actor, "role.reject", "user", std::to_string(request.user_id),
          change_detail(request.previous_roles, request.roles));
    return load(conn, caller, request_id);
  });
}

std::int64_t RoleGrants::to_approve(Principal const& caller) {
  if (!caller.has("role.approve")) return 0;
  return db_.read([&](db::Connection& conn) {
    return store::count_role_requests_to_approve(conn, caller.user_id, caller.region_path);
  });
}

}  // namespace pufa::auth
