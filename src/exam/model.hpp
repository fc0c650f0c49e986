// Plain records of the exam area: banks, questions, exams and their paper rules, attempts.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"

namespace pufa::exam {

inline constexpr char const* audiences[] = {"civil_servant", "leader", "youth", "public"};
inline constexpr std::size_t max_notice_chars = 3000;  // 考试须知, 诚信承诺
inline constexpr char const* question_types[] = {"single", "multiple", "judge"};

// An exam's life: a draft is edited, publishing freezes its pool, closing ends it early.
enum class ExamStatus { draft, published, closed };
// An attempt's: in progress until submitted, or expired (finalised at its deadline).
enum class AttemptStatus { in_progress, submitted, expired };
// What an examinee's exam list says of each exam.
enum class ExamState { upcoming, open, in_progress, submitted, closed };

// The code on the wire and in the database, and back (nullopt for an unknown code).
std::string_view code_of(ExamStatus status);
std::string_view code_of(AttemptStatus status);
std::string_view code_of(ExamState state);
std::optional<ExamStatus> exam_status_of(std::string_view code);
std::optional<AttemptStatus> attempt_status_of(std::string_view code);

struct Bank {
  std::int64_t id = 0;
  std::string name;
  std::string audience;
  std::string description;
  std::int64_t question_count = 0;
  base::Millis created_at = 0;
  base::Millis updated_at = 0;
};

struct Option {
  std::string key;  // "A".."H"
  std::string text;
};

struct Question {
  std::int64_t id = 0;
  std::int64_t bank_id = 0;
  std::string type;  // single | multiple | judge
  std::string stem;
  std::vector<Option> options;
  std::string answer;  // sorted letters: "B", "ACD"
  std::string explanation;
  int difficulty = 3;  // 1..5
  std::vector<std::string> tags;
  std::string law_ref;  // "民法典 第一千零七十七条" or ""
  base::Millis created_at = 0;
  base::Millis updated_at = 0;
};

// One line of a random paper rule: `count` questions of `type`, optionally of one tag and
// one difficulty, `score` points each.
struct Rule {
  std::string type;
  int count = 0;
  int score = 0;
  std::string tag;     // "" = any
  int difficulty = 0;  // 0 = any
};

struct PaperSpec {
  std::string mode;  // fixed | random
  std::vector<std::int64_t> question_ids;  // fixed
  int score_each = 0;                      // fixed
  std::vector<std::int64_t> bank_ids;      // random
  std::vector<Rule> rules;                 // random: everyone without a rank rule
  std::map<std::string, std::vector<Rule>> rank_rules;
};

struct GradeBand {
  int min = 0;
  std::string label;
};

struct Eligibility {
  std::vector<std::int64_t> unit_ids;
  std::vector<std::int64_t> region_ids;
  std::vector<std::string> roles;
  std::vector<std::int64_t> user_ids;
  bool empty() const {
    return unit_ids.empty() && region_ids.empty() && roles.empty() && user_ids.empty();
  }
};

struct Exam {
  std::int64_t id = 0;
  std::string title;
  std::string kind;    // yearly | pre_appointment | practice
  ExamStatus status = ExamStatus::draft;
  base::Millis opens_at = 0;
  base::Millis closes_at = 0;
  int duration_minutes = 0;
  int pass_mark = 0;
  std::vector<GradeBand> grade_bands;  // highest first
  int attempts_allowed = 1;
  std::string counts = "best";  // best | last
  Eligibility eligibility;
  std::vector<std::string> region_paths;  // of eligibility.region_ids, filled on load
  bool shuffle_questions = true;
  bool shuffle_options = true;
  std::string notice;  // 考试须知 of this exam; empty: the settings' standard notice
  PaperSpec paper;
  int version = 0;  // bumped by publish: the paper cache's key
  int total_score = 0;
  int question_count = 0;
  base::Millis created_at = 0;
  base::Millis updated_at = 0;

  bool closed_at(base::Millis now) const {
    return status == ExamStatus::closed || (status == ExamStatus::published && now >= closes_at);
  }
};

// One question as it stands in an attempt: its option order and its score.
struct PaperItem {
  std::int64_t question_id = 0;
  std::string order;  // option keys in display order, "CABD"
  int score = 0;
  bool operator==(PaperItem const&) const = default;
};

struct Attempt {
  std::int64_t id = 0;
  std::int64_t exam_id = 0;
  std::int64_t user_id = 0;
  int number = 1;
  std::uint64_t seed = 0;
  std::vector<PaperItem> paper;
  AttemptStatus status = AttemptStatus::in_progress;
  base::Millis started_at = 0;
  base::Millis deadline = 0;
  std::optional<base::Millis> submitted_at;
  std::optional<int> score;
  std::string grade;
  bool passed = false;
  int events = 0;
  std::optional<base::Millis> pledged_at;  // when the examinee accepted the integrity pledge
};

// What the pre-exam page and certificates print: the issuing body, its seal, the standard
// 考试须知 and 诚信承诺 (an exam may carry its own notice). Kept in exam_settings.
struct CertificateSettings {
  std::string issuer;     // 发证机关, printed under the seal
  std::string notice;     // the standard 考试须知
  std::string pledge;     // 诚信承诺, accepted before every first start
  std::string seal_type;  // image/png, image/jpeg, image/webp; empty: no seal set
  std::string seal_version;  // when it was set (ms): seal URLs carry it, so a new seal is never a cached old one
};

struct Seal {
  std::string type;
  std::string bytes;
};

// A certificate once issued: its number and the check code printed beside the QR code.
struct IssuedCertificate {
  std::string number;
  std::int64_t exam_id = 0;
  std::int64_t user_id = 0;
  std::int64_t attempt_id = 0;
  std::string check_code;
  base::Millis issued_at = 0;
};

// Who sits exams: the unit and rank kept by the exam area for each examinee.
struct Examinee {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::int64_t region_id = 0;
  std::string region_path;
  std::string region_name;
  std::optional<std::int64_t> unit_id;
  std::string unit_name;
  std::string rank;
  std::vector<std::string> roles;
};

}  // namespace pufa::exam
