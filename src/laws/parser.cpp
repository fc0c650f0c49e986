#include "laws/parser.hpp"

#include "base/time.hpp"

#include <algorithm>
#include <cstdio>

namespace pufa::laws {

namespace {

constexpr std::string_view info_end = "<!-- INFO END -->";
constexpr std::string_view ideographic_space = "\u3000";

std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  while (text.starts_with(ideographic_space)) text.remove_prefix(ideographic_space.size());
  return text;
}

// Bytes of the space at `at` (ASCII, NBSP, U+2000–U+200B such as the EN SPACE some headings
// use, ideographic U+3000), or 0.
std::size_t space_at(std::string_view text, std::size_t at) {
  auto const rest = text.substr(at);
  if (rest.starts_with(' ') || rest.starts_with('\t')) return 1;
  if (rest.starts_with("\u00a0")) return 2;
  if (rest.starts_with("\u3000")) return 3;
  if (rest.size() >= 3 && rest.starts_with("\xe2\x80") &&
      static_cast<unsigned char>(rest[2]) <= 0x8b)
    return 3;
  return 0;
}

// "第一章  一般规定" → "第一章 一般规定".
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t at = 0; at < text.size();) {
    if (auto const width = space_at(text, at)) {
      space = true;
      at += width;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += text[at++];
  }
  return out;
}

std::string heading_kind(std::string_view title) {
  if (title == "序言") return "序言";
  if (!title.starts_with("第")) return "其他";
  auto const word = title.substr(0, title.find(' '));
  for (std::string_view kind : {"分编", "编", "章", "节"}) {
    if (word.ends_with(kind)) return std::string(kind);
  }
  return "其他";
}

bool is_numeral_char(std::string_view ch) {
  static constexpr std::string_view chars = "一二三四五六七八九十百千零〇";
  for (std::size_t i = 0; i < chars.size(); i += 3) {
    if (chars.substr(i, 3) == ch) return true;
  }
  return false;
}

// "第十七条之一 text": the label and the text, when the paragraph opens an article.
struct Opening {
  std::string_view label;
  std::string_view rest;
};

std::optional<Opening> article_opening(std::string_view line) {
  if (!line.starts_with("第")) return std::nullopt;
  auto const space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  auto const label = line.substr(0, space);
  // Only numerals between 第 and 条 (and after 之): "第一条规定的…" prose is not an article.
  std::string_view body = label.substr(3);
  auto const tiao = body.find("条");
  if (tiao == std::string_view::npos || tiao == 0) return std::nullopt;
  std::string_view after = body.substr(tiao + 3);
  body = body.substr(0, tiao);
  if (!after.empty() && !after.starts_with("之")) return std::nullopt;
  if (!after.empty()) after.remove_prefix(3);
  for (auto part : {body, after}) {
    if (part.size() % 3 != 0) return std::nullopt;
    for (std::size_t i = 0; i < part.size(); i += 3) {
      if (!is_numeral_char(part.substr(i, 3))) return std::nullopt;
    }
  }
  return Opening{label, line.substr(space + 1)};
}

std::string join(std::vector<std::string> const& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

// "2020年5月28日 …" → "2020-05-28", else "".
std::string history_date(std::string_view line) {
  int year = 0, month = 0, day = 0;
  int used = 0;
  std::string const head(line.substr(0, 40));
  if (std::sscanf(head.c_str(), "%4d年%2d月%2d日%n", &year, &month, &day, &used) != 3) return {};
  if (month < 1 || day < 1) return {};
  return base::date_text(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    if (at_ > text_.size()) return false;
    auto const end = std::min(text_.find('\n', at_), text_.size());
    line = text_.substr(at_, end - at_);
    if (line.ends_with('\r')) line.remove_suffix(1);
    at_ = end + 1;
    ++number_;
    return true;
  }
  int number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  int number_ = 0;
};

}  // namespace

std::string Article::text() const { return join(paragraphs, "\n"); }

std::vector<std::string> Law::path(int node) const {
  std::vector<std::string> out;
  for (int at = node; at >= 0; at = nodes[static_cast<std::size_t>(at)].parent) {
    out.push_back(nodes[static_cast<std::size_t>(at)].title);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::variant<Law, ParseError> parse_law(std::string_view text) {
  Reader reader(text);
  std::string_view line;
  Law law;
  if (!reader.next(line) || !line.starts_with("# ") || trim(line.substr(2)).empty()) {
    return ParseError{1, "第一行应为标题（# 法律名称）"};
  }
  law.title = collapse_spaces(trim(line.substr(2)));
  bool info_ended = false;
  while (reader.next(line)) {
    line = trim(line);
    if (line == info_end) {
      info_ended = true;
      break;
    }
    if (line.empty()) continue;
    if (line.starts_with("# ") && law.part.empty() && law.history.empty()) {
      law.part = collapse_spaces(trim(line.substr(2)));
      continue;
    }
    if (line.starts_with("#")) return ParseError{reader.number(), "标题出现在 INFO END 之前"};
    law.history.emplace_back(line);
  }
  if (!info_ended) return ParseError{reader.number(), "缺少 <!-- INFO END -->"};

  std::vector<int> stack;   // open headings, outermost first
  bool in_article = false;  // a paragraph without a label continues the last article
  while (reader.next(line)) {
    line = trim(line);
    if (line.empty() || (line.starts_with("<!--") && line.ends_with("-->"))) continue;
    if (line.starts_with("#")) {
      auto const hashes = line.find_first_not_of('#');
      if (hashes == std::string_view::npos) continue;  // a bare "##" (民法典 附则) heads nothing
      if (hashes < 2 || line[hashes] != ' ') {
        return ParseError{reader.number(), "正文标题应以 ## 开始"};
      }
      auto const title = collapse_spaces(trim(line.substr(hashes)));
      if (title.empty()) return ParseError{reader.number(), "标题为空"};
      int const depth = static_cast<int>(hashes) - 1;
      while (!stack.empty() && law.nodes[static_cast<std::size_t>(stack.back())].depth >= depth)
        stack.pop_back();
      law.nodes.push_back(
          {heading_kind(title), title, depth, stack.empty() ? -1 : stack.back(), {}});
      stack.push_back(static_cast<int>(law.nodes.size()) - 1);
      in_article = false;
      continue;
    }
    if (auto opening = article_opening(line)) {
      auto ref = parse_article_ref(opening->label);
      if (!ref) return ParseError{reader.number(), "条号无法识别：" + std::string(opening->label)};
      Article article{*ref, std::string(opening->label), stack.empty() ? -1 : stack.back(), {}};
      article.paragraphs.emplace_back(trim(opening->rest));
      law.articles.push_back(std::move(article));
      in_article = true;
      continue;
    }
    if (in_article)
      law.articles.back().paragraphs.emplace_back(line);
    else if (!stack.empty())
      law.nodes[static_cast<std::size_t>(stack.back())].paragraphs.emplace_back(line);
    else
      law.preamble.emplace_back(line);
  }
  // Depths are relative: renumber so the highest heading present is 1.
  int shallowest = 0;
  for (auto const& node : law.nodes)
    shallowest = shallowest == 0 ? node.depth : std::min(shallowest, node.depth);
  for (auto& node : law.nodes) node.depth -= shallowest - 1;
  return law;
}

std::string latest_history_date(std::vector<std::string> const& history) {
  std::string latest, latest_any;
  for (auto const& line : history) {
    auto const date = history_date(line);
    if (date.empty()) continue;
    latest_any = std::max(latest_any, date);
    auto const event = trim(std::string_view(line).substr(
        line.find(' ') == std::string::npos ? line.size() : line.find(' ')));
    if (event != "施行") latest = std::max(latest, date);
  }
  return latest.empty() ? latest_any : latest;
}

std::string date_in_file_name(std::string_view name) {
  auto const open = name.rfind('(');
  auto const close = name.rfind(')');
  if (open == std::string_view::npos || close != open + 11) return {};
  auto const date = name.substr(open + 1, 10);
  for (std::size_t i = 0; i < date.size(); ++i) {
    bool const dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return {};
  }
  return std::string(date);
}

Law merge_parts(std::vector<Law> parts) {
  auto first_number = [](Law const& law) {
    return law.articles.empty() ? ArticleRef{max_numeral + 1, 0} : law.articles.front().ref;
  };
  std::stable_sort(parts.begin(), parts.end(),
                   [&](Law const& a, Law const& b) { return first_number(a) < first_number(b); });
  Law out;
  out.title = parts.front().title;
  out.category = parts.front().category;
  out.version_date = parts.front().version_date;
  out.history = parts.front().history;
  int ordinal = 0;
  for (auto& part : parts) {
    ++ordinal;
    std::string name = part.part;
    std::string kind = "其他";
    if (name != "附则") {
      if (name.ends_with("编")) name.resize(name.size() - std::string_view("编").size());
      name = "第" + to_chinese(ordinal) + "编 " + name;
      kind = "编";
    }
    int const top = static_cast<int>(out.nodes.size());
    out.nodes.push_back({kind, name, 1, -1, std::move(part.preamble)});
    int const offset = top + 1;
    for (auto& node : part.nodes) {
      node.depth += 1;
      node.parent = node.parent < 0 ? top : node.parent + offset;
      out.nodes.push_back(std::move(node));
    }
    for (auto& article : part.articles) {
      article.node = article.node < 0 ? top : article.node + offset;
      out.articles.push_back(std::move(article));
    }
  }
  return out;
}

}  // namespace pufa::laws
