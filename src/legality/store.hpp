// The SQL of the legality area: the only place its tables are touched.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "legality/model.hpp"

namespace pufa::legality::store {

struct Filter {
  std::string scope_path;  // the caller's subtree (submitter's region)
  std::optional<std::string> reviewer_path;  // and what is sent to the caller's office
  std::optional<int> year;
  std::optional<std::string> kind, status, q;
  std::optional<std::int64_t> unit_id;
  // Overdue as of that day: in review past its due day, or issued after it.
  std::optional<std::string> overdue_as_of;
  bool open_only = false;
  std::int64_t limit = 20, offset = 0;
};

std::int64_t insert_submission(db::Connection& conn, Submission const& s);
void update_submission(db::Connection& conn, Submission const& s);
std::optional<Submission> submission(db::Connection& conn, std::int64_t id);
// Everything the filter matches (a page of it when limit > 0), newest first; total beside it.
std::vector<Submission> submissions(db::Connection& conn, Filter const& filter, std::int64_t* total);
std::vector<int> years(db::Connection& conn, std::string const& scope_path, std::optional<std::string> const& reviewer_path);
int next_opinion_seq(db::Connection& conn, std::int64_t reviewer_region_id, int year);
// Every submission of a year whose reviewer sits in the subtree (the figures, the register).
std::vector<Submission> reviewed_in(db::Connection& conn, std::string const& reviewer_path, int year);
std::vector<Submission> of_rules(db::Connection& conn, std::vector<std::int64_t> const& rule_ids);

void insert_event(db::Connection& conn, Event const& e);
std::vector<Event> events(db::Connection& conn, std::int64_t submission_id);

std::int64_t insert_file(db::Connection& conn, File const& f);
std::optional<File> file(db::Connection& conn, std::int64_t id);
std::vector<File> files(db::Connection& conn, std::int64_t submission_id);
void attach_file(db::Connection& conn, std::int64_t file_id, std::int64_t submission_id, std::string const& stage);

std::int64_t insert_rules(db::Connection& conn, VillageRules const& r, std::optional<std::int64_t> by);
void update_rules(db::Connection& conn, VillageRules const& r);
std::optional<VillageRules> rules(db::Connection& conn, std::int64_t id);
std::optional<VillageRules> rules_of_region(db::Connection& conn, std::int64_t region_id);
// The subtree's rules (without their text), by region path; total beside it.
std::vector<VillageRules> rules_under(db::Connection& conn, std::string const& path, std::optional<std::int64_t> region_id,
                                      std::optional<std::string> const& q, std::int64_t limit, std::int64_t offset,
                                      std::int64_t* total);

std::int64_t insert_case(db::Connection& conn, Case const& c, std::optional<std::int64_t> by);
void update_case(db::Connection& conn, Case const& c);
std::optional<Case> legal_case(db::Connection& conn, std::int64_t id);
bool case_no_taken(db::Connection& conn, std::string const& kind, std::string const& case_no, std::int64_t except_id);
struct CaseFilter {
  std::string scope_path;
  std::optional<int> year;
  std::optional<std::string> kind, outcome;
  std::optional<std::int64_t> unit_id;
  std::int64_t limit = 20, offset = 0;  // limit 0: all
};
std::vector<Case> cases(db::Connection& conn, CaseFilter const& filter, std::int64_t* total);
std::vector<int> case_years(db::Connection& conn, std::string const& scope_path);
// Submissions (ids) a case with a corrected outcome names.
std::vector<std::int64_t> corrected_submissions(db::Connection& conn, std::vector<std::int64_t> const& ids);

}  // namespace pufa::legality::store
