#include "content/sanitize.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "content/html_parts.hpp"

namespace pufa::content {

namespace {

using namespace html;

constexpr std::size_t max_text_attribute = 300;  // alt, title
constexpr std::size_t max_attributes = 32;       // per tag; more are read past and ignored
constexpr int max_span = 1000;                   // colspan, rowspan

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

  // After the start tag of an element dropped with its content: skips to past its end tag and
  // answers true; false (nothing skipped) when it is never closed. A failed search is
  // remembered, so many unclosed tags cost one scan, not one each.
  bool skip_content(std::string const& name) {
    if (auto found = unclosed_from_.find(name); found != unclosed_from_.end() && pos_ >= found->second) return false;
    for (auto lt = in_.find("</", pos_); lt != std::string_view::npos; lt = in_.find("</", lt + 2)) {
      auto const after = lt + 2 + name.size();
      if (after <= in_.size() && lowered(in_.substr(lt + 2, name.size())) == name &&
          (after == in_.size() || is_space(in_[after]) || in_[after] == '/' || in_[after] == '>')) {
        pos_ = lt;
        Token ignored;
        if (!markup(ignored)) pos_ = in_.size();
        return true;
      }
    }
    unclosed_from_[name] = pos_;
    return false;
  }

  // Drops the rest of the input (an unclosed <script>: a browser shows none of it either).
  void skip_rest() { pos_ = in_.size(); }

 private:
  // At '<': nullopt when it starts no markup; true with a tag; false when something was skipped.
  std::optional<bool> markup(Token& token) {
    auto const rest = in_.substr(pos_);
    if (rest.starts_with("<!--")) {
      skip_comment();
      return false;
    }
    // <![CDATA[ is only CDATA inside SVG and MathML; in HTML it is a bogus comment that ends at the
    // first '>', as it is here.
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
        attribute.value = decode(raw, Context::attribute);
      }
      bool const duplicate = token.attributes.size() < max_attributes && std::any_of(token.attributes.begin(), token.attributes.end(),
                                         [&](Attribute const& a) { return a.name == attribute.name; });
      if (!duplicate && token.attributes.size() < max_attributes) token.attributes.push_back(std::move(attribute));
    }
  }

  // "<!-->" and "<!--->" are whole comments; otherwise up to the first "-->" or "--!>", found in
  // one pass (looking for each marker from the start again made long runs of <!----> quadratic).
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
    for (auto dash = in_.find("--", body); dash != std::string_view::npos; dash = in_.find("--", dash + 1)) {
      if (in_.substr(dash + 2).starts_with(">")) {
        pos_ = dash + 3;
        return;
      }
      if (in_.substr(dash + 2).starts_with("!>")) {
        pos_ = dash + 4;
        return;
      }
    }
    pos_ = in_.size();
  }

  void skip_past(std::string_view marker, std::size_t from) {
    auto const at = in_.find(marker, std::min(from, in_.size()));
    pos_ = at == std::string_view::npos ? in_.size() : at + marker.size();
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::map<std::string, std::size_t, std::less<>> unclosed_from_;
};

// ---------------------------------------------------------------------------------------------
// The allow-list

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The element as it is written: h1 becomes h2 (the article's title is the page's h1), h5 and h6
// become h4, the deepest level articles use.
std::string_view written_as(std::string_view name) {
  if (name == "h1") return "h2";
  if (name == "h5" || name == "h6") return "h4";
  return name;
}

bool allowed_tag(std::string_view name) {
  return one_of(name, {"p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "del", "sup", "sub", "span",
                       "div", "ul", "ol", "li", "blockquote", "hr", "a", "img", "table", "caption", "thead", "tbody",
                       "tfoot", "tr", "th", "td"});
}

bool void_tag(std::string_view name) { return name == "br" || name == "img" || name == "hr"; }

bool dropped_with_content(std::string_view name) {
  return one_of(name, {"script", "style", "iframe", "object", "svg", "math", "template", "noscript",
                       "textarea", "title", "xmp", "noembed", "noframes", "select", "applet"});
}

// Never closed, a browser still shows what follows these: the tag is dropped, the rest kept.
bool shown_when_unclosed(std::string_view name) { return name == "svg" || name == "math" || name == "select"; }

bool block_tag(std::string_view name) {
  return one_of(name, {"p", "h2", "h3", "h4", "div", "ul", "ol", "blockquote", "table", "hr"});
}

bool aligned_tag(std::string_view name) {
  return one_of(name, {"p", "h2", "h3", "h4", "div", "li", "blockquote", "td", "th"});
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
// without an acceptable source, which the report names when it is another site's).
std::optional<std::string> start_tag(Token const& token, std::string_view name, SanitizeReport* report) {
  std::string out = "<" + std::string(name);
  auto add = [&](std::string_view key, std::string const& value) {
    out += ' ';
    out += key;
    out += "=\"";
    escape_attribute(out, value);
    out += '"';
  };
  if (name == "a") {
    bool external = false;
    if (auto const* href = attribute(token, "href")) {
      if (auto link = clean_link(*href)) {
        add("href", link->href);
        external = link->external;
      }
    }
    if (auto const* title = attribute(token, "title")) add("title", clipped(*title));
    add("rel", external ? "noopener noreferrer" : "noopener");
  } else if (name == "img") {
    auto const* src = attribute(token, "src");
    auto const image = src ? clean_image(*src) : ImageSource{};
    if (image.kind == ImageSource::external && report) report->external_images.push_back(image.src);
    if (image.kind != ImageSource::attachment) return std::nullopt;
    add("src", image.src);
    if (auto const* alt = attribute(token, "alt")) add("alt", clipped(*alt));
  }
  if (name == "td" || name == "th") {
    for (auto key : {"colspan", "rowspan"}) {
      auto const* span = attribute(token, key);
      if (span && !span->empty() && span->size() <= 4 && std::all_of(span->begin(), span->end(), is_digit)) {
        auto const n = std::stoi(*span);
        if (n >= 1 && n <= max_span) add(key, std::to_string(n));
      }
    }
  }
  if (aligned_tag(name)) {
    if (auto const* style = attribute(token, "style"))
      if (auto kept = clean_style(*style)) add("style", *kept);
  }
  if (one_of(name, {"p", "h2", "h3", "h4", "div", "span", "a", "table", "li"})) {
    if (auto const* id = attribute(token, "id"))
      if (auto kept = clean_id(*id)) add("id", *kept);
  }
  return out + ">";
}

class Builder {
 public:
  explicit Builder(SanitizeReport* report) : report_(report) {}

  void text(std::string_view raw) { escape_text(out_, raw); }

  void open(Token const& token) {
    auto const name = written_as(token.name);
    if (open_.size() >= max_html_depth) {
      if (report_) report_->too_deep = true;
      return;
    }
    close_implied(name);
    auto tag = start_tag(token, name, report_);
    if (!tag) return;
    out_ += *tag;
    if (!void_tag(name)) open_.emplace_back(name);
    if (report_) report_->depth = std::max(report_->depth, open_.size());
  }

  void close(std::string_view name) {
    name = written_as(name);
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
    if (block_tag(name)) close_nearest({"p"}, {"li", "td", "th", "blockquote", "div", "caption"});
    if (name == "li") close_nearest({"li"}, {"ul", "ol"});
    if (name == "td" || name == "th") close_nearest({"td", "th"}, {"tr", "table"});
    if (name == "tr") close_nearest({"tr"}, {"table", "thead", "tbody", "tfoot"});
    if (one_of(name, {"thead", "tbody", "tfoot"})) close_nearest({"thead", "tbody", "tfoot", "caption"}, {"table"});
    if (name == "caption") close_nearest({"caption"}, {"table"});
    if (name == "a") close_nearest({"a"}, {});
  }

  SanitizeReport* report_;
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace

std::string decode_entities(std::string_view text) { return decode(text, Context::text); }

std::string sanitize_html(std::string_view html, SanitizeReport* report) {
  Tokenizer tokenizer(html);
  Builder builder(report);
  Token token;
  while (tokenizer.next(token)) {
    switch (token.kind) {
      case Token::text:
        builder.text(token.raw);
        break;
      case Token::start:
        if (report) ++report->elements;
        if (dropped_with_content(token.name)) {
          // Only foreign elements (<svg/>) may close themselves; <script/> still has content.
          bool const empty = token.self_closing && (token.name == "svg" || token.name == "math");
          if (!empty && !tokenizer.skip_content(token.name) && !shown_when_unclosed(token.name)) tokenizer.skip_rest();
        } else if (allowed_tag(written_as(token.name))) {
          builder.open(token);
        }
        break;
      case Token::end:
        if (allowed_tag(written_as(token.name))) builder.close(token.name);
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
      if (token.kind == Token::start && !tokenizer.skip_content(token.name) && !shown_when_unclosed(token.name))
        tokenizer.skip_rest();
    } else if (one_of(written_as(token.name), {"p", "br", "h2", "h3", "h4", "div", "hr", "li", "tr", "blockquote",
                                               "table", "caption", "ul", "ol"})) {
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
