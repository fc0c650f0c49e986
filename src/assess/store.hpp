// The assessment area's SQL (assess_* tables): the only place they are touched, with the area's demo.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/model.hpp"
#include "db/database.hpp"

namespace pufa::assess::store {

// Sets: the head row and the item tree (replaced whole while a draft).
std::int64_t insert_set(db::Connection& conn, IndicatorSet const& set, std::int64_t by);
void update_set(db::Connection& conn, IndicatorSet const& set);  // head fields
void replace_items(db::Connection& conn, std::int64_t set_id, std::vector<Item>& items);  // ids and codes filled in
std::optional<IndicatorSet> find_set(db::Connection& conn, std::int64_t id);  // with its items
std::vector<IndicatorSet> all_sets(db::Connection& conn);                      // heads only, by code then version
int next_version(db::Connection& conn, std::string const& code);
std::int64_t rounds_using(db::Connection& conn, std::int64_t set_id);

std::int64_t insert_round(db::Connection& conn, Round const& round, std::int64_t by);
void update_round(db::Connection& conn, Round const& round);
std::optional<Round> find_round(db::Connection& conn, std::int64_t id);
std::vector<Round> all_rounds(db::Connection& conn);  // newest first
void set_results(db::Connection& conn, std::int64_t round_id, std::optional<std::string> const& results);
std::optional<std::string> results(db::Connection& conn, std::int64_t round_id);

// Units: kept when still named (their scores with them), added, or dropped with their scores.
void set_units(db::Connection& conn, std::int64_t round_id, std::vector<RoundUnit> const& units);
std::vector<RoundUnit> units(db::Connection& conn, std::int64_t round_id);  // by id
std::optional<RoundUnit> unit(db::Connection& conn, std::int64_t round_unit_id);
// The round units the user may act for as a liaison (by unit id), newest round first.
std::vector<RoundUnit> units_of(db::Connection& conn, std::vector<std::int64_t> const& unit_ids);
void set_report(db::Connection& conn, std::int64_t id, std::string const& report, std::vector<std::int64_t> const& attachments);
void set_unit_status(db::Connection& conn, std::int64_t id, std::string_view status, std::optional<std::int64_t> by,
                     base::Millis now);

// Groups: replaced whole; the units' group_id follows.
void replace_groups(db::Connection& conn, std::int64_t round_id, std::vector<Group>& groups);
std::vector<Group> groups(db::Connection& conn, std::int64_t round_id);
// Every round's groups with a member or leader `user_id`.
std::vector<Group> groups_of_user(db::Connection& conn, std::int64_t user_id);

std::vector<Score> scores(db::Connection& conn, std::int64_t round_unit_id);
// Every score of the round's units (results, rankings), by unit then item.
std::map<std::int64_t, std::vector<Score>> round_scores(db::Connection& conn, std::int64_t round_id);
void save_self(db::Connection& conn, Score const& score, std::int64_t by, base::Millis now);
void save_inspect(db::Connection& conn, Score const& score, std::int64_t by, base::Millis now);

std::int64_t insert_fix(db::Connection& conn, Fix const& fix);
void update_fix(db::Connection& conn, Fix const& fix, std::int64_t by, base::Millis now);
std::optional<Fix> find_fix(db::Connection& conn, std::int64_t id);
std::vector<Fix> fixes(db::Connection& conn, std::int64_t round_id, std::optional<std::int64_t> round_unit_id);
std::int64_t count_fixes(db::Connection& conn, std::vector<std::int64_t> const& round_unit_ids, std::string_view status);

// The latest round whose inspection has begun or is done (the overview's figures).
std::optional<Round> latest_round(db::Connection& conn, std::string const& region_path);

}  // namespace pufa::assess::store
