// What the legality use cases share: who may do what, who reviews, the clock, the names shown.
#pragma once

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "auth/model.hpp"
#include "calendar/library.hpp"
#include "db/database.hpp"
#include "legality/service.hpp"
#include "org/directory.hpp"

namespace pufa::legality {

[[noreturn]] void invalid(std::string message, std::string field);
std::string today();
std::string trimmed(std::string_view text);

bool valid_kind(std::string_view kind);
std::string kind_words(std::string_view kind);
std::string conclusion_words(std::string_view conclusion);
std::string adoption_words(std::string_view adoption);
// "2020年4月13日".
std::string chinese_date(std::string const& date);

// A liaison bound to a unit acts for that unit only; others for every unit in their subtree.
bool acts_for(auth::Principal const& caller, org::directory::Unit const& unit);
// The office that reviews what a region submits: its township, or the root for the city level.
auth::Region reviewer_of(db::Connection& conn, auth::Region const& region);
// "马涧司法所" for a township, "兰溪市司法局" for the root.
std::string reviewer_name(auth::Region const& office);
// "马涧" (马涧镇, 兰江街道 → 兰江, 兰溪市 → 兰溪): the opinion numbers' prefix.
std::string short_name(auth::Region const& office);

// The caller may see the submission (scope; a unit-bound liaison: its unit's only); else 404.
void require_visible(auth::Principal const& caller, Submission const& s);
bool is_reviewer(auth::Principal const& caller, Submission const& s);
bool is_submitter(db::Connection& conn, auth::Principal const& caller, Submission const& s);

// Receives a submission of `s.region_id` today: its reviewing office by the tree, due `days` working days on,
// the caller's files attached as the draft, the event and the audit row written (in the caller's transaction).
std::int64_t receive(db::Connection& conn, auth::Actor const& actor, Submission s, int days, std::vector<std::int64_t> const& file_ids);

// One page of a list filtered in memory.
template <class T>
std::vector<T> page_slice(std::vector<T>&& all, std::int64_t page, std::int64_t page_size) {
  auto const from = std::min<std::size_t>(all.size(), static_cast<std::size_t>((page - 1) * page_size));
  auto const to = std::min<std::size_t>(all.size(), from + static_cast<std::size_t>(page_size));
  return {std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(from)),
          std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(to))};
}

// The names views show, each unit and region read once for a page, a register or a year's figures.
class Names {
 public:
  explicit Names(db::Connection& conn) : conn_(conn) {}
  db::Connection& conn() { return conn_; }
  std::optional<org::directory::Unit> const& unit(std::int64_t id);
  std::optional<auth::Region> const& region(std::int64_t id);
  std::string const& full_name(std::int64_t region_id);

 private:
  db::Connection& conn_;
  std::map<std::int64_t, std::optional<org::directory::Unit>> units_;
  std::map<std::int64_t, std::optional<auth::Region>> regions_;
  std::map<std::int64_t, std::string> full_names_;
};

// The clock as of today (Beijing): working days left, paused, on time, overdue.
struct Clock {
  std::optional<int> days_left;
  bool overdue = false, paused = false;
  std::optional<bool> on_time;
};
Clock clock_of(calendar::Calendar const& cal, Submission const& s);

// The clock and the names a view shows.
SubmissionView view_of(Names& names, calendar::Calendar const& cal, Submission s);
calendar::Calendar calendar_around(db::Connection& conn, std::string const& date);
void fill_detail(db::Connection& conn, auth::Principal const& caller, SubmissionView& view);
// Files named in a write: the caller's own uploads not yet part of another submission (400 naming file_ids[i]).
void check_files(db::Connection& conn, auth::Principal const& caller, std::vector<std::int64_t> const& ids, std::int64_t submission_id);

}  // namespace pufa::legality
