#include "http/error.hpp"

#include <array>
#include <boost/json/object.hpp>

namespace pufa::http {

namespace {

// Index by AppError. Keep in the enum's order (checked by a unit test).
constexpr std::array<ErrorCode, 21> error_table{{
    {400, "bad_request", "请求格式不正确"},
    {400, "malformed_json", "请求内容不是有效的 JSON"},
    {400, "validation_failed", "填写的内容有误，请检查后重试"},
    {401, "unauthenticated", "请先登录，或登录已过期"},
    {401, "invalid_credentials", "用户名或密码错误"},
    {403, "csrf_failed", "安全校验失败，请刷新页面后重试"},
    {403, "forbidden", "您没有执行此操作的权限"},
    {403, "out_of_scope", "该数据不在您的管理范围内"},
    {404, "not_found", "请求的内容不存在"},
    {405, "method_not_allowed", "不支持该请求方法"},
    {409, "conflict", "数据已存在或已被修改"},
    {413, "payload_too_large", "提交的内容过大"},
    {415, "unsupported_media_type", "请求内容类型应为 application/json"},
    {422, "unprocessable", "当前状态下不能执行该操作"},
    {422, "import_failed", "导入失败：文件中有错误，未写入任何数据"},
    {429, "rate_limited", "操作过于频繁，请稍后再试"},
    {429, "account_locked", "登录失败次数过多，账户已锁定，请 15 分钟后再试"},
    {403, "account_disabled", "账户已停用，请联系管理员"},
    {403, "password_change_required", "请先修改初始密码，再使用系统"},
    {503, "unavailable", "服务繁忙，请稍后再试"},
    {500, "internal", "服务器内部错误，请稍后再试"},
}};

static_assert(error_table.size() == static_cast<std::size_t>(AppError::internal) + 1);

}  // namespace

ErrorCode const& error_info(AppError error) {
  return error_table[static_cast<std::size_t>(error)];
}

namespace {

// The generic kind an area's code falls under, by its status.
AppError kind_of(int status) {
  switch (status) {
    case 400: return AppError::validation_failed;
    case 401: return AppError::unauthenticated;
    case 403: return AppError::forbidden;
    case 404: return AppError::not_found;
    case 409: return AppError::conflict;
    case 413: return AppError::payload_too_large;
    case 415: return AppError::unsupported_media_type;
    case 429: return AppError::rate_limited;
    case 503: return AppError::unavailable;
    default: return status < 500 ? AppError::unprocessable : AppError::internal;
  }
}

}  // namespace

ApiError::ApiError(AppError error, std::string message, std::string field)
    : error_(error), code_(&error_info(error)), message_(std::move(message)), field_(std::move(field)) {
  if (message_.empty()) message_ = std::string(code_->message);
}

ApiError::ApiError(ErrorCode const& code, std::string message, std::string field)
    : error_(kind_of(code.status)), code_(&code), message_(std::move(message)), field_(std::move(field)) {
  if (message_.empty()) message_ = std::string(code_->message);
}

Response error_response(ErrorCode const& info, std::string_view message, std::string_view field,
                        std::string_view request_id, boost::json::object const& details) {
  boost::json::object body;
  body["code"] = info.code;
  body["message"] = message.empty() ? info.message : message;
  if (!field.empty()) body["field"] = field;
  if (!request_id.empty()) body["request_id"] = request_id;
  for (auto const& [key, value] : details) body[key] = value;
  return Response::json(info.status, boost::json::object{{"error", std::move(body)}});
}

}  // namespace pufa::http
