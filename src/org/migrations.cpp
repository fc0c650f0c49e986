#include "org/routes.hpp"
#include "auth/regions.hpp"
#include "org/entities.hpp"

namespace pufa::org {

std::vector<db::Migration> migrations() {
  return {
      {"org", 1, "units, people, teams, schools, advisors, places", R"sql(
CREATE TABLE units (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  stage TEXT,
  code TEXT,
  address TEXT,
  contact TEXT,
  phone TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX units_region ON units (region_id);
CREATE INDEX units_type ON units (type, region_id);
CREATE INDEX units_name ON units (name);

CREATE TABLE people (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  gender TEXT,
  unit_id BIGINT REFERENCES units (id),
  posts TEXT,
  phone TEXT,
  id_number TEXT UNIQUE,
  tags TEXT,
  user_id BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX people_region ON people (region_id);
CREATE INDEX people_unit ON people (unit_id);
CREATE INDEX people_name ON people (name);

CREATE TABLE teams (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  theme TEXT,
  leader_id BIGINT REFERENCES people (id),
  topics TEXT,
  description TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE team_members (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  team_id BIGINT NOT NULL REFERENCES teams (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  role TEXT,
  topics TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (team_id, person_id)
);
CREATE INDEX team_members_person ON team_members (person_id);

CREATE TABLE volunteer_hours (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  served_on TEXT NOT NULL,
  hours DOUBLE PRECISION NOT NULL,
  description TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX volunteer_hours_person ON volunteer_hours (person_id);

CREATE TABLE vice_principals (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  school_id BIGINT NOT NULL REFERENCES units (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  sending_unit_id BIGINT REFERENCES units (id),
  term_start TEXT,
  term_end TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX vice_principals_school ON vice_principals (school_id);
CREATE INDEX vice_principals_person ON vice_principals (person_id);

CREATE TABLE advisor_contracts (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  client_unit_id BIGINT REFERENCES units (id),
  client_region_id BIGINT REFERENCES regions (id),
  advisor_id BIGINT NOT NULL REFERENCES people (id),
  firm TEXT,
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX advisor_contracts_unit ON advisor_contracts (client_unit_id);
CREATE INDEX advisor_contracts_region ON advisor_contracts (client_region_id);

CREATE TABLE places (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  address TEXT,
  opened_on TEXT,
  photo_ids TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  description TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX places_region ON places (region_id);
)sql"},
      {"org", 2, "records keep their region path; choices stored as codes", R"sql(
ALTER TABLE units ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX units_region_path ON units (region_path);
ALTER TABLE people ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX people_region_path ON people (region_path);
ALTER TABLE teams ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX teams_region_path ON teams (region_path);
ALTER TABLE team_members ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX team_members_region_path ON team_members (region_path);
ALTER TABLE volunteer_hours ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX volunteer_hours_region_path ON volunteer_hours (region_path);
ALTER TABLE vice_principals ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX vice_principals_region_path ON vice_principals (region_path);
ALTER TABLE advisor_contracts ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX advisor_contracts_region_path ON advisor_contracts (region_path);
ALTER TABLE places ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX places_region_path ON places (region_path);
UPDATE units SET type = 'department' WHERE type = '机关部门';
UPDATE units SET type = 'school' WHERE type = '学校';
UPDATE units SET type = 'enterprise' WHERE type = '企业';
UPDATE units SET type = 'legal_service' WHERE type = '法律服务站点';
UPDATE units SET type = 'media' WHERE type = '媒体';
UPDATE units SET type = 'other' WHERE type = '其他';
UPDATE units SET stage = 'primary' WHERE stage = '小学';
UPDATE units SET stage = 'junior' WHERE stage = '初中';
UPDATE units SET stage = 'nine_year' WHERE stage = '九年一贯制';
UPDATE units SET stage = 'senior' WHERE stage = '高中';
UPDATE units SET stage = 'vocational' WHERE stage = '中职';
UPDATE units SET stage = 'special' WHERE stage = '特殊教育';
UPDATE people SET gender = 'male' WHERE gender = '男';
UPDATE people SET gender = 'female' WHERE gender = '女';
UPDATE teams SET kind = 'lecturers' WHERE kind = '讲师团';
UPDATE teams SET kind = 'volunteers' WHERE kind = '志愿者队伍';
UPDATE team_members SET role = 'leader' WHERE role = '团长';
UPDATE team_members SET role = 'deputy' WHERE role = '副团长';
UPDATE team_members SET role = 'member' WHERE role = '成员';
UPDATE places SET type = 'constitution_park' WHERE type = '宪法主题公园';
UPDATE places SET type = 'civil_code_park' WHERE type = '民法典主题公园';
UPDATE places SET type = 'rule_of_law_park' WHERE type = '法治主题公园';
UPDATE places SET type = 'stairway' WHERE type = '法治楼道';
UPDATE places SET type = 'courtyard' WHERE type = '法治庭院';
UPDATE places SET type = 'corridor' WHERE type = '法治长廊';
UPDATE places SET type = 'micro_community' WHERE type = '法治微小区';
UPDATE places SET type = 'constitution_room' WHERE type = '宪法学习室';
UPDATE places SET type = 'reading_room' WHERE type = '法治书屋';
UPDATE places SET type = 'youth_base' WHERE type = '青少年法治教育基地';
UPDATE places SET type = 'culture_square' WHERE type = '法治文化广场';
UPDATE places SET type = 'other' WHERE type = '其他';
UPDATE people SET tags = REPLACE(tags, ',法律明白人,', ',legal_literate,') WHERE tags LIKE '%,法律明白人,%';
UPDATE people SET tags = REPLACE(tags, ',法治带头人,', ',rule_leader,') WHERE tags LIKE '%,法治带头人,%';
UPDATE people SET tags = REPLACE(tags, ',守法示范户,', ',model_household,') WHERE tags LIKE '%,守法示范户,%';
UPDATE people SET tags = REPLACE(tags, ',法治副校长,', ',vice_principal,') WHERE tags LIKE '%,法治副校长,%';
UPDATE people SET tags = REPLACE(tags, ',法律顾问,', ',legal_advisor,') WHERE tags LIKE '%,法律顾问,%';
UPDATE people SET tags = REPLACE(tags, ',调解员,', ',mediator,') WHERE tags LIKE '%,调解员,%';
UPDATE people SET tags = REPLACE(tags, ',网格员,', ',grid_worker,') WHERE tags LIKE '%,网格员,%';
UPDATE people SET tags = REPLACE(tags, ',讲师,', ',lecturer,') WHERE tags LIKE '%,讲师,%';
UPDATE people SET tags = REPLACE(tags, ',志愿者,', ',volunteer,') WHERE tags LIKE '%,志愿者,%';
UPDATE people SET tags = REPLACE(tags, ',联络员,', ',liaison,') WHERE tags LIKE '%,联络员,%';
)sql", [](db::Connection& conn) {
         for (auto table : {"units", "people", "teams", "team_members", "volunteer_hours", "vice_principals",
                            "advisor_contracts", "places"}) {
           auth::regions::fill_region_paths(conn, table);
         }
       }},
      {"org", 3, "身份证号 and phones sealed at rest (AES-256-GCM); 身份证号 unique on a keyed blind index", R"sql(
ALTER TABLE people ADD COLUMN id_number_index TEXT;
CREATE UNIQUE INDEX people_id_number_index ON people (id_number_index);
)sql", [](db::Connection& conn) { reseal(conn); }},
  };
}

}  // namespace pufa::org
