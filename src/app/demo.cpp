#include "app/demo.hpp"

#include "auth/audit.hpp"
#include "auth/password.hpp"
#include "auth/store.hpp"
#include "activity/demo.hpp"
#include "content/routes.hpp"
#include "exam/routes.hpp"
#include "org/demo.hpp"

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

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& db) {
  std::vector<std::pair<DemoAccount const*, std::string>> hashes;
  for (auto const& account : accounts) hashes.emplace_back(&account, auth::hash_password(account.password));
  db.write([&](db::Connection& conn) {
    auto const now = base::now_ms();
    org::load_demo(conn);
    activity::load_demo(conn);
    content::load_demo(conn);
    auto root = auth::store::root_region(conn);
    for (std::size_t a = 0; a < hashes.size(); ++a) {
      auto const& [account, hash] = hashes[a];
      if (auth::store::user_by_name(conn, account->username, now)) continue;
      auth::User user;
      user.username = account->username;
      user.display_name = account->display_name;
      user.password_hash = hash;
      auto const* code = account_regions[a];
      user.region_id = *code ? auth::store::region_by_code(conn, code)->id : root->id;
      user.id = auth::store::insert_user(conn, user, now);
      auth::store::set_roles(conn, user.id, {account->role});
      auth::AuditEntry entry;
      entry.username = "pufa demo";
      entry.action = "user.create";
      entry.object_type = "user";
      entry.object_id = std::to_string(user.id);
      auth::record_audit(conn, entry);
    }
    exam::load_demo(conn);  // after the accounts: the demo examinee sits its exams
  });
  std::vector<DemoLogin> logins;
  for (auto const& account : accounts) logins.push_back({account.username, account.password, account.role_label});
  return logins;
}

}  // namespace pufa::app
