#include "auth/store.hpp"

#include "http/request.hpp"

namespace pufa::auth::store {

namespace {

constexpr char const* user_columns =
    "SELECT u.id, u.username, u.display_name, u.password_hash, u.region_id, r.name, r.path,"
    " u.phone, u.disabled, u.must_change_password, u.large_font, u.locale, u.created_at,"
    " u.updated_at, u.last_login_at, t.locked_until"
    " FROM users u JOIN regions r ON r.id = u.region_id"
    " LEFT JOIN login_throttle t ON t.username = u.username AND t.locked_until > ?";

User user_from(db::Row const& row) {
  User user;
  user.id = row.i64(0);
  user.username = row.str(1);
  user.display_name = row.str(2);
  user.password_hash = row.str(3);
  user.region_id = row.i64(4);
  user.region_name = row.str(5);
  user.region_path = row.str(6);
  user.phone = row.opt_str(7);
  user.disabled = row.flag(8);
  user.must_change_password = row.flag(9);
  user.large_font = row.flag(10);
  user.locale = row.str(11);
  user.created_at = row.i64(12);
  user.updated_at = row.i64(13);
  user.last_login_at = row.opt_i64(14);
  user.locked_until = row.opt_i64(15);
  return user;
}

void load_roles(db::Connection& conn, User& user) {
  auto rows = conn.query("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", {user.id});
  for (std::size_t i = 0; i < rows.size(); ++i) user.roles.push_back(rows.row(i).str(0));
}

std::optional<User> one_user(db::Connection& conn, db::ResultSet const& rows) {
  if (rows.empty()) return std::nullopt;
  auto user = user_from(rows.front());
  load_roles(conn, user);
  return user;
}

Region region_from(db::Row const& row) {
  return Region{row.i64(0), row.opt_i64(1), row.str(2), row.str(3), int(row.i64(4)), row.str(5)};
}

constexpr char const* region_columns =
    "SELECT id, parent_id, code, name, level, path FROM regions";

// Filters shared by the list and its count; `?` order: q, like, like, role, role, path.
constexpr char const* user_where =
    " WHERE (CAST(? AS TEXT) = '' OR LOWER(u.username) LIKE CAST(? AS TEXT) ESCAPE '\\'"
    " OR LOWER(u.display_name) LIKE CAST(? AS TEXT) ESCAPE '\\')"
    " AND (CAST(? AS TEXT) = '' OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id"
    " AND ur.role = CAST(? AS TEXT)))"
    " AND r.path LIKE CAST(? AS TEXT)";


}  // namespace

std::optional<User> user_by_name(db::Connection& conn, std::string const& username,
                                 base::Millis now) {
  return one_user(conn, conn.query(std::string(user_columns) + " WHERE u.username = ?",
                                   {now, username}));
}

std::optional<User> user_by_id(db::Connection& conn, std::int64_t id, base::Millis now) {
  return one_user(conn, conn.query(std::string(user_columns) + " WHERE u.id = ?", {now, id}));
}

std::int64_t insert_user(db::Connection& conn, User const& user, base::Millis now) {
  return conn.insert(
      "INSERT INTO users (username, display_name, password_hash, region_id, phone, disabled,"
      " must_change_password, large_font, locale, created_at, updated_at, password_changed_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'zh-CN', ?, ?, ?) RETURNING id",
      {user.username, user.display_name, user.password_hash, user.region_id, user.phone,
       user.disabled, user.must_change_password, now, now, now});
}

void update_user(db::Connection& conn, User const& user, base::Millis now) {
  conn.exec("UPDATE users SET display_name = ?, region_id = ?, phone = ?, updated_at = ? WHERE id = ?",
            {user.display_name, user.region_id, user.phone, now, user.id});
}

void set_roles(db::Connection& conn, std::int64_t user_id, std::vector<std::string> const& roles) {
  conn.exec("DELETE FROM user_roles WHERE user_id = ?", {user_id});
  for (auto const& role : roles) {
    conn.exec("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", {user_id, role});
  }
}

void set_password(db::Connection& conn, std::int64_t user_id, std::string const& hash,
                  bool must_change, base::Millis now) {
  conn.exec("UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?,"
            " updated_at = ? WHERE id = ?",
            {hash, must_change, now, now, user_id});
}

void set_disabled(db::Connection& conn, std::int64_t user_id, bool disabled, base::Millis now) {
  conn.exec("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", {disabled, now, user_id});
}

void set_preferences(db::Connection& conn, std::int64_t user_id, bool large_font,
                     std::string const& locale, base::Millis now) {
  conn.exec("UPDATE users SET large_font = ?, locale = ?, updated_at = ? WHERE id = ?",
            {large_font, locale, now, user_id});
}

void touch_login(db::Connection& conn, std::int64_t user_id, base::Millis now) {
  conn.exec("UPDATE users SET last_login_at = ? WHERE id = ?", {now, user_id});
}

std::vector<User> list_users(db::Connection& conn, UserFilter const& filter, base::Millis now) {
  std::string order = "u.created_at DESC, u.id DESC";
  if (filter.sort == "created_at") order = "u.created_at, u.id";
  else if (filter.sort == "username") order = "u.username";
  else if (filter.sort == "-username") order = "u.username DESC";
  else if (filter.sort == "last_login_at") order = "u.last_login_at, u.id";
  else if (filter.sort == "-last_login_at") order = "u.last_login_at DESC, u.id DESC";
  auto const like = http::contains_pattern(filter.q);
  auto rows = conn.query(std::string(user_columns) + user_where + " ORDER BY " + order +
                             " LIMIT ? OFFSET ?",
                         {now, filter.q, like, like, filter.role, filter.role,
                          filter.region_path + "%", filter.limit, filter.offset});
  std::vector<User> users;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    users.push_back(user_from(rows.row(i)));
    load_roles(conn, users.back());
  }
  return users;
}

std::int64_t count_users(db::Connection& conn, UserFilter const& filter) {
  auto const like = http::contains_pattern(filter.q);
  return conn
      .scalar(std::string("SELECT COUNT(*) FROM users u JOIN regions r ON r.id = u.region_id") +
                  user_where,
              {filter.q, like, like, filter.role, filter.role, filter.region_path + "%"})
      .value_or(0);
}

std::optional<Region> region_by_id(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(region_columns) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return region_from(rows.front());
}

std::optional<Region> region_by_code(db::Connection& conn, std::string const& code) {
  auto rows = conn.query(std::string(region_columns) + " WHERE code = ?", {code});
  if (rows.empty()) return std::nullopt;
  return region_from(rows.front());
}

std::optional<Region> root_region(db::Connection& conn) {
  auto rows = conn.query(std::string(region_columns) + " WHERE parent_id IS NULL ORDER BY id LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return region_from(rows.front());
}

std::vector<Region> regions_under(db::Connection& conn, std::string const& path) {
  auto rows = conn.query(std::string(region_columns) + " WHERE path LIKE ? ORDER BY level, code",
                         {path + "%"});
  std::vector<Region> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(region_from(rows.row(i)));
  return out;
}

std::int64_t insert_region(db::Connection& conn, std::optional<std::int64_t> parent_id,
                           std::string const& code, std::string const& name, int level,
                           base::Millis now) {
  std::string parent_path = "/";
  if (parent_id) {
    auto parent = region_by_id(conn, *parent_id);
    if (!parent) throw db::DbError(db::ErrorKind::foreign_key_violation, "no parent region");
    parent_path = parent->path;
  }
  auto id = conn.insert(
      "INSERT INTO regions (parent_id, code, name, level, path, created_at) VALUES (?, ?, ?, ?, '', ?)"
      " RETURNING id",
      {parent_id, code, name, level, now});
  conn.exec("UPDATE regions SET path = ? WHERE id = ?",
            {parent_path + std::to_string(id) + "/", id});
  return id;
}

void rename_region(db::Connection& conn, std::int64_t id, std::string const& code,
                   std::string const& name) {
  conn.exec("UPDATE regions SET code = ?, name = ? WHERE id = ?", {code, name, id});
}

std::optional<base::Millis> locked_until(db::Connection& conn, std::string const& username,
                                         base::Millis now) {
  return conn.scalar("SELECT locked_until FROM login_throttle WHERE username = ? AND locked_until > ?",
                     {username, now});
}

bool record_failure(db::Connection& conn, std::string const& username, int threshold,
                    base::Millis lock_until, base::Millis now) {
  conn.exec("INSERT INTO login_throttle (username, failures, locked_until, updated_at)"
            " VALUES (?, 1, 0, ?) ON CONFLICT (username) DO UPDATE"
            " SET failures = login_throttle.failures + 1, updated_at = excluded.updated_at",
            {username, now});
  return conn.exec("UPDATE login_throttle SET failures = 0, locked_until = ?"
                   " WHERE username = ? AND failures >= ?",
                   {lock_until, username, threshold}) > 0;
}

void clear_failures(db::Connection& conn, std::string const& username) {
  conn.exec("DELETE FROM login_throttle WHERE username = ?", {username});
}

void insert_session(db::Connection& conn, std::string const& token_hash, std::string const& csrf,
                    std::int64_t user_id, std::string const& ip, std::string const& user_agent,
                    base::Millis now, base::Millis expires_at) {
  conn.exec("INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, last_seen_at,"
            " expires_at, ip, user_agent, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
            {token_hash, csrf, user_id, now, now, expires_at, ip, user_agent});
}

std::optional<SessionRow> session_by_hash(db::Connection& conn, std::string const& token_hash) {
  auto rows = conn.query("SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at,"
                         " revoked FROM sessions WHERE token_hash = ?",
                         {token_hash});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return SessionRow{row.i64(0), row.i64(1), row.str(2), row.i64(3),
                    row.i64(4), row.i64(5), row.flag(6)};
}

void touch_session(db::Connection& conn, std::int64_t session_id, base::Millis now) {
  conn.exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, session_id});
}

void revoke_session(db::Connection& conn, std::int64_t session_id) {
  conn.exec("UPDATE sessions SET revoked = 1 WHERE id = ?", {session_id});
}

void revoke_user_sessions(db::Connection& conn, std::int64_t user_id,
                          std::optional<std::int64_t> except_session) {
  conn.exec("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND id <> ?",
            {user_id, except_session.value_or(0)});
}

}  // namespace pufa::auth::store
