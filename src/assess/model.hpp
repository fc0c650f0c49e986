// Plain records of assessment and acceptance inspection (考核与总结验收): indicator sets (评分表) as a
// tree of up to three levels whose leaves carry their points, how they are checked, their scoring
// standard and, where the records can answer, the measure that scores them; rounds (e.g. the 2020
// 七五 总结验收) with their phases, units, inspection groups, the units' self-assessment and the
// groups' scores per leaf, rectification items, and the results frozen when the round is locked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/standard.hpp"
#include "base/time.hpp"

namespace pufa::assess {

// Which sheet a unit is scored on.
namespace category {
inline constexpr std::string_view township = "township";      // 乡镇街道
inline constexpr std::string_view department = "department";  // 部门
inline constexpr std::string_view school = "school";          // 学校
inline constexpr std::string_view enterprise = "enterprise";  // 企业
}  // namespace category
inline constexpr std::string_view categories[] = {category::township, category::department, category::school,
                                                  category::enterprise};
bool is_category(std::string_view code);

// An item of the tree: a group (level 1 or 2, its points the sum of what is under it) or a leaf.
namespace item_kind {
inline constexpr std::string_view group = "group";
inline constexpr std::string_view normal = "normal";  // scored within its 标准分
inline constexpr std::string_view bonus = "bonus";    // 加分项: within the set's bonus cap
inline constexpr std::string_view veto = "veto";      // 一票否决: triggered or not
}  // namespace item_kind

// How a leaf is checked (考核方式).
inline constexpr std::string_view methods[] = {"ledger", "report", "onsite", "survey", "auto"};
bool is_method(std::string_view code);

// What the records count for a leaf (数据自动).
namespace source {
inline constexpr std::string_view activity = "activity";              // the ledger's activities
inline constexpr std::string_view study_record = "study_record";      // 学法记录
inline constexpr std::string_view article = "article";                // articles the unit published
inline constexpr std::string_view exam_sat = "exam_sat";              // the unit's examinees who sat (人次)
inline constexpr std::string_view exam_pass_rate = "exam_pass_rate";  // their pass rate, %
inline constexpr std::string_view duty_done_rate = "duty_done_rate";  // responsibility tasks done, %
// 行政机关负责人出庭应诉率: the unit's lawsuits of the period whose head appeared, % (legality/library.hpp)
inline constexpr std::string_view head_appearance_rate = "head_appearance_rate";
}  // namespace source
inline constexpr std::string_view sources[] = {source::activity,       source::study_record,   source::article,
                                               source::exam_sat,       source::exam_pass_rate, source::duty_done_rate,
                                               source::head_appearance_rate};
bool is_rate(std::string_view source);

struct Measure {
  std::string source;
  std::optional<std::string> theme, form, six_place, study_kind;
};

struct Item {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  int seq = 0, level = 1;
  std::string code;  // "1", "1.2", "1.2.3": its place in the tree
  std::string kind{item_kind::normal};
  std::string title;     // a group's name, a leaf's 具体内容
  std::string standard;  // 评分标准 (parsed: standard.hpp)
  double points = 0;     // 标准分; a bonus leaf: the most it adds; a veto: 0
  std::string method{"ledger"};
  std::string evidence;  // 考核依据: what is looked at
  std::optional<Measure> measure;
  std::vector<Item> children;  // groups only
};

namespace set_status {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view active = "active";
}  // namespace set_status

// A versioned indicator set for one category of unit.
struct IndicatorSet {
  std::int64_t id = 0;
  std::string code;  // the same across versions
  int version = 1;
  std::string name, edition;  // edition: 七五 / 八五 / 省级 / 法治政府建设示范 …
  std::string category{category::township};
  std::string status{set_status::draft};
  double total = 0;      // the normal leaves' points
  double bonus_cap = 0;  // 加分项 add at most this
  std::string region_path;
  base::Millis created_at = 0, updated_at = 0;
  std::vector<Item> items;  // level 1 first, children nested
};

// A round moves draft → self_assess (自查自评 and 材料上报) → inspection (实地验收) → review (审核)
// → locked (results frozen) → published (公布).
namespace round_status {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view self_assess = "self_assess";
inline constexpr std::string_view inspection = "inspection";
inline constexpr std::string_view review = "review";
inline constexpr std::string_view locked = "locked";
inline constexpr std::string_view published = "published";
}  // namespace round_status
inline constexpr std::string_view phase_codes[] = {"self_assess", "submission", "inspection", "review", "publish"};

struct Phase {
  std::string phase;  // a phase_codes code
  std::string starts_on, ends_on;
};

// Which score counts for a leaf: the inspection group's where given, else the self-assessment's; or
// the two weighted (self_weight percent of the self score).
namespace final_rule {
inline constexpr std::string_view inspection_first = "inspection_first";
inline constexpr std::string_view weighted = "weighted";
}  // namespace final_rule

struct Bands {
  double excellent = 90, good = 80, pass = 60;  // the lowest score of 优秀, 良好, 合格; below: 不合格
};

struct Round {
  std::int64_t id = 0;
  int year = 0;
  std::string title;
  std::string period_from, period_to;  // the records counted (Shanghai dates)
  std::string status{round_status::draft};
  std::vector<Phase> phases;
  std::string rule{final_rule::inspection_first};
  int self_weight = 30;
  Bands bands;
  std::string region_path;
  std::optional<base::Millis> locked_at, published_at;
  base::Millis created_at = 0, updated_at = 0;
};

// A unit in a round: its sheet, its group and how far it is.
namespace unit_status {
inline constexpr std::string_view pending = "pending";      // self-assessing
inline constexpr std::string_view submitted = "submitted";  // 材料上报: self-assessment handed in
inline constexpr std::string_view confirmed = "confirmed";  // the group leader confirmed the inspection sheet
}  // namespace unit_status

struct RoundUnit {
  std::int64_t id = 0, round_id = 0, unit_id = 0, set_id = 0;
  std::string unit_name, region_path;  // shown
  std::int64_t region_id = 0;
  std::string category;
  std::optional<std::int64_t> group_id;
  std::string status{unit_status::pending};
  std::string report;  // 自查报告
  std::vector<std::int64_t> attachment_ids;
  std::optional<base::Millis> submitted_at, confirmed_at;
  std::optional<std::int64_t> confirmed_by;
};

struct Group {
  std::int64_t id = 0, round_id = 0;
  int seq = 0;
  std::string name;         // 第一检查组
  std::string leader_name;  // the city leader who leads it, as the notice names them
  std::optional<std::int64_t> leader_user_id;
  std::vector<std::int64_t> member_ids;  // inspectors' accounts
  std::vector<std::int64_t> unit_ids;    // shown: the round units it visits (assess_round_units.group_id)
};

// A record given as evidence: a ledger record or an upload.
struct EvidenceRef {
  std::string kind;  // activity | study_record | channel_item | upload
  std::int64_t id = 0;
  std::string title, date;  // shown
};

// One leaf's scores in one unit's sheet. A veto leaf's score is 1 when triggered, 0 when not.
struct Score {
  std::int64_t round_unit_id = 0, item_id = 0;
  std::optional<double> self;
  std::string self_note;
  std::vector<EvidenceRef> evidence;
  std::optional<double> inspect;
  std::string inspect_note;
  std::vector<std::int64_t> photo_ids;
  std::optional<base::Millis> self_at, inspect_at;
  std::optional<std::int64_t> inspect_by;
};

namespace fix_status {
inline constexpr std::string_view open = "open";
inline constexpr std::string_view answered = "answered";
inline constexpr std::string_view returned = "returned";
inline constexpr std::string_view accepted = "accepted";
}  // namespace fix_status

// 整改: raised on a leaf of a unit's sheet, closed by the unit with evidence, accepted or returned.
struct Fix {
  std::int64_t id = 0, round_id = 0, round_unit_id = 0, item_id = 0;
  std::string unit_name, item_code, item_title;  // shown
  std::string text;
  std::optional<std::string> deadline;
  std::string status{fix_status::open};
  std::string answer;
  std::vector<EvidenceRef> evidence;
  std::optional<std::string> return_reason;
  std::optional<base::Millis> answered_at, decided_at;
  base::Millis raised_at = 0;
  std::int64_t raised_by = 0;
};

}  // namespace pufa::assess
