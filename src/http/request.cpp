#include "http/request.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "http/error.hpp"

namespace pufa::http {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::options: return "OPTIONS";
    case Method::other: return "OTHER";
  }
  return "OTHER";
}

Method method_from(std::string_view name) {
  if (name == "GET") return Method::get;
  if (name == "HEAD") return Method::head;
  if (name == "POST") return Method::post;
  if (name == "PUT") return Method::put;
  if (name == "PATCH") return Method::patch;
  if (name == "DELETE") return Method::del;
  if (name == "OPTIONS") return Method::options;
  return Method::other;
}

bool is_safe(Method method) {
  return method == Method::get || method == Method::head || method == Method::options;
}

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (auto const& [name, value] : headers) {
    if (name == lower_name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::query_value(std::string_view name) const {
  for (auto const& [key, value] : query) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto raw = header("cookie");
  if (!raw) return std::nullopt;
  std::string_view rest = *raw;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return std::nullopt;
}

std::string Request::media_type() const {
  auto type = header("content-type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string out(type);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Request::media_type_is(std::string_view wanted) const { return media_type() == wanted; }

namespace {
std::string& configured_public_url() {
  static std::string url;
  return url;
}
}  // namespace

void set_public_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  configured_public_url() = std::move(url);
}

std::string Request::public_origin() const {
  auto const& configured = configured_public_url();
  if (!configured.empty()) return configured;
  std::string host(header("host").value_or(""));
  bool const safe = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  return "http://" + (safe ? host : std::string("localhost"));
}

std::string contains_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out + "%";
}

std::int64_t Request::id_param(std::string_view name) const {
  auto it = params.find(name);
  if (it == params.end()) throw ApiError(AppError::not_found);
  std::int64_t value = 0;
  auto const& text = it->second;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
    throw ApiError(AppError::not_found);
  }
  return value;
}

bool Request::parse_target() {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  boost::urls::url_view url = *parsed;
  path = url.path();  // decoded
  if (path.find('\0') != std::string::npos) return false;
  query.clear();
  for (auto const& param : url.params()) {
    query.emplace_back(param.key, param.has_value ? param.value : std::string{});
  }
  return true;
}

}  // namespace pufa::http
