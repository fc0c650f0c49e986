// User administration (admin) and the JSON shape of a user.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "auth/store.hpp"
#include "db/database.hpp"
#include "http/request.hpp"

namespace pufa::auth {

struct UserInput {
  std::string username;
  std::string display_name;
  std::string password;  // create only
  std::vector<std::string> roles;
  std::optional<std::int64_t> region_id;
  std::optional<std::string> phone;
  bool phone_given = true;  // update: false leaves the stored phone as it is
};

// Phones are masked unless `reveal` (the caller holds pii.read and asked; audited by caller).
boost::json::object user_json(User const& user, bool reveal = false);

// Validation shared by the API and the CLI; throws ApiError(validation_failed) naming the field.
void check_username(std::string const& username);
void check_display_name(std::string const& display_name);
void check_roles(std::vector<std::string> const& roles);
void check_phone(std::optional<std::string> const& phone);
void check_password(std::string const& password, std::string_view field);

class UserAdmin {
 public:
  explicit UserAdmin(db::Database& db) : db_(db) {}

  struct Page {
    std::vector<User> items;
    std::int64_t total = 0;
  };
  Page list(Principal const& caller, store::UserFilter filter,
            std::optional<std::int64_t> region_id);
  User get(Principal const& caller, std::int64_t id, bool reveal, http::Request const& request);
  User create(Principal const& caller, UserInput input, http::Request const& request);
  User update(Principal const& caller, std::int64_t id, UserInput input,
              http::Request const& request);
  User set_disabled(Principal const& caller, std::int64_t id, bool disabled,
                    http::Request const& request);
  void reset_password(Principal const& caller, std::int64_t id, std::string const& password,
                      http::Request const& request);

 private:
  // The user, if it exists and lies in the caller's subtree.
  User load(db::Connection& conn, Principal const& caller, std::int64_t id);
  Region region_in_scope(db::Connection& conn, Principal const& caller, std::int64_t region_id);
  db::Database& db_;
};

}  // namespace pufa::auth
