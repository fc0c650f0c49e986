// Signed-in callers by session-token hash, kept for a second so that a burst of requests (an
// exam's autosaves) does not read the session and the user on every request.
//
// Any change to a user or a session made through this process (logout, password, roles,
// disable, reset) calls forget_principals(), so it takes effect here at once; another node sees
// it within `ttl` (sessions live in the database, DESIGN.md "Scale-out").
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/principal.hpp"
#include "base/time.hpp"

namespace pufa::auth {

void forget_principals();

class PrincipalCache {
 public:
  static constexpr base::Millis ttl = 1000;
  static constexpr std::size_t max_entries = 200'000;

  // Read before the database: a change committed after it makes the entry stale at once.
  static std::uint64_t generation();
  PrincipalPtr find(std::string const& token_hash, base::Millis now);
  void put(std::string const& token_hash, PrincipalPtr principal, std::uint64_t generation,
           base::Millis now, base::Millis session_expires_at);

 private:
  struct Entry {
    PrincipalPtr principal;
    base::Millis fresh_until = 0;
    std::uint64_t generation = 0;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace pufa::auth
