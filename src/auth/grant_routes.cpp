// Role assignment by the security administrator and the second approval (auth/grants.hpp).
#include <boost/json/array.hpp>

#include "auth/grants.hpp"
#include "auth/routes.hpp"
#include "auth/users.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"

namespace pufa::auth {

using http::Method;
using http::Request;
using http::Response;

namespace {

constexpr std::size_t small_body = 4 * 1024;
constexpr std::int64_t max_request_page = 100;

boost::json::object request_json(RoleRequest const& request) {
  boost::json::object out{{"id", request.id},
                          {"user_id", request.user_id},
                          {"username", request.username},
                          {"display_name", request.display_name},
                          {"roles", role_codes_json(request.roles)},
                          {"previous_roles", role_codes_json(request.previous_roles)},
                          {"requested_by", request.requested_by},
                          {"requested_by_name", request.requested_by_name},
                          {"requested_at", base::iso8601(request.requested_at)},
                          {"state", request.state},
                          {"reason", request.reason}};
  if (request.decided_by) {
    out["decided_by"] = *request.decided_by;
    out["decided_by_name"] = request.decided_by_name;
  } else {
    out["decided_by"] = nullptr;
    out["decided_by_name"] = nullptr;
  }
  if (request.decided_at) out["decided_at"] = base::iso8601(*request.decided_at);
  else out["decided_at"] = nullptr;
  return out;
}

}  // namespace

void add_grant_routes(http::Router& router, RoleGrants& grants) {
  // 200 {user} when applied; 202 {user, request} when it waits for a second approval.
  router.add(Method::put, "/api/v1/users/{id}/roles", [&grants](Request& request) {
    auto body = http::json_object(request);
    auto roles = http::opt_string_list(body, "roles", "角色").value_or(std::vector<std::string>{});
    auto outcome = grants.assign(actor(request), request.id_param("id"), std::move(roles));
    boost::json::object out{{"user", user_json(outcome.user)}};
    if (!outcome.request) return Response::ok(std::move(out));
    out["request"] = request_json(*outcome.request);
    return Response::json(202, out);
  }, {.permission = "role.manage", .action = "user.roles", .body_limit = small_body});

  router.add(Method::get, "/api/v1/role-requests", [&grants](Request& request) {
    auto const page = http::page_of(request, max_request_page);
    auto const state = std::string(request.query_value("state").value_or(""));
    auto result = grants.list(principal(request), state, page.size, page.offset());
    boost::json::array items;
    for (auto const& item : result.items) items.push_back(request_json(item));
    return Response::ok({{"items", std::move(items)}, {"total", result.total}});
  }, {.permission = "role.manage"});

  router.add(Method::post, "/api/v1/role-requests/{id}/approve", [&grants](Request& request) {
    return Response::ok({{"request", request_json(grants.approve(actor(request), request.id_param("id")))}});
  }, {.permission = "role.approve", .action = "role.approve", .body_limit = small_body});

  router.add(Method::post, "/api/v1/role-requests/{id}/reject", [&grants](Request& request) {
    auto body = http::json_object(request);
    auto const reason = http::opt_string(body, "reason", "驳回理由", 200).value_or("");
    return Response::ok({{"request", request_json(grants.reject(actor(request), request.id_param("id"), reason))}});
  }, {.permission = "role.approve", .action = "role.reject", .body_limit = small_body});
}

}  // namespace pufa::auth
