#include "duty/digest.hpp"
#include "duty/routes.hpp"

namespace pufa::duty {

std::vector<db::Migration> migrations() {
  return {
      {"duty", 1, "work points, responsibility lists with their versions, tasks and evidence, bulletins", R"sql(
CREATE TABLE duty_plans (
  id {{pk}},
  year INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  issued_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE duty_points (
  id {{pk}},
  plan_id BIGINT NOT NULL REFERENCES duty_plans (id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  section TEXT NOT NULL,
  text TEXT NOT NULL,
  day TEXT,
  lead_unit_id BIGINT REFERENCES units (id),
  co_unit_ids TEXT NOT NULL,
  deadline TEXT,
  rule TEXT NOT NULL
);
CREATE INDEX duty_points_plan ON duty_points (plan_id, seq);

CREATE TABLE duty_lists (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units (id),
  year INTEGER NOT NULL,
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  published_version INTEGER,
  change_reason TEXT,
  return_reason TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (unit_id, year)
);
CREATE INDEX duty_lists_scope ON duty_lists (year, region_path);

CREATE TABLE duty_list_items (
  id {{pk}},
  list_id BIGINT NOT NULL REFERENCES duty_lists (id),
  seq INTEGER NOT NULL,
  content TEXT NOT NULL,
  laws TEXT NOT NULL,
  leader TEXT NOT NULL,
  owner TEXT NOT NULL,
  office TEXT NOT NULL,
  audience TEXT NOT NULL,
  carrier TEXT NOT NULL,
  measures TEXT NOT NULL,
  standard TEXT NOT NULL,
  deadline TEXT,
  rule TEXT NOT NULL
);
CREATE INDEX duty_list_items_list ON duty_list_items (list_id, seq);

CREATE TABLE duty_list_versions (
  list_id BIGINT NOT NULL REFERENCES duty_lists (id),
  version INTEGER NOT NULL,
  reason TEXT NOT NULL,
  index_no TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  published_at BIGINT NOT NULL,
  published_by BIGINT,
  PRIMARY KEY (list_id, version)
);

CREATE TABLE duty_tasks (
  id {{pk}},
  year INTEGER NOT NULL,
  source TEXT NOT NULL,
  source_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units (id),
  role TEXT NOT NULL,
  region_path TEXT NOT NULL,
  title TEXT NOT NULL,
  deadline TEXT,
  rule TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT,
  return_reason TEXT,
  answered_at BIGINT,
  answered_by BIGINT,
  decided_at BIGINT,
  decided_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (source, source_id, unit_id)
);
CREATE INDEX duty_tasks_scope ON duty_tasks (year, region_path);
CREATE INDEX duty_tasks_unit ON duty_tasks (unit_id, year);
CREATE INDEX duty_tasks_status ON duty_tasks (status, region_path);

CREATE TABLE duty_task_evidence (
  task_id BIGINT NOT NULL REFERENCES duty_tasks (id),
  record_kind TEXT NOT NULL,
  record_id BIGINT NOT NULL,
  added_by BIGINT,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (task_id, record_kind, record_id)
);

CREATE TABLE duty_ledger_digests (
  kind TEXT NOT NULL,
  unit_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  records BIGINT NOT NULL,
  facts TEXT NOT NULL,
  PRIMARY KEY (kind, unit_id, year)
);

CREATE TABLE duty_bulletins (
  id {{pk}},
  year INTEGER NOT NULL,
  serial INTEGER NOT NULL,
  title TEXT NOT NULL,
  as_of TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  remarks TEXT NOT NULL,
  body TEXT NOT NULL,
  issued_by BIGINT,
  issued_at BIGINT NOT NULL,
  UNIQUE (year, serial)
);
)sql", digest::rebuild_all},
      {"duty", 2, "行政处罚决定 imported for 以案释法, each with the draft case it became", R"sql(
CREATE TABLE duty_penalties (
  id {{pk}},
  doc_no TEXT NOT NULL UNIQUE,
  unit_id BIGINT NOT NULL REFERENCES units (id),
  region_path TEXT NOT NULL,
  enforcer TEXT NOT NULL,
  party TEXT NOT NULL,
  party_kind TEXT NOT NULL,
  offence TEXT NOT NULL,
  facts TEXT NOT NULL,
  basis TEXT NOT NULL,
  penalty TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  cited TEXT NOT NULL,
  case_id BIGINT,
  imported_by BIGINT,
  imported_at BIGINT NOT NULL
);
CREATE INDEX duty_penalties_scope ON duty_penalties (region_path, decided_on);
CREATE INDEX duty_penalties_unit ON duty_penalties (unit_id, case_id);
)sql"},
      {"duty", 3, "履职评议: review rounds, units' reports with attachments, score sheets, the public's one-time codes, ballots and marks", R"sql(
CREATE TABLE duty_review_rounds (
  id {{pk}},
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  intro TEXT NOT NULL,
  status TEXT NOT NULL,
  weights TEXT NOT NULL,
  bands TEXT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  exclude_flagged INTEGER NOT NULL,
  published_at BIGINT,
  results TEXT,
  vote_salt TEXT NOT NULL,
  region_path TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE duty_review_entries (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES duty_review_rounds (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  report TEXT NOT NULL,
  video_url TEXT NOT NULL,
  attachments TEXT NOT NULL,
  submitted_at BIGINT,
  submitted_by BIGINT,
  UNIQUE (round_id, unit_id)
);

CREATE TABLE duty_review_sheets (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES duty_review_rounds (id),
  source TEXT NOT NULL,
  scorer TEXT NOT NULL,
  scores TEXT NOT NULL,
  entered_by BIGINT,
  entered_at BIGINT NOT NULL
);
CREATE INDEX duty_review_sheets_round ON duty_review_sheets (round_id);

CREATE TABLE duty_review_codes (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES duty_review_rounds (id),
  phone_hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  failures INTEGER NOT NULL,
  used INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX duty_review_codes_phone ON duty_review_codes (round_id, phone_hash, id);

CREATE TABLE duty_review_ballots (
  id {{pk}},
  round_id BIGINT NOT NULL REFERENCES duty_review_rounds (id),
  phone_hash TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  flag TEXT NOT NULL,
  cast_at BIGINT NOT NULL,
  UNIQUE (round_id, phone_hash)
);
CREATE INDEX duty_review_ballots_address ON duty_review_ballots (round_id, address_hash, cast_at);
CREATE INDEX duty_review_ballots_time ON duty_review_ballots (round_id, cast_at);

CREATE TABLE duty_review_marks (
  ballot_id BIGINT NOT NULL REFERENCES duty_review_ballots (id),
  entry_id BIGINT NOT NULL REFERENCES duty_review_entries (id),
  mark TEXT NOT NULL,
  PRIMARY KEY (ballot_id, entry_id)
);
)sql"},
      {"duty", 4, "履职报告 and 述职述法 of a unit and year; reminders sent, one per unit and day", R"sql(
CREATE TABLE duty_reports (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES units (id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  return_reason TEXT,
  region_path TEXT NOT NULL,
  submitted_at BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (unit_id, year, kind)
);
CREATE INDEX duty_reports_scope ON duty_reports (region_path, year);

CREATE TABLE duty_reminders (
  unit_id BIGINT NOT NULL REFERENCES units (id),
  day TEXT NOT NULL,
  year INTEGER NOT NULL,
  open BIGINT NOT NULL,
  overdue BIGINT NOT NULL,
  recipients BIGINT NOT NULL,
  sent_by BIGINT,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (unit_id, day)
);
)sql"},
  };
}

}  // namespace pufa::duty
