#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace pufa::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool accepts_any(Request const& request, std::string_view accepts) {
  while (!accepts.empty()) {
    auto const comma = accepts.find(',');
    if (request.media_type_is(accepts.substr(0, comma))) return true;
    if (comma == std::string_view::npos) break;
    accepts.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  Route route{method, pattern, {}, std::move(handler), std::move(options)};
  for (auto segment : split_path(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

Router::Match Router::match(Method method, std::string_view path, Request* request) const {
  Match result;
  auto const parts = split_path(path);
  Method const wanted = method == Method::head ? Method::get : method;
  for (auto const& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < parts.size() && same; ++i) {
      same = is_param(route.segments[i]) ? !parts[i].empty() : route.segments[i] == parts[i];
    }
    if (!same) continue;
    result.path_found = true;
    result.allowed.push_back(route.method);
    if (route.method != wanted || result.route) continue;
    result.route = &route;
    if (request) {
      request->params.clear();
      for (std::size_t i = 0; i < parts.size(); ++i) {
        auto const& segment = route.segments[i];
        if (is_param(segment)) {
          request->params[segment.substr(1, segment.size() - 2)] = std::string(parts[i]);
        }
      }
    }
  }
  return result;
}

std::size_t Router::body_limit(Method method, std::string_view path) const {
  auto found = match(method, path, nullptr);
  return found.route ? found.route->options.body_limit : default_body_limit;
}

bool Router::has_prefix(std::string_view path) const {
  return path == "/api" || path.starts_with("/api/");
}

Response Router::handle(Request& request, Match const& found) const {
  if (!found.route) {
    if (!found.path_found) {
      return error_response(AppError::not_found, "接口不存在", {}, request.request_id);
    }
    auto response = error_response(AppError::method_not_allowed, {}, {}, request.request_id);
    std::string allow;
    for (auto method : found.allowed) {
      if (!allow.empty()) allow += ", ";
      allow += method_name(method);
    }
    response.set_header("Allow", allow);
    return response;
  }
  auto const& options = found.route->options;
  Response response;
  try {
    std::optional<Response> refused;
    if (guard_) refused = guard_(request, options);
    if (!refused && !is_safe(request.method) && !request.body.empty() &&
        !accepts_any(request, options.accepts)) {
      std::string types = options.accepts;
      for (std::size_t at = types.find(','); at != std::string::npos; at = types.find(',', at)) {
        types.replace(at, 1, "、");
      }
      throw ApiError(AppError::unsupported_media_type, "请求内容类型应为 " + types);
    }
    response = refused ? std::move(*refused) : found.route->handler(request);
  } catch (ApiError const& error) {
    response = error_response(error.code(), error.message(), error.field(), request.request_id,
                              error.details());
    response.concealed = &error.code() == &concealed_refusal;
  } catch (std::exception const& error) {
    if (auto known = translator_ ? translator_(error) : std::nullopt) {
      response = error_response(*known, {}, {}, request.request_id);
    } else {
      spdlog::error("request {} {} {} failed: {}", request.request_id,
                    method_name(request.method), request.path, error.what());
      response = error_response(AppError::internal, {}, {}, request.request_id);
    }
  }
  if (observer_) {
    try {
      observer_(request, options, response);
    } catch (std::exception const& error) {
      spdlog::error("request {} observer failed: {}", request.request_id, error.what());
    }
  }
  return response;
}

}  // namespace pufa::http
