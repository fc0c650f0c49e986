#include "auth/audit.hpp"

#include <boost/json/object.hpp>

#include "auth/principal.hpp"

namespace pufa::auth {

void record_audit(db::Connection& conn, AuditEntry const& entry) {
  conn.exec("INSERT INTO audit_log (at, user_id, username, ip, action, object_type, object_id,"
            " outcome, detail, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {base::now_ms(), entry.user_id, entry.username, entry.ip, entry.action,
             entry.object_type, entry.object_id, entry.success ? "success" : "failure",
             entry.detail.substr(0, 500), entry.request_id});
}

AuditEntry audit_entry(http::Request const& request, Principal const* principal,
                       std::string action, std::string object_type, std::string object_id) {
  AuditEntry entry;
  if (principal) {
    entry.user_id = principal->user_id;
    entry.username = principal->username;
  }
  entry.ip = request.remote_ip;
  entry.action = std::move(action);
  entry.object_type = std::move(object_type);
  entry.object_id = std::move(object_id);
  entry.request_id = request.request_id;
  return entry;
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
  page.total = conn.scalar(std::string("SELECT COUNT(*) FROM audit_log") + audit_where,
                           {filter.username, filter.username, filter.action, action_like,
                            filter.outcome, filter.outcome, from, to})
                   .value_or(0);
  auto rows = conn.query(
      std::string("SELECT id, at, user_id, username, ip, action, object_type, object_id, outcome,"
                  " detail, request_id FROM audit_log") +
          audit_where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
      {filter.username, filter.username, filter.action, action_like, filter.outcome,
       filter.outcome, from, to, filter.limit, filter.offset});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    boost::json::object item;
    item["id"] = row.i64(0);
    item["at"] = base::iso8601(row.i64(1));
    if (auto user_id = row.opt_i64(2)) item["user_id"] = *user_id;
    else item["user_id"] = nullptr;
    item["username"] = row.str(3);
    item["ip"] = row.str(4);
    item["action"] = row.str(5);
    item["object_type"] = row.str(6);
    item["object_id"] = row.str(7);
    item["outcome"] = row.str(8);
    item["detail"] = row.str(9);
    item["request_id"] = row.str(10);
    page.items.push_back(std::move(item));
  }
  return page;
}

}  // namespace pufa::auth
