// The audit log: every login and every write, appended in the write's own transaction.
// No route edits or deletes it.
#pragma once

#include <boost/json/array.hpp>
#include <string>

#include "auth/model.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace pufa::auth {

struct Principal;

void record_audit(db::Connection& conn, AuditEntry const& entry);

// An entry for this request and principal (or none), outcome success.
AuditEntry audit_entry(http::Request const& request, Principal const* principal,
                       std::string action, std::string object_type = {},
                       std::string object_id = {});

struct AuditFilter {
  std::string username;
  std::string action;  // prefix: "user." matches user.create, user.update...
  std::string outcome;
  std::optional<base::Millis> from;
  std::optional<base::Millis> to;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct AuditPage {
  boost::json::array items;
  std::int64_t total = 0;
};

AuditPage list_audit(db::Connection& conn, AuditFilter const& filter);

}  // namespace pufa::auth
