#include "auth/routes.hpp"
#include "auth/store.hpp"

namespace pufa::auth {

std::vector<db::Migration> migrations() {
  return {
      {"auth", 1, "regions, users, roles, sessions, login throttle, audit log", R"sql(
CREATE TABLE regions (
  id {{pk}},
  parent_id BIGINT REFERENCES regions (id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level INTEGER NOT NULL,
  path TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_id);
CREATE INDEX regions_path ON regions (path);

CREATE TABLE users (
  id {{pk}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  region_id BIGINT NOT NULL REFERENCES regions (id),
  phone TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  large_font INTEGER NOT NULL DEFAULT 0,
  locale TEXT NOT NULL DEFAULT 'zh-CN',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  last_login_at BIGINT
);
CREATE INDEX users_region ON users (region_id);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE login_throttle (
  username TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  id {{pk}},
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id {{pk}},
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_user ON audit_log (username, at);
CREATE INDEX audit_action ON audit_log (action, at);

INSERT INTO regions (parent_id, code, name, level, path, created_at) VALUES (NULL, 'root', '本级', 1, '/1/', 0);
)sql"},
      {"auth", 2, "users keep their region path; one rate limiter for logins and one-time codes", R"sql(
ALTER TABLE users ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
UPDATE users SET region_path = (SELECT path FROM regions WHERE regions.id = users.region_id);
CREATE INDEX users_region_path ON users (region_path);

CREATE TABLE rate_scopes (
  scope TEXT PRIMARY KEY,
  touched_at BIGINT NOT NULL
);
CREATE TABLE rate_events (
  scope TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX rate_events_scope ON rate_events (scope, at);

DROP TABLE login_throttle;
)sql"},
      {"auth", 3, "a tamper-evident audit: each row's HMAC chained to the one before", R"sql(
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_mac TEXT;
ALTER TABLE audit_log ADD COLUMN mac TEXT;
CREATE UNIQUE INDEX audit_seq ON audit_log (seq);
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  head TEXT NOT NULL
);
INSERT INTO audit_chain (id, seq, head) VALUES (1, 0, '');
)sql"},
      {"auth", 4, "三员分立: privileged roles are granted on a second security administrator's approval", R"sql(
CREATE TABLE role_requests (
  id {{pk}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  roles TEXT NOT NULL,
  previous_roles TEXT NOT NULL,
  requested_by BIGINT NOT NULL REFERENCES users (id),
  requested_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT,
  reason TEXT NOT NULL
);
CREATE INDEX role_requests_state ON role_requests (state, requested_at);
CREATE UNIQUE INDEX role_requests_pending ON role_requests (user_id) WHERE state = 'pending';
)sql"},
      {"auth", 5, "the unit a liaison answers for (a department's 普法联络员): tasks and self-assessment are the unit's", R"sql(
ALTER TABLE users ADD COLUMN unit_id BIGINT;
)sql"},
      {"auth", 6, "users' phones sealed at rest (AES-256-GCM)", R"sql(
UPDATE users SET phone = NULL WHERE phone = '';
)sql", [](db::Connection& conn) { store::reseal_phones(conn); }},
      {"auth", 7, "audit retention: the chain starts after the rows removed", R"sql(
ALTER TABLE audit_chain ADD COLUMN base_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_chain ADD COLUMN base_mac TEXT NOT NULL DEFAULT '';
)sql"},
  };
}

}  // namespace pufa::auth
