// Plain records of the responsibility system (普法责任制): the year's work points (年度工作要点),
// each unit's responsibility list (普法责任清单, the "四清单" columns) with its published versions,
// the tasks both become for their units, the evidence units answer with, and bulletins (情况通报).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"
#include "duty/basis.hpp"

namespace pufa::duty {

// What counts as done: records the platform counts, or a manual confirmation.
namespace rule_kind {
inline constexpr std::string_view manual = "manual";
inline constexpr std::string_view activity = "activity";          // the ledger
inline constexpr std::string_view study_record = "study_record";  // 学法记录
inline constexpr std::string_view legal_case = "case";             // 以案释法 published from the unit's penalty decisions
}  // namespace rule_kind

struct Rule {
  std::string kind{rule_kind::manual};
  std::int64_t min = 1;            // records required (per period)
  std::string period = "year";     // year | quarter (each quarter up to the deadline)
  std::optional<std::string> theme, form, six_place, study_kind;
};

// A work point's kind: a point (工作要点), a publicity day (重要时间节点) or a theme (专项主题).
namespace point_kind {
inline constexpr std::string_view point = "point";
inline constexpr std::string_view date_node = "date_node";
inline constexpr std::string_view theme = "theme";
}  // namespace point_kind

struct Point {
  std::int64_t id = 0;  // 0 for a new point
  // Shown, not stored: the units' names (common.hpp `name_units`).
  std::optional<std::string> lead_unit_name;
  std::vector<std::optional<std::string>> co_unit_names;
  int seq = 0;
  std::string kind{point_kind::point};
  std::string section, text;
  std::optional<std::string> day;  // date nodes: the publicity day
  std::optional<std::int64_t> lead_unit_id;
  std::vector<std::int64_t> co_unit_ids;
  std::optional<std::string> deadline;
  Rule rule;
};

namespace plan_status {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view issued = "issued";
}  // namespace plan_status

struct Plan {
  std::int64_t id = 0;
  int year = 0;
  std::string title;
  std::string status{plan_status::draft};
  std::optional<base::Millis> issued_at;
  base::Millis created_at = 0, updated_at = 0;
  std::vector<Point> points;
};

// A law an item names, and the law library's id for it when the library holds it.
struct LawLink {
  std::string name;
  std::optional<std::int64_t> law_id;
};

struct ListItem {
  std::int64_t id = 0;
  std::vector<LawLink> law_links;  // shown, not stored (common.hpp `link_laws`)
  int seq = 0;
  std::string content;  // 内容清单
  std::string laws;     // the laws to publicise, 、-separated (linked to the library when shown)
  std::string leader, owner, office;        // 责任清单: 责任领导, 责任人, 责任处室
  std::string audience, carrier, measures;  // 措施清单: 普法对象, 学习宣传载体, 方式措施
  std::string standard;                     // 标准清单
  std::optional<std::string> deadline;
  Rule rule;
};

// draft → submitted → returned (with a reason) → submitted … → published. A change after
// publication opens version n+1 as a draft with its reason; the published one stays readable.
namespace list_status {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view submitted = "submitted";
inline constexpr std::string_view returned = "returned";
inline constexpr std::string_view published = "published";
}  // namespace list_status

struct ListVersion {
  int version = 0;
  std::string reason;  // empty for the first
  std::string index_no;
  base::Millis published_at = 0;
};

struct DutyList {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  int year = 0;
  std::int64_t region_id = 0;
  std::string region_path;
  std::string status{list_status::draft};
  int version = 1;
  std::optional<int> published_version;
  std::optional<std::string> change_reason, return_reason, index_no;
  std::optional<base::Millis> published_at;
  base::Millis created_at = 0, updated_at = 0;
  std::vector<ListItem> items;
  std::vector<ListVersion> versions;
};

// Manual tasks move open → answered → done, or back to returned; rule tasks stay open in the
// table and are judged from the records whenever they are read.
namespace task_status {
inline constexpr std::string_view open = "open";
inline constexpr std::string_view answered = "answered";
inline constexpr std::string_view returned = "returned";
inline constexpr std::string_view done = "done";
}  // namespace task_status

struct Evidence {
  std::string kind;  // activity | study_record
  std::int64_t id = 0;
  std::string date, title, status;
};

struct Task {
  std::int64_t id = 0;
  int year = 0;
  std::string source;  // point | list_item
  std::int64_t source_id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string role;  // lead | co | owner
  std::string region_path;
  std::string title;
  std::optional<std::string> deadline;
  Rule rule;
  std::string status{task_status::open};
  std::optional<std::string> note, return_reason;
  std::optional<base::Millis> answered_at;
  std::vector<Evidence> evidence;
};

// What the records say of a task now.
struct Progress {
  std::int64_t count = 0, required = 0;  // records (year) or quarters (quarter) done and needed
  std::optional<std::string> last_on, done_on;  // latest matching record; the day it was done
  std::vector<Evidence> records;               // matching records (at most 20)
  // done (on time) | late (done after the deadline) | overdue | open | answered | returned
  std::string state;
};

struct BulletinRow {
  int rank = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::int64_t tasks = 0, on_time = 0, late = 0, overdue = 0, open = 0;
  double score = 0;  // (on time + 0.5 × late) ÷ tasks × 100
};

struct Bulletin {
  std::int64_t id = 0;
  int year = 0, serial = 0;
  std::string title, as_of;
  bool is_public = false;
  std::string remarks;
  base::Millis issued_at = 0;
  std::vector<BulletinRow> rows;
};

// 以案释法 from enforcement (谁执法谁普法): a 行政处罚决定 as the enforcement system publishes it,
// imported from its .xlsx or CSV, and the draft case in content it became.
namespace party_kind {
inline constexpr std::string_view person = "person";              // 自然人 (and a 个体工商户 named as a person): masked
inline constexpr std::string_view organisation = "organisation";  // 法人及非法人组织, 个体工商户 with a trade name
}  // namespace party_kind

struct Penalty {
  std::int64_t id = 0;
  std::string doc_no;       // 行政处罚决定书文号, unique
  std::int64_t unit_id = 0;  // 执法机关, a unit of the organisation
  std::string unit_name;     // shown, not stored
  std::string region_path;   // the unit's (scope)
  std::string enforcer;      // 处罚机关 as the file names it
  std::string party;         // 当事人 in the clear: masked on output when a person
  std::string party_kind{party_kind::organisation};
  std::string offence;                // 违法行为类型 (may be empty)
  std::string facts, basis, penalty;  // 违法事实, 处罚依据, 处罚内容
  std::string decided_on;             // 处罚决定日期
  std::vector<CitedArticle> cited;    // 处罚依据 read (basis.hpp)
  std::optional<std::int64_t> case_id;  // the 以案释法 article drafted from it
  std::optional<std::int64_t> imported_by;
  base::Millis imported_at = 0;
};

// 履职报告 and 述职述法: a unit's report of the year, drafted from its records and edited by the unit,
// handed in to the 普法办 (who may send it back with a reason); printable and as .docx.
namespace report_kind {
inline constexpr std::string_view performance = "performance";  // 普法履职报告
inline constexpr std::string_view legal = "legal";              // 述职述法报告
}  // namespace report_kind

namespace report_status {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view submitted = "submitted";
inline constexpr std::string_view returned = "returned";
}  // namespace report_status

struct Report {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;  // shown
  int year = 0;
  std::string kind{report_kind::performance};
  std::string title, body;  // the body: paragraphs by line; a line "一、…" is a heading
  std::string status{report_status::draft};
  std::optional<std::string> return_reason;
  std::string region_path;
  std::optional<base::Millis> submitted_at;
  base::Millis created_at = 0, updated_at = 0;
};

}  // namespace pufa::duty
