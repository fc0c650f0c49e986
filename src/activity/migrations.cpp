#include "activity/routes.hpp"
#include "auth/regions.hpp"

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
      {"activity", 3, "records keep their region path; choices and statuses stored as codes", R"sql(
ALTER TABLE dictionary_items ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX dictionary_items_region_path ON dictionary_items (region_path);
ALTER TABLE activities ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX activities_region_path ON activities (region_path);
ALTER TABLE study_records ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX study_records_region_path ON study_records (region_path);
ALTER TABLE channels ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX channels_region_path ON channels (region_path);
ALTER TABLE channel_items ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX channel_items_region_path ON channel_items (region_path);
UPDATE activities SET audience = REPLACE(audience, ',领导干部,', ',leaders,') WHERE audience LIKE '%,领导干部,%';
UPDATE activity_counters SET key = 'leaders' WHERE dimension = 'audience' AND key = '领导干部';
UPDATE activities SET audience = REPLACE(audience, ',公务员,', ',civil_servants,') WHERE audience LIKE '%,公务员,%';
UPDATE activity_counters SET key = 'civil_servants' WHERE dimension = 'audience' AND key = '公务员';
UPDATE activities SET audience = REPLACE(audience, ',青少年,', ',youth,') WHERE audience LIKE '%,青少年,%';
UPDATE activity_counters SET key = 'youth' WHERE dimension = 'audience' AND key = '青少年';
UPDATE activities SET audience = REPLACE(audience, ',群众,', ',public,') WHERE audience LIKE '%,群众,%';
UPDATE activity_counters SET key = 'public' WHERE dimension = 'audience' AND key = '群众';
UPDATE activities SET audience = REPLACE(audience, ',企业职工,', ',employees,') WHERE audience LIKE '%,企业职工,%';
UPDATE activity_counters SET key = 'employees' WHERE dimension = 'audience' AND key = '企业职工';
UPDATE activities SET audience = REPLACE(audience, ',老年人,', ',elderly,') WHERE audience LIKE '%,老年人,%';
UPDATE activity_counters SET key = 'elderly' WHERE dimension = 'audience' AND key = '老年人';
UPDATE activities SET audience = REPLACE(audience, ',妇女儿童,', ',women_children,') WHERE audience LIKE '%,妇女儿童,%';
UPDATE activity_counters SET key = 'women_children' WHERE dimension = 'audience' AND key = '妇女儿童';
UPDATE activities SET audience = REPLACE(audience, ',农民,', ',farmers,') WHERE audience LIKE '%,农民,%';
UPDATE activity_counters SET key = 'farmers' WHERE dimension = 'audience' AND key = '农民';
UPDATE activities SET audience = REPLACE(audience, ',外来务工人员,', ',migrant_workers,') WHERE audience LIKE '%,外来务工人员,%';
UPDATE activity_counters SET key = 'migrant_workers' WHERE dimension = 'audience' AND key = '外来务工人员';
UPDATE activities SET audience = REPLACE(audience, ',残疾人,', ',disabled,') WHERE audience LIKE '%,残疾人,%';
UPDATE activity_counters SET key = 'disabled' WHERE dimension = 'audience' AND key = '残疾人';
UPDATE activities SET six_place = 'organs' WHERE six_place = '机关';
UPDATE activity_counters SET key = 'organs' WHERE dimension = 'six_place' AND key = '机关';
UPDATE activities SET six_place = 'villages' WHERE six_place = '乡村';
UPDATE activity_counters SET key = 'villages' WHERE dimension = 'six_place' AND key = '乡村';
UPDATE activities SET six_place = 'communities' WHERE six_place = '社区';
UPDATE activity_counters SET key = 'communities' WHERE dimension = 'six_place' AND key = '社区';
UPDATE activities SET six_place = 'schools' WHERE six_place = '学校';
UPDATE activity_counters SET key = 'schools' WHERE dimension = 'six_place' AND key = '学校';
UPDATE activities SET six_place = 'enterprises' WHERE six_place = '企业';
UPDATE activity_counters SET key = 'enterprises' WHERE dimension = 'six_place' AND key = '企业';
UPDATE activities SET six_place = 'units' WHERE six_place = '单位';
UPDATE activity_counters SET key = 'units' WHERE dimension = 'six_place' AND key = '单位';
UPDATE activities SET form = 'lecture' WHERE form = '讲座';
UPDATE activity_counters SET key = 'lecture' WHERE dimension = 'form' AND key = '讲座';
UPDATE activities SET form = 'law_fair' WHERE form = '法律赶集';
UPDATE activity_counters SET key = 'law_fair' WHERE dimension = 'form' AND key = '法律赶集';
UPDATE activities SET form = 'performance' WHERE form = '文艺演出';
UPDATE activity_counters SET key = 'performance' WHERE dimension = 'form' AND key = '文艺演出';
UPDATE activities SET form = 'case_talk' WHERE form = '以案释法';
UPDATE activity_counters SET key = 'case_talk' WHERE dimension = 'form' AND key = '以案释法';
UPDATE activities SET form = 'mock_court' WHERE form = '模拟法庭';
UPDATE activity_counters SET key = 'mock_court' WHERE dimension = 'form' AND key = '模拟法庭';
UPDATE activities SET form = 'quiz' WHERE form = '知识竞赛';
UPDATE activity_counters SET key = 'quiz' WHERE dimension = 'form' AND key = '知识竞赛';
UPDATE activities SET form = 'online' WHERE form = '线上推送';
UPDATE activity_counters SET key = 'online' WHERE dimension = 'form' AND key = '线上推送';
UPDATE activities SET form = 'consultation' WHERE form = '法律咨询';
UPDATE activity_counters SET key = 'consultation' WHERE dimension = 'form' AND key = '法律咨询';
UPDATE activities SET form = 'training' WHERE form = '培训';
UPDATE activity_counters SET key = 'training' WHERE dimension = 'form' AND key = '培训';
UPDATE activities SET form = 'exhibition' WHERE form = '展览';
UPDATE activity_counters SET key = 'exhibition' WHERE dimension = 'form' AND key = '展览';
UPDATE activities SET form = 'other' WHERE form = '其他';
UPDATE activity_counters SET key = 'other' WHERE dimension = 'form' AND key = '其他';
UPDATE study_records SET kind = 'party_group' WHERE kind = '党委理论中心组学法';
UPDATE activity_counters SET key = 'party_group' WHERE dimension = 'study_kind' AND key = '党委理论中心组学法';
UPDATE study_records SET kind = 'executive_meeting' WHERE kind = '政府常务会议学法';
UPDATE activity_counters SET key = 'executive_meeting' WHERE dimension = 'study_kind' AND key = '政府常务会议学法';
UPDATE study_records SET kind = 'duty_report' WHERE kind = '述职述法';
UPDATE activity_counters SET key = 'duty_report' WHERE dimension = 'study_kind' AND key = '述职述法';
UPDATE study_records SET kind = 'court_hearing' WHERE kind = '庭审旁听';
UPDATE activity_counters SET key = 'court_hearing' WHERE dimension = 'study_kind' AND key = '庭审旁听';
UPDATE study_records SET kind = 'three_heads' WHERE kind = '三长学法说法讲法';
UPDATE activity_counters SET key = 'three_heads' WHERE dimension = 'study_kind' AND key = '三长学法说法讲法';
UPDATE channels SET kind = 'website' WHERE kind = '网站';
UPDATE channels SET kind = 'wechat_account' WHERE kind = '微信公众号';
UPDATE channels SET kind = 'wechat_group' WHERE kind = '微信群';
UPDATE channels SET kind = 'douyin' WHERE kind = '抖音';
UPDATE channels SET kind = 'radio' WHERE kind = '广播';
UPDATE channels SET kind = 'tv' WHERE kind = '电视';
UPDATE channels SET kind = 'press' WHERE kind = '报刊';
UPDATE channels SET kind = 'other' WHERE kind = '其他';
UPDATE activities SET status = 'submitted' WHERE status = '已提交';
UPDATE study_records SET status = 'submitted' WHERE status = '已提交';
UPDATE activities SET status = 'returned' WHERE status = '已退回';
UPDATE study_records SET status = 'returned' WHERE status = '已退回';
)sql", [](db::Connection& conn) {
         for (auto table : {"dictionary_items", "activities", "study_records", "channels", "channel_items"}) {
           auth::regions::fill_region_paths(conn, table);
         }
       }},
      // Records filed before the review step existed count as reviewed; who filed a record is
      // kept from now on (older ones have no author).
      {"activity", 4, "ledgers keep their author; reviewed records are approved", R"sql(
ALTER TABLE activities ADD COLUMN created_by BIGINT;
ALTER TABLE study_records ADD COLUMN created_by BIGINT;
CREATE INDEX activities_review ON activities (status, region_path);
CREATE INDEX activities_author ON activities (created_by, status);
CREATE INDEX study_records_review ON study_records (status, region_path);
CREATE INDEX study_records_author ON study_records (created_by, status);
)sql"},
      {"activity", 5, "a unit's records by date, for the responsibility system's rules", R"sql(
CREATE INDEX activities_unit_day ON activities (unit_id, starts_on, status, theme, form, six_place);
CREATE INDEX study_records_unit_day ON study_records (unit_id, held_on, status, kind);
)sql"},
  };
}

}  // namespace pufa::activity
