#include "assess/routes.hpp"

namespace pufa::assess {

std::vector<db::Migration> migrations() {
  return {
      {"assess", 1, "indicator sets with their item trees, rounds, inspection groups, units' sheets, scores and rectifications", R"sql(
CREATE TABLE assess_sets (
  id {{pk}},
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  edition TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  total DOUBLE PRECISION NOT NULL,
  bonus_cap DOUBLE PRECISION NOT NULL,
  region_path TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE assess_items (
  id {{pk}},
  set_id BIGINT NOT NULL REFERENCES assess_sets (id),
  parent_id BIGINT REFERENCES assess_items (id),
  seq INTEGER NOT NULL,
  level INTEGER NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  standard TEXT NOT NULL,
  points DOUBLE PRECISION NOT NULL,
  method TEXT NOT NULL,
  evidence TEXT NOT NULL,
  measure TEXT
);
CREATE INDEX assess_items_set ON assess_items (set_id, seq);

CREATE TABLE assess_rounds (
  id {{pk}},
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  status TEXT NOT NULL,
  phases TEXT NOT NULL,
  rule TEXT NOT NULL,
  self_weight INTEGER NOT NULL,
  bands TEXT NOT NULL,
  region_path TEXT NOT NULL,
  results TEXT,
  locked_at BIGINT,
  published_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE assess_groups (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES assess_rounds (id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  leader_name TEXT NOT NULL,
  leader_user_id BIGINT REFERENCES users (id),
  member_ids TEXT NOT NULL
);
CREATE INDEX assess_groups_round ON assess_groups (round_id, seq);

CREATE TABLE assess_round_units (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES assess_rounds (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  set_id BIGINT NOT NULL REFERENCES assess_sets (id),
  category TEXT NOT NULL,
  group_id BIGINT REFERENCES assess_groups (id),
  status TEXT NOT NULL,
  report TEXT NOT NULL,
  attachments TEXT NOT NULL,
  submitted_at BIGINT,
  submitted_by BIGINT,
  confirmed_at BIGINT,
  confirmed_by BIGINT,
  UNIQUE (round_id, unit_id)
);
CREATE INDEX assess_round_units_unit ON assess_round_units (unit_id);

CREATE TABLE assess_scores (
  round_unit_id BIGINT NOT NULL REFERENCES assess_round_units (id),
  item_id BIGINT NOT NULL REFERENCES assess_items (id),
  self_score DOUBLE PRECISION,
  self_note TEXT NOT NULL,
  evidence TEXT NOT NULL,
  self_at BIGINT,
  self_by BIGINT,
  inspect_score DOUBLE PRECISION,
  inspect_note TEXT NOT NULL,
  photos TEXT NOT NULL,
  inspect_at BIGINT,
  inspect_by BIGINT,
  PRIMARY KEY (round_unit_id, item_id)
);

CREATE TABLE assess_fixes (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES assess_rounds (id),
  round_unit_id BIGINT NOT NULL REFERENCES assess_round_units (id),
  item_id BIGINT NOT NULL REFERENCES assess_items (id),
  text TEXT NOT NULL,
  deadline TEXT,
  status TEXT NOT NULL,
  answer TEXT NOT NULL,
  evidence TEXT NOT NULL,
  return_reason TEXT,
  raised_by BIGINT NOT NULL,
  raised_at BIGINT NOT NULL,
  answered_by BIGINT,
  answered_at BIGINT,
  decided_by BIGINT,
  decided_at BIGINT
);
CREATE INDEX assess_fixes_round ON assess_fixes (round_id, status);
CREATE INDEX assess_fixes_unit ON assess_fixes (round_unit_id);
)sql"},
  };
}

}  // namespace pufa::assess
