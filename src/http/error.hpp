// Application errors: a stable code, an HTTP status and a default Chinese message. The common
// ones are the AppError table here; an area adds its own as `ErrorCode` constants in its folder
// (exam: attempt_closed), so http/ never learns an area's codes.
#pragma once

#include <boost/json/object.hpp>
#include <exception>
#include <string>
#include <string_view>

#include "http/response.hpp"

namespace pufa::http {

enum class AppError {
  bad_request,
  malformed_json,
  validation_failed,
  unauthenticated,
  invalid_credentials,
  csrf_failed,
  forbidden,
  out_of_scope,
  not_found,
  method_not_allowed,
  conflict,
  payload_too_large,
  unsupported_media_type,
  unprocessable,
  import_failed,
  rate_limited,
  account_locked,
  account_disabled,
  password_change_required,
  unavailable,
  internal,
};

struct ErrorCode {
  int status;
  std::string_view code;
  std::string_view message;  // default zh-CN sentence
};
using ErrorInfo = ErrorCode;

ErrorCode const& error_info(AppError error);

// A record outside the caller's subtree answers as a missing one does (404 not_found): a 403 would
// confirm that the id exists. The router marks the response (Response::concealed) so that the
// refusal auditor still records the probe as a refused read.
inline constexpr ErrorCode concealed_refusal{404, "not_found", "请求的内容不存在"};

// Thrown by handlers and services for expected failures; the router turns it into the
// error envelope. Bugs and infrastructure failures are any other exception (→ 500, logged).
class ApiError : public std::exception {
 public:
  explicit ApiError(AppError error, std::string message = {}, std::string field = {});
  // An area's own code (declared as a constexpr ErrorCode with static storage).
  explicit ApiError(ErrorCode const& code, std::string message = {}, std::string field = {});
  // Extra members of the error object, e.g. "rows" of a failed import.
  ApiError& with(boost::json::object details) {
    details_ = std::move(details);
    return *this;
  }
  boost::json::object const& details() const { return details_; }
  // The generic kind; an area's own code reports the AppError of the same status class.
  AppError error() const { return error_; }
  ErrorCode const& code() const { return *code_; }
  std::string const& message() const { return message_; }
  std::string const& field() const { return field_; }
  char const* what() const noexcept override { return message_.c_str(); }

 private:
  AppError error_;
  ErrorCode const* code_;
  std::string message_;
  std::string field_;
  boost::json::object details_;
};

Response error_response(ErrorCode const& code, std::string_view message, std::string_view field,
                        std::string_view request_id, boost::json::object const& details = {});
inline Response error_response(AppError error, std::string_view message, std::string_view field,
                               std::string_view request_id, boost::json::object const& details = {}) {
  return error_response(error_info(error), message, field, request_id, details);
}

}  // namespace pufa::http
