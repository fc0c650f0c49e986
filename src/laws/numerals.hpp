// Chinese numerals (一 … 九千九百九十九) and article references ("第一千零七十七条", "第1077条",
// "1077", "第十七条之一", "17之一"). Pure functions, no I/O.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace pufa::laws {

// Largest number written by to_chinese and read by parse_chinese (no 万 in article numbers).
inline constexpr int max_numeral = 9999;

// 一千零七十七 → 1077, 十 → 10, 二十 → 20, 一百二十 → 120; 〇 is read as 零.
// nullopt for anything else (empty, ASCII digits, 万, misplaced units, over max_numeral).
std::optional<int> parse_chinese(std::string_view text);

// 1077 → 一千零七十七 (the spelling the statutes use: 十 not 一十 at the start, 一百一十).
// Precondition: 1 <= n <= max_numeral.
std::string to_chinese(int n);

// An article's place: number 17, suffix 1 for 第十七条之一; suffix 0 for a plain article.
struct ArticleRef {
  int number = 0;
  int suffix = 0;
  auto operator<=>(ArticleRef const&) const = default;
};

// Reads "第1077条", "第一千零七十七条", "1077", "一千零七十七", "第十七条之一", "17之一",
// "第17条之1"; surrounding ASCII spaces are ignored. nullopt when it is none of these.
std::optional<ArticleRef> parse_article_ref(std::string_view text);

// The label as the statutes write it: 第一千零七十七条, 第十七条之一.
std::string article_label(ArticleRef ref);

}  // namespace pufa::laws
