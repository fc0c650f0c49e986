// 三员分立 (docs/security.md): who may change whose roles. The system administrator sets the
// ordinary roles of the accounts it keeps; the privileged ones — the three administrator roles
// and every role that reads personal data — are the security administrator's, and a grant of one
// waits for a second security administrator's approval. No one changes their own roles, and an
// administrator role is held alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "db/database.hpp"

namespace pufa::auth {

// Throws ApiError (403 forbidden / 422 unprocessable, field "roles") when `caller` may not change
// account `target_id`'s roles from `before` to `after` (both sorted, unique, known).
void check_role_change(Principal const& caller, std::int64_t target_id, std::vector<std::string> const& before,
                       std::vector<std::string> const& after);
// Whether going from `before` to `after` adds a privileged role (which then needs approval).
bool grants_privileged(std::vector<std::string> const& before, std::vector<std::string> const& after);

class RoleGrants {
 public:
  explicit RoleGrants(db::Database& db) : db_(db) {}

  struct Outcome {
    User user;                           // as it is now
    std::optional<RoleRequest> request;  // set when the change waits for approval
  };
  // The security administrator sets an account's roles: applied at once, or — when it adds a
  // privileged role — kept as a pending request (409 when one is already pending).
  Outcome assign(Actor const& actor, std::int64_t user_id, std::vector<std::string> roles);

  struct Page {
    std::vector<RoleRequest> items;
    std::int64_t total = 0;
  };
  Page list(Principal const& caller, std::string const& state, std::int64_t limit, std::int64_t offset);
  // A second security administrator (not the one who asked, not the account itself) decides.
  RoleRequest approve(Actor const& actor, std::int64_t request_id);
  RoleRequest reject(Actor const& actor, std::int64_t request_id, std::string const& reason);
  // Pending requests the caller may decide (the to-do centre).
  std::int64_t to_approve(Principal const& caller);

 private:
  RoleRequest load(db::Connection& conn, Principal const& caller, std::int64_t request_id);
  db::Database& db_;
};

// Sorted and without repeats.
std::vector<std::string> unique_roles(std::vector<std::string> roles);

}  // namespace pufa::auth
