// The full-text index of one node, in memory: the postings (sorted document slots) of every word
// and CJK bigram of the documents in search_documents, which stay the source of truth. Before each
// search the index reads the database's search generation (one row) and, when it moved, applies
// what changed (documents with a higher id; ids listed in search_removed), so several `pufa serve`
// on one database answer alike. See docs/search.md ("Index") for why it is not FTS5 or a GIN index.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "search/rank.hpp"
#include "search/store.hpp"

namespace pufa::search {

struct Filter {
  std::string kind;         // "" or law/article/case
  std::int64_t law_id = 0;  // 0: any
  std::string from, to;     // YYYY-MM-DD or ""
};

// What a query asks of the index: AND over groups, OR over a group's alternatives. An alternative
// matches its word token, or all of its bigrams, or all of its parts.
struct Alternative {
  std::string word;
  std::vector<std::string> bigrams;  // empty: the word token only
  std::vector<std::string> parts;    // (夫妻 共同 财产) empty: none
};
using Expression = std::vector<std::vector<Alternative>>;

class Index {
  struct Data;

 public:
  Index();
  ~Index();
  Index(Index const&) = delete;
  Index& operator=(Index const&) = delete;

  // The index held for one search (a shared lock: changes wait until it is dropped).
  class Reader {
   public:
    std::int64_t documents() const;
    std::vector<store::LawName> const& laws() const;
    std::vector<store::LawName> const& normalized_laws() const;  // names normalized
    // Documents matching the alternative (its word or its bigrams), counted up to `cap`; cached
    // until the index changes.
    std::int64_t frequency(Alternative const& alternative, std::int64_t cap) const;
    // Up to `limit` slots matching `expression` and `filter`, in document id order.
    std::vector<std::uint32_t> matching(Expression const& expression, Filter const& filter,
                                        std::size_t limit) const;
    Candidate const& candidate(std::uint32_t slot) const;
    // For each of `slots` (ascending), whether its document holds the alternative's word token or
    // all its bigrams: false means the body does not contain it (for a CJK word).
    std::vector<bool> holds(Alternative const& alternative,
                            std::vector<std::uint32_t> const& slots) const;

   private:
    friend class Index;
    Reader(std::shared_lock<std::shared_mutex> lock, Data const& data)
        : lock_(std::move(lock)), data_(&data) {}
    std::shared_lock<std::shared_mutex> lock_;
    Data const* data_;
  };

  // Brings the index up to the database's generation (one small query when nothing changed; the
  // first call loads every document), then holds it for a search.
  Reader read(db::Connection& conn);

 private:
  void refresh(db::Connection& conn, std::int64_t generation);
  std::shared_lock<std::shared_mutex> shared();
  std::unique_lock<std::shared_mutex> exclusive();

  std::mutex refreshing_;      // one refresh at a time
  std::mutex gate_;            // taken on the way to mutex_, either way
  std::shared_mutex mutex_;    // searches share it; applying changes takes it alone
  std::unique_ptr<Data> data_;
  std::atomic<std::int64_t> last_check_{0};       // steady clock ticks of the last generation read
  std::atomic<std::uint64_t> checked_local_{0};   // store::local_writes() at that read
};

}  // namespace pufa::search
