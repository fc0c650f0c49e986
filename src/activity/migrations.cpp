#include "activity/routes.hpp"

namespace pufa::activity {

std::vector<db::Migration> migrations() {
  return {
      {"activity", 1, "activities, study records, channels, dictionaries, dashboard counters", R"sql(
CREATE TABLE dictionary_items (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  dict TEXT NOT NULL,
  value TEXT NOT NULL,
  sort_order INTEGER,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (dict, value)
);

CREATE TABLE activities (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  time_span TEXT,
  place_id BIGINT REFERENCES places (id),
  unit_id BIGINT REFERENCES units (id),
  theme TEXT NOT NULL,
  audience TEXT,
  six_place TEXT,
  form TEXT NOT NULL,
  lecturer_ids TEXT,
  participants BIGINT NOT NULL,
  materials BIGINT,
  campaign TEXT,
  press_links TEXT,
  photo_ids TEXT,
  description TEXT,
  status TEXT NOT NULL DEFAULT '已提交',
  return_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX activities_region ON activities (region_id, starts_on);
CREATE INDEX activities_starts ON activities (starts_on);
CREATE INDEX activities_unit ON activities (unit_id);

CREATE TABLE study_records (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  kind TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units (id),
  held_on TEXT NOT NULL,
  topic TEXT NOT NULL,
  laws TEXT,
  speakers TEXT,
  attendees BIGINT,
  status TEXT NOT NULL DEFAULT '已提交',
  return_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX study_records_region ON study_records (region_id, held_on);
CREATE INDEX study_records_unit ON study_records (unit_id);

CREATE TABLE channels (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  unit_id BIGINT REFERENCES units (id),
  schedule TEXT,
  url TEXT,
  description TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE channel_items (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  channel_id BIGINT NOT NULL REFERENCES channels (id),
  published_on TEXT NOT NULL,
  title TEXT NOT NULL,
  link TEXT,
  reach BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX channel_items_channel ON channel_items (channel_id, published_on);

-- Kept current on every write of the ledger and the study records, so the dashboard reads a
-- few thousand rows whatever the size of the ledger. scope_id is the root (the whole city)
-- and, for records inside a township, that township too.
CREATE TABLE activity_counters (
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  scope_id BIGINT NOT NULL,
  dimension TEXT NOT NULL,
  key TEXT NOT NULL,
  records BIGINT NOT NULL,
  people BIGINT NOT NULL,
  PRIMARY KEY (year, scope_id, dimension, key, month)
);
CREATE INDEX activity_counters_years ON activity_counters (scope_id, dimension, year);
)sql"},
      {"activity", 2, "default themes and campaigns", R"sql(
INSERT INTO dictionary_items (region_id, dict, value, sort_order, created_at, updated_at)
SELECT r.id, d.dict, d.value, d.sort_order, 0, 0
FROM (SELECT id FROM regions WHERE parent_id IS NULL ORDER BY id LIMIT 1) r,
(SELECT 'activity_theme' AS dict, '宪法' AS value, 1 AS sort_order
 UNION ALL SELECT 'activity_theme', '民法典', 2 UNION ALL SELECT 'activity_theme', '未成年人保护', 3
 UNION ALL SELECT 'activity_theme', '疫情防控', 4 UNION ALL SELECT 'activity_theme', '扫黑除恶', 5
 UNION ALL SELECT 'activity_theme', '企业风险防范', 6 UNION ALL SELECT 'activity_theme', '禁毒', 7
 UNION ALL SELECT 'activity_theme', '安全生产', 8 UNION ALL SELECT 'activity_theme', '婚姻家庭', 9
 UNION ALL SELECT 'activity_theme', '乡村振兴', 10 UNION ALL SELECT 'activity_theme', '监察法', 11
 UNION ALL SELECT 'activity_theme', '党内法规', 12 UNION ALL SELECT 'activity_theme', '村社换届', 13
 UNION ALL SELECT 'activity_theme', '其他', 99
 UNION ALL SELECT 'activity_campaign', '宪法宣传周', 1 UNION ALL SELECT 'activity_campaign', '12·4国家宪法日', 2
 UNION ALL SELECT 'activity_campaign', '民法典“四大行动”', 3 UNION ALL SELECT 'activity_campaign', '法雨春风法律服务月', 4
 UNION ALL SELECT 'activity_campaign', '法律赶集', 5 UNION ALL SELECT 'activity_campaign', '疫情防控 法治同行', 6
 UNION ALL SELECT 'activity_campaign', '公共法律服务日', 7 UNION ALL SELECT 'activity_campaign', '全城点亮宪法日', 8
 UNION ALL SELECT 'activity_campaign', '宪法历程健步走', 9 UNION ALL SELECT 'activity_campaign', '法律六进', 10) d;
)sql"},
  };
}

}  // namespace pufa::activity
