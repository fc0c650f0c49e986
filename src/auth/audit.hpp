// The audit log: every login and every write, appended in the write's own transaction.
// No route edits or deletes it.
#pragma once

#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/database.hpp"
#include "auth/principal.hpp"

namespace pufa::auth {

void record_audit(db::Connection& conn, AuditEntry const& entry);

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

}  // namespace pufa::auth
