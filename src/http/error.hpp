// The one table of application errors: code, HTTP status, default Chinese message.
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
  attempt_closed,   // exam: the attempt is over (deadline + grace, or submitted)
  review_not_open,  // exam: review only once the exam has closed
  account_locked,
  account_disabled,
  unavailable,
  internal,
};

struct ErrorInfo {
  int status;
  std::string_view code;
  std::string_view message;  // default zh-CN sentence
};

ErrorInfo const& error_info(AppError error);

// Thrown by handlers and services for expected failures; the router turns it into the
// error envelope. Bugs and infrastructure failures are any other exception (→ 500, logged).
class ApiError : public std::exception {
 public:
  explicit ApiError(AppError error, std::string message = {}, std::string field = {});
  // Extra members of the error object, e.g. "rows" of a failed import.
  ApiError& with(boost::json::object details) {
    details_ = std::move(details);
    return *this;
  }
  boost::json::object const& details() const { return details_; }
  AppError error() const { return error_; }
  std::string const& message() const { return message_; }
  std::string const& field() const { return field_; }
  char const* what() const noexcept override { return message_.c_str(); }

 private:
  AppError error_;
  std::string message_;
  std::string field_;
  boost::json::object details_;
};

Response error_response(AppError error, std::string_view message, std::string_view field,
                        std::string_view request_id, boost::json::object const& details = {});

}  // namespace pufa::http
