// The pieces the sanitiser rebuilds HTML from (sanitize.cpp): characters, character references
// as the HTML standard reads them, escaping, and the checks of what an attribute may hold —
// links, image sources, the small style allow-list of official writing, in-page anchors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pufa::content::html {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowered(std::string_view text);

// Where a reference is read: in an attribute value a named reference without ';' that is
// followed by '=' or a letter or digit stays as written (?a=1&copy=2 keeps "&copy=").
enum class Context { text, attribute };
std::string decode(std::string_view text, Context context);

// Length of a well-formed reference at text[0] == '&' (&name; &#123; &#x1F;), else 0.
std::size_t reference_length(std::string_view text);

void escape_text(std::string& out, std::string_view text);  // keeps well-formed references
void escape_attribute(std::string& out, std::string_view value);

// The prefix that keeps an author's anchors (id="sec1", href="#sec1") from clobbering the
// page's own names (id="location", id="forms").
inline constexpr std::string_view anchor_prefix = "user-content-";

// An <a href> as a browser reads it: http, https, mailto, in-page (#anchor) and relative links.
// Protocol-relative and backslashed forms (//host, \\host, /\host) are the absolute links they
// are, written https://host…; `external` marks links that leave the site.
struct Link {
  std::string href;
  bool external = false;
};
std::optional<Link> clean_link(std::string_view value);

// An <img src>: only the platform's own attachments (/api/v1/attachments/{id}), after the path
// is normalised (percent-encoding, backslashes, dot segments); other sites' images are
// `external` (the portal's CSP would block them), anything else is refused.
struct ImageSource {
  enum Kind { attachment, external, refused } kind = refused;
  std::string src;
};
ImageSource clean_image(std::string_view value);

// style="…" reduced to what official writing needs: text-align (left, center, right, justify)
// and a first-line indent (any positive text-indent becomes 2em, the 首行缩进 2 字符 of 公文).
std::optional<std::string> clean_style(std::string_view value);

// id="…" for in-page anchors: letters, digits, '_' and '-', at most 64, with anchor_prefix.
std::optional<std::string> clean_id(std::string_view value);

}  // namespace pufa::content::html
