// The search area's SQL: the only place search_documents, search_laws, search_state and
// search_removed are touched. The documents are the source of truth; the full-text index is
// built from them in memory by each node (search/index.hpp).
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

// `words`: the body's distinct words (exact-word matches in the ranking).
void upsert(db::Connection& conn, Document const& document, std::string const& words);
void remove(db::Connection& conn, std::string_view kind, std::int64_t ref_id);
void remove_law(db::Connection& conn, std::int64_t law_id);
std::int64_t count_law(db::Connection& conn, std::int64_t law_id);

// Grows by one with every upsert and removal (committed ones are what a reader sees).
std::int64_t generation(db::Connection& conn);
// Upserts and removals started by this process (committed or not): a node that wrote to the
// index checks the generation on its next search without waiting for its usual interval.
std::uint64_t local_writes();
std::int64_t documents(db::Connection& conn);
// Up to `limit` documents with an id above `after_id`, by id (what an in-memory index loads).
std::vector<Candidate> documents_after(db::Connection& conn, std::int64_t after_id,
                                       std::int64_t limit);
// The ids of documents removed (or replaced) after `generation`.
std::vector<std::int64_t> removed_since(db::Connection& conn, std::int64_t generation);

struct LawName {
  std::int64_t law_id = 0;
  std::string title, short_title;
};
std::vector<LawName> laws(db::Connection& conn);

}  // namespace pufa::search::store
