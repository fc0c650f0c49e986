#include "http/response.hpp"

#include <boost/json/serialize.hpp>

namespace pufa::http {

void Response::set_header(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (key == name) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  for (auto const& [key, value] : headers) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

Response Response::json(int status, boost::json::value const& body) {
  Response response;
  response.status = status;
  response.body = boost::json::serialize(body);
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response Response::no_content() {
  Response response;
  response.status = 204;
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace pufa::http
