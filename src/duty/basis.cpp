#include "duty/basis.hpp"

#include <algorithm>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace pufa::duty {

namespace {

using Text = std::vector<char32_t>;

constexpr char32_t open_title = U'《', close_title = U'》';

bool numeral(char32_t c) {
  return (c >= U'0' && c <= U'9') || std::u32string_view(U"〇零一二三四五六七八九十百千").find(c) != std::u32string_view::npos;
}

std::string utf8(Text const& text, std::size_t from, std::size_t to) {
  std::string out;
  for (auto i = from; i < to; ++i) text::append_utf8(out, text[i]);
  return out;
}

bool blank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\n' || c == U'\r'; }

// The title without spaces around it and a trailing edition note: "产品质量法(2018年修正)".
std::string law_name(Text const& text, std::size_t from, std::size_t to) {
  while (from < to && blank(text[from])) ++from;
  while (to > from && blank(text[to - 1])) --to;
  if (to > from && text[to - 1] == U')') {
    auto const open = std::find(text.begin() + static_cast<std::ptrdiff_t>(from), text.begin() + static_cast<std::ptrdiff_t>(to), U'(');
    auto const note = utf8(text, static_cast<std::size_t>(open - text.begin()), to);
    if (open != text.begin() + static_cast<std::ptrdiff_t>(to) &&
        (note.find("修正") != std::string::npos || note.find("修订") != std::string::npos ||
         note.find("年") != std::string::npos)) {
      to = static_cast<std::size_t>(open - text.begin());
    }
  }
  return utf8(text, from, to);
}

// Every 第…条 (and 之…) in [from, to), in order.
std::vector<laws::ArticleRef> articles_in(Text const& text, std::size_t from, std::size_t to) {
  std::vector<laws::ArticleRef> out;
  for (auto i = from; i < to; ++i) {
    if (text[i] != U'第') continue;
    auto k = i + 1;
    while (k < to && numeral(text[k])) ++k;
    if (k == i + 1 || k >= to || text[k] != U'条') continue;
    auto end = k + 1;
    if (end + 1 < to && text[end] == U'之' && numeral(text[end + 1])) {
      ++end;
      while (end < to && numeral(text[end])) ++end;
    }
    if (auto ref = laws::parse_article_ref(utf8(text, i, end))) out.push_back(*ref);
    i = end - 1;
  }
  return out;
}

// Where the title opened at `at` closes (nested 《》 count), or npos.
std::size_t title_end(Text const& text, std::size_t at) {
  int depth = 0;
  for (auto i = at; i < text.size(); ++i) {
    if (text[i] == open_title) ++depth;
    if (text[i] == close_title && --depth == 0) return i;
  }
  return std::string::npos;
}

void add(Basis& basis, std::string const& law, std::vector<laws::ArticleRef> const& refs) {
  if (law.empty()) return;
  if (refs.empty()) {
    if (std::find(basis.without_article.begin(), basis.without_article.end(), law) == basis.without_article.end())
      basis.without_article.push_back(law);
    return;
  }
  for (auto ref : refs) {
    CitedArticle cited{law, ref};
    if (std::find(basis.cited.begin(), basis.cited.end(), cited) == basis.cited.end()) basis.cited.push_back(cited);
  }
}

// "依据中华人民共和国食品安全法第一百二十四条": the law is what stands before the first article.
void read_unbracketed(Text const& text, Basis& basis) {
  auto const refs = articles_in(text, 0, text.size());
  if (refs.empty()) return;
  std::size_t first = 0;
  while (first < text.size() && !(text[first] == U'第' && first + 1 < text.size() && numeral(text[first + 1]))) ++first;
  std::size_t start = first;
  while (start > 0 && !blank(text[start - 1]) &&
         std::u32string_view(U",，、;；:：。.").find(text[start - 1]) == std::u32string_view::npos) {
    --start;
  }
  auto law = law_name(text, start, first);
  for (std::string_view lead : {"依据", "根据", "依照", "按照", "违反了", "违反"}) {
    if (law.starts_with(lead)) {
      law.erase(0, lead.size());
      break;
    }
  }
  for (std::string_view end : {"法", "条例", "规定", "办法", "细则", "决定"}) {
    if (law.size() > end.size() && law.ends_with(end)) {
      add(basis, law, refs);
      return;
    }
  }
}

}  // namespace

Basis parse_basis(std::string_view written) {
  auto const text = text::code_points(text::nfkc(written));
  Basis basis;
  auto const first = std::find(text.begin(), text.end(), open_title);
  if (first == text.end()) {
    read_unbracketed(text, basis);
    return basis;
  }
  auto at = static_cast<std::size_t>(first - text.begin());
  while (at < text.size()) {
    auto const close = title_end(text, at);
    if (close == std::string::npos) break;
    auto const law = law_name(text, at + 1, close);
    auto next = close + 1;
    while (next < text.size() && text[next] != open_title) ++next;
    add(basis, law, articles_in(text, close + 1, next));
    at = next;
  }
  return basis;
}

}  // namespace pufa::duty
