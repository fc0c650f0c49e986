// The auth area's SQL: the only place its tables (regions, users, user_roles, sessions,
// rate_scopes, rate_events, role_requests, audit_log) are touched. Private to auth: other areas read through
// auth/regions.hpp and auth/directory.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/database.hpp"

namespace pufa::auth::store {

// Users
std::optional<User> user_by_name(db::Connection& conn, std::string const& username);
std::optional<User> user_by_id(db::Connection& conn, std::int64_t id);
// Seals phones written in clear or under an older field key (the upgrade's migration and
// `pufa keys rotate`); returns how many.
std::int64_t reseal_phones(db::Connection& conn);
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
std::vector<User> list_users(db::Connection& conn, UserFilter const& filter);
std::int64_t count_users(db::Connection& conn, UserFilter const& filter);

// Members of a subtree in id order, a page at a time (`after_id` is the last id seen), with
// their roles: for areas that go through many users without holding them all.
std::vector<User> users_after(db::Connection& conn, std::string const& region_path, std::int64_t after_id,
                              std::int64_t limit);
std::vector<User> users_by_ids(db::Connection& conn, std::vector<std::int64_t> const& ids);

// Role requests (the second approval of privileged roles)
std::int64_t insert_role_request(db::Connection& conn, RoleRequest const& request);
std::optional<RoleRequest> role_request_by_id(db::Connection& conn, std::int64_t id);
std::optional<RoleRequest> pending_role_request_of(db::Connection& conn, std::int64_t user_id);
// Newest first; `state` empty for all; only accounts under `region_path`.
std::vector<RoleRequest> list_role_requests(db::Connection& conn, std::string const& state,
                                            std::string const& region_path, std::int64_t limit, std::int64_t offset);
std::int64_t count_role_requests(db::Connection& conn, std::string const& state, std::string const& region_path);
// Pending requests that someone other than `user_id` asked for (what that user may approve).
std::int64_t count_role_requests_to_approve(db::Connection& conn, std::int64_t user_id, std::string const& region_path);
void decide_role_request(db::Connection& conn, std::int64_t id, std::string const& state, std::int64_t by,
                         base::Millis at, std::string const& reason);

// Regions
std::optional<Region> region_by_id(db::Connection& conn, std::int64_t id);
std::optional<Region> region_by_code(db::Connection& conn, std::string const& code);
std::optional<Region> root_region(db::Connection& conn);
std::vector<Region> regions_under(db::Connection& conn, std::string const& path);
std::vector<Region> regions_at_level(db::Connection& conn, std::string const& path, int level);
std::int64_t count_regions_at_level(db::Connection& conn, std::string const& path, int level);
std::map<std::int64_t, std::string> region_full_names(db::Connection& conn, std::vector<std::int64_t> const& ids);
std::vector<std::int64_t> regions_named(db::Connection& conn, std::string const& path, std::string const& text);
std::int64_t insert_region(db::Connection& conn, std::optional<std::int64_t> parent_id,
                           std::string const& code, std::string const& name, int level,
                           base::Millis now);
void rename_region(db::Connection& conn, std::int64_t id, std::string const& code,
                   std::string const& name);

// Rate limits (auth/rate_limit.hpp)
void lock_rate_scope(db::Connection& conn, std::string const& scope, base::Millis now);
std::vector<base::Millis> rate_events(db::Connection& conn, std::string const& scope, base::Millis since);
void add_rate_event(db::Connection& conn, std::string const& scope, base::Millis at);
void purge_rate_events(db::Connection& conn, std::string const& scope, base::Millis before);
// Events of many scopes at once (the user list's lockouts).
std::map<std::string, std::vector<base::Millis>> rate_events_of(db::Connection& conn,
                                                                std::vector<std::string> const& scopes,
                                                                base::Millis since);

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
