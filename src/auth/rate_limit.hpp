// Sliding-window rate limits kept in the database, so that every node counts the same events:
// the login throttle (failures per user name) and the quiz's one-time codes (per phone, per
// address) share it. A caller works inside its own write transaction: lock the scope, read its
// recent events, decide, record.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "db/database.hpp"

namespace pufa::auth::rate_limit {

// At most `count` events in any `span`.
struct Window {
  int count = 0;
  base::Millis span = 0;
};

// Serialises concurrent callers of one scope until the transaction ends (a row lock on
// PostgreSQL; SQLite's single writer does it already).
void lock(db::Connection& conn, std::string const& scope, base::Millis now);
// The scope's events after `since`, oldest first.
std::vector<base::Millis> events(db::Connection& conn, std::string const& scope, base::Millis since);
// How long until one more event fits every window (0: it fits now).
base::Millis wait(std::vector<base::Millis> const& events, std::initializer_list<Window> windows, base::Millis now);
// Records an event, and forgets the scope's events older than `keep`.
void record(db::Connection& conn, std::string const& scope, base::Millis now, base::Millis keep);
void clear(db::Connection& conn, std::string const& scope);

}  // namespace pufa::auth::rate_limit
