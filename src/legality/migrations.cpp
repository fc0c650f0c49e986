#include "legality/routes.hpp"

namespace pufa::legality {

std::vector<db::Migration> migrations() {
  return {
      {"legality", 1, "合法性审核: submissions with their clock, events, files and opinions; 村规民约; 行政复议 and 行政诉讼 cases", R"sql(
CREATE TABLE legality_village_rules (
  id {{pk}},
  region_id BIGINT NOT NULL UNIQUE,
  region_path TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  adopted_on TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX legality_village_rules_scope ON legality_village_rules (region_path);

CREATE TABLE legality_submissions (
  id {{pk}},
  unit_id BIGINT,
  village_rules_id BIGINT REFERENCES legality_village_rules (id),
  rules_version INTEGER,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  basis TEXT NOT NULL,
  summary TEXT NOT NULL,
  requested_by TEXT,
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  reviewer_region_id BIGINT NOT NULL,
  reviewer_path TEXT NOT NULL,
  status TEXT NOT NULL,
  year INTEGER NOT NULL,
  submitted_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  paused_on TEXT,
  days_left_at_pause INTEGER,
  material_note TEXT,
  conclusion TEXT,
  opinion_summary TEXT,
  opinion_points TEXT,
  opinion_year INTEGER,
  opinion_seq INTEGER,
  opinion_no TEXT,
  issued_on TEXT,
  issued_by BIGINT,
  adoption TEXT,
  adopted_on TEXT,
  adoption_note TEXT,
  withdraw_reason TEXT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (reviewer_region_id, opinion_year, opinion_seq)
);
CREATE INDEX legality_submissions_scope ON legality_submissions (year, region_path);
CREATE INDEX legality_submissions_reviewer ON legality_submissions (reviewer_path, year);
CREATE INDEX legality_submissions_rules ON legality_submissions (village_rules_id);

CREATE TABLE legality_events (
  id {{pk}},
  submission_id BIGINT NOT NULL REFERENCES legality_submissions (id),
  kind TEXT NOT NULL,
  note TEXT NOT NULL,
  by_user BIGINT,
  by_name TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX legality_events_submission ON legality_events (submission_id, id);

CREATE TABLE legality_files (
  id {{pk}},
  submission_id BIGINT REFERENCES legality_submissions (id),
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  content_type TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  stage TEXT NOT NULL,
  region_path TEXT NOT NULL,
  uploader_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX legality_files_submission ON legality_files (submission_id);

CREATE TABLE legality_cases (
  id {{pk}},
  kind TEXT NOT NULL,
  case_no TEXT NOT NULL,
  unit_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  cause TEXT NOT NULL,
  applicant TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  closed_on TEXT,
  outcome TEXT,
  head_appeared INTEGER,
  submission_id BIGINT REFERENCES legality_submissions (id),
  note TEXT NOT NULL,
  year INTEGER NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (kind, case_no)
);
CREATE INDEX legality_cases_scope ON legality_cases (year, region_path);
)sql"},
  };
}

}  // namespace pufa::legality
