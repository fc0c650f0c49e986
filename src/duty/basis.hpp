// 处罚依据 as penalty decisions write it, read into the articles it cites:
// "依据《中华人民共和国食品安全法》第一百二十四条第一款第（一）项、第一百二十六条之规定" →
// 中华人民共和国食品安全法 第一百二十四条, 第一百二十六条. Pure, no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "laws/numerals.hpp"

namespace pufa::duty {

struct CitedArticle {
  std::string law;  // as written, without 《》 and a trailing (2018年修正)
  laws::ArticleRef ref;
  auto operator<=>(CitedArticle const&) const = default;
};

struct Basis {
  std::vector<CitedArticle> cited;         // in the order written, each once
  std::vector<std::string> without_article;  // laws named with no article after them
};

// Laws in 《》 (nested 《》 or 〈〉 inside a title are part of it), each followed by the articles
// (第…条, 第…条之一) up to the next law;款 and 项 are read past. A text with no 《》 is read as
// "<law>第…条" when what stands before the first article ends like a law's name (法, 条例, 规定,
// 办法, 细则, 决定). Nothing cited when it names no article of any law.
Basis parse_basis(std::string_view written);

}  // namespace pufa::duty
