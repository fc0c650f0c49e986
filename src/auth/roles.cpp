#include "auth/roles.hpp"

#include <algorithm>

namespace pufa::auth {

namespace {

// Permission names are area.verb. pii.read shows 身份证号 and phones unmasked (audited).
// regions.manage changes the region tree every scope is built on: the administrator's alone.
std::vector<RoleInfo> const roles{
    {"admin", "系统管理员", "Administrator",
     {"user.manage", "audit.read", "settings.manage", "regions.manage", "org.read", "report.read"}},
    {"coordinator", "普法办协调员", "Coordinator",
     {"org.read", "org.write", "pii.read", "activity.read", "activity.write", "activity.review",
      "duty.manage", "assess.manage", "exam.manage", "content.write", "content.publish",
      "service.read", "mediation.read", "village.manage", "report.read"}},
    {"unit_operator", "单位联络员", "Unit liaison",
     {"org.read", "org.write", "activity.read", "activity.write", "duty.respond", "assess.self",
      "content.write", "report.read"}},
    {"village_operator", "村(社区)操作员", "Village operator",
     {"org.read", "org.write", "activity.read", "activity.write", "village.file", "report.read"}},
    {"lecturer", "普法讲师", "Lecturer", {"activity.read", "activity.write"}},
    {"advisor", "法律顾问", "Legal advisor", {"service.log", "mediation.read"}},
    {"mediator", "调解员", "Mediator", {"mediation.read", "mediation.handle"}},
    {"grid_worker", "网格员", "Grid worker", {"mediation.read", "mediation.intake"}},
    {"inspector", "检查组成员", "Inspector", {"assess.inspect"}},
    {"examinee", "考生", "Examinee", {"exam.take"}},
    {"public", "公众", "Resident", {"quiz.take", "mediation.request"}},
};

}  // namespace

std::span<RoleInfo const> all_roles() { return roles; }

RoleInfo const* find_role(std::string_view code) {
  auto found = std::find_if(roles.begin(), roles.end(),
                            [&](RoleInfo const& role) { return role.code == code; });
  return found == roles.end() ? nullptr : &*found;
}

std::vector<std::string> permissions_of(std::span<std::string const> role_codes) {
  std::vector<std::string> out;
  for (auto const& code : role_codes) {
    if (auto const* role = find_role(code)) {
      out.insert(out.end(), role->permissions.begin(), role->permissions.end());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace pufa::auth
