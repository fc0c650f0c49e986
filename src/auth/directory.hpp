// Who the users are, for other areas: the read interface over accounts (names, region, roles),
// without password hashes, phones or sessions. Areas keep what they add about a user in their own
// tables (the exam area's unit and rank of an examinee) and join it in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace pufa::auth::directory {

struct Member {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::int64_t region_id = 0;
  std::string region_path;
  std::string region_name;
  std::vector<std::string> roles;
  bool disabled = false;
  std::optional<std::int64_t> unit_id;  // the unit a liaison answers for, if bound

  bool has_role(std::string_view role) const;
};

// Every user of the subtree at `region_path`, in id order, read a page at a time so that a
// city's users are never all in memory at once.
void for_each_member(db::Connection& conn, std::string const& region_path,
                     std::function<void(Member const&)> const& each);
// The same, a page of members at a time (for callers that look up what they keep about each page).
void for_each_page(db::Connection& conn, std::string const& region_path,
                   std::function<void(std::vector<Member> const&)> const& each);
std::optional<Member> member(db::Connection& conn, std::int64_t id);
// The given users that exist, in id order.
std::vector<Member> members(db::Connection& conn, std::vector<std::int64_t> const& ids);

}  // namespace pufa::auth::directory
