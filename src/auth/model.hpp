// Plain records of the auth area.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"

namespace pufa::auth {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::int64_t region_id = 0;
  std::string region_name;
  std::string region_path;
  std::optional<std::string> phone;
  // The unit the user answers for (a department's liaison); none: the region scope alone.
  std::optional<std::int64_t> unit_id;
  bool disabled = false;
  bool must_change_password = false;
  base::Millis password_changed_at = 0;
  // Older than the password_max_age_days setting (AuthService fills it in): changed first, as
  // an initial password is.
  bool password_expired = false;
  bool large_font = false;
  std::string locale = "zh-CN";
  base::Millis created_at = 0;
  base::Millis updated_at = 0;
  std::optional<base::Millis> last_login_at;
  std::optional<base::Millis> locked_until;  // from the login throttle, when in the future
  std::vector<std::string> roles;
};

struct Region {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string code;
  std::string name;
  int level = 0;
  std::string path;  // "/1/5/23/": ancestors then self
};

struct SessionRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  base::Millis created_at = 0;
  base::Millis last_seen_at = 0;
  base::Millis expires_at = 0;
  bool revoked = false;
};

// A change of an account's roles that grants a privileged role (docs/security.md, 三员分立):
// proposed by one security administrator, applied only when a second one approves.
struct RoleRequest {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;       // the account whose roles change
  std::string display_name;
  std::string region_path;
  std::vector<std::string> roles;           // the role set asked for
  std::vector<std::string> previous_roles;  // the account's roles when it was asked
  std::int64_t requested_by = 0;
  std::string requested_by_name;
  base::Millis requested_at = 0;
  std::string state;  // pending | approved | rejected
  std::optional<std::int64_t> decided_by;
  std::string decided_by_name;
  std::optional<base::Millis> decided_at;
  std::string reason;  // why it was rejected
};

struct AuditEntry {
  std::optional<std::int64_t> user_id;
  std::string username;
  std::string ip;
  std::string action;  // "auth.login", "user.create", ...
  std::string object_type;
  std::string object_id;
  bool success = true;
  std::string detail;
  std::string request_id;
};

}  // namespace pufa::auth
