#include "auth/principal_cache.hpp"

#include <algorithm>
#include <atomic>

namespace pufa::auth {

namespace {
std::atomic<std::uint64_t> changes{0};
}

void forget_principals() { changes.fetch_add(1, std::memory_order_acq_rel); }

std::uint64_t PrincipalCache::generation() { return changes.load(std::memory_order_acquire); }

PrincipalPtr PrincipalCache::find(std::string const& token_hash, base::Millis now) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(token_hash);
  if (found == entries_.end()) return nullptr;
  auto const& entry = found->second;
  if (now >= entry.fresh_until || entry.generation != generation()) {
    entries_.erase(found);
    return nullptr;
  }
  return entry.principal;
}

void PrincipalCache::put(std::string const& token_hash, PrincipalPtr principal,
                         std::uint64_t read_at, base::Millis now, base::Millis session_expires_at) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries) entries_.clear();  // a flood of sessions: start again
  entries_[token_hash] = {std::move(principal), std::min(now + ttl, session_expires_at), read_at};
}

}  // namespace pufa::auth
