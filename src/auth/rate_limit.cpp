#include "auth/rate_limit.hpp"

#include <algorithm>

#include "auth/store.hpp"

namespace pufa::auth::rate_limit {

void lock(db::Connection& conn, std::string const& scope, base::Millis now) { store::lock_rate_scope(conn, scope, now); }

std::vector<base::Millis> events(db::Connection& conn, std::string const& scope, base::Millis since) {
  return store::rate_events(conn, scope, since);
}

base::Millis wait(std::vector<base::Millis> const& events, std::initializer_list<Window> windows, base::Millis now) {
  base::Millis longest = 0;
  for (auto const& window : windows) {
    std::vector<base::Millis> recent;
    for (auto at : events) {
      if (at > now - window.span) recent.push_back(at);
    }
    if (static_cast<int>(recent.size()) < window.count) continue;
    // The next event fits once the window no longer holds the count-th most recent one.
    longest = std::max(longest, recent[recent.size() - static_cast<std::size_t>(window.count)] + window.span - now);
  }
  return longest;
}

void record(db::Connection& conn, std::string const& scope, base::Millis now, base::Millis keep) {
  store::purge_rate_events(conn, scope, now - keep);
  store::add_rate_event(conn, scope, now);
}

void clear(db::Connection& conn, std::string const& scope) { store::purge_rate_events(conn, scope, INT64_MAX); }

}  // namespace pufa::auth::rate_limit
