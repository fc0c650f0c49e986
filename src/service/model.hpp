// 公共法律服务 as plain structs (docs/service.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"

namespace pufa::service {

inline constexpr std::string_view read_permission = "service.read";
inline constexpr std::string_view manage_permission = "service.manage";
inline constexpr std::string_view log_permission = "service.log";
inline constexpr std::string_view confirm_permission = "service.confirm";

namespace day_status {
// Stored: planned, checked_in, verified. Shown besides: unverified (checked in, the day passed, nobody
// confirmed) and missed (the day passed without a check-in).
inline constexpr std::string_view planned = "planned", checked_in = "checked_in", verified = "verified",
                                  unverified = "unverified", missed = "missed";
}
namespace booking_status {
inline constexpr std::string_view submitted = "submitted", accepted = "accepted", proposed = "proposed", served = "served",
                                  cancelled = "cancelled";
}

// The advisor's work standard (one row, editable by the coordinator).
struct Standard {
  std::vector<int> days_of_month{8, 18, 28};
  int town_days = 2, remote_days = 1, villages_per_day = 3, lectures_per_quarter = 1, answer_hours = 48,
      subsidy_per_day = 200;
};

struct Day {
  std::int64_t id = 0;
  std::int64_t region_id = 0;
  std::string region_path;
  std::int64_t advisor_id = 0, contract_id = 0;
  int year = 0;
  std::string nominal_on, planned_on;
  std::optional<std::string> moved;  // weekend | holiday
  std::string status;                // planned | checked_in | verified
  std::optional<std::string> code_hash, code_salt;
  std::optional<base::Millis> code_expires_at;
  int code_failures = 0;
  std::optional<base::Millis> checked_in_at, verified_at;
  std::optional<std::string> verified_by;
  std::optional<std::int64_t> verifier_id;
};

struct Log {
  std::int64_t id = 0;
  std::int64_t region_id = 0;
  std::string region_path;
  std::int64_t advisor_id = 0;
  std::optional<std::int64_t> day_id, booking_id;
  std::string served_on, kind;
  std::optional<std::string> topic;
  std::vector<std::string> parties;  // opened
  std::string summary;
  std::optional<int> minutes;
  std::vector<std::int64_t> photo_ids;
  std::optional<std::int64_t> created_by;
  base::Millis created_at = 0;
};

struct Booking {
  std::int64_t id = 0;
  std::string ref;
  std::int64_t region_id = 0;
  std::string region_path;
  std::optional<std::int64_t> advisor_id;
  std::string topic, preferred_on;
  std::optional<std::string> agreed_on, proposed_on, proposal_note;
  std::string question, name, phone;  // name and phone opened
  std::string token_hash;
  std::string status;
  std::optional<base::Millis> answered_at, served_at;
  std::optional<std::string> served_note, rating, rating_comment;
  std::optional<base::Millis> rated_at;
  base::Millis created_at = 0, updated_at = 0;
  std::optional<std::int64_t> station_id;  // booked at a station (no advisor: its staff answer)
  std::optional<base::Millis> reminded_at;
};

struct Callback {
  std::int64_t id = 0, booking_id = 0, region_id = 0;
  std::string region_path, status;
  std::optional<std::string> note;
  std::optional<std::int64_t> closed_by;
  std::optional<base::Millis> closed_at;
  base::Millis created_at = 0;
};

namespace aid_status {
inline constexpr std::string_view submitted = "submitted", approved = "approved", refused = "refused", assigned = "assigned",
                                  closed = "closed";
}
inline constexpr int aid_decide_days = 7, aid_assign_days = 3;  // 法律援助法 第四十三条 (calendar days)

// A legal aid application (法律援助申请表) and its steps.
struct Aid {
  std::int64_t id = 0;
  std::string ref;
  std::optional<std::string> token_hash;
  std::int64_t region_id = 0;  // the township it is filed with
  std::string region_path;
  std::optional<std::int64_t> village_id;
  std::optional<std::string> origin_kind;  // log | booking
  std::optional<std::int64_t> origin_id, referred_by, advisor_id;
  std::string name, gender, id_number, phone, address;  // opened
  std::string matter;
  std::optional<std::string> opponent;
  std::string facts;
  int household_size = 1, monthly_income = 0;
  std::string exemption = "none";
  std::string status;
  std::string received_on, decide_by;
  std::optional<std::string> decided_on;
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> refusal_reason, assign_by, assigned_on, lawyer, firm, lawyer_phone, closed_on, outcome, close_note,
      followed_up_on, follow_up_note, satisfaction;
  base::Millis created_at = 0, updated_at = 0;
};

bool valid_log_kind(std::string_view kind);
bool valid_topic(std::string_view topic);
bool valid_rating(std::string_view rating);
std::string_view topic_words(std::string_view topic);
std::string_view log_kind_words(std::string_view kind);

}  // namespace pufa::service
