#include "auth/routes.hpp"

#include <boost/json/array.hpp>
#include <map>

#include "auth/audit.hpp"
#include "auth/roles.hpp"
#include "auth/store.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"

namespace pufa::auth {

using http::Access;
using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;

namespace {

constexpr std::size_t small_body = 4 * 1024;

boost::json::object session_json(User const& user, std::string const& csrf) {
  return {{"user", user_json(user)}, {"csrf_token", csrf}};
}

UserInput user_input(boost::json::object const& body, bool create) {
  UserInput input;
  if (create) {
    input.username = http::req_string(body, "username", "用户名", 64);
    input.password = http::req_string(body, "password", "初始密码", 200);
  }
  input.display_name = http::req_string(body, "display_name", "姓名", 50);
  input.roles = http::opt_string_list(body, "roles", "角色").value_or(std::vector<std::string>{});
  input.region_id = http::opt_int(body, "region_id", "所属区域");
  // On update a missing phone keeps the stored one (the client only ever sees it masked);
  // null or "" clears it.
  input.phone_given = create || body.contains("phone");
  input.phone = http::opt_string(body, "phone", "手机号", 20);
  if (input.phone && input.phone->empty()) input.phone.reset();
  return input;
}

void add_session_routes(http::Router& router, AuthService& service) {
  router.add(Method::post, "/api/v1/auth/login", [&service](Request& request) {
    auto body = http::json_object(request);
    auto username = http::opt_string(body, "username", "用户名", 64).value_or("");
    auto password = http::opt_string(body, "password", "密码", 200).value_or("");
    auto result = service.login(username, password, request);
    auto response = Response::ok(session_json(result.user, result.csrf_token));
    response.set_header("Set-Cookie", service.session_cookie_header(result.token));
    return response;
  }, {.access = Access::open, .body_limit = small_body});

  router.add(Method::post, "/api/v1/auth/logout", [&service](Request& request) {
    service.logout(principal(request), request);
    auto response = Response::no_content();
    response.set_header("Set-Cookie", service.clear_cookie_header());
    return response;
  }, {.action = "auth.logout", .body_limit = small_body});

  router.add(Method::get, "/api/v1/auth/me", [&service](Request& request) {
    auto const& caller = principal(request);
    return Response::ok(session_json(service.current_user(caller), caller.csrf_token));
  });

  router.add(Method::post, "/api/v1/auth/password", [&service](Request& request) {
    auto body = http::json_object(request);
    service.change_password(principal(request),
                            http::req_string(body, "old_password", "原密码", 200),
                            http::req_string(body, "new_password", "新密码", 200), request);
    return Response::no_content();
  }, {.action = "auth.password", .body_limit = small_body});

  router.add(Method::put, "/api/v1/auth/preferences", [&service](Request& request) {
    auto body = http::json_object(request);
    auto user = service.set_preferences(principal(request),
                                        http::opt_bool(body, "large_font", "大字模式"),
                                        http::opt_string(body, "locale", "语言", 10), request);
    return Response::ok({{"user", user_json(user)}});
  }, {.action = "auth.preferences", .body_limit = small_body});
}

void add_directory_routes(http::Router& router, AuthService& service) {
  router.add(Method::get, "/api/v1/roles", [](Request&) {
    boost::json::array items;
    for (auto const& role : all_roles()) {
      boost::json::array permissions;
      for (auto permission : role.permissions) permissions.emplace_back(permission);
      items.push_back({{"code", role.code}, {"name", role.name}, {"name_en", role.name_en},
                       {"permissions", std::move(permissions)}});
    }
    return Response::ok({{"items", std::move(items)}});
  });

  router.add(Method::get, "/api/v1/regions", [&service](Request& request) {
    auto const& caller = principal(request);
    auto regions = service.db().read(
        [&](db::Connection& conn) { return store::regions_under(conn, caller.region_path); });
    std::map<std::int64_t, std::string> names;
    for (auto const& region : regions) names[region.id] = region.name;
    boost::json::array items;
    for (auto const& region : regions) {
      // 村（社区） are shown with their township: 马涧镇 马坞村.
      std::string full_name = region.name;
      if (region.level >= 3 && region.parent_id && names.contains(*region.parent_id)) {
        full_name = names[*region.parent_id] + " " + region.name;
      }
      boost::json::object item{{"id", region.id}, {"code", region.code}, {"name", region.name},
                               {"full_name", full_name}, {"level", region.level}};
      if (region.parent_id) item["parent_id"] = *region.parent_id;
      else item["parent_id"] = nullptr;
      items.push_back(std::move(item));
    }
    return Response::ok({{"items", std::move(items)}});
  });

  router.add(Method::get, "/api/v1/audit", [&service](Request& request) {
    auto const page = http::page_of(request);
    AuditFilter filter;
    filter.username = normalize_username(request.query_value("username").value_or(""));
    filter.action = std::string(request.query_value("action").value_or(""));
    filter.outcome = std::string(request.query_value("outcome").value_or(""));
    if (!filter.outcome.empty() && filter.outcome != "success" && filter.outcome != "failure") {
      throw ApiError(AppError::validation_failed, "结果只能是 success 或 failure", "outcome");
    }
    for (auto [name, target] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
      if (auto text = request.query_value(name); text && !text->empty()) {
        *target = base::parse_iso8601(*text);
        if (!*target) throw ApiError(AppError::validation_failed, "时间格式不正确", name);
      }
    }
    filter.limit = page.size;
    filter.offset = page.offset();
    auto result = service.db().read([&](db::Connection& conn) { return list_audit(conn, filter); });
    return Response::ok({{"items", std::move(result.items)}, {"total", result.total}});
  }, {.permission = "audit.read"});
}

void add_user_routes(http::Router& router, UserAdmin& users) {
  http::RouteOptions const manage{.permission = "user.manage"};
  router.add(Method::get, "/api/v1/users", [&users](Request& request) {
    auto const page = http::page_of(request);
    store::UserFilter filter;
    filter.q = std::string(request.query_value("q").value_or(""));
    filter.role = std::string(request.query_value("role").value_or(""));
    filter.sort = std::string(request.query_value("sort").value_or("-created_at"));
    filter.limit = page.size;
    filter.offset = page.offset();
    auto result = users.list(principal(request), filter, http::query_int(request, "region_id"));
    boost::json::array items;
    for (auto const& user : result.items) items.push_back(user_json(user));
    return Response::ok({{"items", std::move(items)}, {"total", result.total}});
  }, manage);

  router.add(Method::post, "/api/v1/users", [&users](Request& request) {
    auto user = users.create(principal(request), user_input(http::json_object(request), true), request);
    return Response::created({{"user", user_json(user)}});
  }, {.permission = "user.manage", .action = "user.create"});

  router.add(Method::get, "/api/v1/users/{id}", [&users](Request& request) {
    bool const reveal = request.query_value("reveal").value_or("") == "1";
    auto user = users.get(principal(request), request.id_param("id"), reveal, request);
    return Response::ok({{"user", user_json(user, reveal)}});
  }, manage);

  router.add(Method::put, "/api/v1/users/{id}", [&users](Request& request) {
    auto user = users.update(principal(request), request.id_param("id"),
                             user_input(http::json_object(request), false), request);
    return Response::ok({{"user", user_json(user)}});
  }, {.permission = "user.manage", .action = "user.update"});

  for (bool disable : {true, false}) {
    router.add(Method::post, disable ? "/api/v1/users/{id}/disable" : "/api/v1/users/{id}/enable",
               [&users, disable](Request& request) {
                 auto user = users.set_disabled(principal(request), request.id_param("id"),
                                                disable, request);
                 return Response::ok({{"user", user_json(user)}});
               },
               {.permission = "user.manage", .action = disable ? "user.disable" : "user.enable",
                .body_limit = small_body});
  }

  router.add(Method::post, "/api/v1/users/{id}/reset-password", [&users](Request& request) {
    auto body = http::json_object(request);
    users.reset_password(principal(request), request.id_param("id"),
                         http::req_string(body, "password", "新密码", 200), request);
    return Response::no_content();
  }, {.permission = "user.manage", .action = "user.reset_password", .body_limit = small_body});
}

}  // namespace

void add_routes(http::Router& router, AuthService& service, UserAdmin& users) {
  add_session_routes(router, service);
  add_directory_routes(router, service);
  add_user_routes(router, users);
}

}  // namespace pufa::auth
