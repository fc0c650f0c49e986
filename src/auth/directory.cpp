#include "auth/directory.hpp"

#include <algorithm>

#include "auth/store.hpp"

namespace pufa::auth::directory {

namespace {

constexpr std::int64_t page_rows = 500;

Member member_of(User const& user) {
  return {user.id, user.username, user.display_name, user.region_id, user.region_path, user.region_name, user.roles,
          user.disabled, user.unit_id};
}

}  // namespace

bool Member::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

void for_each_page(db::Connection& conn, std::string const& region_path,
                   std::function<void(std::vector<Member> const&)> const& each) {
  std::int64_t after = 0;
  for (;;) {
    auto const users = store::users_after(conn, region_path, after, page_rows);
    if (users.empty()) return;
    std::vector<Member> page;
    page.reserve(users.size());
    for (auto const& user : users) page.push_back(member_of(user));
    each(page);
    if (static_cast<std::int64_t>(users.size()) < page_rows) return;
    after = users.back().id;
  }
}

void for_each_member(db::Connection& conn, std::string const& region_path,
                     std::function<void(Member const&)> const& each) {
  for_each_page(conn, region_path, [&](std::vector<Member> const& page) {
    for (auto const& member : page) each(member);
  });
}

std::optional<Member> member(db::Connection& conn, std::int64_t id) {
  auto user = store::user_by_id(conn, id);
  if (!user) return std::nullopt;
  return member_of(*user);
}

std::vector<Member> members(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::vector<Member> out;
  for (auto const& user : store::users_by_ids(conn, ids)) out.push_back(member_of(user));
  return out;
}

}  // namespace pufa::auth::directory
