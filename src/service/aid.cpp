// 法律援助 (legal aid): the application with its declaration of means, the 7-day decision and the 3-day
// assignment (法律援助法 第四十三条, calendar days), the outcome and a follow-up visit; referred from a
// consultation (a log or a booking) whose facts it carries and to which its outcome returns (docs/service.md).
#include <fmt/format.h>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "base/random.hpp"
#include "base/sealed.hpp"
#include "calendar/library.hpp"
#include "service/common.hpp"
#include "service/store.hpp"
#include "text/personal.hpp"

namespace pufa::service {

using http::ApiError;
using http::AppError;

namespace {

constexpr base::Millis code_ttl_ms = 10 * base::minute_ms;
constexpr int code_max_failures = 5;

bool one_of(std::string_view v, std::initializer_list<std::string_view> codes) {
  for (auto c : codes) {
    if (v == c) return true;
  }
  return false;
}

std::string plus_days(std::string const& date, int n) { return calendar::date_of(calendar::day_number(date) + n); }

std::string token_hash(std::string const& token) { return base::sha256_hex("service-aid:" + token); }

// Checks an application's fields: 400 naming the first that is wrong.
void check(AidInput& in) {
  in.name = trimmed(in.name);
  if (in.name.empty() || in.name.size() > 60) invalid("请填写申请人姓名（不超过 20 字）", "name");
  if (in.gender != "male" && in.gender != "female") invalid("请选择性别", "gender");
  in.id_number = trimmed(in.id_number);
  for (auto& c : in.id_number) c = c == 'x' ? 'X' : c;
  switch (text::check_id_number(in.id_number)) {
    case text::IdCheck::ok: break;
    case text::IdCheck::bad_check_digit: invalid("身份证号校验位错误", "id_number");
    default: invalid("请填写 18 位身份证号", "id_number");
  }
  if (!text::is_mobile(in.phone)) invalid("请输入 11 位手机号码", "phone");
  in.address = trimmed(in.address);
  if (in.address.empty() || in.address.size() > 300) invalid("请填写住所地（不超过 100 字）", "address");
  if (!one_of(in.matter, {"state_compensation", "social_insurance", "pension", "support", "labour", "capacity", "environment", "injury",
                          "criminal", "other"})) {
    invalid("请选择申请事项", "matter");
  }
  if (in.opponent) {
    *in.opponent = trimmed(*in.opponent);
    if (in.opponent->size() > 300) invalid("对方当事人不超过 100 字", "opponent");
    if (in.opponent->empty()) in.opponent.reset();
  }
  in.facts = trimmed(in.facts);
  if (in.facts.empty()) invalid("请填写案情及申请理由", "facts");
  if (in.facts.size() > 9000) invalid("案情及申请理由不超过 3000 字", "facts");
  if (in.household_size < 1 || in.household_size > 20) invalid("家庭人口应为 1 至 20 人", "household_size");
  if (in.monthly_income < 0 || in.monthly_income > 100000) invalid("请填写家庭月人均收入（0 至 100000 元）", "monthly_income");
  if (!one_of(in.exemption, {"none", "vulnerable", "assistance", "migrant_worker", "other"})) invalid("请选择是否免予经济困难审查", "exemption");
  if (!in.declaration) invalid("请阅读并勾选个人诚信承诺", "declaration");
}

AidView view_of(Names& names, Aid a, std::string const& on) {
  AidView v;
  v.township_name = names.name_of(a.region_id);
  if (a.village_id) v.village_name = names.name_of(*a.village_id);
  v.overdue = (a.status == aid_status::submitted && on > a.decide_by) ||
              (a.status == aid_status::approved && a.assign_by && on > *a.assign_by);
  v.decided_late = a.decided_on && *a.decided_on > a.decide_by;
  v.assigned_late = a.assigned_on && a.assign_by && *a.assigned_on > *a.assign_by;
  if (a.origin_kind && a.origin_id) {
    if (*a.origin_kind == "booking") {
      if (auto const b = store::booking(names.conn, *a.origin_id)) v.origin_ref = b->ref;
    } else {
      v.origin_ref = fmt::format("服务记录 #{}", *a.origin_id);
    }
  }
  v.a = std::move(a);
  return v;
}

// The township an application is filed with: a township (or the city's centre at the root), in the caller's scope.
auth::Region filing_region(db::Connection& conn, std::int64_t id) {
  auto const region = auth::regions::find(conn, id);
  if (!region || region->level > auth::regions::township_level) invalid("请选择受理的乡镇（街道）", "township_id");
  return *region;
}

Aid new_aid(db::Connection& conn, AidInput const& in, auth::Region const& where, std::string const& on) {
  Aid a;
  auto const prefix = "YZ" + on.substr(0, 4) + on.substr(5, 2) + on.substr(8, 2);
  a.ref = fmt::format("{}{:03}", prefix, store::aids_with_prefix(conn, prefix) + 1);
  a.region_id = where.id;
  a.region_path = where.path;
  a.village_id = in.village_id;
  a.origin_kind = in.origin_kind;
  a.origin_id = in.origin_id;
  a.name = in.name;
  a.gender = in.gender;
  a.id_number = in.id_number;
  a.phone = in.phone;
  a.address = in.address;
  a.matter = in.matter;
  a.opponent = in.opponent;
  a.facts = in.facts;
  a.household_size = in.household_size;
  a.monthly_income = in.monthly_income;
  a.exemption = in.exemption;
  a.status = std::string(aid_status::submitted);
  a.received_on = on;
  a.decide_by = plus_days(on, aid_decide_days);
  a.created_at = a.updated_at = base::now_ms();
  return a;
}

void require_manager(auth::Principal const& caller, Aid const& a) {
  if (!caller.has(manage_permission)) {
    if (caller.has(read_permission) && caller.covers(a.region_path)) throw ApiError(AppError::forbidden, "只有法律援助机构工作人员可以办理");
    throw ApiError(AppError::not_found, "法律援助申请不存在");
  }
  if (!caller.covers(a.region_path)) throw ApiError(AppError::not_found, "法律援助申请不存在");
}

}  // namespace

AidPage LegalService::aids(auth::Actor const& actor, AidQuery const& q) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(manage_permission) && !caller.has(log_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    store::AidFilter f;
    if (caller.has(read_permission) || caller.has(manage_permission)) {
      f.scope_path = auth::regions::scope_path(conn, caller, q.region_id);
    } else {
      f.scope_path = auth::regions::root(conn).path;
      f.referred_by = caller.user_id;
    }
    if (q.status && *q.status == "open") f.open_only = true;
    else f.status = q.status;
    if (q.year) {
      f.from = fmt::format("{}-01-01", *q.year);
      f.to = fmt::format("{}-12-31", *q.year);
    }
    auto const on = today();
    if (q.overdue_only) f.overdue_on = on;
    f.limit = q.page_size;
    f.offset = (q.page - 1) * q.page_size;
    AidPage out;
    auto rows = store::aids(conn, f, &out.total);
    Names names(conn);
    for (auto& a : rows) out.items.push_back(view_of(names, std::move(a), on));
    return out;
  });
}

AidView LegalService::aid(auth::Actor const& actor, std::int64_t id, bool reveal) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(manage_permission) && !caller.has(log_permission)) throw ApiError(AppError::forbidden);
  if (reveal && !caller.has("pii.read")) throw ApiError(AppError::forbidden, "查看申请人信息需要个人信息查看权限");
  auto read = [&](db::Connection& conn) {
    auto a = store::aid(conn, id);
    bool const staff = caller.has(read_permission) || caller.has(manage_permission);
    if (!a || (staff && !caller.covers(a->region_path)) || (!staff && a->referred_by != caller.user_id)) {
      throw ApiError(AppError::not_found, "法律援助申请不存在");
    }
    Names names(conn);
    auto v = view_of(names, std::move(*a), today());
    if (v.a.referred_by) {
      if (auto const u = org::directory::person_of_user(conn, *v.a.referred_by)) v.referred_by_name = u->name;
    }
    v.revealed = reveal;
    return v;
  };
  if (!reveal) return db_->read(read);
  return db_->write([&](db::Connection& conn) {
    auto v = read(conn);
    auth::audit(conn, actor, "service.aid.reveal", "service_aid", std::to_string(id), "applicant");
    return v;
  });
}

AidView LegalService::create_aid(auth::Actor const& actor, AidInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission) && !caller.has(log_permission)) throw ApiError(AppError::forbidden);
  if (in.origin_kind && *in.origin_kind != "log" && *in.origin_kind != "booking") invalid("转介来源应为服务记录或预约咨询", "origin.kind");
  // The facts of the origin are carried over when the form leaves them out.
  auto const id = db_->write([&](db::Connection& conn) {
    std::optional<std::int64_t> advisor;
    if (caller.has(log_permission)) {
      if (auto const me = org::directory::person_of_user(conn, caller.user_id)) advisor = me->id;
    }
    if (in.origin_kind) {
      if (!in.origin_id) invalid("请指明转介的服务记录或预约", "origin.id");
      std::int64_t village = 0, origin_advisor = 0;
      std::string path, facts;
      if (*in.origin_kind == "log") {
        auto const l = store::log(conn, *in.origin_id);
        if (!l) invalid("服务记录不存在", "origin.id");
        village = l->region_id;
        origin_advisor = l->advisor_id;
        path = l->region_path;
        facts = l->summary;
      } else {
        auto const b = store::booking(conn, *in.origin_id);
        if (!b) invalid("预约不存在", "origin.id");
        village = b->region_id;
        origin_advisor = b->advisor_id.value_or(0);
        path = b->region_path;
        facts = b->question;
      }
      bool const mine = advisor && *advisor == origin_advisor;
      bool const managed = caller.has(manage_permission) && caller.covers(path);
      if (!mine && !managed) throw ApiError(AppError::out_of_scope, "只能转介本人或本辖区的咨询", "origin.id");
      if (!store::aids_of(conn, *in.origin_kind, {*in.origin_id}).empty()) throw ApiError(wrong_state, "该咨询已转介法律援助");
      in.village_id = village;
      if (trimmed(in.facts).empty()) in.facts = facts;
      if (!in.township_id) {
        Names names(conn);
        if (auto const town = names.township_of(village)) in.township_id = town->id;
      }
    }
    check(in);
    auto const where = filing_region(conn, in.township_id);
    if (caller.has(manage_permission) && !in.origin_kind && !caller.covers(where.path)) {
      throw ApiError(AppError::out_of_scope, "只能受理本辖区的申请", "township_id");
    }
    auto a = new_aid(conn, in, where, today());
    a.referred_by = caller.user_id;
    a.advisor_id = advisor;
    auto const id = store::insert_aid(conn, a);
    auth::audit(conn, actor, "service.aid.create", "service_aid", std::to_string(id), a.ref);
    return id;
  });
  return aid(actor, id, false);
}

std::pair<AidView, std::string> LegalService::public_aid(auth::Actor const& actor, AidInput in) const {
  in.origin_kind.reset();
  in.origin_id.reset();
  if (!in.township_id) invalid("请选择受理的乡镇（街道）", "township_id");
  check(in);
  auto const token = base::random_hex(16);
  auto const token_digest = token_hash(token);  // hashed before the write
  auto const index = base::sealed::blind_index(base::sealed::phone_kind, in.phone);
  auto const now = base::now_ms();
  enum class Result { ok, wrong };
  struct Outcome {
    Result result = Result::ok;
    std::int64_t id = 0;
  };
  auto const outcome = db_->write([&](db::Connection& conn) {
    auto const where = filing_region(conn, in.township_id);
    if (in.village_id) {
      auto const v = auth::regions::find(conn, *in.village_id);
      if (!v || v->level != auth::regions::village_level || !v->path.starts_with(where.path)) invalid("村（社区）不在所选乡镇", "village_id");
    }
    auto stored = store::latest_code(conn, index);
    if (!stored || stored->used || stored->expires_at <= now || stored->failures >= code_max_failures) {
      throw ApiError(code_invalid, {}, "code");
    }
    if (!base::constant_time_equal(code_hash(stored->salt, in.code), stored->code_hash)) {
      store::code_failed(conn, stored->id);
      return Outcome{Result::wrong};
    }
    store::use_code(conn, stored->id);
    auto a = new_aid(conn, in, where, today());
    a.token_hash = token_digest;
    auto const id = store::insert_aid(conn, a);
    auth::audit(conn, actor, "service.aid.apply", "service_aid", std::to_string(id), a.ref);
    return Outcome{Result::ok, id};
  });
  if (outcome.result == Result::wrong) throw ApiError(code_invalid, {}, "code");
  (void)code_ttl_ms;
  return db_->read([&](db::Connection& conn) {
    Names names(conn);
    return std::pair{view_of(names, *store::aid(conn, outcome.id), today()), token};
  });
}

AidView LegalService::public_aid_status(std::string const& ref, std::string const& token) const {
  return db_->read([&](db::Connection& conn) {
    auto a = store::aid_by_ref(conn, ref);
    if (!a || !a->token_hash || token.empty() || !base::constant_time_equal(token_hash(token), *a->token_hash)) {
      throw ApiError(AppError::not_found, "申请不存在或链接已失效");
    }
    Names names(conn);
    return view_of(names, std::move(*a), today());
  });
}

namespace {

template <class F>
AidView step(db::Database& db, auth::Actor const& actor, std::int64_t id, char const* action, F&& change) {
  auto const& caller = actor.user();
  return db.write([&](db::Connection& conn) {
    auto a = store::aid(conn, id);
    if (!a) throw ApiError(AppError::not_found, "法律援助申请不存在");
    require_manager(caller, *a);
    change(*a);
    a->updated_at = base::now_ms();
    store::update_aid(conn, *a);
    auth::audit(conn, actor, action, "service_aid", std::to_string(id), a->status);
    Names names(conn);
    return view_of(names, std::move(*a), today());
  });
}

}  // namespace

AidView LegalService::decide_aid(auth::Actor const& actor, std::int64_t id, bool approve, std::string reason) const {
  reason = trimmed(reason);
  if (!approve && reason.empty()) invalid("不予法律援助的，应当书面说明理由", "reason");
  if (reason.size() > 3000) invalid("理由不超过 1000 字", "reason");
  auto const& caller = actor.user();
  return step(*db_, actor, id, "service.aid.decide", [&](Aid& a) {
    if (a.status != aid_status::submitted) throw ApiError(wrong_state, "该申请已作出决定");
    auto const on = today();
    a.decided_on = on;
    a.decided_by = caller.user_id;
    if (approve) {
      a.status = std::string(aid_status::approved);
      a.assign_by = plus_days(on, aid_assign_days);
      if (!reason.empty()) a.refusal_reason = reason;  // a note on the approval
    } else {
      a.status = std::string(aid_status::refused);
      a.refusal_reason = reason;
    }
  });
}

AidView LegalService::assign_aid(auth::Actor const& actor, std::int64_t id, std::string lawyer, std::string firm, std::string phone) const {
  lawyer = trimmed(lawyer);
  firm = trimmed(firm);
  if (lawyer.empty() || lawyer.size() > 60) invalid("请填写承办律师（不超过 20 字）", "lawyer");
  if (firm.empty() || firm.size() > 150) invalid("请填写律师事务所或法律援助机构", "firm");
  if (!phone.empty() && phone.size() > 20) invalid("联系电话不超过 20 位", "phone");
  return step(*db_, actor, id, "service.aid.assign", [&](Aid& a) {
    if (a.status != aid_status::approved) throw ApiError(wrong_state, "只有准予援助的申请可以指派");
    a.status = std::string(aid_status::assigned);
    a.assigned_on = today();
    a.lawyer = lawyer;
    a.firm = firm;
    if (!phone.empty()) a.lawyer_phone = phone;
  });
}

AidView LegalService::close_aid(auth::Actor const& actor, std::int64_t id, std::string outcome, std::string note) const {
  if (!one_of(outcome, {"won", "mediated", "partly", "lost", "withdrawn", "terminated"})) invalid("请选择结案情况", "outcome");
  note = trimmed(note);
  if (note.size() > 3000) invalid("结案说明不超过 1000 字", "note");
  return step(*db_, actor, id, "service.aid.close", [&](Aid& a) {
    if (a.status != aid_status::assigned) throw ApiError(wrong_state, "指派承办人员后才能结案");
    a.status = std::string(aid_status::closed);
    a.closed_on = today();
    a.outcome = outcome;
    a.close_note = note;
  });
}

AidView LegalService::follow_up_aid(auth::Actor const& actor, std::int64_t id, std::string note, std::string satisfaction) const {
  if (!valid_rating(satisfaction)) invalid("请选择受援人评价", "satisfaction");
  note = trimmed(note);
  if (note.empty()) invalid("请记录回访情况", "note");
  if (note.size() > 3000) invalid("回访情况不超过 1000 字", "note");
  return step(*db_, actor, id, "service.aid.follow_up", [&](Aid& a) {
    if (a.status != aid_status::closed) throw ApiError(wrong_state, "结案后才能回访");
    if (a.followed_up_on) throw ApiError(wrong_state, "该案件已回访");
    a.followed_up_on = today();
    a.follow_up_note = note;
    a.satisfaction = satisfaction;
  });
}

docx::Document LegalService::aid_decision(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  if (!caller.has(manage_permission)) throw ApiError(AppError::forbidden);
  // The decision goes to the applicant by name: with pii.read the name is printed (and the reading audited).
  auto const v = aid(actor, id, caller.has("pii.read"));
  auto const& a = v.a;
  if (!a.decided_on) throw ApiError(wrong_state, "尚未作出决定");
  bool const approved = a.status != aid_status::refused;
  // The city's 法律援助中心 decides; a township's station receives the application.
  std::string const office = "兰溪市法律援助中心";
  auto const received_by = v.township_name.empty() || v.township_name == "兰溪市" ? std::string() : v.township_name + "公共法律服务站";
  auto const chinese = [](std::string const& date) {
    return fmt::format("{}年{}月{}日", date.substr(0, 4), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
  };
  using Kind = docx::Block::Kind;
  docx::Document doc;
  doc.title = (approved ? "给予法律援助决定书（" : "不予法律援助决定书（") + a.ref + "）";
  doc.author = office;
  doc.add(Kind::title, approved ? "给予法律援助决定书" : "不予法律援助决定书");
  doc.add(Kind::subtitle, "兰法援〔" + a.decided_on->substr(0, 4) + "〕" + a.ref.substr(a.ref.size() - 3) + "号");
  doc.add(Kind::plain, (v.revealed ? a.name : text::mask_name(a.name)) + "：");
  doc.add(Kind::body, fmt::format("你于{}{}提出的法律援助申请（受理编号 {}）收悉。经审查，", chinese(a.received_on),
                                  received_by.empty() ? "" : "向" + received_by, a.ref) +
                          (approved ? "你的申请符合《中华人民共和国法律援助法》规定的条件，决定给予法律援助。本中心将自本决定作出之日起三日内指派法律援助人员为你提供法律援助。"
                                    : "你的申请不符合法律援助条件，决定不予法律援助。理由如下："));
  if (!approved) {
    doc.add(Kind::body, a.refusal_reason.value_or(""));
    doc.add(Kind::body, "你对本决定有异议的，可以自收到本决定之日起十五日内向兰溪市司法局提出（《中华人民共和国法律援助法》第四十九条）。");
  }
  doc.add(Kind::plain, " ");
  doc.add(Kind::right, office + "\n" + chinese(*a.decided_on));
  return doc;
}

}  // namespace pufa::service
