#include "content/html_parts.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

#include "text/utf8.hpp"

namespace pufa::content::html {

namespace {

constexpr std::size_t max_url_bytes = 2048;
constexpr std::size_t max_id_chars = 64;
constexpr std::string_view attachments_path = "/api/v1/attachments/";

struct Named {
  std::string_view name;
  std::uint32_t cp;
  bool legacy;  // read without ';' too (the standard's short list), else only with ';'
};
// Enough to read what editors and attackers write; anything else stays as written (and is
// then escaped), which can only make a URL more literal, never more dangerous.
constexpr std::array<Named, 42> named_entities{{
    {"amp", '&', true},        {"lt", '<', true},         {"gt", '>', true},         {"quot", '"', true},
    {"apos", '\'', false},     {"nbsp", 0xA0, true},      {"colon", ':', false},     {"Tab", '\t', false},
    {"NewLine", '\n', false},  {"lpar", '(', false},      {"rpar", ')', false},      {"sol", '/', false},
    {"bsol", '\\', false},     {"period", '.', false},    {"comma", ',', false},     {"excl", '!', false},
    {"num", '#', false},       {"percnt", '%', false},    {"semi", ';', false},      {"equals", '=', false},
    {"quest", '?', false},     {"commat", '@', false},    {"lsqb", '[', false},      {"rsqb", ']', false},
    {"lcub", '{', false},      {"rcub", '}', false},      {"copy", 0xA9, true},      {"reg", 0xAE, true},
    {"hellip", 0x2026, false}, {"mdash", 0x2014, false},  {"ndash", 0x2013, false},  {"ldquo", 0x201C, false},
    {"rdquo", 0x201D, false},  {"lsquo", 0x2018, false},  {"rsquo", 0x2019, false},  {"middot", 0xB7, true},
    {"times", 0xD7, true},     {"divide", 0xF7, true},    {"emsp", 0x2003, false},   {"ensp", 0x2002, false},
    {"plus", '+', false},      {"dollar", '$', false},
}};

Named const* entity(std::string_view name) {
  auto found = std::find_if(named_entities.begin(), named_entities.end(), [&](Named const& n) { return n.name == name; });
  return found == named_entities.end() ? nullptr : &*found;
}

// The longest legacy name that `run` starts with.
Named const* legacy_prefix(std::string_view run) {
  Named const* best = nullptr;
  for (auto const& n : named_entities) {
    if (n.legacy && run.starts_with(n.name) && (!best || n.name.size() > best->name.size())) best = &n;
  }
  return best;
}

bool alnum(char c) { return is_alpha(c) || is_digit(c); }

// What a browser strips and removes before it reads a URL: C0 controls and spaces at both ends,
// tabs and newlines inside. nullopt for other control characters or an over-long value.
std::optional<std::string> url_text(std::string_view value) {
  std::size_t first = 0, last = value.size();
  while (first < last && static_cast<unsigned char>(value[first]) <= 0x20) ++first;
  while (last > first && static_cast<unsigned char>(value[last - 1]) <= 0x20) --last;
  std::string url;
  for (char const c : value.substr(first, last - first)) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    auto const u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return std::nullopt;
    url += c;
  }
  if (url.empty() || url.size() > max_url_bytes) return std::nullopt;
  return url;
}

// The scheme ("http", lower-case) when the URL starts with one, else "".
std::string scheme_of(std::string_view url) {
  if (url.empty() || !is_alpha(url[0])) return {};
  std::size_t i = 1;
  while (i < url.size() && (alnum(url[i]) || url[i] == '+' || url[i] == '-' || url[i] == '.')) ++i;
  return i < url.size() && url[i] == ':' ? lowered(url.substr(0, i)) : std::string();
}

// Backslashes are slashes to a browser in http(s) and relative URLs: before the query.
std::string slashed(std::string url) {
  auto const end = std::min(url.find('?'), url.find('#'));
  std::replace(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(std::min(end, url.size())), '\\', '/');
  return url;
}

int hex_value(char c) { return is_digit(c) ? c - '0' : lower(c) - 'a' + 10; }

// A path with %XX decoded, backslashes as slashes and "." / ".." resolved; nullopt when it
// climbs above the root or decodes to a control character.
std::optional<std::string> normalised_path(std::string_view path) {
  std::string decoded;
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%' && i + 2 < path.size() && is_hex(path[i + 1]) && is_hex(path[i + 2])) {
      c = static_cast<char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
      i += 2;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    }
    decoded += c == '\\' ? '/' : c;
  }
  std::vector<std::string> segments;
  std::size_t at = 0;
  while (at <= decoded.size()) {
    auto const next = std::min(decoded.find('/', at), decoded.size());
    auto const segment = decoded.substr(at, next - at);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (segment != "." && !segment.empty()) {
      segments.push_back(segment);
    }
    at = next + 1;
  }
  std::string out;
  for (auto const& s : segments) out += "/" + s;
  return out.empty() ? "/" : out;
}

bool anchor_text(std::string_view text) {
  return !text.empty() && text.size() <= max_id_chars + anchor_prefix.size() &&
         std::all_of(text.begin(), text.end(), [](char c) { return alnum(c) || c == '_' || c == '-'; });
}

}  // namespace

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::size_t reference_length(std::string_view text) {
  std::size_t i = 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    bool const hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    auto const start = i;
    while (i < text.size() && i - start < 8 && (hex ? is_hex(text[i]) : is_digit(text[i]))) ++i;
    if (i == start) return 0;
  } else {
    auto const start = i;
    while (i < text.size() && i - start < 32 && alnum(text[i])) ++i;
    if (i == start || !is_alpha(text[start])) return 0;
  }
  return i < text.size() && text[i] == ';' ? i + 1 : 0;
}

std::string decode(std::string_view text, Context context) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    auto j = i + 1;
    if (j < text.size() && text[j] == '#') {
      ++j;
      bool const hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
      if (hex) ++j;
      auto const start = j;
      std::uint32_t cp = 0;
      while (j < text.size() && (hex ? is_hex(text[j]) : is_digit(text[j]))) {
        cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(hex_value(text[j]));
        ++j;
      }
      if (j == start) {
        out += '&';
        continue;
      }
      text::append_utf8(out, cp);  // browsers read numeric references without ';' too
      i = (j < text.size() && text[j] == ';') ? j : j - 1;
      continue;
    }
    auto const start = j;
    while (j < text.size() && j - start < 32 && alnum(text[j])) ++j;
    auto const run = text.substr(start, j - start);
    if (j < text.size() && text[j] == ';') {
      if (auto const* known = entity(run)) {
        text::append_utf8(out, known->cp);
        i = j;
        continue;
      }
    }
    // Without ';': only the legacy names, and in an attribute not before '=' or a letter/digit.
    auto const* legacy = legacy_prefix(run);
    if (!legacy) {
      out += '&';
      continue;
    }
    auto const after = start + legacy->name.size();
    if (context == Context::attribute && after < text.size() && (alnum(text[after]) || text[after] == '=')) {
      out += '&';
      continue;
    }
    text::append_utf8(out, legacy->cp);
    i = after - 1;
  }
  return out;
}

void escape_text(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (c == '&') {
      auto const length = reference_length(text.substr(i));
      if (length == 0) {
        out += "&amp;";
      } else {
        out.append(text.substr(i, length));
        i += length - 1;
      }
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c != '\0') {
      out += c;
    }
  }
}

void escape_attribute(std::string& out, std::string_view value) {
  for (char const c : value) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\0': break;
      default: out += c;
    }
  }
}

std::optional<Link> clean_link(std::string_view value) {
  auto url = url_text(value);
  if (!url) return std::nullopt;
  auto const scheme = scheme_of(*url);
  if (scheme == "mailto") return Link{*url, false};
  if (scheme == "http" || scheme == "https") return Link{slashed(*url), true};
  if (!scheme.empty()) return std::nullopt;
  if (url->starts_with('#')) {
    auto const name = url->substr(1);
    if (!anchor_text(name)) return std::nullopt;
    return Link{"#" + (name.starts_with(anchor_prefix) ? name : std::string(anchor_prefix) + name), false};
  }
  auto const path = slashed(*url);
  if (path.starts_with("//")) {
    auto rest = path.substr(2);
    while (rest.starts_with('/')) rest.erase(0, 1);  // ///host is still //host to a browser
    if (rest.empty()) return std::nullopt;
    return Link{"https://" + rest, true};
  }
  // "a:b" would be read as a scheme by someone: a relative link has no ':' before its first '/'.
  auto const first = path.find_first_of("/?#");
  if (path.substr(0, first).find(':') != std::string::npos) return std::nullopt;
  return Link{path, false};
}

ImageSource clean_image(std::string_view value) {
  auto url = url_text(value);
  if (!url) return {};
  auto const scheme = scheme_of(*url);
  if (scheme == "http" || scheme == "https") return {ImageSource::external, slashed(*url)};
  if (!scheme.empty()) return {};
  auto const path = slashed(*url);
  if (path.starts_with("//")) return {ImageSource::external, "https:" + path};
  auto const end = std::min(path.find('?'), path.find('#'));
  auto normal = normalised_path(std::string_view(path).substr(0, end));
  if (!normal || !normal->starts_with(attachments_path)) return {};
  auto const id = std::string_view(*normal).substr(attachments_path.size());
  if (id.empty() || id.size() > 18 || !std::all_of(id.begin(), id.end(), is_digit)) return {};
  return {ImageSource::attachment, *normal};
}

std::optional<std::string> clean_style(std::string_view value) {
  std::string align;
  bool indent = false;
  auto const text = lowered(value);
  std::size_t at = 0;
  while (at < text.size()) {
    auto const end = std::min(text.find(';', at), text.size());
    auto const declaration = std::string_view(text).substr(at, end - at);
    at = end + 1;
    auto const colon = declaration.find(':');
    if (colon == std::string_view::npos) continue;
    auto trim = [](std::string_view s) {
      while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
      while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
      if (s.ends_with("!important")) s.remove_suffix(10);
      while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
      return s;
    };
    auto const property = trim(declaration.substr(0, colon));
    auto const v = trim(declaration.substr(colon + 1));
    if (property == "text-align" && (v == "left" || v == "center" || v == "right" || v == "justify")) {
      align = std::string(v);
    } else if (property == "text-indent") {
      double number = 0;
      auto const [stop, error] = std::from_chars(v.data(), v.data() + v.size(), number);
      indent = error == std::errc() && number > 0 && stop != v.data();
    }
  }
  std::string out;
  if (!align.empty()) out = "text-align: " + align;
  if (indent) out += std::string(out.empty() ? "" : "; ") + "text-indent: 2em";
  return out.empty() ? std::nullopt : std::optional(out);
}

std::optional<std::string> clean_id(std::string_view value) {
  if (value.starts_with(anchor_prefix)) value.remove_prefix(anchor_prefix.size());
  if (value.size() > max_id_chars || !anchor_text(value)) return std::nullopt;
  return std::string(anchor_prefix) + std::string(value);
}

}  // namespace pufa::content::html
