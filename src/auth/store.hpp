// The auth area's SQL: the only place its tables are touched.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/database.hpp"

namespace pufa::auth::store {

// Users
std::optional<User> user_by_name(db::Connection& conn, std::string const& username,
                                 base::Millis now);
std::optional<User> user_by_id(db::Connection& conn, std::int64_t id, base::Millis now);
std::int64_t insert_user(db::Connection& conn, User const& user, base::Millis now);
void update_user(db::Connection& conn, User const& user, base::Millis now);
void set_roles(db::Connection& conn, std::int64_t user_id, std::vector<std::string> const& roles);
void set_password(db::Connection& conn, std::int64_t user_id, std::string const& hash,
                  bool must_change, base::Millis now);
void set_disabled(db::Connection& conn, std::int64_t user_id, bool disabled, base::Millis now);
void set_preferences(db::Connection& conn, std::int64_t user_id, bool large_font,
                     std::string const& locale, base::Millis now);
void touch_login(db::Connection& conn, std::int64_t user_id, base::Millis now);

struct UserFilter {
  std::string q;
  std::string role;
  std::string region_path;  // subtree
  std::string sort = "-created_at";
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};
std::vector<User> list_users(db::Connection& conn, UserFilter const& filter, base::Millis now);
std::int64_t count_users(db::Connection& conn, UserFilter const& filter);

// Regions (the minimal tree; the org area adds to it)
std::optional<Region> region_by_id(db::Connection& conn, std::int64_t id);
std::optional<Region> region_by_code(db::Connection& conn, std::string const& code);
std::optional<Region> root_region(db::Connection& conn);
std::vector<Region> regions_under(db::Connection& conn, std::string const& path);
std::int64_t insert_region(db::Connection& conn, std::optional<std::int64_t> parent_id,
                           std::string const& code, std::string const& name, int level,
                           base::Millis now);
void rename_region(db::Connection& conn, std::int64_t id, std::string const& code,
                   std::string const& name);

// Login throttle, kept per username whether the user exists or not.
std::optional<base::Millis> locked_until(db::Connection& conn, std::string const& username,
                                         base::Millis now);
// Counts a failure; locks when the count reaches `threshold`. Returns true when it locked.
bool record_failure(db::Connection& conn, std::string const& username, int threshold,
                    base::Millis lock_until, base::Millis now);
void clear_failures(db::Connection& conn, std::string const& username);

// Sessions (the token is stored only as its SHA-256)
void insert_session(db::Connection& conn, std::string const& token_hash, std::string const& csrf,
                    std::int64_t user_id, std::string const& ip, std::string const& user_agent,
                    base::Millis now, base::Millis expires_at);
std::optional<SessionRow> session_by_hash(db::Connection& conn, std::string const& token_hash);
void touch_session(db::Connection& conn, std::int64_t session_id, base::Millis now);
void revoke_session(db::Connection& conn, std::int64_t session_id);
void revoke_user_sessions(db::Connection& conn, std::int64_t user_id,
                          std::optional<std::int64_t> except_session);

}  // namespace pufa::auth::store
