#include "auth/audit.hpp"

#include "auth/principal.hpp"
#include "text/utf8.hpp"

namespace pufa::auth {

void record_audit(db::Connection& conn, AuditEntry const& entry) {
  conn.exec("INSERT INTO audit_log (at, user_id, username, ip, action, object_type, object_id,"
            " outcome, detail, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {base::now_ms(), entry.user_id, entry.username, entry.ip, entry.action,
             entry.object_type, entry.object_id, entry.success ? "success" : "failure",
             std::string(text::prefix_bytes(entry.detail, 500)), entry.request_id});
}

AuditEntry audit_entry(Actor const& actor, std::string action, std::string object_type, std::string object_id,
                       std::string detail) {
  AuditEntry entry;
  if (actor.principal) {
    entry.user_id = actor.principal->user_id;
    entry.username = actor.principal->username;
  }
  entry.ip = actor.ip;
  entry.action = std::move(action);
  entry.object_type = std::move(object_type);
  entry.object_id = std::move(object_id);
  entry.detail = std::move(detail);
  entry.request_id = actor.request_id;
  return entry;
}

void audit(db::Connection& conn, Actor const& actor, std::string action, std::string object_type,
           std::string object_id, std::string detail) {
  record_audit(conn, audit_entry(actor, std::move(action), std::move(object_type), std::move(object_id),
                                 std::move(detail)));
}

namespace {

constexpr char const* audit_where =
    " WHERE (CAST(? AS TEXT) = '' OR username = CAST(? AS TEXT))"
    " AND (CAST(? AS TEXT) = '' OR action LIKE CAST(? AS TEXT))"
    " AND (CAST(? AS TEXT) = '' OR outcome = CAST(? AS TEXT))"
    " AND at >= ? AND at <= ?";

}  // namespace

AuditPage list_audit(db::Connection& conn, AuditFilter const& filter) {
  std::string const action_like = filter.action + "%";
  auto const from = filter.from.value_or(0);
  auto const to = filter.to.value_or(INT64_MAX);
  AuditPage page;
  page.total = conn.scalar(std::string("SELECT COUNT(*) AS n FROM audit_log") + audit_where,
                           {filter.username, filter.username, filter.action, action_like,
                            filter.outcome, filter.outcome, from, to})
                   .value_or(0);
  auto rows = conn.query(
      std::string("SELECT id, at, user_id, username, ip, action, object_type, object_id, outcome,"
                  " detail, request_id FROM audit_log") +
          audit_where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
      {filter.username, filter.username, filter.action, action_like, filter.outcome,
       filter.outcome, from, to, filter.limit, filter.offset});
  for (auto row : rows) {
    AuditRecord record;
    record.id = row.i64("id");
    record.at = row.i64("at");
    record.entry.user_id = row.opt_i64("user_id");
    record.entry.username = row.str("username");
    record.entry.ip = row.str("ip");
    record.entry.action = row.str("action");
    record.entry.object_type = row.str("object_type");
    record.entry.object_id = row.str("object_id");
    record.entry.success = row.str("outcome") == "success";
    record.entry.detail = row.str("detail");
    record.entry.request_id = row.str("request_id");
    page.items.push_back(std::move(record));
  }
  return page;
}

}  // namespace pufa::auth
