// What other areas read of the law library: a law by its name, an article of its latest
// version, and the article a citation names ("民法典 第一千零七十七条"). The library's tables are
// touched only by laws/store.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "laws/numerals.hpp"

namespace pufa::laws::library {

struct Law {
  std::int64_t id = 0;
  std::string title, short_title, category;
};

struct Article {
  Law law;
  ArticleRef ref;
  std::string label;  // 第一千零七十七条
  std::vector<std::string> paragraphs;
  std::string text() const;  // the paragraphs, one per line
  std::string url() const;   // /laws/{law_id}/articles/1077 (17之一 for 第十七条之一), as the portal addresses it
};

// "民法典" from " 《民法典》 ".
std::string law_key(std::string_view written);
// By id (all digits), else by full or short title (《》 and spaces around it ignored).
std::optional<Law> law(db::Connection& conn, std::string_view written);
// The article of the law's latest version; nullopt when the library has no such law or article (yet).
std::optional<Article> article(db::Connection& conn, std::string_view law, ArticleRef ref);
// The article a text names: the law's name, then the article ("民法典 第一千零七十七条",
// "《民法典》第1077条"); nullopt when the text names none the library holds.
std::optional<Article> cited(db::Connection& conn, std::string_view text);
std::string article_url(std::int64_t law_id, ArticleRef ref);

// The laws the library holds a version of dated in `year` (新颁法律法规 of the year: passed, or
// amended when an earlier version is held), by date.
struct Issued {
  Law law;
  std::string version_date;
  bool amended = false;
};
std::vector<Issued> issued_in(db::Connection& conn, int year);

}  // namespace pufa::laws::library
