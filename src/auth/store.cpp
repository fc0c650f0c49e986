#include "auth/store.hpp"

#include "base/sealed.hpp"
#include "http/request.hpp"

namespace pufa::auth::store {

namespace {

// Phones are sealed at rest (base/sealed.hpp).
constexpr std::string_view phone_context = "users.phone";
db::Param sealed_phone(std::optional<std::string> const& phone) {
  return phone ? db::Param(base::sealed::seal(*phone, phone_context)) : db::Param(nullptr);
}

constexpr char const* user_columns =
    "SELECT u.id, u.username, u.display_name, u.password_hash, u.region_id, u.region_path, r.name AS region_name,"
    " u.phone, u.unit_id, u.disabled, u.must_change_password, u.password_changed_at, u.large_font, u.locale, u.created_at,"
    " u.updated_at, u.last_login_at"
    " FROM users u JOIN regions r ON r.id = u.region_id";

User user_from(db::Row const& row) {
  User user;
  user.id = row.i64("id");
  user.username = row.str("username");
  user.display_name = row.str("display_name");
  user.password_hash = row.str("password_hash");
  user.region_id = row.i64("region_id");
  user.region_name = row.str("region_name");
  user.region_path = row.str("region_path");
  if (auto phone = row.opt_str("phone")) user.phone = base::sealed::open(*phone, phone_context);
  user.unit_id = row.opt_i64("unit_id");
  user.disabled = row.flag("disabled");
  user.must_change_password = row.flag("must_change_password");
  user.password_changed_at = row.i64("password_changed_at");
  user.large_font = row.flag("large_font");
  user.locale = row.str("locale");
  user.created_at = row.i64("created_at");
  user.updated_at = row.i64("updated_at");
  user.last_login_at = row.opt_i64("last_login_at");
  return user;
}

// Marks for an IN list: "?, ?, ?".
std::string marks(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// Users with their roles, in the order of `rows`.
std::vector<User> users_with_roles(db::Connection& conn, db::ResultSet const& rows) {
  std::vector<User> users;
  std::vector<db::Param> ids;
  for (auto row : rows) {
    users.push_back(user_from(row));
    ids.emplace_back(users.back().id);
  }
  if (users.empty()) return users;
  auto roles = conn.query("SELECT user_id, role FROM user_roles WHERE user_id IN (" + marks(ids.size()) +
                              ") ORDER BY user_id, role",
                          ids);
  std::map<std::int64_t, std::vector<std::string>> by_user;
  for (auto row : roles) by_user[row.i64("user_id")].push_back(row.str("role"));
  for (auto& user : users) user.roles = std::move(by_user[user.id]);
  return users;
}

std::optional<User> one_user(db::Connection& conn, db::ResultSet const& rows) {
  auto users = users_with_roles(conn, rows);
  if (users.empty()) return std::nullopt;
  return std::move(users.front());
}

Region region_from(db::Row const& row) {
  return Region{row.i64("id"), row.opt_i64("parent_id"), row.str("code"), row.str("name"),
                static_cast<int>(row.i64("level")), row.str("path")};
}

constexpr char const* region_columns = "SELECT id, parent_id, code, name, level, path FROM regions";

// Filters shared by the list and its count; `?` order: q, like, like, role, role, path.
constexpr char const* user_where =
    " WHERE (CAST(? AS TEXT) = '' OR LOWER(u.username) LIKE CAST(? AS TEXT) ESCAPE '\\'"
    " OR LOWER(u.display_name) LIKE CAST(? AS TEXT) ESCAPE '\\')"
    " AND (CAST(? AS TEXT) = '' OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id"
    " AND ur.role = CAST(? AS TEXT)))"
    " AND u.region_path LIKE CAST(? AS TEXT)";

std::string join_roles(std::vector<std::string> const& roles) {
  std::string out;
  for (auto const& role : roles) out += (out.empty() ? "" : ",") + role;
  return out;
}

std::vector<std::string> split_roles(std::string const& text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

constexpr char const* role_request_columns =
    "SELECT q.id, q.user_id, u.username, u.display_name, u.region_path, q.roles, q.previous_roles,"
    " q.requested_by, a.display_name AS requested_by_name, q.requested_at, q.state, q.decided_by,"
    " d.display_name AS decided_by_name, q.decided_at, q.reason"
    " FROM role_requests q JOIN users u ON u.id = q.user_id JOIN users a ON a.id = q.requested_by"
    " LEFT JOIN users d ON d.id = q.decided_by";

RoleRequest role_request_from(db::Row const& row) {
  RoleRequest out;
  out.id = row.i64("id");
  out.user_id = row.i64("user_id");
  out.username = row.str("username");
  out.display_name = row.str("display_name");
  out.region_path = row.str("region_path");
  out.roles = split_roles(row.str("roles"));
  out.previous_roles = split_roles(row.str("previous_roles"));
  out.requested_by = row.i64("requested_by");
  out.requested_by_name = row.str("requested_by_name");
  out.requested_at = row.i64("requested_at");
  out.state = row.str("state");
  out.decided_by = row.opt_i64("decided_by");
  out.decided_by_name = row.opt_str("decided_by_name").value_or("");
  out.decided_at = row.opt_i64("decided_at");
  out.reason = row.str("reason");
  return out;
}

constexpr char const* role_request_where =
    " WHERE (CAST(? AS TEXT) = '' OR q.state = CAST(? AS TEXT)) AND u.region_path LIKE CAST(? AS TEXT)";

}  // namespace

std::int64_t insert_role_request(db::Connection& conn, RoleRequest const& request) {
  return conn.insert(
      "INSERT INTO role_requests (user_id, roles, previous_roles, requested_by, requested_at, state, reason)"
      " VALUES (?, ?, ?, ?, ?, 'pending', '') RETURNING id",
      {request.user_id, join_roles(request.roles), join_roles(request.previous_roles), request.requested_by,
       request.requested_at});
}

std::optional<RoleRequest> role_request_by_id(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(role_request_columns) + " WHERE q.id = ?", {id});
  for (auto row : rows) return role_request_from(row);
  return std::nullopt;
}

std::optional<RoleRequest> pending_role_request_of(db::Connection& conn, std::int64_t user_id) {
  auto rows = conn.query(std::string(role_request_columns) + " WHERE q.user_id = ? AND q.state = 'pending'", {user_id});
  for (auto row : rows) return role_request_from(row);
  return std::nullopt;
}

std::vector<RoleRequest> list_role_requests(db::Connection& conn, std::string const& state,
                                            std::string const& region_path, std::int64_t limit, std::int64_t offset) {
  std::vector<RoleRequest> out;
  auto rows = conn.query(std::string(role_request_columns) + role_request_where +
                             " ORDER BY q.requested_at DESC, q.id DESC LIMIT ? OFFSET ?",
                         {state, state, region_path + "%", limit, offset});
  for (auto row : rows) out.push_back(role_request_from(row));
  return out;
}

std::int64_t count_role_requests(db::Connection& conn, std::string const& state, std::string const& region_path) {
  return conn.scalar("SELECT COUNT(*) AS n FROM role_requests q JOIN users u ON u.id = q.user_id" +
                         std::string(role_request_where),
                     {state, state, region_path + "%"})
      .value_or(0);
}

std::int64_t count_role_requests_to_approve(db::Connection& conn, std::int64_t user_id, std::string const& region_path) {
  return conn.scalar("SELECT COUNT(*) AS n FROM role_requests q JOIN users u ON u.id = q.user_id"
                     " WHERE q.state = 'pending' AND q.requested_by <> ? AND q.user_id <> ? AND u.region_path LIKE ?",
                     {user_id, user_id, region_path + "%"})
      .value_or(0);
}

void decide_role_request(db::Connection& conn, std::int64_t id, std::string const& state, std::int64_t by,
                         base::Millis at, std::string const& reason) {
  conn.exec("UPDATE role_requests SET state = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?",
            {state, by, at, reason, id});
}

std::optional<User> user_by_name(db::Connection& conn, std::string const& username) {
  return one_user(conn, conn.query(std::string(user_columns) + " WHERE u.username = ?", {username}));
}

std::optional<User> user_by_id(db::Connection& conn, std::int64_t id) {
  return one_user(conn, conn.query(std::string(user_columns) + " WHERE u.id = ?", {id}));
}

std::int64_t insert_user(db::Connection& conn, User const& user, base::Millis now) {
  return conn.insert(
      "INSERT INTO users (username, display_name, password_hash, region_id, region_path, phone, unit_id, disabled,"
      " must_change_password, large_font, locale, created_at, updated_at, password_changed_at)"
      " VALUES (?, ?, ?, ?, (SELECT path FROM regions WHERE id = ?), ?, ?, ?, ?, 0, 'zh-CN', ?, ?, ?) RETURNING id",
      {user.username, user.display_name, user.password_hash, user.region_id, user.region_id, sealed_phone(user.phone),
       user.unit_id, user.disabled, user.must_change_password, now, now, now});
}

void update_user(db::Connection& conn, User const& user, base::Millis now) {
  conn.exec("UPDATE users SET display_name = ?, region_id = ?, region_path = (SELECT path FROM regions WHERE id = ?),"
            " phone = ?, unit_id = ?, updated_at = ? WHERE id = ?",
            {user.display_name, user.region_id, user.region_id, sealed_phone(user.phone), user.unit_id, now, user.id});
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

std::vector<User> list_users(db::Connection& conn, UserFilter const& filter) {
  std::string order = "u.created_at DESC, u.id DESC";
  if (filter.sort == "created_at") order = "u.created_at, u.id";
  else if (filter.sort == "username") order = "u.username";
  else if (filter.sort == "-username") order = "u.username DESC";
  else if (filter.sort == "last_login_at") order = "u.last_login_at, u.id";
  else if (filter.sort == "-last_login_at") order = "u.last_login_at DESC, u.id DESC";
  auto const like = http::contains_pattern(filter.q);
  auto rows = conn.query(std::string(user_columns) + user_where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                         {filter.q, like, like, filter.role, filter.role, filter.region_path + "%", filter.limit,
                          filter.offset});
  return users_with_roles(conn, rows);
}

std::int64_t count_users(db::Connection& conn, UserFilter const& filter) {
  auto const like = http::contains_pattern(filter.q);
  return conn.scalar(std::string("SELECT COUNT(*) AS n FROM users u") + user_where,
                     {filter.q, like, like, filter.role, filter.role, filter.region_path + "%"})
      .value_or(0);
}

std::vector<User> users_after(db::Connection& conn, std::string const& region_path, std::int64_t after_id,
                              std::int64_t limit) {
  auto rows = conn.query(std::string(user_columns) + " WHERE u.region_path LIKE ? AND u.id > ? ORDER BY u.id LIMIT ?",
                         {region_path + "%", after_id, limit});
  return users_with_roles(conn, rows);
}

std::vector<User> users_by_ids(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  if (ids.empty()) return {};
  std::vector<db::Param> params(ids.begin(), ids.end());
  auto rows = conn.query(std::string(user_columns) + " WHERE u.id IN (" + marks(ids.size()) + ") ORDER BY u.id",
                         params);
  return users_with_roles(conn, rows);
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
  auto rows = conn.query(std::string(region_columns) + " WHERE path LIKE ? ORDER BY level, code", {path + "%"});
  std::vector<Region> out;
  for (auto row : rows) out.push_back(region_from(row));
  return out;
}

std::vector<Region> regions_at_level(db::Connection& conn, std::string const& path, int level) {
  auto rows = conn.query(std::string(region_columns) + " WHERE path LIKE ? AND level = ? ORDER BY code",
                         {path + "%", level});
  std::vector<Region> out;
  for (auto row : rows) out.push_back(region_from(row));
  return out;
}

std::int64_t count_regions_at_level(db::Connection& conn, std::string const& path, int level) {
  return conn.scalar("SELECT COUNT(*) AS n FROM regions WHERE path LIKE ? AND level = ?", {path + "%", level})
      .value_or(0);
}

std::map<std::int64_t, std::string> region_full_names(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::map<std::int64_t, std::string> out;
  constexpr std::size_t chunk = 500;
  for (std::size_t at = 0; at < ids.size(); at += chunk) {
    std::size_t const n = std::min(chunk, ids.size() - at);
    std::vector<db::Param> params(ids.begin() + static_cast<std::ptrdiff_t>(at),
                                  ids.begin() + static_cast<std::ptrdiff_t>(at + n));
    auto rows = conn.query(
        "SELECT r.id, r.name, r.level, p.name AS parent_name FROM regions r"
        " LEFT JOIN regions p ON p.id = r.parent_id WHERE r.id IN (" + marks(n) + ")",
        params);
    for (auto row : rows) {
      auto const parent = row.opt_str("parent_name").value_or("");
      out[row.i64("id")] = row.i64("level") >= 3 && !parent.empty() ? parent + " " + row.str("name") : row.str("name");
    }
  }
  return out;
}

std::vector<std::int64_t> regions_named(db::Connection& conn, std::string const& path, std::string const& text) {
  db::ResultSet rows;
  auto const space = text.find(' ');
  if (space != std::string::npos) {
    rows = conn.query("SELECT r.id FROM regions r JOIN regions p ON p.id = r.parent_id"
                      " WHERE p.name = ? AND r.name = ? AND r.path LIKE ?",
                      {text.substr(0, space), text.substr(space + 1), path + "%"});
  } else {
    rows = conn.query("SELECT id FROM regions WHERE (code = ? OR name = ?) AND path LIKE ?", {text, text, path + "%"});
  }
  std::vector<std::int64_t> out;
  for (auto row : rows) out.push_back(row.i64("id"));
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
  conn.exec("UPDATE regions SET path = ? WHERE id = ?", {parent_path + std::to_string(id) + "/", id});
  return id;
}

void rename_region(db::Connection& conn, std::int64_t id, std::string const& code,
                   std::string const& name) {
  conn.exec("UPDATE regions SET code = ?, name = ? WHERE id = ?", {code, name, id});
}

// The UPDATE takes a row lock on PostgreSQL, so two nodes checking one scope queue instead of
// both passing the check; SQLite has one writer anyway.
void lock_rate_scope(db::Connection& conn, std::string const& scope, base::Millis now) {
  conn.exec("INSERT INTO rate_scopes (scope, touched_at) VALUES (?, ?) ON CONFLICT (scope) DO NOTHING", {scope, now});
  conn.exec("UPDATE rate_scopes SET touched_at = ? WHERE scope = ?", {now, scope});
}

std::vector<base::Millis> rate_events(db::Connection& conn, std::string const& scope, base::Millis since) {
  auto rows = conn.query("SELECT at FROM rate_events WHERE scope = ? AND at > ? ORDER BY at", {scope, since});
  std::vector<base::Millis> out;
  for (auto row : rows) out.push_back(row.i64("at"));
  return out;
}

void add_rate_event(db::Connection& conn, std::string const& scope, base::Millis at) {
  conn.exec("INSERT INTO rate_events (scope, at) VALUES (?, ?)", {scope, at});
}

void purge_rate_events(db::Connection& conn, std::string const& scope, base::Millis before) {
  conn.exec("DELETE FROM rate_events WHERE scope = ? AND at <= ?", {scope, before});
}

std::map<std::string, std::vector<base::Millis>> rate_events_of(db::Connection& conn,
                                                                std::vector<std::string> const& scopes,
                                                                base::Millis since) {
  std::map<std::string, std::vector<base::Millis>> out;
  if (scopes.empty()) return out;
  std::vector<db::Param> params(scopes.begin(), scopes.end());
  params.emplace_back(since);
  auto rows = conn.query("SELECT scope, at FROM rate_events WHERE scope IN (" + marks(scopes.size()) +
                             ") AND at > ? ORDER BY scope, at",
                         params);
  for (auto row : rows) out[row.str("scope")].push_back(row.i64("at"));
  return out;
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
  return SessionRow{row.i64("id"),           row.i64("user_id"),    row.str("csrf_token"), row.i64("created_at"),
                    row.i64("last_seen_at"), row.i64("expires_at"), row.flag("revoked")};
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

std::int64_t reseal_phones(db::Connection& conn) {
  std::string const current = base::sealed::current_like();
  std::int64_t changed = 0;
  for (auto row : conn.query("SELECT id, phone FROM users WHERE phone IS NOT NULL AND phone NOT LIKE ?", {current})) {
    conn.exec("UPDATE users SET phone = ? WHERE id = ?",
              {sealed_phone(base::sealed::open(row.str("phone"), phone_context)), row.i64("id")});
    ++changed;
  }
  return changed;
}

}  // namespace pufa::auth::store
