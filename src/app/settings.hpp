// Settings of `pufa`: flags win over PUFA_* environment variables, which win over
// pufa.toml, which wins over the defaults below.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/service.hpp"
#include "legality/service.hpp"

namespace pufa::app {

struct Settings {
  std::string db = "sqlite:var/pufa.db";
  std::string listen = "127.0.0.1:8080";
  std::string web;  // the built SPA; "" serves the API only
  std::string uploads;  // photos; "" → beside the SQLite file, or var/uploads
  int threads = 2;  // I/O threads
  // Handler threads, also the database pool size. A save waits for its commit on its thread, so
  // the threads bound how many saves share one fsync: 8 gave 4 saves per fsync in an exam
  // autosave burst, 32 gave 18 (docs/benchmarks.md).
  int workers = 32;
  bool access_log = true;
  // Where one-time codes go without an SMS gateway: a file standing in for it (demo, tests).
  // "" → no sender: quiz codes are refused. Codes are never written to the log.
  std::string sms_outbox;
  // Where 催办 reminders go without a message channel: a file standing in for it (demo, tests); "" → recorded, not sent.
  std::string reminder_outbox;
  // Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is read
  // for the client's address; empty: the socket's peer is the client (docs/operations.md).
  std::vector<std::string> trusted_proxies;
  // The address residents use ("https://pufa.example.gov.cn"): links and QR codes on documents.
  // Required when listening beyond loopback (a Host header is the client's to choose).
  std::string public_url;
  bool cookie_secure_set = false;
  // The audit chain's HMAC key (docs/security.md): a file of 32+ random bytes, created 0600 on
  // first use; "" → audit.key beside the SQLite file, or var/audit.key. Every node of one
  // database needs the same file; keep it out of the database's backups' reach.
  std::string audit_key_file;
  std::string field_key_file;
  int audit_retention_days = 184;
  legality::ReviewDays legality_review_days;  // 合法性审核's working days per kind
  bool four_eyes_publishing = false;  // an article is published by someone other than its author  // ≥ auth::min_audit_retention_days  // the keys sealing 身份证号 and phones (app/keys.hpp)  // cookie_secure given explicitly (else: on beyond loopback)
  auth::AuthSettings auth;
};

// Keys as in pufa.toml; the environment variable is PUFA_ + the key upper-cased
// (db → PUFA_DB, session_idle_minutes → PUFA_SESSION_IDLE_MINUTES).
inline constexpr char const* setting_keys[] = {
    "db", "listen", "web", "uploads", "threads", "workers", "access_log", "session_idle_minutes",
    "session_absolute_hours", "lockout_threshold", "lockout_minutes", "cookie_secure", "sms_outbox", "reminder_outbox", "trusted_proxies", "login_address_failures", "password_max_age_days", "public_url", "audit_key_file", "field_key_file", "audit_retention_days", "four_eyes_publishing", "legality_review_days"};

// `flags` holds the keys given on the command line. `config` is the pufa.toml path
// ("" → ./pufa.toml when present). Throws std::runtime_error naming a bad key or value.
Settings load_settings(std::map<std::string, std::string> const& flags, std::string const& config);

struct ListenAddress {
  std::string host;
  std::uint16_t port;
};
ListenAddress parse_listen(std::string const& listen);

// Where uploaded files go: the setting, else an "uploads" folder beside the SQLite file,
// else var/uploads.
std::string uploads_dir(Settings const& settings);
// Where the audit chain's key is: the setting, else beside the SQLite file, else var/audit.key.
std::string audit_key_path(Settings const& settings);
// field_key_file, else field.key beside the SQLite file, else var/field.key.
std::string field_key_path(Settings const& settings);

}  // namespace pufa::app
