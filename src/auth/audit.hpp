// The audit log: every login and every write, appended in the write's own transaction.
// No route edits or deletes it, and each row carries an HMAC-SHA256 (key from the audit_key_file
// setting) over its fields and the previous row's MAC, in one sequence (audit_chain), so a
// changed, deleted or inserted row breaks the chain: `pufa audit verify` finds the first one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "base/time.hpp"
#include "db/database.hpp"
#include "auth/principal.hpp"

namespace pufa::auth {

void record_audit(db::Connection& conn, AuditEntry const& entry);

// The chain's key (32 bytes or more), set once at start from the settings; rows written
// without one (a process that was never given a key) carry the MAC of an empty key.
void set_audit_key(std::string key);
// Reads the key file, creating it (32 random bytes, mode 0600) when it does not exist.
std::string load_or_create_audit_key(std::string const& path);

struct ChainCheck {
  std::int64_t rows = 0;                     // chained rows checked
  std::optional<std::int64_t> broken_id;     // the first row whose MAC or place is wrong
  std::optional<std::int64_t> broken_seq;
  std::string problem;                       // in words, for the command line
};
// Walks the chain from its first row: each row's MAC, its link to the row before, no gap in
// the sequence and no row missing at the end.
ChainCheck verify_audit_chain(db::Connection& conn);
// How an audit.prune row names the chain's new base.
std::string prune_marker(std::int64_t seq, std::string const& mac);

// An entry for this actor, outcome success.
AuditEntry audit_entry(Actor const& actor, std::string action, std::string object_type = {},
                       std::string object_id = {}, std::string detail = {});
// Records an entry for this actor (a use case's last step inside its transaction).
void audit(db::Connection& conn, Actor const& actor, std::string action, std::string object_type = {},
           std::string object_id = {}, std::string detail = {});

struct AuditFilter {
  std::string username;
  std::string action;  // prefix: "user." matches user.create, user.update...
  std::string outcome;
  std::optional<base::Millis> from;
  std::optional<base::Millis> to;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct AuditRecord {
  std::int64_t id = 0;
  base::Millis at = 0;
  AuditEntry entry;
};

struct AuditPage {
  std::vector<AuditRecord> items;
  std::int64_t total = 0;
};

AuditPage list_audit(db::Connection& conn, AuditFilter const& filter);

// Retention (docs/security.md): rows are kept at least this long (等保 asks for six months).
inline constexpr int min_audit_retention_days = 184;
struct PruneResult {
  std::int64_t rows = 0;                     // rows removed
  std::optional<std::int64_t> through_seq;   // the last chained row removed
};
// Removes the rows written before `before` and moves the chain's base past them: the row after
// them links to the base's MAC, and an audit.prune row (itself chained) names the base, so a
// base moved by hand is found by verify_audit_chain. Nothing younger than
// min_audit_retention_days is removed whatever `before` says.
PruneResult prune_audit(db::Database& db, Actor const& actor, base::Millis before);

// The rows a filter selects, oldest first, for an export (audit.export, audited); throws
// ApiError(unprocessable) past `max_rows` so that the caller narrows the period.
inline constexpr std::int64_t max_audit_export_rows = 100'000;
std::vector<AuditRecord> export_audit(db::Database& db, Actor const& actor, AuditFilter filter);

}  // namespace pufa::auth
