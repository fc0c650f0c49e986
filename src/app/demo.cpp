#include "app/demo.hpp"

#include "activity/demo.hpp"
#include "assess/routes.hpp"
#include "auth/accounts.hpp"
#include "auth/password.hpp"
#include "auth/regions.hpp"
#include "content/routes.hpp"
#include "duty/routes.hpp"
#include "legality/routes.hpp"
#include "service/routes.hpp"
#include "village/routes.hpp"
#include "org/directory.hpp"
#include "exam/routes.hpp"
#include "org/demo.hpp"
#include "quiz/routes.hpp"

namespace pufa::app {

namespace {

struct DemoAccount {
  char const* username;
  char const* display_name;
  char const* role;
  char const* password;
  char const* role_label;
};

// Demo passwords are printed by `make demo`; they meet the password rule.
constexpr DemoAccount accounts[] = {
    {"admin", "系统管理员", "admin", "Pufa-Admin-2026", "系统管理员 admin"},
    {"lanxi", "市司法局普法办", "coordinator", "Pufa-Lanxi-2026", "普法办协调员 coordinator"},
    {"majian", "马涧镇普法联络员", "unit_operator", "Pufa-Majian-2026", "马涧镇单位联络员 unit_operator"},
    {"mawu", "马坞村普法专管员", "village_operator", "Pufa-Mawu-2026", "马涧镇马坞村操作员 village_operator"},
    {"wangfang", "王芳", "examinee", "Pufa-Exam-2026", "马涧镇公务员(考生) examinee"},
};

// Where each demo account sits in the tree (region code; the root when empty).
constexpr char const* account_regions[] = {"", "", "330781011000", "330781011001", "330781011000"};

// 三员分立's other two administrators (two security administrators, so that one asks and the
// other approves a grant), at the root. Added after the exam demo: the demo's examinees keep the
// ids (and so the seeded results) they had before these accounts existed.
constexpr DemoAccount administrators[] = {
    {"anquan", "安全管理员", "security_admin", "Pufa-Security-2026", "安全管理员 security_admin"},
    {"fuhe", "安全管理员（复核）", "security_admin", "Pufa-Review-2026", "第二名安全管理员（复核角色授予） security_admin"},
    {"shenji", "安全审计员", "audit_admin", "Pufa-Audit-2026", "安全审计员 audit_admin"},
};

// A department's 普法联络员, bound to its unit: answers 市公安局's tasks and list only.
constexpr DemoAccount liaison{"gongan", "市公安局普法联络员", "unit_operator", "Pufa-Police-2026",
                              "市公安局单位联络员 unit_operator（只处理本单位的责任清单和任务）"};

// The leader of the first inspection group (检查组) of the acceptance rounds.
constexpr DemoAccount inspector{"jiancha", "第一检查组组长", "inspector", "Pufa-Inspect-2026",
                                "第一检查组组长 inspector（考核检查组，手机打分）"};

// The reviewers of 合法性审核: 马涧镇's 司法所 (bound to its unit) and the bureau's 法制科 at the root.
constexpr DemoAccount reviewers[] = {
    {"sifa", "马涧司法所审核员", "legal_reviewer", "Pufa-Sifa-2026", "马涧司法所合法性审核员 legal_reviewer"},
    {"fazhi", "市司法局法制科审核员", "legal_reviewer", "Pufa-Fazhi-2026", "市司法局法制科合法性审核员 legal_reviewer（审核部门送审件）"},
};

// 公共法律服务: 马坞村's legal advisor (a lawyer serving villages across the city) and 马涧镇's station staff.
constexpr DemoAccount service_accounts[] = {
    {"lvshi", "马坞村法律顾问", "advisor", "Pufa-Lvshi-2026", "法律顾问 advisor（马坞村等村的法律顾问，手机签到、写服务记录）"},
    {"fuwu", "马涧镇公共法律服务站", "service_staff", "Pufa-Fuwu-2026", "马涧镇公共法律服务工作人员 service_staff（预约、回访、履职考核）"},
};
constexpr char const* service_regions[] = {"", "330781011000"};

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& db) {
  std::vector<std::pair<DemoAccount const*, std::string>> hashes;
  for (auto const& account : accounts) hashes.emplace_back(&account, auth::hash_password(account.password));
  std::vector<std::pair<DemoAccount const*, std::string>> admin_hashes;
  for (auto const& account : administrators) admin_hashes.emplace_back(&account, auth::hash_password(account.password));
  auto const liaison_hash = auth::hash_password(liaison.password);
  auto const inspector_hash = auth::hash_password(inspector.password);
  std::vector<std::string> reviewer_hashes;
  for (auto const& account : reviewers) reviewer_hashes.push_back(auth::hash_password(account.password));
  std::vector<std::string> service_hashes;
  for (auto const& account : service_accounts) service_hashes.push_back(auth::hash_password(account.password));
  db.write([&](db::Connection& conn) {
    org::load_demo(conn);
    activity::load_demo(conn);
    content::load_demo(conn);
    duty::load_demo(conn);  // after the ledger (tasks answered from it) and content (index numbers)
    auto const actor = auth::system_actor("pufa demo");
    auto const root = auth::regions::root(conn);
    for (std::size_t a = 0; a < hashes.size(); ++a) {
      auto const& [account, hash] = hashes[a];
      if (auth::accounts::id_of(conn, account->username)) continue;
      auto const* code = account_regions[a];
      auto const region = *code ? auth::regions::by_code(conn, code)->id : root.id;
      auth::accounts::add(conn, actor, {account->username, account->display_name, hash, region, {account->role}, false});
    }
    quiz::load_demo(conn);  // the quiz's bank first: the exam demo's banks follow it
    exam::load_demo(conn);  // after the accounts: the demo examinee sits its exams
    for (auto const& [account, hash] : admin_hashes) {
      if (auth::accounts::id_of(conn, account->username)) continue;
      auth::accounts::add(conn, actor, {account->username, account->display_name, hash, root.id, {account->role}, false});
    }
    if (!auth::accounts::id_of(conn, liaison.username)) {
      auto const police = org::directory::unit_named(conn, "市公安局");
      auth::accounts::add(conn, actor, {liaison.username, liaison.display_name, liaison_hash, root.id, {liaison.role}, false,
                                        police ? std::optional<std::int64_t>(police->id) : std::nullopt});
    }
    if (!auth::accounts::id_of(conn, inspector.username)) {
      auth::accounts::add(conn, actor, {inspector.username, inspector.display_name, inspector_hash, root.id, {inspector.role}, false});
    }
    assess::load_demo(conn);  // after the ledger, the exams, the tasks and the inspector's account
    for (std::size_t r = 0; r < std::size(reviewers); ++r) {
      auto const& account = reviewers[r];
      if (auth::accounts::id_of(conn, account.username)) continue;
      auto const office = r == 0 ? org::directory::unit_named(conn, "马涧司法所") : std::nullopt;
      auto const region = office ? office->region_id : root.id;
      auth::accounts::add(conn, actor, {account.username, account.display_name, reviewer_hashes[r], region, {account.role}, false,
                                        office ? std::optional<std::int64_t>(office->id) : std::nullopt});
    }
    legality::load_demo(conn);
    for (std::size_t a = 0; a < std::size(service_accounts); ++a) {
      auto const& account = service_accounts[a];
      if (auth::accounts::id_of(conn, account.username)) continue;
      auto const region = *service_regions[a] ? auth::regions::by_code(conn, service_regions[a])->id : root.id;
      auth::accounts::add(conn, actor, {account.username, account.display_name, service_hashes[a], region, {account.role}, false});
    }
    service::load_demo(conn);  // after the advisor's account: it is bound to 马坞村's advisor
    village::load_demo(conn);
  });
  std::vector<DemoLogin> logins;
  logins.push_back({accounts[0].username, accounts[0].password, accounts[0].role_label});
  for (auto const& account : administrators) logins.push_back({account.username, account.password, account.role_label});
  for (std::size_t a = 1; a < std::size(accounts); ++a) {
    logins.push_back({accounts[a].username, accounts[a].password, accounts[a].role_label});
    if (a == 2) logins.push_back({liaison.username, liaison.password, liaison.role_label});
  }
  logins.push_back({inspector.username, inspector.password, inspector.role_label});
  for (auto const& account : reviewers) logins.push_back({account.username, account.password, account.role_label});
  for (auto const& account : service_accounts) logins.push_back({account.username, account.password, account.role_label});
  return logins;
}

}  // namespace pufa::app
