// The search area's SQL: the only place search_documents, search_laws and the full-text
// structures (SQLite FTS5 search_fts; PostgreSQL tsvector column + GIN) are touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "search/rank.hpp"
#include "search/search.hpp"

namespace pufa::search::store {

// `words`: the body's distinct words; `tokens`: everything the full-text index matches on.
void upsert(db::Connection& conn, Document const& document, std::string const& words,
            std::string const& tokens);
void remove(db::Connection& conn, std::string_view kind, std::int64_t ref_id);
void remove_law(db::Connection& conn, std::int64_t law_id);
std::int64_t count_law(db::Connection& conn, std::int64_t law_id);

// A boolean match expression: AND over groups, OR over a group's alternatives, and each
// alternative is a word token or (for longer CJK words) all of its bigrams.
struct Alternative {
  std::string word;
  std::vector<std::string> bigrams;  // empty: match the word token only
  std::vector<std::string> parts;    // or all of these words (夫妻 共同 财产)
};
using Expression = std::vector<std::vector<Alternative>>;

struct Filter {
  std::string kind;
  std::int64_t law_id = 0;
  std::string from, to;  // YYYY-MM-DD or ""
};

std::int64_t generation(db::Connection& conn);  // changes whenever a document is (re)indexed
std::int64_t documents(db::Connection& conn);
// Documents matching `expression`, counted up to `cap`.
std::int64_t count_matching(db::Connection& conn, Expression const& expression, std::int64_t cap);
std::vector<std::int64_t> matching_ids(db::Connection& conn, Expression const& expression,
                                       Filter const& filter, std::int64_t limit);
std::vector<Candidate> load(db::Connection& conn, std::vector<std::int64_t> const& ids);

struct LawName {
  std::int64_t law_id = 0;
  std::string title, short_title;
};
std::vector<LawName> laws(db::Connection& conn);

}  // namespace pufa::search::store
