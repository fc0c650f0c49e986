// HTTP response as plain data, with helpers for JSON bodies.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace pufa::http {

struct Response {
  int status = 200;
  Fields headers;
  std::string body;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  static Response json(int status, boost::json::value const& body);
  static Response ok(boost::json::value const& body) { return json(200, body); }
  static Response created(boost::json::value const& body) { return json(201, body); }
  static Response no_content();
};

}  // namespace pufa::http
