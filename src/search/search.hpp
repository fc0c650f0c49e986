// Chinese full-text search over laws (article level), published articles and cases.
// Areas hand their documents to this index inside their own write transaction; the
// segmentation (ICU words + legal-term dictionary + bigrams) and the ranking live here.
#pragma once

#include <cstdint>
#include <memory>
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
  std::string section;     // where it sits: "第五编 婚姻家庭 第四章 离婚" (boosted like the heading)
  std::string body;        // plain text (no HTML)
  std::string date;        // YYYY-MM-DD: the law version's date or the publication date
  std::string url;         // where the portal shows it: /laws/{law}/articles/{number}, /articles/{id}
};

void upsert(db::Connection& conn, Document const& document);
void remove(db::Connection& conn, std::string_view kind, std::int64_t ref_id);
// Every article of one law (before its latest version is indexed again).
void remove_law(db::Connection& conn, std::int64_t law_id);
// How many articles of the law search holds.
std::int64_t count_law(db::Connection& conn, std::int64_t law_id);

struct Query {
  std::string q;     // 1..100 characters
  std::string kind;  // "", law, article, case
  std::string law;   // "", a law id, title or short title
  std::string from, to;  // "" or YYYY-MM-DD
  std::int64_t page = 1, size = 10;
};
struct Hit {
  Document document;
  std::string snippet;  // HTML
  double score = 0;
};
struct Results {
  std::vector<Hit> items;
  std::int64_t total = 0;
  std::vector<std::string> terms;
};
class Index;  // per database and node: the in-memory full-text index (search/index.hpp)
std::shared_ptr<Index> make_index();
// Validates (throws http::ApiError validation_failed naming the field), retrieves and ranks.
Results run(db::Connection& conn, Index& index, Query const& query);

// GET /api/v1/search (open to everyone; see docs/search.md).
void add_routes(http::Router& router, db::Database& db);
std::vector<db::Migration> migrations();

}  // namespace pufa::search
