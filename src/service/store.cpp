#include "service/store.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "base/sealed.hpp"
#include "service/store_sql.hpp"

namespace pufa::service::store {

namespace json = boost::json;

namespace {

constexpr std::string_view name_context = "service_bookings.name", phone_context = "service_bookings.phone",
                           parties_context = "service_logs.parties";

std::vector<int> ints_of(std::string const& text) {
  std::vector<int> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto const comma = text.find(',', at);
    auto const part = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!part.empty()) out.push_back(std::stoi(part));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

std::string ids_text(std::vector<std::int64_t> const& ids) {
  if (ids.empty()) return {};
  std::string out = ",";
  for (auto id : ids) out += std::to_string(id) + ",";
  return out;
}

std::vector<std::int64_t> ids_of(std::optional<std::string> const& text) {
  std::vector<std::int64_t> out;
  if (!text) return out;
  for (auto v : ints_of(*text)) out.push_back(v);
  return out;
}

std::optional<int> opt_int(db::Row const& row, std::string_view column) {
  auto const v = row.opt_i64(column);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

constexpr char const* day_columns =
    "id, region_id, region_path, advisor_id, contract_id, year, nominal_on, planned_on, moved, status, code_hash, code_salt,"
    " code_expires_at, code_failures, checked_in_at, verified_at, verified_by, verifier_id";

Day day_row(db::Row const& row) {
  Day d;
  d.id = row.i64("id");
  d.region_id = row.i64("region_id");
  d.region_path = row.str("region_path");
  d.advisor_id = row.i64("advisor_id");
  d.contract_id = row.i64("contract_id");
  d.year = static_cast<int>(row.i64("year"));
  d.nominal_on = row.str("nominal_on");
  d.planned_on = row.str("planned_on");
  d.moved = row.opt_str("moved");
  d.status = row.str("status");
  d.code_hash = row.opt_str("code_hash");
  d.code_salt = row.opt_str("code_salt");
  d.code_expires_at = row.opt_i64("code_expires_at");
  d.code_failures = static_cast<int>(row.i64("code_failures"));
  d.checked_in_at = row.opt_i64("checked_in_at");
  d.verified_at = row.opt_i64("verified_at");
  d.verified_by = row.opt_str("verified_by");
  d.verifier_id = row.opt_i64("verifier_id");
  return d;
}

constexpr char const* log_columns =
    "id, region_id, region_path, advisor_id, day_id, booking_id, served_on, kind, topic, parties, summary, minutes, photo_ids,"
    " created_by, created_at";

std::vector<std::string> parties_of(std::optional<std::string> const& stored) {
  std::vector<std::string> out;
  if (!stored || stored->empty()) return out;
  auto const parsed = json::parse(base::sealed::open(*stored, parties_context));
  for (auto const& v : parsed.as_array()) out.emplace_back(v.as_string());
  return out;
}

db::Param parties_cell(std::vector<std::string> const& parties) {
  if (parties.empty()) return nullptr;
  json::array a;
  for (auto const& p : parties) a.emplace_back(p);
  return base::sealed::seal(json::serialize(a), parties_context);
}

Log log_row(db::Row const& row) {
  Log l;
  l.id = row.i64("id");
  l.region_id = row.i64("region_id");
  l.region_path = row.str("region_path");
  l.advisor_id = row.i64("advisor_id");
  l.day_id = row.opt_i64("day_id");
  l.booking_id = row.opt_i64("booking_id");
  l.served_on = row.str("served_on");
  l.kind = row.str("kind");
  l.topic = row.opt_str("topic");
  l.parties = parties_of(row.opt_str("parties"));
  l.summary = row.str("summary");
  l.minutes = opt_int(row, "minutes");
  l.photo_ids = ids_of(row.opt_str("photo_ids"));
  l.created_by = row.opt_i64("created_by");
  l.created_at = row.i64("created_at");
  return l;
}

constexpr char const* booking_columns =
    "id, ref, region_id, region_path, advisor_id, topic, preferred_on, agreed_on, proposed_on, proposal_note, question, name,"
    " phone, token_hash, status, answered_at, served_at, served_note, rating, rating_comment, rated_at, created_at, updated_at,"
    " station_id, reminded_at";

Booking booking_row(db::Row const& row) {
  Booking b;
  b.id = row.i64("id");
  b.ref = row.str("ref");
  b.region_id = row.i64("region_id");
  b.region_path = row.str("region_path");
  b.advisor_id = row.opt_i64("advisor_id");
  b.topic = row.str("topic");
  b.preferred_on = row.str("preferred_on");
  b.agreed_on = row.opt_str("agreed_on");
  b.proposed_on = row.opt_str("proposed_on");
  b.proposal_note = row.opt_str("proposal_note");
  b.question = row.str("question");
  b.name = base::sealed::open(row.str("name"), name_context);
  b.phone = base::sealed::open(row.str("phone"), phone_context);
  b.token_hash = row.str("token_hash");
  b.status = row.str("status");
  b.answered_at = row.opt_i64("answered_at");
  b.served_at = row.opt_i64("served_at");
  b.served_note = row.opt_str("served_note");
  b.rating = row.opt_str("rating");
  b.rating_comment = row.opt_str("rating_comment");
  b.rated_at = row.opt_i64("rated_at");
  b.created_at = row.i64("created_at");
  b.updated_at = row.i64("updated_at");
  b.station_id = row.opt_i64("station_id");
  b.reminded_at = row.opt_i64("reminded_at");
  return b;
}

Callback callback_row(db::Row const& row) {
  return {row.i64("id"), row.i64("booking_id"), row.i64("region_id"), row.str("region_path"), row.str("status"),
          row.opt_str("note"), row.opt_i64("closed_by"), row.opt_i64("closed_at"), row.i64("created_at")};
}

}  // namespace

Standard standard(db::Connection& conn) {
  auto rows = conn.query("SELECT days_of_month, town_days, remote_days, villages_per_day, lectures_per_quarter, answer_hours,"
                         " subsidy_per_day FROM service_standard WHERE id = 1");
  Standard s;
  if (rows.empty()) return s;
  auto const row = rows.front();
  s.days_of_month = ints_of(row.str("days_of_month"));
  s.town_days = static_cast<int>(row.i64("town_days"));
  s.remote_days = static_cast<int>(row.i64("remote_days"));
  s.villages_per_day = static_cast<int>(row.i64("villages_per_day"));
  s.lectures_per_quarter = static_cast<int>(row.i64("lectures_per_quarter"));
  s.answer_hours = static_cast<int>(row.i64("answer_hours"));
  s.subsidy_per_day = static_cast<int>(row.i64("subsidy_per_day"));
  return s;
}

void set_standard(db::Connection& conn, Standard const& s, std::int64_t by) {
  std::string days;
  for (auto d : s.days_of_month) days += (days.empty() ? "" : ",") + std::to_string(d);
  conn.exec("UPDATE service_standard SET days_of_month = ?, town_days = ?, remote_days = ?, villages_per_day = ?,"
            " lectures_per_quarter = ?, answer_hours = ?, subsidy_per_day = ?, updated_by = ?, updated_at = ? WHERE id = 1",
            {days, s.town_days, s.remote_days, s.villages_per_day, s.lectures_per_quarter, s.answer_hours, s.subsidy_per_day, by,
             base::now_ms()});
}

std::vector<std::int64_t> remote_villages(db::Connection& conn, std::string const& path) {
  std::vector<std::int64_t> out;
  for (auto row : conn.query("SELECT region_id FROM service_remote_villages WHERE region_path LIKE ? ORDER BY region_id",
                             {path + "%"})) {
    out.push_back(row.i64("region_id"));
  }
  return out;
}

void set_remote(db::Connection& conn, std::int64_t region_id, std::string const& path, bool remote) {
  conn.exec("DELETE FROM service_remote_villages WHERE region_id = ?", {region_id});
  if (remote) {
    conn.exec("INSERT INTO service_remote_villages (region_id, region_path, created_at) VALUES (?, ?, ?)",
              {region_id, path, base::now_ms()});
  }
}

std::vector<Day> days(db::Connection& conn, DayFilter const& f, std::int64_t* total) {
  Where w;
  w.add("region_path LIKE ?", f.scope_path + "%");
  if (f.advisor_id) w.add("advisor_id = ?", *f.advisor_id);
  if (f.region_id) w.add("region_id = ?", *f.region_id);
  if (f.from) w.add("planned_on >= ?", *f.from);
  if (f.to) w.add("planned_on <= ?", *f.to);
  if (f.status) w.add("status = ?", *f.status);
  if (total) *total = count_of(conn, "service_days", w);
  std::vector<Day> out;
  for (auto row : conn.query(std::string("SELECT ") + day_columns + " FROM service_days" + w.sql +
                                 " ORDER BY planned_on, region_path, id" + page_sql(f.limit, f.offset),
                             w.params)) {
    out.push_back(day_row(row));
  }
  return out;
}

std::optional<Day> day(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + day_columns + " FROM service_days WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return day_row(rows.front());
}

std::optional<Day> day_of(db::Connection& conn, std::int64_t region_id, std::string const& planned_on) {
  auto rows = conn.query(std::string("SELECT ") + day_columns + " FROM service_days WHERE region_id = ? AND planned_on = ?",
                         {region_id, planned_on});
  if (rows.empty()) return std::nullopt;
  return day_row(rows.front());
}

std::int64_t insert_day(db::Connection& conn, Day const& d) {
  return conn.insert(
      "INSERT INTO service_days (region_id, region_path, advisor_id, contract_id, year, nominal_on, planned_on, moved, status,"
      " checked_in_at, verified_at, verified_by, verifier_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " RETURNING id",
      {d.region_id, d.region_path, d.advisor_id, d.contract_id, d.year, d.nominal_on, d.planned_on, d.moved, d.status,
       d.checked_in_at, d.verified_at, d.verified_by, d.verifier_id, base::now_ms()});
}

void update_day(db::Connection& conn, Day const& d) {
  conn.exec("UPDATE service_days SET status = ?, code_hash = ?, code_salt = ?, code_expires_at = ?, code_failures = ?,"
            " checked_in_at = ?, verified_at = ?, verified_by = ?, verifier_id = ? WHERE id = ?",
            {d.status, d.code_hash, d.code_salt, d.code_expires_at, d.code_failures, d.checked_in_at, d.verified_at,
             d.verified_by, d.verifier_id, d.id});
}

std::int64_t delete_replaceable(db::Connection& conn, std::string const& path, int year, std::string const& from) {
  // Days a log points to stay: the log keeps its day.
  return conn.exec("DELETE FROM service_days WHERE region_path LIKE ? AND year = ? AND status = 'planned' AND planned_on >= ?"
                   " AND NOT EXISTS (SELECT 1 FROM service_logs l WHERE l.day_id = service_days.id)",
                   {path + "%", year, from});
}

std::vector<Day> live_codes(db::Connection& conn, std::int64_t region_id, base::Millis now) {
  std::vector<Day> out;
  for (auto row : conn.query(std::string("SELECT ") + day_columns +
                                 " FROM service_days WHERE region_id = ? AND status = 'checked_in' AND code_expires_at > ?",
                             {region_id, now})) {
    out.push_back(day_row(row));
  }
  return out;
}

std::optional<int> latest_year(db::Connection& conn, std::string const& path, std::string const& today) {
  auto const y = conn.scalar("SELECT MAX(year) FROM service_days WHERE region_path LIKE ? AND planned_on <= ?", {path + "%", today});
  if (!y) return std::nullopt;
  return static_cast<int>(*y);
}

std::int64_t count_verified(db::Connection& conn, std::string const& path, int year) {
  return conn.scalar("SELECT COUNT(*) FROM service_days WHERE region_path LIKE ? AND year = ? AND status = 'verified'",
                     {path + "%", year})
      .value_or(0);
}

std::map<std::int64_t, std::int64_t> verified_by_village(db::Connection& conn, std::string const& path, int year) {
  std::map<std::int64_t, std::int64_t> out;
  for (auto row : conn.query("SELECT region_id, COUNT(*) AS n FROM service_days WHERE region_path LIKE ? AND year = ?"
                             " AND status = 'verified' GROUP BY region_id",
                             {path + "%", year})) {
    out[row.i64("region_id")] = row.i64("n");
  }
  return out;
}

std::vector<Log> logs(db::Connection& conn, LogFilter const& f, std::int64_t* total) {
  Where w;
  w.add("region_path LIKE ?", f.scope_path + "%");
  if (f.advisor_id) w.add("advisor_id = ?", *f.advisor_id);
  if (f.region_id) w.add("region_id = ?", *f.region_id);
  if (f.from) w.add("served_on >= ?", *f.from);
  if (f.to) w.add("served_on <= ?", *f.to);
  if (f.kind) w.add("kind = ?", *f.kind);
  if (total) *total = count_of(conn, "service_logs", w);
  std::vector<Log> out;
  for (auto row : conn.query(std::string("SELECT ") + log_columns + " FROM service_logs" + w.sql +
                                 " ORDER BY served_on DESC, id DESC" + page_sql(f.limit, f.offset),
                             w.params)) {
    out.push_back(log_row(row));
  }
  return out;
}

std::optional<Log> log(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + log_columns + " FROM service_logs WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return log_row(rows.front());
}

std::int64_t insert_log(db::Connection& conn, Log const& l) {
  return conn.insert(
      "INSERT INTO service_logs (region_id, region_path, advisor_id, day_id, booking_id, served_on, kind, topic, parties, summary,"
      " minutes, photo_ids, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {l.region_id, l.region_path, l.advisor_id, l.day_id, l.booking_id, l.served_on, l.kind, l.topic, parties_cell(l.parties),
       l.summary, l.minutes, l.photo_ids.empty() ? db::Param(nullptr) : db::Param(ids_text(l.photo_ids)), l.created_by,
       l.created_at});
}

std::int64_t logs_of_day(db::Connection& conn, std::int64_t region_id, std::string const& day) {
  return conn.scalar("SELECT COUNT(*) FROM service_logs WHERE region_id = ? AND served_on = ?", {region_id, day}).value_or(0);
}

std::map<std::pair<std::int64_t, std::string>, std::int64_t> log_counts(db::Connection& conn, std::string const& path,
                                                                        std::string const& from, std::string const& to) {
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> out;
  for (auto row : conn.query("SELECT region_id, served_on, COUNT(*) AS n FROM service_logs WHERE region_path LIKE ?"
                             " AND served_on >= ? AND served_on <= ? GROUP BY region_id, served_on",
                             {path + "%", from, to})) {
    out[{row.i64("region_id"), row.str("served_on")}] = row.i64("n");
  }
  return out;
}

std::int64_t count_bookings(db::Connection& conn, std::int64_t advisor_id, std::string const& status) {
  return conn.scalar("SELECT COUNT(*) FROM service_bookings WHERE advisor_id = ? AND status = ?", {advisor_id, status}).value_or(0);
}

std::vector<Booking> bookings(db::Connection& conn, BookingFilter const& f, std::int64_t* total) {
  Where w;
  w.add("region_path LIKE ?", f.scope_path + "%");
  if (f.advisor_id) w.add("advisor_id = ?", *f.advisor_id);
  if (f.region_id) w.add("region_id = ?", *f.region_id);
  if (f.status) w.add("status = ?", *f.status);
  if (f.from) w.add("preferred_on >= ?", *f.from);
  if (f.to) w.add("preferred_on <= ?", *f.to);
  if (f.open_only) w.raw("status IN ('submitted', 'proposed', 'accepted')");
  if (total) *total = count_of(conn, "service_bookings", w);
  std::vector<Booking> out;
  for (auto row : conn.query(std::string("SELECT ") + booking_columns + " FROM service_bookings" + w.sql +
                                 " ORDER BY created_at DESC, id DESC" + page_sql(f.limit, f.offset),
                             w.params)) {
    out.push_back(booking_row(row));
  }
  return out;
}

std::optional<Booking> booking(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + booking_columns + " FROM service_bookings WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return booking_row(rows.front());
}

std::optional<Booking> booking_by_ref(db::Connection& conn, std::string const& ref) {
  auto rows = conn.query(std::string("SELECT ") + booking_columns + " FROM service_bookings WHERE ref = ?", {ref});
  if (rows.empty()) return std::nullopt;
  return booking_row(rows.front());
}

std::int64_t insert_booking(db::Connection& conn, Booking const& b) {
  return conn.insert(
      "INSERT INTO service_bookings (ref, region_id, region_path, advisor_id, topic, preferred_on, agreed_on, question, name, phone,"
      " phone_index, token_hash, status, answered_at, served_at, served_note, rating, rating_comment, rated_at, created_at, updated_at,"
      " station_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {b.ref, b.region_id, b.region_path, b.advisor_id, b.topic, b.preferred_on, b.agreed_on, b.question,
       base::sealed::seal(b.name, name_context), base::sealed::seal(b.phone, phone_context),
       base::sealed::blind_index(base::sealed::phone_kind, b.phone), b.token_hash, b.status, b.answered_at, b.served_at,
       b.served_note, b.rating, b.rating_comment, b.rated_at, b.created_at, b.updated_at, b.station_id});
}

void update_booking(db::Connection& conn, Booking const& b) {
  conn.exec("UPDATE service_bookings SET status = ?, agreed_on = ?, proposed_on = ?, proposal_note = ?, answered_at = ?,"
            " served_at = ?, served_note = ?, rating = ?, rating_comment = ?, rated_at = ?, updated_at = ?, reminded_at = ? WHERE id = ?",
            {b.status, b.agreed_on, b.proposed_on, b.proposal_note, b.answered_at, b.served_at, b.served_note, b.rating,
             b.rating_comment, b.rated_at, b.updated_at, b.reminded_at, b.id});
}

std::vector<Booking> to_remind(db::Connection& conn, std::string const& day) {
  std::vector<Booking> out;
  for (auto row : conn.query(std::string("SELECT ") + booking_columns +
                                 " FROM service_bookings WHERE status = 'accepted' AND agreed_on = ? AND reminded_at IS NULL ORDER BY id",
                             {day})) {
    out.push_back(booking_row(row));
  }
  return out;
}

std::int64_t bookings_on(db::Connection& conn, std::string const& ref_prefix) {
  return conn.scalar("SELECT COUNT(*) FROM service_bookings WHERE ref LIKE ?", {ref_prefix + "%"}).value_or(0);
}

std::int64_t insert_callback(db::Connection& conn, Callback const& c) {
  return conn.insert("INSERT INTO service_callbacks (booking_id, region_id, region_path, status, created_at) VALUES (?, ?, ?, ?, ?)"
                     " RETURNING id",
                     {c.booking_id, c.region_id, c.region_path, c.status, c.created_at});
}

std::vector<Callback> callbacks(db::Connection& conn, std::string const& path, std::optional<std::string> const& status,
                                std::int64_t limit, std::int64_t offset, std::int64_t* total) {
  Where w;
  w.add("region_path LIKE ?", path + "%");
  if (status) w.add("status = ?", *status);
  if (total) *total = count_of(conn, "service_callbacks", w);
  std::vector<Callback> out;
  for (auto row : conn.query("SELECT id, booking_id, region_id, region_path, status, note, closed_by, closed_at, created_at"
                             " FROM service_callbacks" + w.sql + " ORDER BY status DESC, created_at DESC, id DESC" +
                                 page_sql(limit, offset),
                             w.params)) {
    out.push_back(callback_row(row));
  }
  return out;
}

std::optional<Callback> callback(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query("SELECT id, booking_id, region_id, region_path, status, note, closed_by, closed_at, created_at"
                         " FROM service_callbacks WHERE id = ?",
                         {id});
  if (rows.empty()) return std::nullopt;
  return callback_row(rows.front());
}

void close_callback(db::Connection& conn, std::int64_t id, std::string const& note, std::int64_t by, base::Millis at) {
  conn.exec("UPDATE service_callbacks SET status = 'closed', note = ?, closed_by = ?, closed_at = ? WHERE id = ?", {note, by, at, id});
}

std::int64_t open_callbacks(db::Connection& conn, std::string const& path) {
  return conn.scalar("SELECT COUNT(*) FROM service_callbacks WHERE region_path LIKE ? AND status = 'open'", {path + "%"}).value_or(0);
}

void insert_code(db::Connection& conn, std::string const& phone_index, PhoneCode const& c, base::Millis now) {
  conn.exec("INSERT INTO service_codes (phone_index, code_hash, salt, expires_at, created_at) VALUES (?, ?, ?, ?, ?)",
            {phone_index, c.code_hash, c.salt, c.expires_at, now});
}

std::optional<PhoneCode> latest_code(db::Connection& conn, std::string const& phone_index) {
  auto rows = conn.query("SELECT id, code_hash, salt, expires_at, failures, used FROM service_codes WHERE phone_index = ?"
                         " ORDER BY id DESC LIMIT 1",
                         {phone_index});
  if (rows.empty()) return std::nullopt;
  auto const row = rows.front();
  return PhoneCode{row.i64("id"), row.str("code_hash"), row.str("salt"), row.i64("expires_at"),
                   static_cast<int>(row.i64("failures")), row.flag("used")};
}

void code_failed(db::Connection& conn, std::int64_t id) {
  conn.exec("UPDATE service_codes SET failures = failures + 1 WHERE id = ?", {id});
}

void use_code(db::Connection& conn, std::int64_t id) { conn.exec("UPDATE service_codes SET used = 1 WHERE id = ?", {id}); }

std::int64_t reseal(db::Connection& conn) {
  std::int64_t n = 0;
  auto const current = base::sealed::current_like();
  for (auto row : conn.query("SELECT id, name, phone FROM service_bookings WHERE name NOT LIKE ? OR phone NOT LIKE ?",
                             {current, current})) {
    conn.exec("UPDATE service_bookings SET name = ?, phone = ? WHERE id = ?",
              {base::sealed::seal(base::sealed::open(row.str("name"), name_context), name_context),
               base::sealed::seal(base::sealed::open(row.str("phone"), phone_context), phone_context), row.i64("id")});
    ++n;
  }
  for (auto row : conn.query("SELECT id, parties FROM service_logs WHERE parties IS NOT NULL AND parties NOT LIKE ?", {current})) {
    conn.exec("UPDATE service_logs SET parties = ? WHERE id = ?",
              {base::sealed::seal(base::sealed::open(row.str("parties"), parties_context), parties_context), row.i64("id")});
    ++n;
  }
  n += reseal_aid(conn);
  return n;
}

}  // namespace pufa::service::store
