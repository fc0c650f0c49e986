// What other areas read of the ledger (the responsibility system's rules and evidence): the
// dates of a unit's records that match a rule, one record by kind and id, and a unit's records to
// pick as evidence. Returned records never count. The ledger's tables are touched only here and
// in the activity area's other files.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace pufa::activity::library {

// Record kinds as other areas name them (codes on the wire).
inline constexpr std::string_view activity_kind = "activity";
inline constexpr std::string_view study_kind = "study_record";
bool is_kind(std::string_view kind);

struct Criteria {
  std::string kind;  // activity | study_record
  std::int64_t unit_id = 0;
  std::string from, to;  // dates, inclusive
  // Activities: theme (a dictionary value), form, six_place codes; study records: study kind.
  std::optional<std::string> theme, form, six_place, study_kind;
};

struct Match {
  std::int64_t id = 0;
  std::string date, title;
};

// Records matching, oldest first (at most `limit`).
std::vector<Match> matching(db::Connection& conn, Criteria const& criteria, std::size_t limit = 1000);

// What a rule looks at in a record, for many units at once (bulletins, the overview, 10,000 tasks).
struct Fact {
  std::int64_t unit_id = 0;
  std::string day;
  std::optional<std::string> theme, form, six_place, study_kind;
};
// The units' records of a kind dated in [from, to], not returned, by unit then day: one index-only
// read per 500 units (activities (unit_id, starts_on, status, theme, form, six_place)), no sort.
std::vector<Fact> facts(db::Connection& conn, std::string_view kind, std::vector<std::int64_t> const& unit_ids,
                        std::string const& from, std::string const& to);

// The (unit, year) pairs of a kind that have records (a digest built from scratch).
std::vector<std::pair<std::int64_t, int>> unit_years(db::Connection& conn, std::string_view kind);

// Told inside a ledger write's transaction which unit's records of which year changed (a record
// created, edited, deleted, approved or returned): the responsibility system keeps its digest of
// the ledger current by it. Observers are registered at wiring time, before serving; registering
// the same function twice adds it once.
using ChangeObserver = void (*)(db::Connection& conn, std::string_view kind, std::int64_t unit_id, int year);
void on_change(ChangeObserver observer);
// For the activity area's own writes: `unit_id` and `day` as stored (either may be absent).
void changed(db::Connection& conn, std::string_view kind, std::optional<std::string> const& unit_id,
             std::optional<std::string> const& day);

struct RecordRef {
  std::string kind;
  std::int64_t id = 0;
  std::optional<std::int64_t> unit_id;
  std::string date, title, status, region_path;
};

// Kinds a unit's record may be shown or picked as: activity, study_record, and channel_item (an item of a
// channel the unit runs, 运营单位; it has no review status).
inline constexpr std::string_view channel_item_kind = "channel_item";
bool is_record_kind(std::string_view kind);
std::optional<RecordRef> record(db::Connection& conn, std::string_view kind, std::int64_t id);
// A unit's records of a kind, newest first, not returned; `q` matches the title; `from`/`to` (YYYY-MM-DD,
// both or neither) keep those dated within.
std::vector<RecordRef> unit_records(db::Connection& conn, std::string_view kind, std::int64_t unit_id,
                                    std::string const& q, std::size_t limit, std::string const& from = {},
                                    std::string const& to = {});
// Activities held in each village (level-3 region) of the subtree and dated in [from, to], not returned, by
// region id (the rule-of-law village criteria).
std::map<std::int64_t, std::int64_t> activities_by_region(db::Connection& conn, std::string const& region_path,
                                                          std::string const& from, std::string const& to);

// Whether the value is in the activity-theme dictionary (a rule naming a theme).
bool theme_exists(db::Connection& conn, std::string_view theme);
// Whether a code is one of the choice list's (form, six_place, study_kind).
bool has_choice(std::string_view list, std::string_view code);

}  // namespace pufa::activity::library
