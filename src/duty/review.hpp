// 履职评议: a review round of units' performance of their legal-education duty. Units submit a report
// (text and a video link); residents rate each unit on their phones (one ballot per phone per round,
// with a one-time code through the quiz's sender); panels and deputies/members score on sheets the
// 普法办 enters; the weighted score makes a grade by bands, published and frozen.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "content/model.hpp"
#include "base/time.hpp"
#include "db/database.hpp"
#include "http/error.hpp"
#include "quiz/sender.hpp"

namespace pufa::duty {

namespace review_status {
inline constexpr std::string_view draft = "draft";          // being set up
inline constexpr std::string_view open = "open";            // reports and votes (votes between opens_at and closes_at)
inline constexpr std::string_view closed = "closed";        // sheets may still be entered
inline constexpr std::string_view published = "published";  // results frozen and public
}  // namespace review_status

// Weights of the three sources, in percent (sum 100).
struct Weights {
  int crowd = 40;    // 群众测评 (the public's ballots)
  int panel = 40;    // 评审组
  int members = 20;  // 代表委员 (deputies and CPPCC members)
};

// The lowest score of each grade: 优秀, 良好, 一般; below fair: 较差.
struct Bands {
  double excellent = 90, good = 80, fair = 60;
};

struct Round {
  std::int64_t id = 0;
  int year = 0;
  std::string title, intro;
  std::string status{review_status::draft};
  Weights weights;
  Bands bands;
  base::Millis opens_at = 0, closes_at = 0;
  bool exclude_flagged = false;
  std::optional<base::Millis> published_at;
  std::optional<std::string> results;  // frozen at publication (JSON text)
  std::string vote_salt;               // hashes phones and addresses of this round's ballots
  std::string region_path;
  base::Millis created_at = 0, updated_at = 0;
};

struct Entry {
  std::int64_t id = 0, round_id = 0, unit_id = 0;
  std::string unit_name;  // shown
  std::string report, video_url;
  std::vector<std::int64_t> attachment_ids;  // content's uploads (the staff's to read)
  std::vector<content::AttachmentInfo> attachments;  // shown: their names and sizes
  std::optional<base::Millis> submitted_at;
};

inline constexpr std::string_view sheet_sources[] = {"panel", "members"};

struct Sheet {
  std::int64_t id = 0, round_id = 0;
  std::string source, scorer;
  std::vector<std::pair<std::int64_t, double>> scores;  // entry → 0–100
  base::Millis entered_at = 0;
};

// A flagged ballot (signs of vote stuffing are shown, not silently dropped).
namespace ballot_flag {
inline constexpr std::string_view address_burst = "address_burst";  // many ballots from one address in a short span
inline constexpr std::string_view phone_burst = "phone_burst";      // many phones in a short span
}  // namespace ballot_flag

struct FlaggedBallot {
  std::int64_t id = 0;
  std::string flag, address_tag;
  base::Millis cast_at = 0;
};

// Marks per entry: 满意 100, 基本满意 60, 不满意 0.
struct Tally {
  std::int64_t satisfied = 0, basic = 0, unsatisfied = 0;
  std::int64_t ballots() const { return satisfied + basic + unsatisfied; }
};

// One entry's result.
struct Result {
  std::int64_t entry_id = 0, unit_id = 0;
  std::string unit_name;
  Tally tally;
  std::optional<double> crowd, panel, members, score;  // one decimal
  std::int64_t panel_sheets = 0, members_sheets = 0;
  std::optional<std::string> grade;  // excellent | good | fair | poor
  std::optional<int> rank;
};

// Scores, grades and ranks from the tallies and sheets (review_results.cpp; pure). A source with no
// ballots or sheets leaves the others' weights to share its part.
std::vector<Result> results_of(Round const& round, std::vector<Entry> const& entries,
                               std::map<std::int64_t, Tally> const& tallies, std::vector<Sheet> const& sheets);
std::string grade_of(Bands const& bands, double score);
// Results as frozen in a published round (JSON text), and back.
std::string results_text(std::vector<Result> const& results);
std::vector<Result> results_from_text(std::string const& text);

// The demo: the 2020 round of the departments named, published with its ballots (a burst from one
// address flagged and left out) and sheets; and a round of this year open for votes.
void load_review_demo(db::Connection& conn, std::vector<char const*> const& units);

struct RoundView {
  Round round;
  std::vector<Entry> entries;
  std::vector<bool> can_edit;  // per entry: the caller may submit its report now
  std::vector<Sheet> sheets;
  std::vector<Result> results;  // live, or frozen once published
  std::int64_t ballots = 0, flagged = 0;
  std::map<std::string, std::int64_t> by_flag;
  std::vector<FlaggedBallot> recent_flagged;  // newest 50
};

struct RoundInput {
  int year = 0;
  std::string title, intro;
  Weights weights;
  Bands bands;
  base::Millis opens_at = 0, closes_at = 0;
  std::vector<std::int64_t> unit_ids;
};

struct RoundSummary {
  Round round;
  std::int64_t entries = 0, ballots = 0;
};

struct Mark {
  std::int64_t entry_id = 0;
  std::string mark;  // satisfied | basic | unsatisfied
};

inline constexpr http::ErrorCode already_voted{409, "already_voted", "本手机号已参加过本次测评"};
inline constexpr http::ErrorCode code_invalid{422, "code_invalid", "验证码不正确或已失效，请重新获取"};
inline constexpr http::ErrorCode voting_closed{409, "voting_closed", "本次测评不在投票时间内"};

inline constexpr base::Millis vote_code_ttl_ms = 10 * base::minute_ms;
inline constexpr base::Millis vote_code_gap_ms = base::minute_ms;

class ReviewService {
 public:
  ReviewService(db::Database& db, std::shared_ptr<quiz::OtpSender> sender) : db_(db), sender_(std::move(sender)) {}

  // Staff: the coordinator (duty.manage) sets rounds up and runs them; a liaison sees the rounds its
  // units take part in and submits their reports.
  std::vector<RoundSummary> rounds(auth::Actor const& actor) const;
  RoundView round(auth::Actor const& actor, std::int64_t id) const;
  RoundView create(auth::Actor const& actor, RoundInput input) const;
  RoundView update(auth::Actor const& actor, std::int64_t id, RoundInput input) const;
  RoundView open(auth::Actor const& actor, std::int64_t id) const;
  RoundView close(auth::Actor const& actor, std::int64_t id) const;
  RoundView publish(auth::Actor const& actor, std::int64_t id, bool exclude_flagged) const;
  // At most 10 attachments: the caller's own uploads (content's), not attached to an article (those kept
  // from the entry's last save stay whoever uploaded them).
  RoundView submit_report(auth::Actor const& actor, std::int64_t id, std::int64_t entry_id, std::string report,
                          std::string video_url, std::vector<std::int64_t> attachment_ids) const;
  RoundView add_sheet(auth::Actor const& actor, std::int64_t id, Sheet sheet) const;
  RoundView remove_sheet(auth::Actor const& actor, std::int64_t id, std::int64_t sheet_id) const;

  // Public: open and published rounds; a round's units, and its results once published.
  std::vector<Round> public_rounds() const;
  RoundView public_round(std::int64_t id) const;
  struct CodeOutcome {
    base::Millis retry_after_ms = 0;  // > 0: refused for now
    std::string code;                 // echoed to load tests only (quiz::otp_echo_enabled)
  };
  CodeOutcome request_code(auth::Actor const& actor, std::int64_t id, std::string const& phone) const;
  // One ballot per phone per round; the marks of several units. Returns the marks counted.
  std::int64_t vote(auth::Actor const& actor, std::int64_t id, std::string const& phone, std::string const& code,
                    std::vector<Mark> const& marks) const;

 private:
  db::Database& db_;
  std::shared_ptr<quiz::OtpSender> sender_;
};

}  // namespace pufa::duty
