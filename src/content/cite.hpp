// Cases cite articles of laws ("民法典" 第一千零七十七条); the law library resolves them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/model.hpp"
#include "db/database.hpp"
#include "laws/store.hpp"

namespace pufa::content {

struct ResolvedCitation {
  laws::store::LawRow law;
  laws::store::ArticleRow article;
  std::string text;  // the article's paragraphs, one per line
};

// The law by full or short title (《》 and spaces around it ignored), its latest version's
// article. nullopt when the library has no such law or article (yet).
std::optional<ResolvedCitation> resolve(db::Connection& conn, Citation const& citation);

// "民法典" from " 《民法典》 ".
std::string law_key(std::string_view written);

// /laws/{law_id}/articles/1077 (17之一 for 第十七条之一), as the portal addresses articles.
std::string law_article_url(std::int64_t law_id, laws::ArticleRef ref);

}  // namespace pufa::content
