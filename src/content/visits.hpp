// The visit counter of public article pages, kept off the hot path: a view adds one to a map
// in memory; a background thread writes the accumulated counts to content_articles.visits in
// one transaction every few seconds (a few UPDATE statements of up to 32 articles each), and
// once more when the counter is destroyed (server shutdown). Counts are per process: several
// processes each add their own share to the same column.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

#include "db/database.hpp"

namespace pufa::content {

class VisitCounter {
 public:
  // interval 0: no background thread (tests call flush() themselves).
  VisitCounter(db::Database& db, std::chrono::milliseconds interval);
  ~VisitCounter();  // stops the thread, then flushes what is left
  VisitCounter(VisitCounter const&) = delete;
  VisitCounter& operator=(VisitCounter const&) = delete;

  // Counts one view; returns the views of `id` not yet in the database (this one included).
  std::int64_t add(std::int64_t id);
  // Views of `id` not yet in the database.
  std::int64_t unflushed(std::int64_t id) const;
  // Held while reading a stored count and adding the unflushed ones to it, so that a flush
  // committing in between cannot make a view count twice or not at all.
  std::shared_lock<std::shared_mutex> consistent_view() const { return std::shared_lock(commit_mutex_); }
  // Writes the pending counts; returns how many articles it updated. On a database error the
  // counts are put back for the next try.
  std::size_t flush();

 private:
  void run(std::chrono::milliseconds interval);

  db::Database& db_;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::int64_t> pending_;
  std::unordered_map<std::int64_t, std::int64_t> in_flight_;  // taken by a flush not yet committed
  std::mutex flush_mutex_;  // one flush at a time
  mutable std::shared_mutex commit_mutex_;  // exclusive while a flush commits and forgets its counts
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace pufa::content
