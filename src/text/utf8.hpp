// UTF-8 in one place (ICU's U8_NEXT / U8_APPEND): every area counts, walks and writes code
// points through these, and treats invalid input the same way — a count or a walk reports it
// (nullopt / U+FFFD), and a code point that cannot be written (a surrogate, above U+10FFFF,
// NUL) is written as U+FFFD.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::text {

inline constexpr char32_t replacement_character = 0xFFFD;

// Code points in `text`, or nullopt when the bytes are not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);
inline bool valid_utf8(std::string_view text) { return utf8_length(text).has_value(); }

// The code point at `at` (advanced past it); an ill-formed sequence gives U+FFFD and
// advances past the bad bytes, as ICU does.
char32_t next_code_point(std::string_view text, std::size_t& at);

// Appends a code point; NUL, surrogates and values above U+10FFFF are written as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// Every code point of `text` (ill-formed sequences as U+FFFD).
std::vector<char32_t> code_points(std::string_view text);

// The longest prefix of at most `max_bytes` bytes that does not cut a character.
std::string_view prefix_bytes(std::string_view text, std::size_t max_bytes);

}  // namespace pufa::text
