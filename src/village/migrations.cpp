#include "village/routes.hpp"

namespace pufa::village {

std::vector<db::Migration> migrations() {
  return {
      {"village", 1, "民主法治村(社区): one file per village with its entries, versioned criteria sets, rounds scored on two tiers, 复核", R"sql(
CREATE TABLE village_files (
  region_id BIGINT PRIMARY KEY,
  region_path TEXT NOT NULL,
  level TEXT NOT NULL,
  named_year INTEGER,
  naming_doc TEXT,
  plaque TEXT NOT NULL,
  history TEXT NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX village_files_scope ON village_files (region_path);

CREATE TABLE village_entries (
  id {{pk}},
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  kind TEXT NOT NULL,
  on_day TEXT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL,
  created_by BIGINT,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX village_entries_region ON village_entries (region_id, on_day);

CREATE TABLE village_criteria_sets (
  id {{pk}},
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  base_id BIGINT,
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE village_criteria (
  id {{pk}},
  set_id BIGINT NOT NULL REFERENCES village_criteria_sets (id),
  part TEXT NOT NULL,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  standard TEXT NOT NULL,
  points DOUBLE PRECISION NOT NULL,
  rule TEXT NOT NULL,
  source TEXT
);
CREATE INDEX village_criteria_set ON village_criteria (set_id, seq);

CREATE TABLE village_rounds (
  id {{pk}},
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  target_level TEXT NOT NULL,
  set_id BIGINT NOT NULL REFERENCES village_criteria_sets (id),
  status TEXT NOT NULL,
  apply_by TEXT,
  recommend_by TEXT,
  naming_doc TEXT,
  published_on TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE village_applications (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES village_rounds (id),
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  status TEXT NOT NULL,
  statement TEXT NOT NULL,
  township_scores TEXT,
  township_total DOUBLE PRECISION,
  township_note TEXT,
  township_by BIGINT,
  county_scores TEXT,
  county_total DOUBLE PRECISION,
  county_note TEXT,
  county_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (round_id, region_id)
);
CREATE INDEX village_applications_scope ON village_applications (region_path);

CREATE TABLE village_reviews (
  id {{pk}},
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  trigger_kind TEXT NOT NULL,
  description TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  level_before TEXT NOT NULL,
  status TEXT NOT NULL,
  decision TEXT,
  decision_note TEXT,
  decided_on TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX village_reviews_scope ON village_reviews (region_path, status);
)sql"},
  };
}

}  // namespace pufa::village
