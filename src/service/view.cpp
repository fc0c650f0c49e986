#include "service/view.hpp"

#include <boost/json/array.hpp>

#include "base/time.hpp"
#include "text/personal.hpp"

namespace pufa::service {

namespace json = boost::json;

namespace {

json::value opt(std::optional<std::string> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(std::optional<std::int64_t> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt(std::optional<double> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value instant(std::optional<base::Millis> const& v) { return v ? json::value(base::iso8601(*v)) : json::value(nullptr); }

json::array tags(std::string const& stored) {
  json::array out;
  std::size_t at = 0;
  while (at < stored.size()) {
    auto const comma = stored.find(',', at);
    auto const part = stored.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

json::value aid_summary(std::optional<AidSummary> const& a) {
  if (!a) return nullptr;
  return json::object{{"id", a->id}, {"ref", a->ref}, {"status", a->status}, {"outcome", opt(a->outcome)}};
}

}  // namespace

json::object standard_json(Standard const& s) {
  json::array days;
  for (auto d : s.days_of_month) days.push_back(d);
  return {{"days_of_month", std::move(days)}, {"town_days", s.town_days},       {"remote_days", s.remote_days},
          {"villages_per_day", s.villages_per_day}, {"lectures_per_quarter", s.lectures_per_quarter},
          {"answer_hours", s.answer_hours},   {"subsidy_per_day", s.subsidy_per_day}};
}

json::object village_json(VillageRow const& v) {
  return {{"id", v.id},
          {"name", v.name},
          {"township_id", v.township_id},
          {"township_name", v.township_name},
          {"remote", v.remote},
          {"advisor_id", opt(v.advisor_id)},
          {"advisor_name", v.advisor_name},
          {"firm", v.firm},
          {"contract_id", opt(v.contract_id)}};
}

json::object day_json(DayView const& v) {
  auto const& d = v.d;
  return {{"id", d.id},
          {"region_id", d.region_id},
          {"village_name", v.village_name},
          {"township_name", v.township_name},
          {"advisor_id", d.advisor_id},
          {"advisor_name", v.advisor_name},
          {"firm", v.firm},
          {"planned_on", d.planned_on},
          {"nominal_on", d.nominal_on},
          {"moved", opt(d.moved)},
          {"status", v.shown_status},
          {"checked_in_at", instant(d.checked_in_at)},
          {"verified_at", instant(d.verified_at)},
          {"verified_by", opt(d.verified_by)},
          {"logs", v.logs}};
}

json::object log_json(LogView const& v) {
  auto const& l = v.l;
  json::array parties, photos;
  for (auto const& p : l.parties) parties.emplace_back(v.revealed ? p : text::mask_name(p));
  for (auto id : l.photo_ids) {
    photos.push_back(json::object{{"id", id}, {"url", "/api/v1/photos/" + std::to_string(id)},
                                  {"thumb_url", "/api/v1/photos/" + std::to_string(id) + "/thumb"}});
  }
  return {{"id", l.id},
          {"region_id", l.region_id},
          {"village_name", v.village_name},
          {"township_name", v.township_name},
          {"advisor_id", l.advisor_id},
          {"advisor_name", v.advisor_name},
          {"day_id", opt(l.day_id)},
          {"booking_id", opt(l.booking_id)},
          {"served_on", l.served_on},
          {"kind", l.kind},
          {"topic", opt(l.topic)},
          {"parties", std::move(parties)},
          {"revealed", v.revealed},
          {"summary", l.summary},
          {"minutes", l.minutes ? json::value(*l.minutes) : json::value(nullptr)},
          {"photos", std::move(photos)},
          {"aid", aid_summary(v.aid)},
          {"created_at", base::iso8601(l.created_at)}};
}

json::object score_json(ScoreRow const& r) {
  return {{"advisor_id", r.advisor_id},   {"advisor_name", r.advisor_name},
          {"firm", r.firm},               {"villages", r.villages},
          {"required", r.required},       {"verified", r.verified},
          {"unverified", r.unverified},   {"missed", r.missed},
          {"lectures", r.lectures},       {"lectures_required", r.lectures_required},
          {"logs", r.logs},               {"days_with_log", r.days_with_log},
          {"bookings", r.bookings},       {"answered_in_time", r.answered_in_time},
          {"rated", r.rated},             {"satisfied", r.satisfied},
          {"basic", r.basic},             {"unsatisfied", r.unsatisfied},
          {"satisfaction", opt(r.satisfaction)}, {"score", r.score},
          {"meets_standard", r.meets_standard},  {"subsidy", r.subsidy}};
}

json::object compliance_json(ComplianceRow const& r) {
  return {{"township_id", r.township_id}, {"name", r.name},
          {"villages", r.villages},       {"with_advisor", r.with_advisor},
          {"required", r.required},       {"verified", r.verified},
          {"verified_rate", opt(r.verified_rate)}, {"villages_under", r.villages_under},
          {"lectures", r.lectures},       {"bookings", r.bookings},
          {"unsatisfied", r.unsatisfied}, {"callbacks_open", r.callbacks_open},
          {"subsidy", r.subsidy}};
}

json::object booking_json(BookingView const& v, bool staff) {
  auto const& b = v.b;
  json::object out{{"ref", b.ref},
                   {"village_id", b.station_id ? json::value(nullptr) : json::value(b.region_id)},
                   {"village_name", b.station_id ? std::string() : v.village_name},
                   {"station_id", b.station_id ? json::value(*b.station_id) : json::value(nullptr)},
                   {"station_name", v.station_name},
                   {"township_name", v.township_name},
                   {"advisor_name", v.advisor_name},
                   {"topic", b.topic},
                   {"preferred_on", b.preferred_on},
                   {"agreed_on", opt(b.agreed_on)},
                   {"proposed_on", opt(b.proposed_on)},
                   {"proposal_note", opt(b.proposal_note)},
                   {"status", b.status},
                   {"rating", opt(b.rating)},
                   {"rated_at", instant(b.rated_at)},
                   {"created_at", base::iso8601(b.created_at)}};
  if (staff) {
    out["id"] = b.id;
    out["question"] = b.question;
    out["name"] = text::mask_name(b.name);
    out["phone"] = text::mask_phone(b.phone);
    out["advisor_id"] = opt(b.advisor_id);
    out["answered_at"] = instant(b.answered_at);
    out["answered_in_time"] = v.answered_in_time;
    out["served_at"] = instant(b.served_at);
    out["served_note"] = opt(b.served_note);
    out["rating_comment"] = opt(b.rating_comment);
    out["aid"] = aid_summary(v.aid);
  }
  return out;
}

json::object callback_json(CallbackView const& v) {
  auto const& c = v.c;
  return {{"id", c.id},
          {"booking_id", c.booking_id},
          {"ref", v.ref},
          {"name", v.revealed ? v.name : text::mask_name(v.name)},
          {"phone", v.revealed ? v.phone : text::mask_phone(v.phone)},
          {"revealed", v.revealed},
          {"advisor_name", v.advisor_name},
          {"topic", v.topic},
          {"question", v.question},
          {"rating", opt(v.rating)},
          {"agreed_on", opt(v.agreed_on)},
          {"village_name", v.village_name},
          {"township_name", v.township_name},
          {"rating_comment", v.rating_comment},
          {"status", c.status},
          {"note", opt(c.note)},
          {"closed_by_name", v.closed_by_name},
          {"closed_at", instant(c.closed_at)},
          {"created_at", base::iso8601(c.created_at)}};
}

json::object station_json(PublicStation const& s) {
  return {{"id", s.id},           {"name", s.name},          {"level", s.level},
          {"township_id", s.township_id ? json::value(s.township_id) : json::value(nullptr)},
          {"township_name", s.township_id ? json::value(s.township_name) : json::value(nullptr)}, {"region_name", s.region_name},
          {"address", s.address}, {"phone", s.phone},        {"hours", s.hours},
          {"windows", tags(s.windows)}, {"brand", s.brand},  {"brand_intro", s.brand_intro}};
}

json::object public_village_json(PublicVillage const& v) {
  json::array days, upcoming;
  for (auto d : v.days_of_month) days.push_back(d);
  for (auto const& d : v.upcoming) upcoming.emplace_back(d);
  return {{"id", v.id},
          {"name", v.name},
          {"township_id", v.township_id},
          {"township_name", v.township_name},
          {"advisor_name", v.advisor_name},
          {"firm", v.firm},
          {"days_of_month", std::move(days)},
          {"sentence", v.sentence},
          {"upcoming", std::move(upcoming)},
          {"station", v.station ? json::value(station_json(*v.station)) : json::value(nullptr)}};
}

json::object aid_json(AidView const& v, bool resident) {
  auto const& a = v.a;
  json::object out{{"ref", a.ref},
                   {"status", a.status},
                   {"township_id", a.region_id},
                   {"township_name", v.township_name},
                   {"matter", a.matter},
                   {"received_on", a.received_on},
                   {"decide_by", a.decide_by},
                   {"decided_on", opt(a.decided_on)},
                   {"refusal_reason", a.status == "refused" ? opt(a.refusal_reason) : json::value(nullptr)},
                   {"assign_by", opt(a.assign_by)},
                   {"assigned_on", opt(a.assigned_on)},
                   {"lawyer", opt(a.lawyer)},
                   {"firm", opt(a.firm)},
                   {"closed_on", opt(a.closed_on)},
                   {"outcome", opt(a.outcome)},
                   {"overdue", v.overdue}};
  if (resident) return out;
  bool const open = v.revealed;
  out["id"] = a.id;
  out["village_id"] = opt(a.village_id);
  out["village_name"] = v.village_name;
  out["name"] = open ? a.name : text::mask_name(a.name);
  out["gender"] = a.gender;
  out["id_number"] = open ? a.id_number : text::mask_id_number(a.id_number);
  out["phone"] = open ? a.phone : text::mask_phone(a.phone);
  out["address"] = open ? a.address : std::string("（已隐藏）");
  out["opponent"] = a.opponent ? json::value(open ? *a.opponent : text::mask_name(*a.opponent)) : json::value(nullptr);
  out["facts"] = a.facts;
  out["household_size"] = a.household_size;
  out["monthly_income"] = a.monthly_income;
  out["exemption"] = a.exemption;
  out["note"] = a.status != "refused" ? opt(a.refusal_reason) : json::value(nullptr);
  out["lawyer_phone"] = opt(a.lawyer_phone);
  out["close_note"] = opt(a.close_note);
  out["followed_up_on"] = opt(a.followed_up_on);
  out["follow_up_note"] = opt(a.follow_up_note);
  out["satisfaction"] = opt(a.satisfaction);
  out["origin"] = a.origin_kind ? json::value(json::object{{"kind", *a.origin_kind}, {"id", *a.origin_id},
                                                           {"ref", v.origin_ref ? json::value(*v.origin_ref) : json::value(nullptr)}})
                                : json::value(nullptr);
  out["referred_by_name"] = v.referred_by_name;
  out["decided_late"] = v.decided_late;
  out["assigned_late"] = v.assigned_late;
  out["revealed"] = v.revealed;
  out["created_at"] = base::iso8601(a.created_at);
  return out;
}

}  // namespace pufa::service
