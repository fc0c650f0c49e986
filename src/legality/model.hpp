// 合法性审核, 村规民约 and 行政复议 / 行政应诉 as plain structs (docs/legality.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"

namespace pufa::legality {

namespace kind {
inline constexpr std::string_view normative = "normative", major_decision = "major_decision", contract = "contract",
                                  enforcement = "enforcement", other = "other", village_rules = "village_rules";
}
namespace status {
inline constexpr std::string_view reviewing = "reviewing", material_requested = "material_requested", issued = "issued",
                                  closed = "closed", withdrawn = "withdrawn";
}
namespace conclusion {
inline constexpr std::string_view lawful = "lawful", lawful_with_changes = "lawful_with_changes", unlawful = "unlawful";
}

inline constexpr std::string_view submit_permission = "legality.submit";
inline constexpr std::string_view review_permission = "legality.review";
inline constexpr std::string_view read_permission = "legality.read";
inline constexpr std::string_view cases_permission = "legality.cases";

struct Point {
  std::string text;
  std::vector<std::string> citations;  // "《行政处罚法》第十四条"
};

struct Submission {
  std::int64_t id = 0;
  std::optional<std::int64_t> unit_id;           // none: a village's 村规民约 (the 村民委员会 submits)
  std::optional<std::int64_t> village_rules_id;  // the 村规民约 reviewed
  std::optional<std::int64_t> rules_version;
  std::string kind, title, basis, summary;
  std::optional<std::string> requested_by;
  std::int64_t region_id = 0;
  std::string region_path;
  std::int64_t reviewer_region_id = 0;
  std::string reviewer_path;
  std::string status;
  std::string submitted_on, due_on;
  int year = 0;
  std::optional<std::string> paused_on;
  std::optional<int> days_left_at_pause;
  std::optional<std::string> material_note;
  std::optional<std::string> conclusion, opinion_summary, opinion_no, issued_on;
  std::vector<Point> points;
  std::optional<int> opinion_year, opinion_seq;
  std::optional<std::int64_t> issued_by;
  std::optional<std::string> adoption, adopted_on, adoption_note, withdraw_reason;
  std::int64_t created_by = 0;
  base::Millis created_at = 0, updated_at = 0;
};

struct Event {
  std::int64_t submission_id = 0;
  std::string kind, note, by_name;
  std::int64_t by = 0;
  base::Millis at = 0;
};

struct File {
  std::int64_t id = 0;
  std::optional<std::int64_t> submission_id;
  std::string name, content_type, path, sha256, stage, region_path;
  std::int64_t size = 0, uploader_id = 0;
  base::Millis created_at = 0;
};

struct VillageRules {
  std::int64_t id = 0;
  std::int64_t region_id = 0;
  std::string region_path;
  std::string title, text, adopted_on;
  std::int64_t version = 1;
  base::Millis created_at = 0, updated_at = 0;
};

namespace case_kind {
inline constexpr std::string_view reconsideration = "reconsideration", litigation = "litigation";
}

struct Case {
  std::int64_t id = 0;
  std::string kind, case_no;
  std::int64_t unit_id = 0;
  std::string region_path;
  std::string cause, applicant;
  std::string filed_on;
  std::optional<std::string> closed_on, outcome;
  std::optional<bool> head_appeared;
  std::optional<std::int64_t> submission_id;
  std::string note;
  int year = 0;
  base::Millis created_at = 0, updated_at = 0;
};

// What a 复议 or 诉讼 outcome says of the body's act: corrected (纠错, 败诉) or not.
bool corrected_outcome(std::string_view outcome);

}  // namespace pufa::legality
