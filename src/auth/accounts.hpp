// Accounts for loaders and the command line, which own their transaction and have no signed-in
// user (the demo, `pufa user add|passwd|lock|unlock`): each change is audited as the given actor.
// Callers validate first (check_username, check_password …) and hash passwords before the
// transaction opens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"

namespace pufa::auth::accounts {

struct NewAccount {
  std::string username;  // normalised
  std::string display_name;
  std::string password_hash;
  std::int64_t region_id = 0;
  std::vector<std::string> roles;
  bool must_change_password = false;
  std::optional<std::int64_t> unit_id;  // a unit's liaison (checked by the caller)
};

std::int64_t add(db::Connection& conn, Actor const& actor, NewAccount const& account);
std::optional<std::int64_t> id_of(db::Connection& conn, std::string const& username);
// A new password; the user's sessions end and the login throttle forgets them.
void set_password(db::Connection& conn, Actor const& actor, std::int64_t id, std::string const& hash);
// Disabling ends the user's sessions; enabling also forgets failed logins.
void set_disabled(db::Connection& conn, Actor const& actor, std::int64_t id, bool disabled);

}  // namespace pufa::auth::accounts
