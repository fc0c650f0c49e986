#include "auth/routes.hpp"

#include <boost/json/array.hpp>
#include <map>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "auth/roles.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::auth {

using http::Access;
using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;

namespace {

constexpr std::size_t small_body = 4 * 1024;
constexpr std::int64_t max_user_page = 100;
constexpr std::int64_t max_audit_page = 100;

AuditFilter audit_filter_of(Request const& request) {
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
  if (filter.from && filter.to && *filter.from > *filter.to) {
    throw ApiError(AppError::validation_failed, "开始时间不能晚于结束时间", "from");
  }
  return filter;
}

std::string audit_workbook(std::vector<AuditRecord> const& rows) {
  xlsx::Sheet sheet{"审计日志",
                    {{"时间（北京时间）", 20, xlsx::CellType::datetime},
                     {"用户", 14},
                     {"用户编号", 10, xlsx::CellType::number},
                     {"地址", 16},
                     {"操作", 24},
                     {"对象类型", 12},
                     {"对象", 24},
                     {"结果", 8},
                     {"详情", 60},
                     {"请求编号", 18}},
                    {}};
  for (auto const& record : rows) {
    auto const& e = record.entry;
    sheet.rows.push_back({base::shanghai_second(record.at), e.username, e.user_id ? std::to_string(*e.user_id) : "",
                          e.ip, e.action, e.object_type, e.object_id, e.success ? "成功" : "失败", e.detail,
                          e.request_id});
  }
  return xlsx::write_workbook({sheet});
}

boost::json::object audit_json(AuditRecord const& record) {
  auto const& entry = record.entry;
  boost::json::object item;
  item["id"] = record.id;
  item["at"] = base::iso8601(record.at);
  if (entry.user_id) item["user_id"] = *entry.user_id;
  else item["user_id"] = nullptr;
  item["username"] = entry.username;
  item["ip"] = entry.ip;
  item["action"] = entry.action;
  item["object_type"] = entry.object_type;
  item["object_id"] = entry.object_id;
  item["outcome"] = entry.success ? "success" : "failure";
  item["detail"] = entry.detail;
  item["request_id"] = entry.request_id;
  return item;
}

boost::json::object session_json(User const& user, std::string const& csrf) {
  return {{"user", user_json(user)}, {"csrf_token", csrf}};
}

UserInput user_input(boost::json::object const& body, bool create) {
  UserInput input;
  if (create) {
    input.username = http::req_string(body, "username", "用户名", 64);
    input.password = http::req_string(body, "password", "初始密码", 200);
    input.must_change_password = http::opt_bool(body, "must_change_password", "首次登录须修改密码").value_or(true);
  }
  input.display_name = http::req_string(body, "display_name", "姓名", 50);
  input.roles = http::opt_string_list(body, "roles", "角色").value_or(std::vector<std::string>{});
  input.region_id = http::opt_int(body, "region_id", "所属区域");
  input.unit_given = create || body.contains("unit_id");
  input.unit_id = http::opt_int(body, "unit_id", "所属单位");
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
    auto result = service.login(username, password, actor(request));
    auto response = Response::ok(session_json(result.user, result.csrf_token));
    response.set_header("Set-Cookie", service.session_cookie_header(result.token));
    return response;
  }, {.access = Access::open, .body_limit = small_body});

  router.add(Method::post, "/api/v1/auth/logout", [&service](Request& request) {
    service.logout(actor(request));
    auto response = Response::no_content();
    response.set_header("Set-Cookie", service.clear_cookie_header());
    return response;
  }, {.action = "auth.logout", .body_limit = small_body, .own_account = true});

  router.add(Method::get, "/api/v1/auth/me", [&service](Request& request) {
    auto const& caller = principal(request);
    return Response::ok(session_json(service.current_user(caller), caller.csrf_token));
  }, {.own_account = true});

  router.add(Method::post, "/api/v1/auth/password", [&service](Request& request) {
    auto body = http::json_object(request);
    service.change_password(actor(request), http::req_string(body, "old_password", "原密码", 200),
                            http::req_string(body, "new_password", "新密码", 200));
    return Response::no_content();
  }, {.action = "auth.password", .body_limit = small_body, .own_account = true});

  router.add(Method::put, "/api/v1/auth/preferences", [&service](Request& request) {
    auto body = http::json_object(request);
    auto user = service.set_preferences(actor(request), http::opt_bool(body, "large_font", "大字模式"),
                                        http::opt_string(body, "locale", "语言", 10));
    return Response::ok({{"user", user_json(user)}});
  }, {.action = "auth.preferences", .body_limit = small_body, .own_account = true});
}

void add_directory_routes(http::Router& router, AuthService& service) {
  router.add(Method::get, "/api/v1/roles", [](Request&) {
    boost::json::array items;
    for (auto const& role : all_roles()) {
      boost::json::array permissions;
      for (auto permission : role.permissions) permissions.emplace_back(permission);
      items.push_back({{"code", role.code}, {"name", role.name}, {"name_en", role.name_en},
                       {"permissions", std::move(permissions)}, {"administrator", role.administrator},
                       {"privileged", role.privileged()}});
    }
    return Response::ok({{"items", std::move(items)}});
  });

  router.add(Method::get, "/api/v1/audit", [&service](Request& request) {
    auto const page = http::page_of(request, max_audit_page);
    auto filter = audit_filter_of(request);
    filter.limit = page.size;
    filter.offset = page.offset();
    auto result = service.db().read([&](db::Connection& conn) { return list_audit(conn, filter); });
    boost::json::array items;
    for (auto const& record : result.items) items.push_back(audit_json(record));
    return Response::ok({{"items", std::move(items)}, {"total", result.total}});
  }, {.permission = "audit.read"});

  // The rows the list's filter selects as .xlsx, oldest first, times in Beijing; audited as
  // audit.export.
  router.add(Method::get, "/api/v1/audit/export", [&service](Request& request) {
    auto const rows = export_audit(service.db(), actor(request), audit_filter_of(request));
    return Response::download(audit_workbook(rows), xlsx::content_type, "审计日志.xlsx");
  }, {.permission = "audit.read"});
}

boost::json::object region_json(Region const& region, std::string const& full_name) {
  boost::json::object item{{"id", region.id}, {"code", region.code}, {"name", region.name},
                           {"full_name", full_name}, {"level", region.level}};
  if (region.parent_id) item["parent_id"] = *region.parent_id;
  else item["parent_id"] = nullptr;
  return item;
}

void add_region_routes(http::Router& router, db::Database& db) {
  router.add(Method::get, "/api/v1/regions", [&db](Request& request) {
    auto const& caller = principal(request);
    auto const tree = db.read([&](db::Connection& conn) { return regions::under(conn, caller.region_path); });
    std::map<std::int64_t, std::string> names;
    for (auto const& region : tree) names[region.id] = region.name;
    boost::json::array items;
    for (auto const& region : tree) {
      auto const parent = region.parent_id && names.contains(*region.parent_id) ? names[*region.parent_id] : "";
      items.push_back(region_json(region, regions::full_name(region, parent)));
    }
    return Response::ok({{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/regions", [&db](Request& request) {
    auto body = http::json_object(request);
    auto const parent_id = http::opt_int(body, "parent_id", "上级区域");
    auto const name = http::req_string(body, "name", "名称", 50);
    auto const code = http::req_string(body, "code", "区划代码", 20);
    if (!parent_id) throw ApiError(AppError::validation_failed, "请选择上级区域", "parent_id");
    auto const region = regions::create(db, actor(request), *parent_id, code, name);
    return Response::created({{"item", region_json(region, region.name)}});
  }, {.permission = "regions.manage", .action = "regions.create"});

  router.add(Method::put, "/api/v1/regions/{id}", [&db](Request& request) {
    auto const id = request.id_param("id");
    auto body = http::json_object(request);
    auto const name = http::req_string(body, "name", "名称", 50);
    auto const code = http::req_string(body, "code", "区划代码", 20);
    auto const region = regions::rename(db, actor(request), id, code, name);
    return Response::ok({{"item", region_json(region, region.name)}});
  }, {.permission = "regions.manage", .action = "regions.update"});
}

void add_user_routes(http::Router& router, UserAdmin& users) {
  // The security administrator reads the accounts it assigns roles to (user.read); only the
  // system administrator changes them (user.manage).
  http::RouteOptions const read{.permission = "user.read"};
  router.add(Method::get, "/api/v1/users", [&users](Request& request) {
    auto const page = http::page_of(request, max_user_page);
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
  }, read);

  router.add(Method::post, "/api/v1/users", [&users](Request& request) {
    auto user = users.create(actor(request), user_input(http::json_object(request), true));
    return Response::created({{"user", user_json(user)}});
  }, {.permission = "user.manage", .action = "user.create"});

  router.add(Method::get, "/api/v1/users/{id}", [&users](Request& request) {
    bool const reveal = request.query_value("reveal").value_or("") == "1";
    auto user = users.get(actor(request), request.id_param("id"), reveal);
    return Response::ok({{"user", user_json(user, reveal)}});
  }, read);

  router.add(Method::put, "/api/v1/users/{id}", [&users](Request& request) {
    auto user = users.update(actor(request), request.id_param("id"), user_input(http::json_object(request), false));
    return Response::ok({{"user", user_json(user)}});
  }, {.permission = "user.manage", .action = "user.update"});

  for (bool disable : {true, false}) {
    router.add(Method::post, disable ? "/api/v1/users/{id}/disable" : "/api/v1/users/{id}/enable",
               [&users, disable](Request& request) {
                 auto user = users.set_disabled(actor(request), request.id_param("id"), disable);
                 return Response::ok({{"user", user_json(user)}});
               },
               {.permission = "user.manage", .action = disable ? "user.disable" : "user.enable",
                .body_limit = small_body});
  }

  router.add(Method::post, "/api/v1/users/{id}/unlock", [&users](Request& request) {
    auto user = users.unlock(actor(request), request.id_param("id"));
    return Response::ok({{"user", user_json(user)}});
  }, {.permission = "user.manage", .action = "user.unlock", .body_limit = small_body});

  router.add(Method::post, "/api/v1/users/{id}/reset-password", [&users](Request& request) {
    auto body = http::json_object(request);
    users.reset_password(actor(request), request.id_param("id"), http::req_string(body, "password", "新密码", 200));
    return Response::no_content();
  }, {.permission = "user.manage", .action = "user.reset_password", .body_limit = small_body});
}

}  // namespace

void add_routes(http::Router& router, AuthService& service, UserAdmin& users, RoleGrants& grants) {
  add_session_routes(router, service);
  add_directory_routes(router, service);
  add_region_routes(router, service.db());
  add_user_routes(router, users);
  add_grant_routes(router, grants);
}

}  // namespace pufa::auth
