// The request and response types every area sees. Plain data: no sockets, no Beast.
#pragma once

#include <any>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pufa::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view method_name(Method method);
Method method_from(std::string_view name);
bool is_safe(Method method);  // GET, HEAD, OPTIONS: no CSRF, no audit

// A LIKE pattern matching `text` anywhere, literally: % _ and \ are escaped for ESCAPE '\',
// and ASCII is lower-cased (compare with LOWER(column), the same on SQLite and PostgreSQL).
std::string contains_pattern(std::string_view text);

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::get;
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded path
  Fields query;        // decoded query parameters in order
  Fields headers;      // names lower-cased
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::map<std::string, std::string, std::less<>> params;  // path parameters
  std::any context;  // set by the guard (auth::Principal); areas read it through auth

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> query_value(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  // Content-Type without parameters, lower-cased ("" when absent).
  std::string media_type() const;
  // media_type() equals `wanted` (lower-case).
  bool media_type_is(std::string_view wanted) const;

  // The origin people reach the portal at, for links and QR codes printed on pages and papers:
  // The configured public URL (set_public_url: the address residents use, behind a proxy),
  // else — on a server that only listens on this machine (the demo, tests) — the Host the
  // request came to (when it is a plain host name), else http://localhost. Links and QR codes
  // printed on documents use it, so outside the demo it never comes from a request header.
  std::string public_origin() const;

  // Path parameter as a positive id; throws ApiError(not_found) when it is not one.
  std::int64_t id_param(std::string_view name) const;

  // Splits target into path and query (percent-decoded). False when malformed.
  bool parse_target();
};

// Sets the origin public_origin() answers ("https://pufa.example.gov.cn", no trailing slash
// needed). Called once at start, before serving.
void set_public_url(std::string url);

}  // namespace pufa::http
