// Settings of `pufa`: flags win over PUFA_* environment variables, which win over
// pufa.toml, which wins over the defaults below.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/service.hpp"

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
  auth::AuthSettings auth;
};

// Keys as in pufa.toml; the environment variable is PUFA_ + the key upper-cased
// (db → PUFA_DB, session_idle_minutes → PUFA_SESSION_IDLE_MINUTES).
inline constexpr char const* setting_keys[] = {
    "db", "listen", "web", "uploads", "threads", "workers", "access_log", "session_idle_minutes",
    "session_absolute_hours", "lockout_threshold", "lockout_minutes", "cookie_secure"};

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

}  // namespace pufa::app
