// Who is calling: the signed-in user as the guard found them, attached to the request.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"
#include "http/request.hpp"

namespace pufa::auth {

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::vector<std::string> permissions;  // sorted
  std::int64_t region_id = 0;
  std::string region_path;  // scope: this node and everything under it
  // A unit's liaison answers for that unit only (its tasks, its self-assessment); none: every
  // unit in the region scope.
  std::optional<std::int64_t> unit_id;
  std::int64_t session_id = 0;
  std::string csrf_token;
  // An initial or reset password: until it is changed only the account's own routes answer.
  bool must_change_password = false;
  // When the password becomes too old to use (password_max_age_days); none: it does not expire.
  std::optional<base::Millis> password_expires_at;

  bool has(std::string_view permission) const;
  // True when a record placed at `path` lies in this user's subtree.
  bool covers(std::string_view path) const { return path.starts_with(region_path); }
};

using PrincipalPtr = std::shared_ptr<Principal const>;

// The caller; throws ApiError(unauthenticated) on an open route without a session.
Principal const& principal(http::Request const& request);
Principal const* principal_if(http::Request const& request);

// Who acts in a use case, and what its audit row records of them: the signed-in user (none for
// the public and for the command line), the client's address and the request id. Routes make
// one from the request; the CLI and tests make one without HTTP, so use cases never see a request.
struct Actor {
  Principal const* principal = nullptr;
  std::string ip;
  std::string request_id;
  std::string user_agent;

  // The signed-in user; throws ApiError(unauthenticated) for an anonymous actor.
  Principal const& user() const;
};

Actor actor(http::Request const& request);
// The command line or a loader: no user, "cli" as the address.
Actor system_actor(std::string request_id = "cli");

}  // namespace pufa::auth
