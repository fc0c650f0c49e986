#include "auth/roles.hpp"

#include <algorithm>

namespace pufa::auth {

namespace {

// Permission names are area.verb. pii.read shows 身份证号 and phones unmasked (audited).
// 三员分立 (docs/security.md): the system administrator keeps accounts, settings and the region
// tree (regions.manage: every scope is built on it); the security administrator assigns roles
// and approves the privileged ones; the audit administrator reads the audit. None of the three
// reads business data, and an administrator role is held alone.
std::vector<RoleInfo> const roles{
    {"admin", "系统管理员", "System administrator",
     {"user.read", "user.manage", "settings.manage", "regions.manage"}, true},
    {"security_admin", "安全管理员", "Security administrator", {"user.read", "role.manage", "role.approve"}, true},
    {"audit_admin", "安全审计员", "Audit administrator", {"audit.read"}, true},
    {"coordinator", "普法办协调员", "Coordinator",
     {"org.read", "org.write", "pii.read", "activity.read", "activity.write", "activity.review",
      "duty.manage", "assess.manage", "exam.manage", "content.write", "content.publish",
      "service.read", "service.manage", "mediation.read", "village.read", "village.manage", "report.read", "legality.read", "legality.cases"}},
    {"unit_operator", "单位联络员", "Unit liaison",
     {"org.read", "org.write", "activity.read", "activity.write", "duty.respond", "assess.self",
      "content.write", "report.read", "legality.read", "legality.submit", "village.read", "village.township"}},
    {"village_operator", "村(社区)操作员", "Village operator",
     {"org.read", "org.write", "activity.read", "activity.write", "village.file", "village.read", "report.read", "legality.read",
      "legality.submit", "service.read", "service.confirm"}},
    {"legal_reviewer", "合法性审核员", "Legality reviewer", {"org.read", "legality.read", "legality.review"}},
    {"service_staff", "公共法律服务工作人员", "Public legal service staff", {"org.read", "pii.read", "service.read", "service.manage"}},
    {"lecturer", "普法讲师", "Lecturer", {"activity.read", "activity.write"}},
    {"advisor", "法律顾问", "Legal advisor", {"service.log", "mediation.read"}},
    {"mediator", "调解员", "Mediator", {"mediation.read", "mediation.handle"}},
    {"grid_worker", "网格员", "Grid worker", {"mediation.read", "mediation.intake"}},
    {"inspector", "检查组成员", "Inspector", {"assess.inspect"}},
    {"examinee", "考生", "Examinee", {"exam.take"}},
    {"public", "公众", "Resident", {"quiz.take", "mediation.request"}},
};

}  // namespace

bool RoleInfo::privileged() const {
  return administrator || std::find(permissions.begin(), permissions.end(), "pii.read") != permissions.end();
}

std::span<RoleInfo const> all_roles() { return roles; }

RoleInfo const* find_role(std::string_view code) {
  auto found = std::find_if(roles.begin(), roles.end(),
                            [&](RoleInfo const& role) { return role.code == code; });
  return found == roles.end() ? nullptr : &*found;
}

bool is_privileged(std::string_view code) {
  auto const* role = find_role(code);
  return role && role->privileged();
}

bool is_administrator(std::string_view code) {
  auto const* role = find_role(code);
  return role && role->administrator;
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
