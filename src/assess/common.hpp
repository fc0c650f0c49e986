// What the assessment use cases share: who may see and do what, loading with 404s, audit rows, and
// the sheet computed from the set, the scores and the records (sheet.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/measures.hpp"
#include "assess/service.hpp"
#include "auth/principal.hpp"
#include "db/database.hpp"
#include "org/directory.hpp"

namespace pufa::assess {

// 乡镇街道, 部门, 学校, 企业: a category as sheets, messages and files word it.
std::string_view category_words(std::string_view category);

void require_any(auth::Principal const& caller);
void require_manage(auth::Principal const& caller);
// Whether the caller acts for the unit as its liaison (or the coordinator, in their subtree).
bool acts_for(auth::Principal const& caller, org::directory::Unit const& unit);
bool in_group(Group const& group, std::int64_t user_id);

Round load_round(db::Connection& conn, std::int64_t id);
IndicatorSet load_set(db::Connection& conn, std::int64_t id);
// The round unit of the round, with its unit's name and region; 404 when it is another round's.
RoundUnit load_unit(db::Connection& conn, Round const& round, std::int64_t round_unit_id);
void name_units(db::Connection& conn, std::vector<RoundUnit>& units);
std::optional<Group> group_of(db::Connection& conn, RoundUnit const& unit);

// Sees the round: the coordinator in its subtree, a liaison whose unit takes part, an inspector in one of its groups.
bool sees_round(db::Connection& conn, auth::Principal const& caller, Round const& round);
// Sees the unit's sheet: the coordinator, the unit's liaison, the members of the unit's group.
bool sees_sheet(db::Connection& conn, auth::Principal const& caller, Round const& round, RoundUnit const& unit);
void require_open(Round const& round);  // 409 round_locked once locked or published

void audit(db::Connection& conn, auth::Actor const& actor, std::string action, std::string type, std::int64_t id,
           std::string detail = {});
std::string today();

// Evidence a unit gives (sheets.cpp): its own ledger records (activity, study_record, channel_item), or files the
// caller uploaded (upload); 422 evidence_not_own for another unit's.
std::vector<EvidenceRef> own_evidence(db::Connection& conn, auth::Principal const& caller, std::int64_t unit_id,
                                      std::vector<std::pair<std::string, std::int64_t>> const& refs);

// Every leaf of the set, depth first.
std::vector<Item const*> leaves_of(IndicatorSet const& set);
// The unit's sheet: automatic scores from the counter, the entered scores, the final per leaf and the totals.
// `standards`: the set's parsed standards by item id, filled on first use (a round's units share a set).
std::vector<Leaf> compute_leaves(Round const& round, IndicatorSet const& set, RoundUnit const& unit,
                                 std::vector<Score> const& scores, Counter& counter, bool with_records,
                                 std::map<std::int64_t, Standard>* standards = nullptr);
Totals totals_of(Round const& round, IndicatorSet const& set, std::vector<Leaf> const& leaves);
std::string grade_of(Bands const& bands, Totals const& totals);
// Every unit of the round scored and ranked within its category (vetoed units last; ties share a rank).
std::vector<Ranked> live_results(db::Connection& conn, Round const& round, std::vector<RoundUnit> units);
std::string results_text(std::vector<Ranked> const& results);
std::vector<Ranked> results_from_text(std::string const& text);

}  // namespace pufa::assess
