#include <string>
#include <string_view>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

namespace {

constexpr std::string_view fallback_stem = "export";
constexpr std::string_view hex_digits = "0123456789ABCDEF";

// RFC 5987 attr-char: what may stand unencoded in filename*.
bool is_attr_char(unsigned char c) {
  bool const alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return alnum ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// Old clients only read filename="...": keep the name if it is plain ASCII that needs no
// quoting, otherwise "export" plus the extension.
std::string ascii_fallback(std::string_view name) {
  bool plain = !name.empty();
  for (unsigned char const c : name) plain = plain && (is_attr_char(c) || c == ' ');
  if (plain) return std::string(name);
  auto const dot = name.rfind('.');
  std::string extension;
  if (dot != std::string_view::npos) extension = name.substr(dot);
  for (unsigned char const c : extension) {
    if (!is_attr_char(c)) return std::string(fallback_stem);
  }
  return std::string(fallback_stem) + extension;
}

}  // namespace

std::string attachment_header(std::string_view utf8_filename) {
  std::string header = "attachment; filename=\"" + ascii_fallback(utf8_filename) + "\"";
  header += "; filename*=UTF-8''";
  for (unsigned char const c : utf8_filename) {
    if (is_attr_char(c)) {
      header += static_cast<char>(c);
    } else {
      header += '%';
      header += hex_digits[c >> 4];
      header += hex_digits[c & 0x0F];
    }
  }
  return header;
}

}  // namespace pufa::xlsx
