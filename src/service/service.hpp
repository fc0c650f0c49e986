// The service area's use cases (docs/service.md). Each write: authorise → validate → load → one
// transaction { write; audit }. Routes parse, call these, render (view.cpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "docx/docx.hpp"
#include "http/error.hpp"
#include "quiz/sender.hpp"
#include "service/model.hpp"
#include "todo/todo.hpp"

namespace pufa::service {

inline constexpr http::ErrorCode wrong_state{409, "wrong_state", "当前状态不允许此操作"};
inline constexpr http::ErrorCode code_invalid{422, "code_invalid", "验证码不正确或已失效，请重新获取"};
inline constexpr http::ErrorCode already_rated{409, "already_rated", "该预约已评价，不能重复评价"};

inline constexpr base::Millis check_in_ttl_ms = 2 * 60 * base::minute_ms;
inline constexpr int check_in_max_failures = 5;
inline constexpr int operator_confirm_days = 7;  // the operator confirms a day up to a week after it

struct Names;

struct VillageRow {
  std::int64_t id = 0;
  std::string name;
  std::int64_t township_id = 0;
  std::string township_name;
  bool remote = false;
  std::optional<std::int64_t> advisor_id, contract_id;
  std::string advisor_name, firm;
};
struct VillagePage {
  std::vector<VillageRow> items;
  std::int64_t total = 0;
};

struct Generated {
  std::int64_t days = 0, moved = 0, villages = 0, without_advisor = 0;
};

struct DayView {
  Day d;
  std::string village_name, township_name, advisor_name, firm, shown_status;
  std::int64_t logs = 0;
};
struct DayQuery {
  std::optional<int> year, month;
  std::optional<std::int64_t> region_id, advisor_id;
  std::optional<std::string> status, from, to;
  std::int64_t page = 1, page_size = 50;
};
struct DayPage {
  std::vector<DayView> items;
  std::int64_t total = 0;
};

struct CheckIn {
  std::string code;
  base::Millis expires_at = 0;
};
struct ResidentConfirmed {
  std::string village_name, advisor_name, planned_on;
};

struct AidSummary {
  std::int64_t id = 0;
  std::string ref, status;
  std::optional<std::string> outcome;
};

struct LogInput {
  std::int64_t region_id = 0;
  std::string served_on, kind;
  std::optional<std::string> topic;
  std::vector<std::string> parties;
  std::string summary;
  std::optional<int> minutes;
  std::vector<std::int64_t> photo_ids;
  std::optional<std::int64_t> day_id, booking_id;
};
struct LogView {
  Log l;
  std::optional<AidSummary> aid;
  std::string village_name, township_name, advisor_name;
  bool revealed = false;
};
struct LogQuery {
  std::optional<int> year, month;
  std::optional<std::int64_t> region_id, advisor_id;
  std::optional<std::string> kind;
  std::int64_t page = 1, page_size = 20;
};
struct LogPage {
  std::vector<LogView> items;
  std::int64_t total = 0;
};

// A period of the scorecards: a year, a quarter of it or a month of it.
struct Period {
  int year = 0;
  std::optional<int> quarter, month;
  std::string from() const;
  std::string to() const;
  int months() const;
  int quarters() const;
};
struct ScoreRow {
  std::int64_t advisor_id = 0;
  std::string advisor_name, firm;
  std::int64_t villages = 0, required = 0, verified = 0, unverified = 0, missed = 0, lectures = 0, lectures_required = 0,
               logs = 0, days_with_log = 0, bookings = 0, answered_in_time = 0, rated = 0, satisfied = 0, basic = 0,
               unsatisfied = 0, subsidy = 0;
  std::optional<double> satisfaction;
  double score = 0;
  bool meets_standard = false;
};
struct ComplianceRow {
  std::int64_t township_id = 0;
  std::string name;
  std::int64_t villages = 0, with_advisor = 0, required = 0, verified = 0, villages_under = 0, lectures = 0, bookings = 0,
               unsatisfied = 0, callbacks_open = 0, subsidy = 0;
  std::optional<double> verified_rate;
};
struct Compliance {
  std::vector<ComplianceRow> rows;
  ComplianceRow total;
};

struct BookingInput {
  std::int64_t village_id = 0;               // a village's service day, or
  std::optional<std::int64_t> station_id;    // a station on a working day
  std::string topic, preferred_on, question, name, phone, code;
};
struct BookingView {
  Booking b;
  std::optional<AidSummary> aid;
  std::string village_name, township_name, advisor_name, station_name;
  std::optional<std::int64_t> callback_id;
  bool answered_in_time = false;
};
struct BookingPage {
  std::vector<BookingView> items;
  std::int64_t total = 0;
};
struct Booked {
  BookingView view;
  std::string token;
};
struct CallbackView {
  Callback c;
  std::string ref, village_name, township_name, rating_comment, closed_by_name;
  std::string name, phone, advisor_name, topic, question;  // the booking's resident (opened), its advisor
  std::optional<std::string> rating, agreed_on;
  bool revealed = false;
};
struct CallbackPage {
  std::vector<CallbackView> items;
  std::int64_t total = 0;
};

struct PublicStation {
  std::int64_t id = 0;
  std::string name, level, township_name, region_name, address, phone, hours, windows, brand, brand_intro;
  std::int64_t township_id = 0, region_id = 0;
};
struct PublicVillage {
  std::int64_t id = 0, township_id = 0;
  std::string name, township_name, advisor_name, firm, sentence;
  std::vector<int> days_of_month;
  std::vector<std::string> upcoming;
  std::optional<PublicStation> station;
};

struct AidInput {
  std::int64_t township_id = 0;
  std::optional<std::int64_t> village_id;
  std::string name, gender, id_number, phone, address, matter;
  std::optional<std::string> opponent;
  std::string facts;
  int household_size = 0, monthly_income = -1;
  std::string exemption = "none";
  bool declaration = false;
  std::optional<std::string> origin_kind;  // log | booking
  std::optional<std::int64_t> origin_id;
  std::string code;  // the resident's phone code (public applications)
};
struct AidView {
  Aid a;
  std::string township_name, village_name, referred_by_name;
  bool overdue = false, decided_late = false, assigned_late = false;
  bool revealed = false;
  std::optional<std::string> origin_ref;  // the booking's reference, or "服务记录 #12"
};
struct AidQuery {
  std::optional<std::string> status;
  std::optional<int> year;
  std::optional<std::int64_t> region_id;
  bool overdue_only = false;
  std::int64_t page = 1, page_size = 20;
};
struct AidPage {
  std::vector<AidView> items;
  std::int64_t total = 0;
};
struct Download {
  std::string name, content_type, bytes;
};

class LegalService {
 public:
  LegalService(db::Database& db, std::shared_ptr<quiz::OtpSender> sender) : db_(&db), sender_(std::move(sender)) {}

  Standard standard(auth::Actor const& actor) const;
  Standard set_standard(auth::Actor const& actor, Standard s) const;
  VillagePage villages(auth::Actor const& actor, std::optional<std::int64_t> region_id, std::optional<std::string> q,
                       std::int64_t page, std::int64_t page_size) const;
  VillageRow set_remote(auth::Actor const& actor, std::int64_t id, bool remote) const;

  Generated generate(auth::Actor const& actor, int year, std::optional<std::int64_t> region_id) const;
  DayPage days(auth::Actor const& actor, DayQuery const& q) const;
  DayView day(auth::Actor const& actor, std::int64_t id) const;
  Download schedule_export(auth::Actor const& actor, int year, std::optional<std::int64_t> region_id) const;
  CheckIn check_in(auth::Actor const& actor, std::int64_t id) const;
  DayView confirm(auth::Actor const& actor, std::int64_t id, std::optional<std::string> code) const;
  ResidentConfirmed resident_confirm(auth::Actor const& actor, std::int64_t village_id, std::string const& code) const;

  LogPage logs(auth::Actor const& actor, LogQuery const& q) const;
  LogView log(auth::Actor const& actor, std::int64_t id, bool reveal) const;
  LogView create_log(auth::Actor const& actor, LogInput in) const;

  std::vector<ScoreRow> scorecards(auth::Actor const& actor, Period const& p, std::optional<std::int64_t> region_id) const;
  Compliance compliance(auth::Actor const& actor, Period const& p) const;
  Download compliance_export(auth::Actor const& actor, Period const& p) const;

  std::vector<PublicStation> public_stations(std::optional<std::int64_t> township_id) const;
  std::vector<VillageRow> public_villages(std::optional<std::int64_t> township_id) const;
  PublicVillage public_village(std::int64_t id) const;
  base::Millis request_code(auth::Actor const& actor, std::string const& phone) const;  // > 0: wait that long
  Booked book(auth::Actor const& actor, BookingInput in) const;
  BookingView public_booking(std::string const& ref, std::string const& token) const;
  BookingView resident_confirm_time(auth::Actor const& actor, std::string const& ref, std::string const& token) const;
  BookingView resident_cancel(auth::Actor const& actor, std::string const& ref, std::string const& token) const;
  BookingView rate(auth::Actor const& actor, std::string const& ref, std::string const& token, std::string rating,
                   std::string comment) const;

  BookingPage bookings(auth::Actor const& actor, std::optional<std::string> status, std::optional<std::int64_t> region_id,
                       std::int64_t page, std::int64_t page_size) const;
  BookingView booking(auth::Actor const& actor, std::int64_t id) const;
  BookingView accept(auth::Actor const& actor, std::int64_t id) const;
  BookingView propose(auth::Actor const& actor, std::int64_t id, std::string on, std::string note) const;
  BookingView serve(auth::Actor const& actor, std::int64_t id, std::string note) const;
  // The day-before reminders for bookings agreed for the day after `on` (`pufa service remind`): how many went out.
  std::int64_t remind(auth::Actor const& actor, std::string const& on) const;
  CallbackPage callbacks(auth::Actor const& actor, std::optional<std::string> status, std::int64_t page, std::int64_t page_size) const;
  CallbackView callback(auth::Actor const& actor, std::int64_t id, bool reveal) const;
  CallbackView close_callback(auth::Actor const& actor, std::int64_t id, std::string note) const;

  AidPage aids(auth::Actor const& actor, AidQuery const& q) const;
  AidView aid(auth::Actor const& actor, std::int64_t id, bool reveal) const;
  AidView create_aid(auth::Actor const& actor, AidInput in) const;
  std::pair<AidView, std::string> public_aid(auth::Actor const& actor, AidInput in) const;  // and the token
  AidView public_aid_status(std::string const& ref, std::string const& token) const;
  AidView decide_aid(auth::Actor const& actor, std::int64_t id, bool approve, std::string reason) const;
  AidView assign_aid(auth::Actor const& actor, std::int64_t id, std::string lawyer, std::string firm, std::string phone) const;
  AidView close_aid(auth::Actor const& actor, std::int64_t id, std::string outcome, std::string note) const;
  AidView follow_up_aid(auth::Actor const& actor, std::int64_t id, std::string note, std::string satisfaction) const;
  docx::Document aid_decision(auth::Actor const& actor, std::int64_t id) const;

  std::vector<todo::Item> todo(auth::Principal const& caller) const;
  static void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);

 private:
  db::Database* db_;
  std::shared_ptr<quiz::OtpSender> sender_;
};

}  // namespace pufa::service
