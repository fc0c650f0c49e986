// What people paste from their own ledgers: full-width digits and letters (１３８), full-width
// and no-break spaces, zero-width characters. Imports normalise cells before checking them, and
// say what was wrong in words a user can act on (an ideographic space is invisible on screen).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pufa::text {

// NFKC (１２３ → 123, ＡＢ → AB, the ideographic space → a space), zero-width characters
// (U+200B–U+200D, U+2060, U+FEFF) removed. Invalid UTF-8 comes back unchanged.
std::string nfkc(std::string_view text);

// What in `text` a user cannot see or tell apart, in Chinese ("含全角空格", "含全角字符",
// "含空格", "含不可见字符"); nullopt when there is nothing of the kind. For messages about a
// value that failed a check: "手机号码格式不正确（含全角空格）".
std::optional<std::string> hidden_characters(std::string_view text);

// The first character no name, title, code or file name may hold: C0 and C1 control characters
// (NUL included; tab and line breaks are allowed where `multiline`), DEL, and the bidirectional
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name read differently from
// what it is. As "U+202E"; nullopt when the text is clean (or not UTF-8: checked elsewhere).
std::optional<std::string> forbidden_character(std::string_view text, bool multiline);

// Text files as Chinese Excel and WPS save them, as UTF-8: a UTF-8 (with or without BOM) or
// UTF-16 (with a BOM) file, else GB18030 (a superset of GBK and GB2312). nullopt when the bytes
// are none of these.
std::optional<std::string> decode_text_file(std::string_view bytes);

}  // namespace pufa::text
