#include "org/routes.hpp"

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
  };
}

}  // namespace pufa::org
