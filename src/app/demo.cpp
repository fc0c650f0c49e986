#include "app/demo.hpp"

#include "auth/audit.hpp"
#include "auth/password.hpp"
#include "auth/store.hpp"

namespace pufa::app {

namespace {

// The 16 townships and streets of Lanxi (DOMAIN.md), with fictitious sub-codes.
constexpr char const* townships[] = {
    "兰江街道", "云山街道", "上华街道", "永昌街道", "赤溪街道", "女埠街道", "游埠镇", "诸葛镇",
    "黄店镇",   "香溪镇",   "马涧镇",   "梅江镇",   "横溪镇",   "柏社乡",   "灵洞乡", "水亭畲族乡"};

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
};

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& db) {
  std::vector<std::pair<DemoAccount const*, std::string>> hashes;
  for (auto const& account : accounts) hashes.emplace_back(&account, auth::hash_password(account.password));
  db.write([&](db::Connection& conn) {
    auto const now = base::now_ms();
    auto root = auth::store::root_region(conn);
    auth::store::rename_region(conn, root->id, "330781", "兰溪市");
    int serial = 1;
    for (auto const* name : townships) {
      std::string code = "330781" + std::string(serial < 10 ? "00" : "0") + std::to_string(serial) + "000";
      ++serial;
      if (!auth::store::region_by_code(conn, code)) {
        auth::store::insert_region(conn, root->id, code, name, 2, now);
      }
    }
    for (auto const& [account, hash] : hashes) {
      if (auth::store::user_by_name(conn, account->username, now)) continue;
      auth::User user;
      user.username = account->username;
      user.display_name = account->display_name;
      user.password_hash = hash;
      user.region_id = root->id;
      user.id = auth::store::insert_user(conn, user, now);
      auth::store::set_roles(conn, user.id, {account->role});
      auth::AuditEntry entry;
      entry.username = "pufa demo";
      entry.action = "user.create";
      entry.object_type = "user";
      entry.object_id = std::to_string(user.id);
      auth::record_audit(conn, entry);
    }
  });
  std::vector<DemoLogin> logins;
  for (auto const& account : accounts) logins.push_back({account.username, account.password, account.role_label});
  return logins;
}

}  // namespace pufa::app
