#include "auth/audit.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "auth/principal.hpp"
#include "text/utf8.hpp"

namespace pufa::auth {

namespace {

std::string& audit_key() {
  static std::string key;
  return key;
}

// What a row's MAC covers, unambiguously: each field length-prefixed.
std::string mac_input(std::int64_t seq, std::string const& prev, base::Millis at, std::optional<std::int64_t> user_id,
                      std::string const& username, std::string const& ip, std::string const& action,
                      std::string const& object_type, std::string const& object_id, std::string const& outcome,
                      std::string const& detail, std::string const& request_id) {
  std::string out;
  auto add = [&](std::string const& field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
  };
  add(std::to_string(seq));
  add(prev);
  add(std::to_string(at));
  add(user_id ? std::to_string(*user_id) : std::string("-"));
  for (auto const* field : {&username, &ip, &action, &object_type, &object_id, &outcome, &detail, &request_id}) add(*field);
  return out;
}

std::string hmac_hex(std::string const& key, std::string const& message) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<unsigned char const*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<unsigned char const*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : mac) {
    hex += digits[byte >> 4];
    hex += digits[byte & 15];
  }
  return hex;
}

}  // namespace

void set_audit_key(std::string key) { audit_key() = std::move(key); }

std::string load_or_create_audit_key(std::string const& path) {
  std::filesystem::path const file(path);
  if (!std::filesystem::exists(file)) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    std::string key(32, '\0');
    randombytes_buf(key.data(), key.size());
    int const fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      bool const ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
      ::close(fd);
      if (!ok) throw std::runtime_error("cannot write the audit key " + path);
    }
    // else another process created it first: read theirs
  }
  std::ifstream in(file, std::ios::binary);
  std::string key{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (key.size() < 32) throw std::runtime_error("the audit key " + path + " is shorter than 32 bytes");
  return key;
}

void record_audit(db::Connection& conn, AuditEntry const& entry) {
  auto const at = base::now_ms();
  std::string const outcome = entry.success ? "success" : "failure";
  std::string const detail(text::prefix_bytes(entry.detail, 500));
  // The chain's head row serialises writers (a row lock on PostgreSQL; SQLite's one writer).
  conn.exec("UPDATE audit_chain SET seq = seq + 1 WHERE id = 1");
  auto const head = conn.query("SELECT seq, head FROM audit_chain WHERE id = 1");
  auto const seq = head.row(0).i64("seq");
  auto const prev = head.row(0).str("head");
  auto const mac = hmac_hex(audit_key(), mac_input(seq, prev, at, entry.user_id, entry.username, entry.ip, entry.action,
                                                   entry.object_type, entry.object_id, outcome, detail, entry.request_id));
  conn.exec("INSERT INTO audit_log (at, user_id, username, ip, action, object_type, object_id,"
            " outcome, detail, request_id, seq, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {at, entry.user_id, entry.username, entry.ip, entry.action, entry.object_type, entry.object_id, outcome,
             detail, entry.request_id, seq, prev, mac});
  conn.exec("UPDATE audit_chain SET head = ? WHERE id = 1", {mac});
}

ChainCheck verify_audit_chain(db::Connection& conn) {
  ChainCheck out;
  auto const head = conn.query("SELECT seq, head, base_seq, base_mac FROM audit_chain WHERE id = 1");
  auto const last_seq = head.empty() ? 0 : head.row(0).i64("seq");
  auto const last_mac = head.empty() ? std::string() : head.row(0).str("head");
  // Rows before the base were removed by retention (prune_audit): the chain starts after it,
  // and an audit.prune row must vouch for the base.
  auto const base_seq = head.empty() ? 0 : head.row(0).i64("base_seq");
  auto const base_mac = head.empty() ? std::string() : head.row(0).str("base_mac");
  std::int64_t after = base_seq;
  std::optional<std::int64_t> expected_seq;
  std::string expected_prev;
  bool first = true;
  if (base_seq > 0) {
    expected_seq = base_seq + 1;
    expected_prev = base_mac;
    first = false;
    auto const vouched = conn.scalar("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'audit.prune' AND detail LIKE ?",
                                     {"%" + prune_marker(base_seq, base_mac) + "%"});
    if (vouched.value_or(0) == 0) {
      out.broken_seq = base_seq;
      out.problem = "the chain's base was moved to " + std::to_string(base_seq) + " without an audit.prune row";
      return out;
    }
  }
  constexpr std::int64_t page = 5000;
  for (;;) {
    auto rows = conn.query(
        "SELECT id, at, user_id, username, ip, action, object_type, object_id, outcome, detail, request_id, seq,"
        " prev_mac, mac FROM audit_log WHERE seq IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?",
        {after, page});
    if (rows.empty()) break;
    for (auto row : rows) {
      auto const id = row.i64("id");
      auto const seq = row.i64("seq");
      auto const prev = row.opt_str("prev_mac").value_or("");
      auto const mac = row.opt_str("mac").value_or("");
      auto fail = [&](std::string problem) {
        out.broken_id = id;
        out.broken_seq = seq;
        out.problem = std::move(problem);
      };
      if (!first && seq != *expected_seq) {
        fail("sequence gap: row(s) " + std::to_string(*expected_seq) + " to " + std::to_string(seq - 1) + " are missing");
        return out;
      }
      if (!first && prev != expected_prev) {
        fail("does not link to the row before it");
        return out;
      }
      auto const computed = hmac_hex(audit_key(), mac_input(seq, prev, row.i64("at"), row.opt_i64("user_id"),
                                                            row.str("username"), row.str("ip"), row.str("action"),
                                                            row.str("object_type"), row.str("object_id"),
                                                            row.str("outcome"), row.str("detail"), row.str("request_id")));
      if (computed.size() != mac.size() || sodium_memcmp(computed.data(), mac.data(), computed.size()) != 0) {
        fail("its content does not match its MAC (changed after it was written, or another key)");
        return out;
      }
      first = false;
      expected_seq = seq + 1;
      expected_prev = mac;
      after = seq;
      ++out.rows;
    }
  }
  if (after != last_seq || (after > base_seq && expected_prev != last_mac)) {
    out.broken_seq = after + 1;
    out.problem = "the chain's head is at " + std::to_string(last_seq) + " but the last row is " + std::to_string(after) +
                  ": rows at the end are missing";
  }
  return out;
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
