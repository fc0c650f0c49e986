#include "service/routes.hpp"

namespace pufa::service {

std::vector<db::Migration> migrations() {
  return {
      {"service", 1, "公共法律服务: stations, the work standard, remote villages, service days with check-in codes, logs, bookings, call-backs, legal aid, phone codes", R"sql(
CREATE TABLE service_stations (
  id {{pk}},
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  hours TEXT,
  staff TEXT,
  windows TEXT,
  brand TEXT,
  brand_intro TEXT,
  photo_ids TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX service_stations_scope ON service_stations (region_path);

CREATE TABLE service_standard (
  id INTEGER PRIMARY KEY,
  days_of_month TEXT NOT NULL,
  town_days INTEGER NOT NULL,
  remote_days INTEGER NOT NULL,
  villages_per_day INTEGER NOT NULL,
  lectures_per_quarter INTEGER NOT NULL,
  answer_hours INTEGER NOT NULL,
  subsidy_per_day INTEGER NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
INSERT INTO service_standard (id, days_of_month, town_days, remote_days, villages_per_day, lectures_per_quarter,
                              answer_hours, subsidy_per_day, updated_at)
VALUES (1, '8,18,28', 2, 1, 3, 1, 48, 200, 0);

CREATE TABLE service_remote_villages (
  region_id BIGINT PRIMARY KEY,
  region_path TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE service_days (
  id {{pk}},
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  advisor_id BIGINT NOT NULL,
  contract_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  nominal_on TEXT NOT NULL,
  planned_on TEXT NOT NULL,
  moved TEXT,
  status TEXT NOT NULL,
  code_hash TEXT,
  code_salt TEXT,
  code_expires_at BIGINT,
  code_failures INTEGER NOT NULL DEFAULT 0,
  checked_in_at BIGINT,
  verified_at BIGINT,
  verified_by TEXT,
  verifier_id BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (region_id, planned_on)
);
CREATE INDEX service_days_scope ON service_days (region_path, planned_on);
CREATE INDEX service_days_advisor ON service_days (advisor_id, planned_on);
CREATE INDEX service_days_year ON service_days (year, region_path);

CREATE TABLE service_bookings (
  id {{pk}},
  ref TEXT NOT NULL UNIQUE,
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  advisor_id BIGINT,
  topic TEXT NOT NULL,
  preferred_on TEXT NOT NULL,
  agreed_on TEXT,
  proposed_on TEXT,
  proposal_note TEXT,
  question TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  phone_index TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  answered_at BIGINT,
  served_at BIGINT,
  served_note TEXT,
  rating TEXT,
  rating_comment TEXT,
  rated_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX service_bookings_scope ON service_bookings (region_path, created_at);
CREATE INDEX service_bookings_advisor ON service_bookings (advisor_id, status);

CREATE TABLE service_logs (
  id {{pk}},
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  advisor_id BIGINT NOT NULL,
  day_id BIGINT REFERENCES service_days (id),
  booking_id BIGINT REFERENCES service_bookings (id),
  served_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  topic TEXT,
  parties TEXT,
  summary TEXT NOT NULL,
  minutes INTEGER,
  photo_ids TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX service_logs_scope ON service_logs (region_path, served_on);
CREATE INDEX service_logs_advisor ON service_logs (advisor_id, served_on);

CREATE TABLE service_callbacks (
  id {{pk}},
  booking_id BIGINT NOT NULL UNIQUE REFERENCES service_bookings (id),
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT,
  closed_by BIGINT,
  closed_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX service_callbacks_scope ON service_callbacks (region_path, status);

CREATE TABLE service_aid (
  id {{pk}},
  ref TEXT NOT NULL UNIQUE,
  token_hash TEXT,
  region_id BIGINT NOT NULL,
  region_path TEXT NOT NULL,
  village_id BIGINT,
  origin_kind TEXT,
  origin_id BIGINT,
  referred_by BIGINT,
  advisor_id BIGINT,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  id_number TEXT NOT NULL,
  id_index TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  matter TEXT NOT NULL,
  opponent TEXT,
  facts TEXT NOT NULL,
  household_size INTEGER NOT NULL,
  monthly_income INTEGER NOT NULL,
  exemption TEXT NOT NULL,
  status TEXT NOT NULL,
  received_on TEXT NOT NULL,
  decide_by TEXT NOT NULL,
  decided_on TEXT,
  decided_by BIGINT,
  refusal_reason TEXT,
  assign_by TEXT,
  assigned_on TEXT,
  lawyer TEXT,
  firm TEXT,
  lawyer_phone TEXT,
  closed_on TEXT,
  outcome TEXT,
  close_note TEXT,
  followed_up_on TEXT,
  follow_up_note TEXT,
  satisfaction TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX service_aid_scope ON service_aid (region_path, received_on);
CREATE INDEX service_aid_origin ON service_aid (origin_kind, origin_id);

CREATE TABLE service_codes (
  id {{pk}},
  phone_index TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  used INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX service_codes_phone ON service_codes (phone_index, created_at);
)sql"},
      {"service", 2, "bookings at a station, and the day-before reminder sent", R"sql(
ALTER TABLE service_bookings ADD COLUMN station_id BIGINT;
ALTER TABLE service_bookings ADD COLUMN reminded_at BIGINT;
CREATE INDEX service_bookings_agreed ON service_bookings (status, agreed_on);
)sql"},
  };
}

}  // namespace pufa::service
