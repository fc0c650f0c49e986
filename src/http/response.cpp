#include "http/response.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>

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

Response Response::download(std::string bytes, std::string_view content_type, std::string_view filename) {
  Response response;
  response.body = std::move(bytes);
  response.set_header("Content-Type", std::string(content_type));
  response.set_header("Content-Disposition", content_disposition("attachment", filename));
  response.set_header("Cache-Control", "no-store");
  return response;
}

namespace {

// RFC 5987 attr-char: what stands unencoded in filename*.
constexpr boost::urls::grammar::lut_chars attr_chars(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~");

constexpr std::string_view fallback_stem = "download";

// Old clients read only filename="...": the name when it is plain ASCII, else "download" plus the
// extension (when that is plain).
std::string ascii_fallback(std::string_view name) {
  bool plain = !name.empty();
  for (char const c : name) plain = plain && (attr_chars(c) || c == ' ');
  if (plain) return std::string(name);
  auto const dot = name.rfind('.');
  std::string_view const extension = dot == std::string_view::npos ? std::string_view{} : name.substr(dot);
  for (char const c : extension) {
    if (!attr_chars(c)) return std::string(fallback_stem);
  }
  return std::string(fallback_stem) + std::string(extension);
}

}  // namespace

std::string content_disposition(std::string_view disposition, std::string_view utf8_filename) {
  return std::string(disposition) + "; filename=\"" + ascii_fallback(utf8_filename) + "\"; filename*=UTF-8''" +
         boost::urls::encode(utf8_filename, attr_chars);
}

}  // namespace pufa::http
