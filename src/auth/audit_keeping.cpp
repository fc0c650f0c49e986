// Keeping the audit log: retention that leaves the chain verifiable, and exports.
#include <string>

#include "auth/audit.hpp"
#include "http/error.hpp"

namespace pufa::auth {

using http::ApiError;
using http::AppError;

std::string prune_marker(std::int64_t seq, std::string const& mac) {
  return "chain base seq " + std::to_string(seq) + " mac " + mac;
}

PruneResult prune_audit(db::Database& db, Actor const& actor, base::Millis before) {
  before = std::min(before, base::now_ms() - min_audit_retention_days * base::day_ms);
  return db.write([&](db::Connection& conn) {
    PruneResult result;
    // The chain's head row first: writers wait for the pruning as they wait for each other.
    conn.exec("UPDATE audit_chain SET seq = seq WHERE id = 1");
    // MAX over the index on `at` reads only the rows to remove (ordering by seq from the newest
    // would walk every row kept, at every start).
    auto const last_seq = conn.scalar("SELECT MAX(seq) AS n FROM audit_log WHERE at < ?", {before});
    auto const unchained = conn.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE seq IS NULL AND at < ?", {before});
    if (!last_seq && unchained.value_or(0) == 0) return result;
    if (last_seq) {
      auto const seq = *last_seq;
      auto const mac = conn.query("SELECT mac FROM audit_log WHERE seq = ?", {seq}).row(0).str("mac");
      result.rows += conn.exec("DELETE FROM audit_log WHERE seq IS NOT NULL AND seq <= ?", {seq});
      conn.exec("UPDATE audit_chain SET base_seq = ?, base_mac = ? WHERE id = 1", {seq, mac});
      result.through_seq = seq;
    }
    // Rows from before the chain (no seq) go by their date alone.
    result.rows += conn.exec("DELETE FROM audit_log WHERE seq IS NULL AND at < ?", {before});
    auto const base = conn.query("SELECT base_seq, base_mac FROM audit_chain WHERE id = 1");
    audit(conn, actor, "audit.prune", "audit_log", {},
          std::to_string(result.rows) + " rows written before " + base::shanghai_date(before) + " removed; " +
              prune_marker(base.row(0).i64("base_seq"), base.row(0).str("base_mac")));
    return result;
  });
}

std::vector<AuditRecord> export_audit(db::Database& db, Actor const& actor, AuditFilter filter) {
  filter.limit = max_audit_export_rows + 1;
  filter.offset = 0;
  auto page = db.read([&](db::Connection& conn) { return list_audit(conn, filter); });
  if (page.total > max_audit_export_rows) {
    throw ApiError(AppError::unprocessable, "所选范围内有 " + std::to_string(page.total) + " 条日志，超过一次导出的上限 " +
                                                std::to_string(max_audit_export_rows) + " 条，请缩小时间范围");
  }
  std::string range = (filter.from ? base::iso8601(*filter.from) : std::string("…")) + " – " +
                      (filter.to ? base::iso8601(*filter.to) : std::string("…"));
  db.write([&](db::Connection& conn) {
    audit(conn, actor, "audit.export", "audit_log", {}, std::to_string(page.total) + " rows, " + range);
  });
  std::vector<AuditRecord> rows(std::make_move_iterator(page.items.rbegin()), std::make_move_iterator(page.items.rend()));
  return rows;
}

}  // namespace pufa::auth
