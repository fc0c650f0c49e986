// Residents book a consultation with their village's advisor; the advisor answers; a rating afterwards, and
// every 不满意 called back (docs/service.md, "Bookings"). Stations and village pages for the portal.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "auth/audit.hpp"
#include "auth/rate_limit.hpp"
#include "auth/regions.hpp"
#include "base/random.hpp"
#include "base/sealed.hpp"
#include "calendar/library.hpp"
#include "service/common.hpp"
#include "service/entities.hpp"
#include "service/store.hpp"
#include "text/personal.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;

namespace {

constexpr base::Millis code_ttl_ms = 10 * base::minute_ms;
constexpr int code_max_failures = 5, phone_daily_codes = 5, address_codes = 20;
constexpr base::Millis address_window_ms = 10 * base::minute_ms;

std::string token_hash(std::string const& token) { return base::sha256_hex("service-booking:" + token); }

std::string station_name(db::Connection& conn, std::int64_t id) {
  auto const found = stations().find(conn, id);
  return found ? found->value(stations().entity(), "name").value_or("") : std::string();
}

std::string chinese_date(std::string const& date) {
  return fmt::format("{}年{}月{}日", date.substr(0, 4), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
}

// Where and with whom, in the words of a notice: "马坞村，法律顾问陈律师" or "马涧镇公共法律服务站".
std::string place_words(BookingView const& v) {
  if (!v.station_name.empty()) return v.station_name;
  return v.village_name + (v.advisor_name.empty() ? std::string() : "，法律顾问" + v.advisor_name + "律师");
}

BookingView booking_view(Names& names, Booking b, int answer_hours) {
  BookingView v;
  if (b.station_id) v.station_name = station_name(names.conn, *b.station_id);
  v.village_name = names.name_of(b.region_id);
  auto const town = names.township_of(b.region_id);
  v.township_name = town ? town->name : std::string();
  if (b.advisor_id) v.advisor_name = names.person(*b.advisor_id);
  v.answered_in_time = b.answered_at && *b.answered_at - b.created_at <= answer_hours * base::hour_ms;
  v.b = std::move(b);
  return v;
}

Booking resident_booking(db::Connection& conn, std::string const& ref, std::string const& token) {
  auto b = store::booking_by_ref(conn, ref);
  if (!b || token.empty() || !base::constant_time_equal(token_hash(token), b->token_hash)) {
    throw ApiError(AppError::not_found, "预约不存在或链接已失效");
  }
  return std::move(*b);
}

// The advisor of the booking, or staff who manage its region.
void require_handler(db::Connection& conn, auth::Principal const& caller, Booking const& b) {
  if (caller.has(manage_permission) && caller.covers(b.region_path)) return;
  if (caller.has(log_permission)) {
    auto const me = org::directory::person_of_user(conn, caller.user_id);
    if (me && b.advisor_id && *b.advisor_id == me->id) return;
  }
  if (caller.has(read_permission) && caller.covers(b.region_path)) throw ApiError(AppError::forbidden, "只有该村法律顾问或服务站工作人员可以办理");
  throw ApiError(AppError::not_found, "预约不存在");
}

CallbackView callback_view(Names& names, Callback c) {
  CallbackView v;
  if (auto const b = store::booking(names.conn, c.booking_id)) {
    v.ref = b->ref;
    v.rating_comment = b->rating_comment.value_or("");
    v.name = b->name;
    v.phone = b->phone;
    v.topic = b->topic;
    v.question = b->question;
    v.rating = b->rating;
    v.agreed_on = b->agreed_on;
    if (b->advisor_id) v.advisor_name = names.person(*b->advisor_id);
  }
  v.village_name = names.name_of(c.region_id);
  if (auto const town = names.township_of(c.region_id)) v.township_name = town->name;
  v.c = std::move(c);
  return v;
}

std::vector<std::string> upcoming_days(db::Connection& conn, std::int64_t village_id, std::string const& from, std::size_t n) {
  std::vector<std::string> out;
  for (auto const& d : store::days(conn, {.scope_path = "/", .region_id = village_id, .from = from, .limit = static_cast<std::int64_t>(n)})) {
    out.push_back(d.planned_on);
  }
  return out;
}

std::string words_of_days(std::vector<int> const& days) {
  std::string out;
  for (std::size_t i = 0; i < days.size(); ++i) out += (i ? "、" : "") + fmt::format("{} 日", days[i]);
  return out;
}

}  // namespace

std::vector<PublicStation> LegalService::public_stations(std::optional<std::int64_t> township_id) const {
  return db_->read([&](db::Connection& conn) {
    std::string path = auth::regions::root(conn).path;
    if (township_id) {
      auto const town = auth::regions::find(conn, *township_id);
      if (!town || town->level != auth::regions::township_level) invalid("乡镇（街道）不存在", "township_id");
      path = town->path;
    }
    auto const& reg = stations();
    registry::ListFilter f;
    f.region_path = path;
    f.sort = "id";
    f.limit = 1000;
    Names names(conn);
    std::vector<PublicStation> out;
    auto const& e = reg.entity();
    for (auto const& r : reg.list(conn, f)) {
      auto const value = [&](std::string_view key) { return r.value(e, key).value_or(""); };
      PublicStation s;
      s.id = r.id;
      s.name = value("name");
      s.level = value("level");
      s.address = value("address");
      s.phone = value("phone");
      s.hours = value("hours");
      s.windows = value("windows");
      s.brand = value("brand");
      s.brand_intro = value("brand_intro");
      s.region_name = r.region_name;
      s.region_id = r.region_id;
      if (auto const town = names.township_of(r.region_id)) {
        s.township_id = town->id;
        s.township_name = town->name;
      }
      out.push_back(std::move(s));
    }
    auto const rank = [](std::string const& level) { return level == "city" ? 0 : level == "township" ? 1 : 2; };
    std::stable_sort(out.begin(), out.end(), [&](PublicStation const& a, PublicStation const& b) {
      if (a.township_id != b.township_id) return a.township_id < b.township_id;
      return rank(a.level) < rank(b.level);
    });
    return out;
  });
}

std::vector<VillageRow> LegalService::public_villages(std::optional<std::int64_t> township_id) const {
  if (!township_id) invalid("请选择乡镇（街道）", "township_id");
  return db_->read([&](db::Connection& conn) {
    auto const town = auth::regions::find(conn, *township_id);
    if (!town || town->level != auth::regions::township_level) invalid("乡镇（街道）不存在", "township_id");
    auto const on = today();
    std::map<std::int64_t, std::string> advisor;
    for (auto const& c : org::directory::village_contracts(conn, town->path, on, on)) advisor[c.village_id] = c.advisor_name;
    std::vector<VillageRow> out;
    for (auto const& v : auth::regions::at_level(conn, town->path, auth::regions::village_level)) {
      VillageRow row{v.id, v.name, town->id, town->name};
      row.advisor_name = advisor[v.id];
      out.push_back(std::move(row));
    }
    return out;
  });
}

PublicVillage LegalService::public_village(std::int64_t id) const {
  auto out = db_->read([&](db::Connection& conn) {
    auto const village = auth::regions::find(conn, id);
    if (!village || village->level != auth::regions::village_level) throw ApiError(AppError::not_found, "村（社区）不存在");
    PublicVillage out;
    out.id = village->id;
    out.name = village->name;
    Names names(conn);
    auto const town = names.township_of(village->id);
    if (town) out.township_name = town->name;
    auto const on = today();
    auto const contracts = org::directory::village_contracts(conn, village->path, on, on);
    for (auto const& c : contracts) {
      if (c.village_id != village->id) continue;
      out.advisor_name = c.advisor_name;
      out.firm = c.firm;
    }
    // The listed days this village's schedule keeps this year (8 when it is served on the 8th).
    // (Only the standard's days: a day added by hand is no "每月" day.)
    std::set<int> listed;
    auto const year = on.substr(0, 4);
    auto const standard = store::standard(conn);
    for (auto const& d : store::days(conn, {.scope_path = "/", .region_id = village->id, .from = year + "-01-01", .to = year + "-12-31"})) {
      auto const day = std::stoi(d.nominal_on.substr(8, 2));
      if (std::find(standard.days_of_month.begin(), standard.days_of_month.end(), day) != standard.days_of_month.end()) listed.insert(day);
    }
    out.days_of_month.assign(listed.begin(), listed.end());
    out.upcoming = upcoming_days(conn, village->id, on, 6);
    if (!out.advisor_name.empty()) {
      out.sentence = "本村法律顾问" + out.advisor_name + "律师";
      out.sentence += out.days_of_month.empty() ? "。" : "，每月 " + words_of_days(out.days_of_month) + "在村（逢节假日顺延）。";
    }
    if (town) out.township_id = town->id;
    return out;
  });
  // The station nearest the village: its own, else its township's.
  if (out.township_id) {
    for (auto& s : public_stations(out.township_id)) {
      if (s.region_id == out.id) out.station = s;
      if (!out.station && s.level == "township") out.station = s;
    }
  }
  return out;
}

base::Millis LegalService::request_code(auth::Actor const& actor, std::string const& phone) const {
  if (!sender_) throw ApiError(AppError::unavailable, "短信验证码服务尚未配置，暂时无法获取验证码，请拨打 12348 预约");
  auto const now = base::now_ms();
  auto const code = new_code();
  auto const index = base::sealed::blind_index(base::sealed::phone_kind, phone);
  auto const by_phone = "service.phone:" + index;
  auto const by_address = "service.ip:" + actor.ip;
  auto const wait = db_->write([&](db::Connection& conn) -> base::Millis {
    auth::rate_limit::lock(conn, by_phone, now);
    auth::rate_limit::lock(conn, by_address, now);
    auto const phone_events = auth::rate_limit::events(conn, by_phone, now - base::day_ms);
    auto const address_events = auth::rate_limit::events(conn, by_address, now - address_window_ms);
    auto const wait = std::max(auth::rate_limit::wait(phone_events, {{1, base::minute_ms}, {phone_daily_codes, base::day_ms}}, now),
                               auth::rate_limit::wait(address_events, {{address_codes, address_window_ms}}, now));
    if (wait > 0) return wait;
    auth::rate_limit::record(conn, by_phone, now, base::day_ms);
    auth::rate_limit::record(conn, by_address, now, base::day_ms);
    store::PhoneCode c;
    c.salt = base::random_hex(16);
    c.code_hash = code_hash(c.salt, code);
    c.expires_at = now + code_ttl_ms;
    store::insert_code(conn, index, c, now);
    auth::audit(conn, actor, "service.booking.code", "service_codes", "");
    return 0;
  });
  if (wait > 0) return wait;
  sender_->send(phone, code, "法律咨询预约");  // after the commit: a code is never sent unstored
  return 0;
}

Booked LegalService::book(auth::Actor const& actor, BookingInput in) const {
  if (!valid_topic(in.topic)) invalid("请选择咨询事项", "topic");
  if (!base::is_date(in.preferred_on)) invalid("请选择预约日期", "preferred_on");
  in.question = trimmed(in.question);
  if (in.question.empty()) invalid("请简要说明咨询的问题", "question");
  if (in.question.size() > 3000) invalid("问题说明不超过 1000 字", "question");
  in.name = trimmed(in.name);
  if (in.name.empty() || in.name.size() > 60) invalid("请填写姓名（不超过 20 字）", "name");
  if (!text::is_mobile(in.phone)) invalid("请输入 11 位手机号码", "phone");
  auto const token = base::random_hex(16);
  auto const token_digest = token_hash(token);  // hashed before the write: nothing of it needs the transaction
  auto const index = base::sealed::blind_index(base::sealed::phone_kind, in.phone);
  auto const now = base::now_ms();
  enum class Result { ok, wrong };
  struct Outcome {
    Result result = Result::ok;
    std::int64_t id = 0;
  };
  auto const outcome = db_->write([&](db::Connection& conn) {
    auto const on = today();
    if (in.preferred_on < on) invalid("预约日期不能早于今天", "preferred_on");
    std::optional<auth::Region> place;
    std::optional<std::int64_t> advisor;
    if (in.station_id) {
      auto const station = stations().find(conn, *in.station_id);
      if (!station) invalid("服务站点不存在", "station_id");
      place = auth::regions::find(conn, station->region_id);
      if (calendar::day_number(in.preferred_on) - calendar::day_number(on) > 60) invalid("只能预约 60 天内的日期", "preferred_on");
      auto const cal = calendar::Calendar::load(conn, std::stoi(on.substr(0, 4)), std::stoi(on.substr(0, 4)) + 1);
      if (!cal.is_working_day(in.preferred_on)) invalid("该日不是工作日，服务站不办公，请另选日期", "preferred_on");
    } else {
      place = auth::regions::find(conn, in.village_id);
      if (!place || place->level != auth::regions::village_level) invalid("请选择村（社区）", "village_id");
      auto const day = store::day_of(conn, place->id, in.preferred_on);
      if (!day) invalid("该日不是本村的法律服务日，请选择列出的服务日", "preferred_on");
      advisor = day->advisor_id;
    }
    if (!place) invalid("服务站点不存在", "station_id");
    auto const* village = &*place;
    auto stored = store::latest_code(conn, index);
    if (!stored || stored->used || stored->expires_at <= now || stored->failures >= code_max_failures) {
      throw ApiError(code_invalid, {}, "code");
    }
    if (!base::constant_time_equal(code_hash(stored->salt, in.code), stored->code_hash)) {
      store::code_failed(conn, stored->id);
      return Outcome{Result::wrong};
    }
    store::use_code(conn, stored->id);
    Booking b;
    auto const prefix = "FW" + on.substr(0, 4) + on.substr(5, 2) + on.substr(8, 2);
    b.ref = fmt::format("{}{:03}", prefix, store::bookings_on(conn, prefix) + 1);
    b.region_id = village->id;
    b.region_path = village->path;
    b.advisor_id = advisor;
    b.station_id = in.station_id;
    b.topic = in.topic;
    b.preferred_on = in.preferred_on;
    b.question = in.question;
    b.name = in.name;
    b.phone = in.phone;
    b.token_hash = token_digest;
    b.status = std::string(booking_status::submitted);
    b.created_at = b.updated_at = now;
    auto const id = store::insert_booking(conn, b);
    auth::audit(conn, actor, "service.booking.create", "service_bookings", std::to_string(id), b.ref);
    return Outcome{Result::ok, id};
  });
  if (outcome.result == Result::wrong) throw ApiError(code_invalid, {}, "code");
  return db_->read([&](db::Connection& conn) {
    Names names(conn);
    return Booked{booking_view(names, *store::booking(conn, outcome.id), store::standard(conn).answer_hours), token};
  });
}

BookingView LegalService::public_booking(std::string const& ref, std::string const& token) const {
  return db_->read([&](db::Connection& conn) {
    Names names(conn);
    return booking_view(names, resident_booking(conn, ref, token), store::standard(conn).answer_hours);
  });
}

BookingView LegalService::resident_confirm_time(auth::Actor const& actor, std::string const& ref, std::string const& token) const {
  db_->write([&](db::Connection& conn) {
    auto b = resident_booking(conn, ref, token);
    if (b.status != booking_status::proposed) throw ApiError(wrong_state, "法律顾问没有另约时间");
    b.status = std::string(booking_status::accepted);
    b.agreed_on = b.proposed_on;
    b.updated_at = base::now_ms();
    store::update_booking(conn, b);
    auth::audit(conn, actor, "service.booking.resident_confirm", "service_bookings", std::to_string(b.id));
  });
  return public_booking(ref, token);
}

BookingView LegalService::resident_cancel(auth::Actor const& actor, std::string const& ref, std::string const& token) const {
  db_->write([&](db::Connection& conn) {
    auto b = resident_booking(conn, ref, token);
    if (b.status == booking_status::served || b.status == booking_status::cancelled) throw ApiError(wrong_state, "该预约已办结，不能取消");
    b.status = std::string(booking_status::cancelled);
    b.updated_at = base::now_ms();
    store::update_booking(conn, b);
    auth::audit(conn, actor, "service.booking.cancel", "service_bookings", std::to_string(b.id));
  });
  return public_booking(ref, token);
}

BookingView LegalService::rate(auth::Actor const& actor, std::string const& ref, std::string const& token, std::string rating,
                               std::string comment) const {
  if (!valid_rating(rating)) invalid("请选择满意、基本满意或不满意", "rating");
  comment = trimmed(comment);
  if (comment.size() > 1500) invalid("评价内容不超过 500 字", "comment");
  if (rating == "unsatisfied" && comment.empty()) invalid("请说明不满意的原因，服务站将回访", "comment");
  db_->write([&](db::Connection& conn) {
    auto b = resident_booking(conn, ref, token);
    if (b.rating) throw ApiError(already_rated);
    if (b.status != booking_status::served) throw ApiError(wrong_state, "服务完成后才能评价");
    auto const now = base::now_ms();
    b.rating = rating;
    b.rating_comment = comment;
    b.rated_at = now;
    b.updated_at = now;
    store::update_booking(conn, b);
    if (rating == "unsatisfied") {
      store::insert_callback(conn, {.booking_id = b.id, .region_id = b.region_id, .region_path = b.region_path,
                                    .status = "open", .created_at = now});
    }
    auth::audit(conn, actor, "service.booking.rate", "service_bookings", std::to_string(b.id), rating);
  });
  return public_booking(ref, token);
}

BookingPage LegalService::bookings(auth::Actor const& actor, std::optional<std::string> status, std::optional<std::int64_t> region_id,
                                   std::int64_t page, std::int64_t page_size) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto const r = reader_of(conn, caller, region_id);
    store::BookingFilter f{.scope_path = r.path, .advisor_id = r.advisor_id};
    if (status && *status == "open") f.open_only = true;
    else f.status = status;
    f.limit = page_size;
    f.offset = (page - 1) * page_size;
    BookingPage out;
    auto rows = store::bookings(conn, f, &out.total);
    auto const hours = store::standard(conn).answer_hours;
    std::vector<std::int64_t> ids;
    for (auto const& b : rows) ids.push_back(b.id);
    auto const aids = store::aids_of(conn, "booking", ids);
    Names names(conn);
    for (auto& b : rows) {
      auto const found = aids.find(b.id);
      out.items.push_back(booking_view(names, std::move(b), hours));
      if (found != aids.end()) out.items.back().aid = AidSummary{found->second.id, found->second.ref, found->second.status, found->second.outcome};
    }
    return out;
  });
}

BookingView LegalService::booking(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto b = store::booking(conn, id);
    auto const r = reader_of(conn, caller, std::nullopt);
    if (!b || !b->region_path.starts_with(r.path) || (r.advisor_id && b->advisor_id != r.advisor_id)) {
      throw ApiError(AppError::not_found, "预约不存在");
    }
    auto const aids = store::aids_of(conn, "booking", {b->id});
    Names names(conn);
    auto v = booking_view(names, std::move(*b), store::standard(conn).answer_hours);
    if (!aids.empty()) {
      auto const& a = aids.begin()->second;
      v.aid = AidSummary{a.id, a.ref, a.status, a.outcome};
    }
    return v;
  });
}

namespace {

template <class F>
BookingView handle(db::Database& db, auth::Actor const& actor, std::int64_t id, char const* action, F&& change) {
  auto const& caller = actor.user();
  if (!caller.has(log_permission) && !caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  return db.write([&](db::Connection& conn) {
    auto b = store::booking(conn, id);
    if (!b) throw ApiError(AppError::not_found, "预约不存在");
    require_handler(conn, caller, *b);
    change(*b);
    b->updated_at = base::now_ms();
    store::update_booking(conn, *b);
    auth::audit(conn, actor, action, "service_bookings", std::to_string(id), b->status);
    Names names(conn);
    return booking_view(names, std::move(*b), store::standard(conn).answer_hours);
  });
}

}  // namespace

BookingView LegalService::accept(auth::Actor const& actor, std::int64_t id) const {
  auto v = handle(*db_, actor, id, "service.booking.accept", [](Booking& b) {
    if (b.status != booking_status::submitted) throw ApiError(wrong_state, "只有待答复的预约可以确认");
    b.status = std::string(booking_status::accepted);
    b.agreed_on = b.preferred_on;
    if (!b.answered_at) b.answered_at = base::now_ms();
  });
  if (sender_) {
    sender_->notify(v.b.phone, fmt::format("【兰溪普法】您的法律咨询预约（{}）已确认：{}，{}。如需取消，请打开预约页面。", v.b.ref,
                                           chinese_date(*v.b.agreed_on), place_words(v)));
  }
  return v;
}

BookingView LegalService::propose(auth::Actor const& actor, std::int64_t id, std::string on, std::string note) const {
  if (!base::is_date(on)) invalid("请选择另约日期", "on");
  if (on < today()) invalid("另约日期不能早于今天", "on");
  note = trimmed(note);
  if (note.size() > 600) invalid("说明不超过 200 字", "note");
  auto v = handle(*db_, actor, id, "service.booking.propose", [&](Booking& b) {
    if (b.status != booking_status::submitted && b.status != booking_status::proposed) {
      throw ApiError(wrong_state, "只有待答复的预约可以另约时间");
    }
    b.status = std::string(booking_status::proposed);
    b.proposed_on = on;
    b.proposal_note = note;
    if (!b.answered_at) b.answered_at = base::now_ms();
  });
  if (sender_) {
    sender_->notify(v.b.phone, fmt::format("【兰溪普法】您的法律咨询预约（{}）建议改为{}，{}。请打开预约页面确认或取消。", v.b.ref,
                                           chinese_date(on), place_words(v)));
  }
  return v;
}

std::int64_t LegalService::remind(auth::Actor const& actor, std::string const& on) const {
  if (!base::is_date(on)) invalid("日期应为 YYYY-MM-DD", "on");
  if (!sender_) throw ApiError(AppError::unavailable, "短信服务尚未配置（sms_outbox 或短信网关），提醒未发送");
  auto const tomorrow = calendar::date_of(calendar::day_number(on) + 1);
  // Marked before sending: a reminder goes out once even when two runs overlap.
  auto const due = db_->write([&](db::Connection& conn) {
    auto rows = store::to_remind(conn, tomorrow);
    std::vector<BookingView> out;
    auto const hours = store::standard(conn).answer_hours;
    Names names(conn);
    for (auto& b : rows) {
      b.reminded_at = base::now_ms();
      store::update_booking(conn, b);
      out.push_back(booking_view(names, std::move(b), hours));
    }
    auth::audit(conn, actor, "service.booking.remind", "service_bookings", tomorrow, fmt::format("{} reminders", out.size()));
    return out;
  });
  for (auto const& v : due) {
    sender_->notify(v.b.phone, fmt::format("【兰溪普法】提醒：您预约的法律咨询（{}）在明天，{}，{}。", v.b.ref,
                                           chinese_date(*v.b.agreed_on), place_words(v)));
  }
  return static_cast<std::int64_t>(due.size());
}

BookingView LegalService::serve(auth::Actor const& actor, std::int64_t id, std::string note) const {
  note = trimmed(note);
  if (note.size() > 3000) invalid("说明不超过 1000 字", "note");
  return handle(*db_, actor, id, "service.booking.serve", [&](Booking& b) {
    if (b.status != booking_status::accepted) throw ApiError(wrong_state, "只有已确认的预约可以登记为已服务");
    b.status = std::string(booking_status::served);
    b.served_at = base::now_ms();
    b.served_note = note;
  });
}

CallbackPage LegalService::callbacks(auth::Actor const& actor, std::optional<std::string> status, std::int64_t page,
                                     std::int64_t page_size) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    CallbackPage out;
    auto rows = store::callbacks(conn, caller.region_path, status, page_size, (page - 1) * page_size, &out.total);
    Names names(conn);
    for (auto& c : rows) out.items.push_back(callback_view(names, std::move(c)));
    return out;
  });
}

CallbackView LegalService::callback(auth::Actor const& actor, std::int64_t id, bool reveal) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  if (reveal && !caller.has("pii.read")) throw ApiError(AppError::forbidden, "查看当事人联系方式需要个人信息查看权限");
  auto read = [&](db::Connection& conn) {
    auto c = store::callback(conn, id);
    if (!c || !caller.covers(c->region_path)) throw ApiError(AppError::not_found, "回访事项不存在");
    Names names(conn);
    auto v = callback_view(names, std::move(*c));
    v.revealed = reveal;
    return v;
  };
  if (!reveal) return db_->read(read);
  return db_->write([&](db::Connection& conn) {
    auto v = read(conn);
    auth::audit(conn, actor, "service.callback.reveal", "service_callbacks", std::to_string(id), "phone");
    return v;
  });
}

CallbackView LegalService::close_callback(auth::Actor const& actor, std::int64_t id, std::string note) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  note = trimmed(note);
  if (note.empty()) invalid("请记录回访情况", "note");
  if (note.size() > 3000) invalid("回访情况不超过 1000 字", "note");
  return db_->write([&](db::Connection& conn) {
    auto c = store::callback(conn, id);
    if (!c || !caller.covers(c->region_path)) throw ApiError(AppError::not_found, "回访事项不存在");
    if (c->status != "open") throw ApiError(wrong_state, "该回访已办结");
    auto const now = base::now_ms();
    store::close_callback(conn, id, note, caller.user_id, now);
    auth::audit(conn, actor, "service.callback.close", "service_callbacks", std::to_string(id));
    c->status = "closed";
    c->note = note;
    c->closed_by = caller.user_id;
    c->closed_at = now;
    Names names(conn);
    auto v = callback_view(names, std::move(*c));
    v.closed_by_name = caller.display_name;
    return v;
  });
}

}  // namespace pufa::service
