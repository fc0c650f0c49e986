// The legality area's use cases (docs/legality.md). Each write: authorise → validate → load → one
// transaction { write; audit }. Routes parse, call these, render (view.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "docx/docx.hpp"
#include "http/error.hpp"
#include "laws/library.hpp"
#include "legality/library.hpp"
#include "legality/model.hpp"
#include "org/directory.hpp"
#include "todo/todo.hpp"

namespace pufa::legality {

inline constexpr http::ErrorCode wrong_state{409, "wrong_state", "送审件当前状态不允许此操作"};
inline constexpr http::ErrorCode not_reviewer{403, "not_reviewer", "该件不由你所在的机构审核"};

// Working days allowed per kind (the setting legality_review_days).
struct ReviewDays {
  int fallback = 5;
  std::map<std::string, int, std::less<>> by_kind;
  int of(std::string_view kind) const;
};
// "5" or "normative=5,major_decision=10"; throws std::invalid_argument with what is wrong.
ReviewDays parse_review_days(std::string const& text);

struct CitationView {
  std::string written;
  std::optional<laws::library::Article> article;
};
struct PointView {
  std::string text;
  std::vector<CitationView> citations;
};

struct Can {
  bool review = false, supply = false, adopt = false, withdraw = false;
};

struct SubmissionView {
  Submission s;
  std::string unit_name, region_name, reviewer_name;
  std::optional<int> days_left;
  bool overdue = false, paused = false;
  std::optional<bool> on_time;
  // The detail only:
  std::vector<File> files;
  std::vector<Event> events;
  std::vector<PointView> points;
  std::string issued_by_name;
  Can can;
};

struct SubmissionPage {
  std::vector<SubmissionView> items;
  std::int64_t total = 0;
  std::vector<int> years;
};

struct ListQuery {
  std::optional<int> year;
  std::optional<std::int64_t> region_id;
  std::optional<std::string> kind, status, q;
  bool overdue_only = false;
  std::int64_t page = 1, page_size = 20;
};

struct NewSubmission {
  std::int64_t unit_id = 0;
  std::string kind, title, basis, summary;
  std::optional<std::string> requested_by;
  std::vector<std::int64_t> file_ids;
};

struct FigureRow {
  std::int64_t region_id = 0;
  std::string name;
  std::int64_t reviews = 0, issued = 0, on_time = 0, unlawful = 0, with_changes = 0, open = 0, overdue = 0, corrected = 0;
};
struct Figures {
  int year = 0;
  std::vector<int> years;
  std::vector<FigureRow> rows;
  FigureRow total;
};

struct RulesView {
  VillageRules rules;
  std::string village_name, township_name;
  std::optional<Submission> review;  // the latest
  bool lawful = false;
  std::vector<SubmissionView> reviews;  // the detail only
};
struct RulesPage {
  std::vector<RulesView> items;
  std::int64_t total = 0;
  std::int64_t villages = 0, with_rules = 0, reviewed_lawful = 0;
};
struct RulesInput {
  std::int64_t region_id = 0;
  std::string title, text, adopted_on;
};

struct CaseInput {
  std::string kind, case_no;
  std::int64_t unit_id = 0;
  std::string cause;
  std::optional<std::string> applicant;  // none on an edit: kept
  std::string filed_on;
  std::optional<std::string> closed_on, outcome;
  std::optional<bool> head_appeared;
  std::optional<std::int64_t> submission_id;
  std::string note;
};
struct CaseView {
  Case c;
  std::string unit_name;
};
struct CasePage {
  std::vector<CaseView> items;
  std::int64_t total = 0;
  std::vector<int> years;
};
struct CaseFigureRow : library::CaseCounts {
  std::int64_t unit_id = 0;
  std::string unit_name;
};
struct CaseFigures {
  int year = 0;
  std::vector<int> years;
  std::vector<CaseFigureRow> rows;
  CaseFigureRow total;
};

struct Download {
  std::string name, content_type, bytes;
};

class LegalityService {
 public:
  LegalityService(db::Database& db, std::filesystem::path uploads, ReviewDays days)
      : db_(&db), uploads_(std::move(uploads)), days_(std::move(days)) {}

  SubmissionPage submissions(auth::Actor const& actor, ListQuery const& query) const;
  // The units the caller may submit for: government bodies (机关部门) it acts for.
  std::vector<org::directory::Unit> submitting_units(auth::Actor const& actor) const;
  SubmissionView submission(auth::Actor const& actor, std::int64_t id) const;
  SubmissionView submit(auth::Actor const& actor, NewSubmission input) const;
  SubmissionView request_material(auth::Actor const& actor, std::int64_t id, std::string note) const;
  SubmissionView supply(auth::Actor const& actor, std::int64_t id, std::string note, std::vector<std::int64_t> file_ids) const;
  SubmissionView issue(auth::Actor const& actor, std::int64_t id, std::string conclusion, std::string summary,
                       std::vector<Point> points) const;
  SubmissionView adopt(auth::Actor const& actor, std::int64_t id, std::string outcome, std::string on, std::string note) const;
  SubmissionView withdraw(auth::Actor const& actor, std::int64_t id, std::string reason) const;

  File upload(auth::Actor const& actor, std::string_view bytes, std::string_view declared, std::optional<std::string> name) const;
  Download file(auth::Actor const& actor, std::int64_t id) const;
  docx::Document opinion(auth::Actor const& actor, std::int64_t id) const;
  Download register_file(auth::Actor const& actor, std::optional<int> year, std::optional<std::int64_t> region_id) const;
  Figures figures(auth::Actor const& actor, std::optional<int> year, std::optional<std::int64_t> region_id) const;

  RulesPage rules(auth::Actor const& actor, std::optional<std::int64_t> region_id, std::optional<std::string> review,
                  std::optional<std::string> q, std::int64_t page, std::int64_t page_size) const;
  RulesView rules_of(auth::Actor const& actor, std::int64_t id) const;
  RulesView create_rules(auth::Actor const& actor, RulesInput input) const;
  RulesView update_rules(auth::Actor const& actor, std::int64_t id, RulesInput input) const;
  SubmissionView submit_rules(auth::Actor const& actor, std::int64_t id, std::string summary, std::vector<std::int64_t> file_ids) const;

  CasePage cases(auth::Actor const& actor, std::optional<int> year, std::optional<std::string> kind,
                 std::optional<std::string> outcome, std::optional<std::int64_t> unit_id, std::int64_t page,
                 std::int64_t page_size) const;
  CaseView legal_case(auth::Actor const& actor, std::int64_t id) const;
  CaseView create_case(auth::Actor const& actor, CaseInput input) const;
  CaseView update_case(auth::Actor const& actor, std::int64_t id, CaseInput input) const;
  CaseFigures case_figures(auth::Actor const& actor, std::optional<int> year) const;

  // The to-do centre: drafts to review (the reviewer), material asked for and adoption to record (the submitter).
  std::vector<todo::Item> todo(auth::Principal const& caller) const;

  // GET /stats/overview: reviews issued in the latest year with reviews, and their on-time rate.
  static void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);

 private:
  db::Database* db_;
  std::filesystem::path uploads_;
  ReviewDays days_;
};

}  // namespace pufa::legality
