// The SQL of the service area: the only place its tables are touched.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "service/model.hpp"

namespace pufa::service::store {

Standard standard(db::Connection& conn);
void set_standard(db::Connection& conn, Standard const& s, std::int64_t by);

std::vector<std::int64_t> remote_villages(db::Connection& conn, std::string const& path);
void set_remote(db::Connection& conn, std::int64_t region_id, std::string const& path, bool remote);

struct DayFilter {
  std::string scope_path;
  std::optional<std::int64_t> advisor_id, region_id;
  std::optional<std::string> from, to;  // planned_on, inclusive
  std::optional<std::string> status;    // stored status
  std::int64_t limit = 0, offset = 0;   // limit 0: all
};
std::vector<Day> days(db::Connection& conn, DayFilter const& f, std::int64_t* total = nullptr);
std::optional<Day> day(db::Connection& conn, std::int64_t id);
std::optional<Day> day_of(db::Connection& conn, std::int64_t region_id, std::string const& planned_on);
std::int64_t insert_day(db::Connection& conn, Day const& d);
void update_day(db::Connection& conn, Day const& d);
// Days of the year in the subtree that a regeneration replaces: planned (no check-in) and on or after `from`.
std::int64_t delete_replaceable(db::Connection& conn, std::string const& path, int year, std::string const& from);
// Checked-in days with a live code of a village: a resident's code is matched against them.
std::vector<Day> live_codes(db::Connection& conn, std::int64_t region_id, base::Millis now);
std::optional<int> latest_year(db::Connection& conn, std::string const& path, std::string const& today);
std::int64_t count_verified(db::Connection& conn, std::string const& path, int year);
std::map<std::int64_t, std::int64_t> verified_by_village(db::Connection& conn, std::string const& path, int year);

struct LogFilter {
  std::string scope_path;
  std::optional<std::int64_t> advisor_id, region_id;
  std::optional<std::string> from, to, kind;
  std::int64_t limit = 0, offset = 0;
};
std::vector<Log> logs(db::Connection& conn, LogFilter const& f, std::int64_t* total = nullptr);
std::optional<Log> log(db::Connection& conn, std::int64_t id);
std::int64_t insert_log(db::Connection& conn, Log const& l);
std::int64_t logs_of_day(db::Connection& conn, std::int64_t region_id, std::string const& day);
// Logs per (village, day) in the subtree within [from, to]: a page of days counts its logs in one read.
std::map<std::pair<std::int64_t, std::string>, std::int64_t> log_counts(db::Connection& conn, std::string const& path,
                                                                        std::string const& from, std::string const& to);
// Counts for the to-do centre (no row is read, nothing opened).
std::int64_t count_bookings(db::Connection& conn, std::int64_t advisor_id, std::string const& status);
std::map<std::string, std::int64_t> aid_status_counts(db::Connection& conn, std::string const& path);

struct BookingFilter {
  std::string scope_path;
  std::optional<std::int64_t> advisor_id, region_id;
  std::optional<std::string> status, from, to;  // from/to: created (Beijing date) inclusive
  bool open_only = false;
  std::int64_t limit = 0, offset = 0;
};
std::vector<Booking> bookings(db::Connection& conn, BookingFilter const& f, std::int64_t* total = nullptr);
std::optional<Booking> booking(db::Connection& conn, std::int64_t id);
std::optional<Booking> booking_by_ref(db::Connection& conn, std::string const& ref);
std::int64_t insert_booking(db::Connection& conn, Booking const& b);
void update_booking(db::Connection& conn, Booking const& b);
std::int64_t bookings_on(db::Connection& conn, std::string const& ref_prefix);
// Accepted bookings agreed for `day` whose reminder has not gone out.
std::vector<Booking> to_remind(db::Connection& conn, std::string const& day);

std::int64_t insert_callback(db::Connection& conn, Callback const& c);
std::vector<Callback> callbacks(db::Connection& conn, std::string const& path, std::optional<std::string> const& status,
                                std::int64_t limit, std::int64_t offset, std::int64_t* total);
std::optional<Callback> callback(db::Connection& conn, std::int64_t id);
void close_callback(db::Connection& conn, std::int64_t id, std::string const& note, std::int64_t by, base::Millis at);
std::int64_t open_callbacks(db::Connection& conn, std::string const& path);

struct AidFilter {
  std::string scope_path;
  std::optional<std::int64_t> referred_by;  // an advisor's: those they referred
  std::optional<std::string> status, from, to;  // received_on
  std::optional<std::string> overdue_on;      // overdue as of that day
  bool open_only = false;
  std::int64_t limit = 0, offset = 0;
};
std::vector<Aid> aids(db::Connection& conn, AidFilter const& f, std::int64_t* total = nullptr);
std::optional<Aid> aid(db::Connection& conn, std::int64_t id);
std::optional<Aid> aid_by_ref(db::Connection& conn, std::string const& ref);
std::int64_t insert_aid(db::Connection& conn, Aid const& a);
void update_aid(db::Connection& conn, Aid const& a);
std::int64_t aids_with_prefix(db::Connection& conn, std::string const& prefix);
// The applications referred from these logs or bookings, by origin id.
std::map<std::int64_t, Aid> aids_of(db::Connection& conn, std::string const& origin_kind, std::vector<std::int64_t> const& ids);

struct PhoneCode {
  std::int64_t id = 0;
  std::string code_hash, salt;
  base::Millis expires_at = 0;
  int failures = 0;
  bool used = false;
};
void insert_code(db::Connection& conn, std::string const& phone_index, PhoneCode const& c, base::Millis now);
std::optional<PhoneCode> latest_code(db::Connection& conn, std::string const& phone_index);
void code_failed(db::Connection& conn, std::int64_t id);
void use_code(db::Connection& conn, std::int64_t id);

// Re-seals names, phones and parties not sealed with the current key (`pufa keys rotate`).
std::int64_t reseal(db::Connection& conn);

}  // namespace pufa::service::store
