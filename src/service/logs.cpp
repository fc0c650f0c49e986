// Service logs (一村一卷、一事一记): what the advisor did in a village, the parties masked (docs/service.md).
#include <fmt/format.h>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "calendar/library.hpp"
#include "media/photos.hpp"
#include "service/common.hpp"
#include "service/store.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::size_t max_parties = 20, max_photos = 9;

LogView log_view(Names& names, Log l) {
  LogView v;
  v.village_name = names.name_of(l.region_id);
  auto const town = names.township_of(l.region_id);
  v.township_name = town ? town->name : std::string();
  v.advisor_name = names.person(l.advisor_id);
  v.l = std::move(l);
  return v;
}

}  // namespace

bool valid_log_kind(std::string_view kind) {
  for (auto k : {"consult", "document", "contract_review", "lecture", "mediation", "aid_referral"}) {
    if (kind == k) return true;
  }
  return false;
}

bool valid_topic(std::string_view topic) {
  for (auto t : {"marriage_family", "neighbour", "housing_land", "damages", "contract", "land_contract", "expropriation", "labour",
                 "village_affairs", "environment", "traffic", "medical", "property", "other"}) {
    if (topic == t) return true;
  }
  return false;
}

bool valid_rating(std::string_view rating) { return rating == "satisfied" || rating == "basic" || rating == "unsatisfied"; }

LogPage LegalService::logs(auth::Actor const& actor, LogQuery const& q) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    auto const r = reader_of(conn, caller, q.region_id);
    store::LogFilter f{.scope_path = r.path, .advisor_id = r.advisor_id ? r.advisor_id : q.advisor_id, .kind = q.kind};
    if (q.year) {
      f.from = q.month ? fmt::format("{}-{:02}-01", *q.year, *q.month) : fmt::format("{}-01-01", *q.year);
      f.to = q.month ? fmt::format("{}-{:02}-31", *q.year, *q.month) : fmt::format("{}-12-31", *q.year);
    }
    f.limit = q.page_size;
    f.offset = (q.page - 1) * q.page_size;
    LogPage out;
    auto rows = store::logs(conn, f, &out.total);
    std::vector<std::int64_t> ids;
    for (auto const& l : rows) ids.push_back(l.id);
    auto const aids = store::aids_of(conn, "log", ids);
    Names names(conn);
    for (auto& l : rows) {
      auto const found = aids.find(l.id);
      out.items.push_back(log_view(names, std::move(l)));
      if (found != aids.end()) out.items.back().aid = AidSummary{found->second.id, found->second.ref, found->second.status, found->second.outcome};
    }
    return out;
  });
}

LogView LegalService::log(auth::Actor const& actor, std::int64_t id, bool reveal) const {
  auto const& caller = actor.user();
  if (!can_read(caller)) throw ApiError(AppError::forbidden);
  if (reveal && !caller.has("pii.read")) throw ApiError(AppError::forbidden, "查看当事人信息需要个人信息查看权限");
  auto read = [&](db::Connection& conn) {
    auto l = store::log(conn, id);
    if (!l) throw ApiError(AppError::not_found, "服务记录不存在");
    auto const r = reader_of(conn, caller, std::nullopt);
    if (!l->region_path.starts_with(r.path) || (r.advisor_id && *r.advisor_id != l->advisor_id)) {
      throw ApiError(AppError::not_found, "服务记录不存在");
    }
    Names names(conn);
    auto const aids = store::aids_of(conn, "log", {l->id});
    auto v = log_view(names, std::move(*l));
    if (!aids.empty()) {
      auto const& a = aids.begin()->second;
      v.aid = AidSummary{a.id, a.ref, a.status, a.outcome};
    }
    v.revealed = reveal;
    return v;
  };
  if (!reveal) return db_->read(read);
  return db_->write([&](db::Connection& conn) {
    auto v = read(conn);
    auth::audit(conn, actor, "service.log.reveal", "service_logs", std::to_string(id), "parties");
    return v;
  });
}

LogView LegalService::create_log(auth::Actor const& actor, LogInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(log_permission)) throw ApiError(AppError::forbidden);
  if (!valid_log_kind(in.kind)) invalid("请选择服务类型", "kind");
  if (in.topic && !valid_topic(*in.topic)) invalid("请选择事项类别", "topic");
  if (!base::is_date(in.served_on)) invalid("服务日期应为 YYYY-MM-DD", "served_on");
  if (in.served_on > today()) invalid("服务日期不能晚于今天", "served_on");
  if (in.served_on < "2000-01-01") invalid("服务日期不在可记录范围内", "served_on");
  in.summary = trimmed(in.summary);
  if (in.summary.empty()) invalid("请填写服务内容", "summary");
  if (in.summary.size() > 6000) invalid("服务内容不超过 2000 字", "summary");
  if (in.minutes && (*in.minutes < 1 || *in.minutes > 1440)) invalid("用时应为 1 至 1440 分钟", "minutes");
  if (in.parties.size() > max_parties) invalid("当事人不超过 20 人", "parties");
  for (std::size_t i = 0; i < in.parties.size(); ++i) {
    in.parties[i] = trimmed(in.parties[i]);
    if (in.parties[i].empty() || in.parties[i].size() > 60) invalid("请填写当事人姓名（不超过 20 字）", fmt::format("parties[{}]", i));
  }
  if (in.photo_ids.size() > max_photos) invalid("照片不超过 9 张", "photo_ids");
  auto const id = db_->write([&](db::Connection& conn) {
    auto const me = advisor_of(conn, caller);
    auto const village = auth::regions::find(conn, in.region_id);
    if (!village || village->level != auth::regions::village_level) invalid("请选择村（社区）", "region_id");
    bool mine = false;
    for (auto const& c : org::directory::contracts_of_advisor(conn, me.id, in.served_on, in.served_on)) {
      mine = mine || c.village_id == village->id;
    }
    if (!mine) throw ApiError(AppError::out_of_scope, "该村（社区）不是你在服务日期签约服务的村", "region_id");
    if (in.day_id) {
      auto const d = store::day(conn, *in.day_id);
      if (!d || d->advisor_id != me.id || d->region_id != village->id) invalid("服务日不是你在该村的服务日", "day_id");
    }
    std::optional<Booking> booking;
    if (in.booking_id) {
      booking = store::booking(conn, *in.booking_id);
      if (!booking || booking->advisor_id != me.id) invalid("预约不是向你提出的", "booking_id");
      if (booking->status != booking_status::accepted) invalid("只有已确认的预约可以登记为已服务", "booking_id");
    }
    for (std::size_t i = 0; i < in.photo_ids.size(); ++i) {
      auto const photo = media::photo_ref(conn, in.photo_ids[i]);
      if (!photo) invalid("照片不存在", fmt::format("photo_ids[{}]", i));
    }
    Log l;
    l.region_id = village->id;
    l.region_path = village->path;
    l.advisor_id = me.id;
    l.day_id = in.day_id;
    l.booking_id = in.booking_id;
    l.served_on = in.served_on;
    l.kind = in.kind;
    l.topic = in.topic;
    l.parties = in.parties;
    l.summary = in.summary;
    l.minutes = in.minutes;
    l.photo_ids = in.photo_ids;
    l.created_by = caller.user_id;
    l.created_at = base::now_ms();
    auto const id = store::insert_log(conn, l);
    if (booking) {
      booking->status = std::string(booking_status::served);
      booking->served_at = l.created_at;
      booking->served_note = l.summary;
      booking->updated_at = l.created_at;
      store::update_booking(conn, *booking);
    }
    auth::audit(conn, actor, "service.log.create", "service_logs", std::to_string(id), in.kind);
    return id;
  });
  return log(actor, id, false);
}

}  // namespace pufa::service
