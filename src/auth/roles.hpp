// The roles of DOMAIN.md and the permissions each holds.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::auth {

struct RoleInfo {
  std::string_view code;
  std::string_view name;     // zh-CN
  std::string_view name_en;
  std::vector<std::string_view> permissions;
  // One of the three administrators (三员): held alone, never with another role.
  bool administrator = false;
  // Granted only by the security administrator, and only once a second one approves: the
  // administrator roles and every role that reads personal data (pii.read).
  bool privileged() const;
};

std::span<RoleInfo const> all_roles();
RoleInfo const* find_role(std::string_view code);
bool is_privileged(std::string_view code);
bool is_administrator(std::string_view code);
// Union of the roles' permissions, sorted and unique.
std::vector<std::string> permissions_of(std::span<std::string const> roles);

}  // namespace pufa::auth
