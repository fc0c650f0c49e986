#include "content/sanitize.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace pufa::content {

namespace {

constexpr std::size_t max_depth = 64;        // deeper nesting is flattened
constexpr std::size_t max_url_bytes = 2048;
constexpr std::size_t max_text_attribute = 300;  // alt, title
constexpr std::size_t max_attributes = 32;       // per tag; more are read past and ignored

// ---------------------------------------------------------------------------------------------
// Characters and entities

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

struct Named {
  std::string_view name;
  std::uint32_t cp;
};
// Enough to read what editors and attackers write; anything else stays as written (and is
// then escaped), which can only make a URL more literal, never more dangerous.
constexpr std::array<Named, 42> named_entities{{
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"colon", ':'},     {"Tab", '\t'},     {"NewLine", '\n'}, {"lpar", '('},
    {"rpar", ')'},     {"sol", '/'},       {"bsol", '\\'},    {"period", '.'},   {"comma", ','},
    {"excl", '!'},     {"num", '#'},       {"percnt", '%'},   {"semi", ';'},     {"equals", '='},
    {"quest", '?'},    {"commat", '@'},    {"lsqb", '['},     {"rsqb", ']'},     {"lcub", '{'},
    {"rcub", '}'},     {"copy", 0xA9},     {"reg", 0xAE},     {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"middot", 0xB7},  {"times", 0xD7},    {"divide", 0xF7},  {"emsp", 0x2003},  {"ensp", 0x2002},
    {"plus", '+'},     {"dollar", '$'},
}};

// Length of a well-formed reference at text[0] == '&' (&name; &#123; &#x1F;), else 0.
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
    while (i < text.size() && i - start < 32 && (is_alpha(text[i]) || is_digit(text[i]))) ++i;
    if (i == start || !is_alpha(text[start])) return 0;
  }
  return i < text.size() && text[i] == ';' ? i + 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer (the subset of the HTML tokenizer that decides where tags begin and end)

struct Attribute {
  std::string name;   // lower-case
  std::string value;  // decoded
};

struct Token {
  enum Kind { text, start, end } kind = text;
  std::string name;          // lower-case tag name
  std::string_view raw;      // text as written
  std::vector<Attribute> attributes;
  bool self_closing = false;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view input) : in_(input) {}

  bool next(Token& token) {
    while (pos_ < in_.size()) {
      if (in_[pos_] != '<') {
        auto const end = in_.find('<', pos_);
        token = Token{};
        token.raw = in_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
        pos_ += token.raw.size();
        return true;
      }
      if (auto found = markup(token)) {
        if (*found) return true;
        continue;  // a comment or the like: nothing to report
      }
      token = Token{};  // a '<' that starts nothing is text
      token.raw = in_.substr(pos_, 1);
      ++pos_;
      return true;
    }
    return false;
  }

  // After the start tag of an element dropped with its content: skip to past its end tag
  // (or to the end of the input when it is never closed).
  void skip_content(std::string_view name) {
    while (pos_ < in_.size()) {
      auto const lt = in_.find("</", pos_);
      if (lt == std::string_view::npos) break;
      auto const after = lt + 2 + name.size();
      if (after <= in_.size() && lowered(in_.substr(lt + 2, name.size())) == name &&
          (after == in_.size() || is_space(in_[after]) || in_[after] == '/' || in_[after] == '>')) {
        pos_ = lt;
        Token ignored;
        if (!markup(ignored)) pos_ = in_.size();
        return;
      }
      pos_ = lt + 2;
    }
    pos_ = in_.size();
  }

 private:
  // At '<': nullopt when it starts no markup; true with a tag; false when something was skipped.
  std::optional<bool> markup(Token& token) {
    auto const rest = in_.substr(pos_);
    if (rest.starts_with("<!--")) {
      skip_comment();
      return false;
    }
    if (rest.starts_with("<![CDATA[")) {
      skip_past("]]>", pos_ + 9);
      return false;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      skip_past(">", pos_ + 2);
      return false;
    }
    bool const closing = rest.starts_with("</");
    auto const name_at = pos_ + (closing ? 2 : 1);
    if (name_at >= in_.size()) {
      if (closing) {
        pos_ = in_.size();  // "</" at the very end: nothing
        return false;
      }
      return std::nullopt;
    }
    if (!is_alpha(in_[name_at])) {
      if (!closing) return std::nullopt;
      skip_past(">", name_at);  // "</>" and "</ 3>" are bogus comments
      return false;
    }
    token = Token{};
    token.kind = closing ? Token::end : Token::start;
    auto i = name_at;
    while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>') token.name += lower(in_[i++]);
    if (!read_attributes(i, token)) {
      pos_ = in_.size();  // a tag cut off by the end of the input is no tag
      return false;
    }
    pos_ = i;
    return true;
  }

  // From just after the tag name to just after '>'; false when the input ends first.
  bool read_attributes(std::size_t& i, Token& token) {
    while (true) {
      while (i < in_.size() && (is_space(in_[i]) || in_[i] == '/')) {
        token.self_closing = in_[i] == '/';
        ++i;
      }
      if (i >= in_.size()) return false;
      if (in_[i] == '>') {
        ++i;
        return true;
      }
      token.self_closing = false;
      Attribute attribute;
      attribute.name += lower(in_[i++]);  // may be '=': the spec takes it as part of the name
      while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>' && in_[i] != '=')
        attribute.name += lower(in_[i++]);
      auto j = i;
      while (j < in_.size() && is_space(in_[j])) ++j;
      if (j < in_.size() && in_[j] == '=') {
        i = j + 1;
        while (i < in_.size() && is_space(in_[i])) ++i;
        if (i >= in_.size()) return false;
        std::string_view raw;
        if (in_[i] == '"' || in_[i] == '\'') {
          auto const close = in_.find(in_[i], i + 1);
          if (close == std::string_view::npos) return false;
          raw = in_.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          auto const start = i;
          while (i < in_.size() && !is_space(in_[i]) && in_[i] != '>') ++i;
          raw = in_.substr(start, i - start);
        }
        attribute.value = decode_entities(raw);
      }
      bool const duplicate = token.attributes.size() < max_attributes && std::any_of(token.attributes.begin(), token.attributes.end(),
                                         [&](Attribute const& a) { return a.name == attribute.name; });
      if (!duplicate && token.attributes.size() < max_attributes) token.attributes.push_back(std::move(attribute));
    }
  }

  // "<!-->" and "<!--->" are whole comments; otherwise up to "-->" or "--!>".
  void skip_comment() {
    auto const body = pos_ + 4;
    if (in_.substr(body).starts_with(">")) {
      pos_ = body + 1;
      return;
    }
    if (in_.substr(body).starts_with("->")) {
      pos_ = body + 2;
      return;
    }
    auto const a = in_.find("-->", body);
    auto const b = in_.find("--!>", body);
    if (a == std::string_view::npos && b == std::string_view::npos) {
      pos_ = in_.size();
    } else if (b == std::string_view::npos || (a != std::string_view::npos && a < b)) {
      pos_ = a + 3;
    } else {
      pos_ = b + 4;
    }
  }

  void skip_past(std::string_view marker, std::size_t from) {
    auto const at = in_.find(marker, std::min(from, in_.size()));
    pos_ = at == std::string_view::npos ? in_.size() : at + marker.size();
  }

  std::string_view in_;
  std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The allow-list

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool allowed_tag(std::string_view name) {
  return one_of(name, {"p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "span", "ul", "ol",
                       "li", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td"});
}

bool void_tag(std::string_view name) { return name == "br" || name == "img"; }

bool dropped_with_content(std::string_view name) {
  return one_of(name, {"script", "style", "iframe", "object", "svg", "math", "template", "noscript",
                       "textarea", "title", "xmp", "noembed", "noframes", "select", "applet"});
}

bool block_tag(std::string_view name) {
  return one_of(name, {"p", "h2", "h3", "h4", "ul", "ol", "blockquote", "table"});
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

// The URL as a browser would read the attribute's value: surrounding spaces and controls
// stripped, tabs and newlines inside removed. Allowed: http, https, mailto (links only) and
// relative links; images only http, https and our own attachments.
std::optional<std::string> clean_url(std::string_view value, bool image) {
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
  auto const delimiter = url.find_first_of(":/?#\\");
  if (delimiter != std::string::npos && url[delimiter] == ':') {
    auto const scheme = lowered(url.substr(0, delimiter));
    bool const ok = scheme == "http" || scheme == "https" || (!image && scheme == "mailto");
    return ok ? std::optional(url) : std::nullopt;
  }
  if (image && !url.starts_with("/api/v1/attachments/")) return std::nullopt;
  return url;
}

std::string const* attribute(Token const& token, std::string_view name) {
  for (auto const& a : token.attributes)
    if (a.name == name) return &a.value;
  return nullptr;
}

std::string clipped(std::string const& text) {
  if (text.size() <= max_text_attribute) return text;
  auto end = max_text_attribute;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // whole characters
  return text.substr(0, end);
}

// The start tag as it is written out, or nullopt when the element is left out (an image
// without an acceptable source).
std::optional<std::string> start_tag(Token const& token) {
  std::string out = "<" + token.name;
  auto add = [&](std::string_view name, std::string const& value) {
    out += ' ';
    out += name;
    out += "=\"";
    escape_attribute(out, value);
    out += '"';
  };
  if (token.name == "a") {
    if (auto const* href = attribute(token, "href"))
      if (auto url = clean_url(*href, false)) add("href", *url);
    if (auto const* title = attribute(token, "title")) add("title", clipped(*title));
    add("rel", "noopener");
  } else if (token.name == "img") {
    auto const* src = attribute(token, "src");
    auto url = src ? clean_url(*src, true) : std::nullopt;
    if (!url) return std::nullopt;
    add("src", *url);
    if (auto const* alt = attribute(token, "alt")) add("alt", clipped(*alt));
  } else if (token.name == "td" || token.name == "th") {
    for (auto name : {"colspan", "rowspan"}) {
      auto const* span = attribute(token, name);
      if (span && !span->empty() && span->size() <= 3 &&
          std::all_of(span->begin(), span->end(), is_digit))
        add(name, *span);
    }
  }
  return out + ">";
}

class Builder {
 public:
  void text(std::string_view raw) { escape_text(out_, raw); }

  void open(Token const& token) {
    if (open_.size() >= max_depth) return;
    close_implied(token.name);
    auto tag = start_tag(token);
    if (!tag) return;
    out_ += *tag;
    if (!void_tag(token.name)) open_.push_back(token.name);
  }

  void close(std::string_view name) {
    auto const found = std::find(open_.rbegin(), open_.rend(), name);
    if (found != open_.rend()) close_down_to(static_cast<std::size_t>(open_.rend() - found) - 1);
  }

  std::string finish() {
    close_down_to(0);
    return std::move(out_);
  }

 private:
  // Closes open_[index] and everything inside it.
  void close_down_to(std::size_t index) {
    while (open_.size() > index) {
      out_ += "</" + open_.back() + ">";
      open_.pop_back();
    }
  }

  // Closes the nearest open `target` unless one of `boundaries` is met first.
  void close_nearest(std::initializer_list<std::string_view> targets,
                     std::initializer_list<std::string_view> boundaries) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (one_of(open_[i], boundaries)) return;
      if (one_of(open_[i], targets)) return close_down_to(i);
    }
  }

  // What browsers close implicitly, so the stored HTML means what it shows.
  void close_implied(std::string_view name) {
    if (block_tag(name)) close_nearest({"p"}, {"li", "td", "th", "blockquote"});
    if (name == "li") close_nearest({"li"}, {"ul", "ol"});
    if (name == "td" || name == "th") close_nearest({"td", "th"}, {"tr", "table"});
    if (name == "tr") close_nearest({"tr"}, {"table", "thead", "tbody"});
    if (name == "thead" || name == "tbody") close_nearest({"thead", "tbody"}, {"table"});
    if (name == "a") close_nearest({"a"}, {});
  }

  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace

std::string decode_entities(std::string_view text) {
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
        auto const digit = is_digit(text[j]) ? text[j] - '0' : lower(text[j]) - 'a' + 10;
        cp = cp > 0x10FFFF ? cp : cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
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
    while (j < text.size() && j - start < 32 && (is_alpha(text[j]) || is_digit(text[j]))) ++j;
    auto const name = text.substr(start, j - start);
    auto const known = std::find_if(named_entities.begin(), named_entities.end(),
                                    [&](Named const& n) { return n.name == name; });
    if (known == named_entities.end() || name.empty()) {
      out += '&';
      continue;
    }
    text::append_utf8(out, known->cp);
    i = (j < text.size() && text[j] == ';') ? j : j - 1;
  }
  return out;
}

std::string sanitize_html(std::string_view html) {
  Tokenizer tokenizer(html);
  Builder builder;
  Token token;
  while (tokenizer.next(token)) {
    switch (token.kind) {
      case Token::text:
        builder.text(token.raw);
        break;
      case Token::start:
        if (dropped_with_content(token.name)) {
          // Only foreign elements (<svg/>) may close themselves; <script/> still has content.
          bool const empty = token.self_closing && (token.name == "svg" || token.name == "math");
          if (!empty) tokenizer.skip_content(token.name);
        } else if (allowed_tag(token.name)) {
          builder.open(token);
        }
        break;
      case Token::end:
        if (allowed_tag(token.name)) builder.close(token.name);
        break;
    }
  }
  return builder.finish();
}

std::string plain_text(std::string_view html) {
  Tokenizer tokenizer(html);
  std::string raw;
  Token token;
  while (tokenizer.next(token)) {
    if (token.kind == Token::text) {
      raw += decode_entities(token.raw);
    } else if (dropped_with_content(token.name)) {
      if (token.kind == Token::start) tokenizer.skip_content(token.name);
    } else if (one_of(token.name, {"p", "br", "h2", "h3", "h4", "li", "tr", "blockquote", "table", "ul", "ol"})) {
      raw += '\n';
    } else if (token.name == "td" || token.name == "th") {
      raw += ' ';
    }
  }
  // Collapse spaces (and no-break spaces) within lines and empty lines between them.
  std::string out;
  bool space = false, newline = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char const c = raw[i];
    bool const nbsp = c == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0';
    if (c == '\n' || c == '\r') {
      newline = true;
    } else if (is_space(c) || nbsp) {
      space = true;
      if (nbsp) ++i;
    } else {
      if (!out.empty()) {
        if (newline) out += '\n';
        else if (space) out += ' ';
      }
      space = newline = false;
      out += c;
    }
  }
  return out;
}

}  // namespace pufa::content
