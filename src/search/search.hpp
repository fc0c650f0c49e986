// Chinese full-text search over laws (article level), published articles and cases.
// Areas hand their documents to this index inside their own write transaction; the
// segmentation (ICU words + legal-term dictionary + bigrams) and the ranking live here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"

namespace pufa::search {

// One searchable unit. (kind, ref_id) is its identity: re-indexing replaces it.
struct Document {
  std::string kind;        // "law" (one article of a law), "article", "case"
  std::int64_t ref_id = 0; // law_articles.id, or the content article's id
  std::int64_t law_id = 0; // laws.id for kind "law"; 0 otherwise
  std::string title;       // law title, or the article's title
  std::string heading;     // 第一千零七十七条 / the column name
  std::string body;        // plain text (no HTML)
  std::string date;        // YYYY-MM-DD: the law version's date or the publication date
  std::string url;         // where the portal shows it: /laws/{law}/articles/{number}, /articles/{id}
};

void upsert(db::Connection& conn, Document const& document);
void remove(db::Connection& conn, std::string_view kind, std::int64_t ref_id);

// GET /api/v1/search (open to everyone; see docs/search.md).
void add_routes(http::Router& router, db::Database& db);
std::vector<db::Migration> migrations();

}  // namespace pufa::search
