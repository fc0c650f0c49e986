// Assessment's use cases in the house order: authorise (assess.manage for the 普法办's work; assess.self
// for a unit's own sheet, as its liaison; assess.inspect for the units of the caller's inspection group)
// → validate → load → one db.write with its audit row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/model.hpp"
#include "auth/directory.hpp"
#include "auth/principal.hpp"
#include "db/database.hpp"
#include "http/error.hpp"
#include "org/directory.hpp"
#include "todo/todo.hpp"

namespace pufa::assess {

inline constexpr std::string_view manage = "assess.manage";
inline constexpr std::string_view self = "assess.self";
inline constexpr std::string_view inspect = "assess.inspect";

inline constexpr http::ErrorCode round_locked{409, "round_locked", "考核结果已锁定，不能再修改"};
inline constexpr http::ErrorCode wrong_state{409, "wrong_state", "当前阶段不允许此操作"};
inline constexpr http::ErrorCode set_in_use{409, "set_in_use", "评分表已启用，不能修改；请新建版本后修改"};
inline constexpr http::ErrorCode score_out_of_range{422, "score_out_of_range", "得分超出该项分值范围"};
inline constexpr http::ErrorCode item_not_in_sheet{422, "item_not_in_sheet", "该指标不属于本单位的评分表"};
inline constexpr http::ErrorCode rule_invalid{422, "rule_invalid", "评分标准无法解析"};
inline constexpr http::ErrorCode auto_scored{422, "auto_scored", "该项由台账数据自动计分，单位无需自评"};
inline constexpr http::ErrorCode not_in_group{403, "not_in_group", "只能为本检查组负责的单位打分"};
inline constexpr http::ErrorCode evidence_not_own{422, "evidence_not_own", "只能选择本单位的记录作为佐证"};

inline constexpr std::size_t max_leaves = 500;

struct SetInput {
  std::string name, edition, category;
  double bonus_cap = 0;
  std::vector<Item> items;
};

struct RoundInput {
  int year = 0;
  std::string title, period_from, period_to;
  std::vector<Phase> phases;
  std::string rule{final_rule::inspection_first};
  int self_weight = 30;
  Bands bands;
  std::vector<std::pair<std::int64_t, std::int64_t>> units;  // (unit, set); set 0: the sheet of the unit's type
};

// One leaf of a unit's sheet as it stands.
struct Leaf {
  Item const* item = nullptr;
  Standard standard;
  std::optional<AutoScore> automatic;  // from the records (measured leaves)
  double found = 0;                    // what the records counted (or the rate)
  bool found_any = false;
  std::vector<EvidenceRef> records;    // behind the automatic score (one unit's sheet only)
  Score score;                         // what was entered
  std::optional<double> self, inspection, final;  // self: the automatic score where there is one
};

struct Totals {
  double self = 0, inspection = 0, final = 0;  // base + bonus (capped)
  double bonus = 0;                            // the final bonus, capped
  bool vetoed = false;
  bool inspected = false;  // the unit has an inspection score on some leaf
  std::string grade;       // excellent | good | pass | fail
};

struct SheetView {
  Round round;
  RoundUnit unit;
  IndicatorSet set;
  std::vector<Leaf> leaves;  // in the set's order (depth first)
  Totals totals;
  std::optional<Group> group;
  std::vector<Fix> fixes;
  std::vector<std::pair<std::int64_t, std::string>> attachments;  // (id, name) of the 自查报告's files
  bool can_self = false, can_inspect = false, can_confirm = false, can_raise = false;
};

// A gap before the visit: a leaf without evidence, unscored, or scoring low from the records.
struct Gap {
  std::string item_code, item_title, reason;  // reason: no_evidence | not_scored | low_auto
  double points = 0;
  std::optional<double> score;
  std::string words;
};

struct Ranked {
  std::int64_t round_unit_id = 0, unit_id = 0;
  std::string unit_name, category;
  std::optional<std::int64_t> group_id;
  Totals totals;
  int rank = 0;  // within the category
};

struct RoundView {
  Round round;
  std::vector<RoundUnit> units;
  std::vector<Group> groups;
  std::vector<std::string> group_member_names;  // per group: "成员 A、B"
  std::vector<Ranked> results;                  // live, or frozen once locked
  std::int64_t open_fixes = 0;
  bool can_manage = false;
};

struct RoundSummary {
  Round round;
  std::int64_t units = 0, submitted = 0, confirmed = 0, groups = 0;
};

struct LeafInput {
  std::optional<double> score;  // a veto leaf: 1 triggered, 0 not
  std::string note;
  std::vector<std::pair<std::string, std::int64_t>> evidence;  // self: (kind, id)
  std::vector<std::int64_t> photo_ids;                         // inspection
};

struct GroupInput {
  std::string name, leader_name;
  std::optional<std::int64_t> leader_user_id;
  std::vector<std::int64_t> member_ids, round_unit_ids;
};

// A unit the coordinator may put in a round: the category its type and place give it (none for types no
// sheet is for) and the active sheet of that category it would be scored on.
struct UnitChoice {
  org::directory::Unit unit;
  std::string region_name;
  std::optional<std::string> category;
  std::optional<IndicatorSet> set;  // the head only
};

struct Overview {
  std::optional<std::int64_t> round_id;
  std::optional<int> year;
  std::int64_t groups = 0, townships = 0, departments = 0;
};

class AssessService {
 public:
  explicit AssessService(db::Database& db) : db_(db) {}

  std::vector<IndicatorSet> sets(auth::Actor const& actor) const;
  IndicatorSet set(auth::Actor const& actor, std::int64_t id) const;
  IndicatorSet create_set(auth::Actor const& actor, SetInput input) const;
  IndicatorSet update_set(auth::Actor const& actor, std::int64_t id, SetInput input) const;  // a draft's
  IndicatorSet activate_set(auth::Actor const& actor, std::int64_t id) const;
  IndicatorSet new_version(auth::Actor const& actor, std::int64_t id) const;  // a draft copy, version n+1
  // From an uploaded score sheet (assess/sheet_file.hpp): a new draft, or a draft's items replaced.
  IndicatorSet import_set(auth::Actor const& actor, std::optional<std::int64_t> id, SetInput head, std::string_view bytes) const;

  std::vector<RoundSummary> rounds(auth::Actor const& actor) const;
  RoundView round(auth::Actor const& actor, std::int64_t id) const;
  RoundView create_round(auth::Actor const& actor, RoundInput input) const;
  RoundView update_round(auth::Actor const& actor, std::int64_t id, RoundInput input) const;
  // draft → self_assess → inspection → review; then lock (results frozen) and publish.
  RoundView advance(auth::Actor const& actor, std::int64_t id, std::string const& to) const;
  RoundView set_groups(auth::Actor const& actor, std::int64_t id, std::vector<GroupInput> groups) const;

  SheetView sheet(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const;
  std::vector<Gap> gaps(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const;
  SheetView save_self(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id, std::int64_t item_id,
                      LeafInput input) const;
  SheetView save_report(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id, std::string report,
                        std::vector<std::int64_t> attachment_ids) const;
  SheetView submit(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const;
  SheetView reopen(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const;  // the coordinator
  SheetView save_inspection(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id, std::int64_t item_id,
                            LeafInput input) const;
  SheetView confirm(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id) const;
  // A unit's records of a kind (activity, study_record, channel_item) to pick as evidence: those dated within
  // the round's period, or (any_date) any.
  std::vector<EvidenceRef> candidates(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id,
                                      std::string const& kind, std::string const& q, bool any_date = false) const;

  Fix raise_fix(auth::Actor const& actor, std::int64_t round_id, std::int64_t round_unit_id, std::int64_t item_id,
                std::string text, std::optional<std::string> deadline) const;
  std::vector<Fix> fixes(auth::Actor const& actor, std::int64_t round_id) const;  // the caller's units' only, for a liaison
  Fix answer_fix(auth::Actor const& actor, std::int64_t id, std::string answer,
                 std::vector<std::pair<std::string, std::int64_t>> evidence) const;
  Fix accept_fix(auth::Actor const& actor, std::int64_t id) const;
  Fix return_fix(auth::Actor const& actor, std::int64_t id, std::string reason) const;

  // The round's groups the caller sits in, with their units (the inspector's home).
  std::vector<std::pair<Round, Group>> my_groups(auth::Actor const& actor) const;
  // The units in the caller's subtree with the sheet each would get in the round (a new round without one).
  std::vector<UnitChoice> unit_choices(auth::Actor const& actor, std::optional<std::int64_t> round_id) const;
  // Accounts in the caller's subtree that may sit in a group (the group editor's choices).
  std::vector<auth::directory::Member> inspectors(auth::Actor const& actor) const;
  // The to-do centre's counts: assess.sheets.submit (a liaison's sheets not handed in during 自查自评),
  // assess.units.inspect (the caller's groups' units not confirmed during 实地验收), assess.fixes.answer
  // (a liaison's open or returned rectifications), assess.fixes.decide (answered ones, for the coordinator).
  std::vector<todo::Item> todo(auth::Principal const& caller) const;
  // Published rounds' results for everyone: the rounds, newest first, and one round's ranking.
  std::vector<RoundSummary> public_rounds() const;
  RoundView public_results(std::int64_t id) const;

  static Overview overview(db::Connection& conn, std::string const& region_path);

 private:
  db::Database& db_;
};

}  // namespace pufa::assess
