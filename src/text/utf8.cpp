#include "text/utf8.hpp"

#include <unicode/utf8.h>

#include <cstdint>

namespace pufa::text {

std::optional<std::size_t> utf8_length(std::string_view text) {
  auto const* bytes = reinterpret_cast<std::uint8_t const*>(text.data());
  std::int32_t const size = static_cast<std::int32_t>(text.size());
  std::size_t count = 0;
  for (std::int32_t i = 0; i < size;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) return std::nullopt;
    ++count;
  }
  return count;
}

char32_t next_code_point(std::string_view text, std::size_t& at) {
  auto const* bytes = reinterpret_cast<std::uint8_t const*>(text.data());
  std::int32_t i = static_cast<std::int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(bytes, i, static_cast<std::int32_t>(text.size()), c);
  at = static_cast<std::size_t>(i);
  return c < 0 ? replacement_character : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
  std::uint8_t buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;  // cannot happen: the buffer holds any code point
  U8_APPEND(buffer, length, U8_MAX_LENGTH, static_cast<UChar32>(cp), error);
  (void)error;
  out.append(reinterpret_cast<char const*>(buffer), static_cast<std::size_t>(length));
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) out.push_back(next_code_point(text, at));
  return out;
}

std::string_view prefix_bytes(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

}  // namespace pufa::text
