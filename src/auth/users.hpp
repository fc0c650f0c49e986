// User administration (admin) and the JSON shape of a user.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "auth/service.hpp"
#include "auth/store.hpp"
#include "db/database.hpp"

namespace pufa::auth {

struct UserInput {
  std::string username;
  std::string display_name;
  std::string password;  // create only
  std::vector<std::string> roles;
  std::optional<std::int64_t> region_id;
  std::optional<std::string> phone;
  bool phone_given = true;  // update: false leaves the stored phone as it is
  std::optional<std::int64_t> unit_id;
  bool unit_given = true;   // update: false leaves the stored unit as it is
  // Create: whether the first sign-in must change the initial password (the default; an
  // administrator may turn it off for an account whose owner chose the password).
  bool must_change_password = true;
};

// Role codes as a JSON array (a user's roles, a role request's before and after).
boost::json::array role_codes_json(std::vector<std::string> const& roles);
// Phones are masked unless `reveal` (the caller holds pii.read and asked; audited by caller).
boost::json::object user_json(User const& user, bool reveal = false);

// Validation shared by the API and the CLI; throws ApiError(validation_failed) naming the field.
void check_username(std::string const& username);
void check_display_name(std::string const& display_name);
void check_roles(std::vector<std::string> const& roles);
void check_phone(std::optional<std::string> const& phone);
// The password rule (password_problem), with the account's user name, as a 400 naming `field`.
void check_password(std::string const& password, std::string_view field, std::string_view username = {});

// Where a unit sits (its region path), or nothing when there is no such unit: the organisation
// area answers, wired in by the application (auth knows no area's table).
using UnitLookup = std::function<std::optional<std::string>(db::Connection&, std::int64_t unit_id)>;

class UserAdmin {
 public:
  UserAdmin(db::Database& db, AuthSettings settings) : db_(db), settings_(settings) {}
  void set_unit_lookup(UnitLookup lookup) { unit_lookup_ = std::move(lookup); }

  struct Page {
    std::vector<User> items;
    std::int64_t total = 0;
  };
  Page list(Principal const& caller, store::UserFilter filter, std::optional<std::int64_t> region_id);
  User get(Actor const& actor, std::int64_t id, bool reveal);
  User create(Actor const& actor, UserInput input);
  User update(Actor const& actor, std::int64_t id, UserInput input);
  User set_disabled(Actor const& actor, std::int64_t id, bool disabled);
  // Forgets the account's failed logins (the lockout ends now); audited as user.unlock.
  User unlock(Actor const& actor, std::int64_t id);
  void reset_password(Actor const& actor, std::int64_t id, std::string const& password);

 private:
  // The user, if it exists and lies in the caller's subtree.
  User load(db::Connection& conn, Principal const& caller, std::int64_t id);
  Region region_in_scope(db::Connection& conn, Principal const& caller, std::int64_t region_id);
  // Fills locked_until from the login throttle, and password_expired.
  void add_lockouts(db::Connection& conn, std::vector<User>& users);
  // 400 unless the unit exists and lies in the user's region (a liaison answers for a unit of
  // their own scope).
  void check_unit(db::Connection& conn, User const& user) const;
  UnitLookup unit_lookup_;
  db::Database& db_;
  AuthSettings settings_;
};

}  // namespace pufa::auth
