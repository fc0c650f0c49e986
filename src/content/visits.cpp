#include "content/visits.hpp"

#include "content/store.hpp"

#include <spdlog/spdlog.h>

#include <string>
#include <vector>

namespace pufa::content {

VisitCounter::VisitCounter(db::Database& db, std::chrono::milliseconds interval) : db_(db) {
  if (interval.count() > 0) thread_ = std::thread([this, interval] { run(interval); });
}

VisitCounter::~VisitCounter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  try {
    flush();
  } catch (std::exception const& error) {
    spdlog::warn("visit counts lost at shutdown: {}", error.what());
  }
}

std::int64_t VisitCounter::add(std::int64_t id) {
  std::lock_guard lock(mutex_);
  auto const in_flight = in_flight_.find(id);
  return ++pending_[id] + (in_flight == in_flight_.end() ? 0 : in_flight->second);
}

std::int64_t VisitCounter::unflushed(std::int64_t id) const {
  std::lock_guard lock(mutex_);
  std::int64_t total = 0;
  if (auto found = pending_.find(id); found != pending_.end()) total += found->second;
  if (auto found = in_flight_.find(id); found != in_flight_.end()) total += found->second;
  return total;
}

std::size_t VisitCounter::flush() {
  std::lock_guard one_at_a_time(flush_mutex_);
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  {
    std::lock_guard lock(mutex_);
    if (pending_.empty()) return 0;
    in_flight_.swap(pending_);
    counts.assign(in_flight_.begin(), in_flight_.end());
  }
  std::unique_lock committing(commit_mutex_);
  try {
    db_.write([&](db::Connection& conn) { store::add_visits(conn, counts); });
  } catch (...) {
    std::lock_guard lock(mutex_);
    for (auto const& [id, count] : in_flight_) pending_[id] += count;
    in_flight_.clear();
    throw;
  }
  std::lock_guard lock(mutex_);
  in_flight_.clear();
  return counts.size();
}

void VisitCounter::run(std::chrono::milliseconds interval) {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, interval, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    try {
      flush();
    } catch (std::exception const& error) {
      spdlog::warn("could not write visit counts (kept for the next try): {}", error.what());
    }
    lock.lock();
  }
}

}  // namespace pufa::content
