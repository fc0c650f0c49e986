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
  // Never sent: a 404 that stands for a refusal outside the caller's scope (concealed_refusal).
  bool concealed = false;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  static Response json(int status, boost::json::value const& body);
  static Response ok(boost::json::value const& body) { return json(200, body); }
  static Response created(boost::json::value const& body) { return json(201, body); }
  static Response no_content();
  // A file to save: its bytes, media type and name (Content-Disposition: attachment), no-store.
  static Response download(std::string bytes, std::string_view content_type, std::string_view filename);
};

// Content-Disposition (RFC 6266) with the UTF-8 name in filename* (RFC 5987, percent-encoded
// through Boost.URL) and an ASCII filename="" for old clients: `disposition` is attachment or inline.
std::string content_disposition(std::string_view disposition, std::string_view utf8_filename);

}  // namespace pufa::http
