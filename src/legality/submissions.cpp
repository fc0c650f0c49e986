// 合法性审核's flow: submit, ask for material (the clock pauses), supply it, issue the opinion,
// record adoption, withdraw (docs/legality.md, "Submissions").
#include <fmt/format.h>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "legality/common.hpp"
#include "legality/store.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::size_t max_points = 30, max_citations = 10;

void require_any(auth::Principal const& caller) {
  if (!caller.has(read_permission) && !caller.has(submit_permission) && !caller.has(review_permission)) {
    throw ApiError(AppError::forbidden);
  }
}

Submission load(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto s = store::submission(conn, id);
  if (!s) throw ApiError(AppError::not_found, "送审件不存在");
  require_visible(caller, *s);
  return std::move(*s);
}

void require_state(Submission const& s, std::string_view wanted, char const* message) {
  if (s.status != wanted) throw ApiError(wrong_state, message);
}

void require_reviewer(db::Connection& conn, auth::Principal const& caller, Submission const& s) {
  if (is_reviewer(caller, s)) return;
  auto const office = auth::regions::find(conn, s.reviewer_region_id);
  throw ApiError(not_reviewer, "该件由" + (office ? reviewer_name(*office) : std::string("审核机构")) + "审核");
}

void require_submitter(db::Connection& conn, auth::Principal const& caller, Submission const& s) {
  if (!is_submitter(conn, caller, s)) throw ApiError(AppError::forbidden, "只有送审单位可以办理此项");
}

void event(db::Connection& conn, auth::Actor const& actor, std::int64_t id, std::string kind, std::string note) {
  auto const& caller = actor.user();
  store::insert_event(conn, {id, std::move(kind), std::move(note), caller.display_name, caller.user_id, base::now_ms()});
}

void audit(db::Connection& conn, auth::Actor const& actor, std::string action, std::int64_t id, std::string detail = {}) {
  auth::audit(conn, actor, std::move(action), "legality_submissions", std::to_string(id), std::move(detail));
}

SubmissionView detail(db::Connection& conn, auth::Principal const& caller, Submission s) {
  auto const cal = calendar_around(conn, s.submitted_on);
  Names names(conn);
  auto v = view_of(names, cal, std::move(s));
  fill_detail(conn, caller, v);
  return v;
}

}  // namespace

SubmissionPage LegalityService::submissions(auth::Actor const& actor, ListQuery const& q) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_->read([&](db::Connection& conn) {
    store::Filter f;
    f.scope_path = auth::regions::scope_path(conn, caller, q.region_id);
    if (caller.has(review_permission) && !q.region_id) {
      if (auto const me = auth::regions::find(conn, caller.region_id)) f.reviewer_path = me->path;
    }
    f.year = q.year;
    f.kind = q.kind;
    f.open_only = q.status && *q.status == "open";
    if (!f.open_only) f.status = q.status;
    f.q = q.q;
    SubmissionPage page;
    page.years = store::years(conn, f.scope_path, f.reviewer_path);
    // A liaison bound to a unit reads its unit's submissions (a reviewer what is sent to its office).
    if (caller.unit_id && !caller.has(review_permission)) f.unit_id = caller.unit_id;
    if (q.overdue_only) f.overdue_as_of = today();
    f.limit = q.page_size;
    f.offset = (q.page - 1) * q.page_size;
    auto rows = store::submissions(conn, f, &page.total);
    auto const cal = calendar::Calendar::load(conn, q.year.value_or(2000) - 1, std::stoi(today().substr(0, 4)) + 1);
    Names names(conn);
    for (auto& s : rows) page.items.push_back(view_of(names, cal, std::move(s)));
    return page;
  });
}

std::vector<todo::Item> LegalityService::todo(auth::Principal const& caller) const {
  std::vector<todo::Item> out;
  bool const reviewer = caller.has(review_permission), submitter = caller.has(submit_permission);
  if (!reviewer && !submitter) return out;
  std::int64_t to_review = 0, to_supply = 0, to_adopt = 0;
  db_->read([&](db::Connection& conn) {
    store::Filter f{.scope_path = caller.region_path, .open_only = false, .limit = 0};
    for (std::string_view wanted : {status::reviewing, status::material_requested, status::issued}) {
      f.status = std::string(wanted);
      for (auto const& s : store::submissions(conn, f, nullptr)) {
        if (s.status == status::reviewing) to_review += is_reviewer(caller, s);
        else if (s.status == status::material_requested) to_supply += is_submitter(conn, caller, s);
        else to_adopt += is_submitter(conn, caller, s);
      }
    }
  });
  if (to_review) out.push_back({"legality.review", to_review});
  if (to_supply) out.push_back({"legality.supply", to_supply});
  if (to_adopt) out.push_back({"legality.adopt", to_adopt});
  return out;
}

std::vector<org::directory::Unit> LegalityService::submitting_units(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  if (!caller.has(submit_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    std::vector<org::directory::Unit> out;
    if (caller.unit_id) {
      if (auto const unit = org::directory::unit(conn, *caller.unit_id)) out.push_back(*unit);
      return out;
    }
    for (auto& unit : org::directory::units_under(conn, caller.region_path, 2000)) {
      if (unit.type == "department") out.push_back(std::move(unit));
    }
    return out;
  });
}

SubmissionView LegalityService::submission(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_any(caller);
  return db_->read([&](db::Connection& conn) { return detail(conn, caller, load(conn, caller, id)); });
}

SubmissionView LegalityService::submit(auth::Actor const& actor, NewSubmission in) const {
  auto const& caller = actor.user();
  if (!caller.has(submit_permission)) throw ApiError(AppError::forbidden);
  if (!valid_kind(in.kind) || in.kind == kind::village_rules) {
    if (in.kind == kind::village_rules) invalid("村规民约请在“村规民约”页提交审核", "kind");
    invalid("请选择文件类别", "kind");
  }
  if (trimmed(in.title).empty()) invalid("请填写文件名称", "title");
  if (in.requested_by && !base::is_date(*in.requested_by)) invalid("要求完成日期应为 1900 至 2100 年间的日期", "requested_by");
  if (in.file_ids.empty()) invalid("请上传送审稿", "file_ids");
  auto const id = db_->write([&](db::Connection& conn) {
    auto const unit = org::directory::unit(conn, in.unit_id);
    if (!unit) invalid("单位不存在", "unit_id");
    if (!acts_for(caller, *unit)) throw ApiError(AppError::out_of_scope, "只能为本单位送审", "unit_id");
    if (unit->type == "village_committee") invalid("村(社区)的村规民约请在“村规民约”页提交审核", "unit_id");
    check_files(conn, caller, in.file_ids, 0);
    Submission s;
    s.unit_id = unit->id;
    s.kind = in.kind;
    s.title = trimmed(in.title);
    s.basis = in.basis;
    s.summary = in.summary;
    s.requested_by = in.requested_by;
    s.region_id = unit->region_id;
    return receive(conn, actor, std::move(s), days_.of(in.kind), in.file_ids);
  });
  return submission(actor, id);
}

SubmissionView LegalityService::request_material(auth::Actor const& actor, std::int64_t id, std::string note) const {
  auto const& caller = actor.user();
  if (trimmed(note).empty()) invalid("请写明需要补充的材料", "note");
  db_->write([&](db::Connection& conn) {
    auto s = load(conn, caller, id);
    require_reviewer(conn, caller, s);
    require_state(s, status::reviewing, "只有审核中的送审件可以要求补充材料");
    auto const on = today();
    auto const cal = calendar_around(conn, s.submitted_on);
    s.status = std::string(status::material_requested);
    s.paused_on = on;
    s.days_left_at_pause = cal.working_days_between(on, s.due_on);
    s.material_note = note;
    s.updated_at = base::now_ms();
    store::update_submission(conn, s);
    event(conn, actor, id, "material_requested", note);
    audit(conn, actor, "legality.request_material", id, fmt::format("{} working days left", *s.days_left_at_pause));
  });
  return submission(actor, id);
}

SubmissionView LegalityService::supply(auth::Actor const& actor, std::int64_t id, std::string note, std::vector<std::int64_t> file_ids) const {
  auto const& caller = actor.user();
  if (trimmed(note).empty() && file_ids.empty()) invalid("请上传补充材料或写明说明", "file_ids");
  db_->write([&](db::Connection& conn) {
    auto s = load(conn, caller, id);
    require_submitter(conn, caller, s);
    require_state(s, status::material_requested, "审核机构没有要求补充材料");
    check_files(conn, caller, file_ids, id);
    auto const on = today();
    auto const cal = calendar_around(conn, s.submitted_on);
    // The clock goes on with the working days that were left (none left: it stays past due).
    if (s.days_left_at_pause && *s.days_left_at_pause > 0) s.due_on = cal.add_working_days(on, *s.days_left_at_pause);
    s.status = std::string(status::reviewing);
    s.paused_on.reset();
    s.days_left_at_pause.reset();
    s.updated_at = base::now_ms();
    store::update_submission(conn, s);
    for (auto const file_id : file_ids) store::attach_file(conn, file_id, id, "material");
    event(conn, actor, id, "material_supplied", note);
    audit(conn, actor, "legality.supply", id, "due " + s.due_on);
  });
  return submission(actor, id);
}

SubmissionView LegalityService::issue(auth::Actor const& actor, std::int64_t id, std::string c, std::string summary,
                                      std::vector<Point> points) const {
  auto const& caller = actor.user();
  if (c != conclusion::lawful && c != conclusion::lawful_with_changes && c != conclusion::unlawful) invalid("请选择审核结论", "conclusion");
  if (c != conclusion::lawful && points.empty()) {
    invalid(c == conclusion::unlawful ? "不合法的结论须写明理由" : "修改后合法须写明修改意见", "points");
  }
  if (points.size() > max_points) invalid("审核意见不能超过 30 条", "points");
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i].text = std::string(trimmed(points[i].text));
    if (points[i].text.empty()) invalid("请填写第 " + std::to_string(i + 1) + " 条意见", fmt::format("points[{}].text", i));
    if (points[i].citations.size() > max_citations) invalid("每条意见最多引用 10 个条文", fmt::format("points[{}].citations", i));
  }
  // The citations are resolved against the library before the write opens (reads only, no writer held).
  db_->read([&](db::Connection& conn) {
    for (std::size_t i = 0; i < points.size(); ++i) {
      for (std::size_t j = 0; j < points[i].citations.size(); ++j) {
        auto& written = points[i].citations[j];
        written = std::string(trimmed(written));
        auto const article = laws::library::cited(conn, written);
        if (!article) {
          invalid("法规库中没有“" + written + "”，请核对法律名称和条号", fmt::format("points[{}].citations[{}]", i, j));
        }
        written = "《" + article->law.short_title + "》" + article->label;  // as the library names it
      }
    }
  });
  db_->write([&](db::Connection& conn) {
    auto s = load(conn, caller, id);
    require_reviewer(conn, caller, s);
    if (s.status == status::issued || s.status == status::closed) throw ApiError(wrong_state, "审核意见已出具，不能再修改");
    require_state(s, status::reviewing, "只有审核中的送审件可以出具意见");
    auto const office = auth::regions::find(conn, s.reviewer_region_id);
    auto const on = today();
    auto const year = std::stoi(on.substr(0, 4));
    s.status = std::string(status::issued);
    s.conclusion = c;
    s.opinion_summary = summary;
    s.points = points;
    s.opinion_year = year;
    s.opinion_seq = store::next_opinion_seq(conn, s.reviewer_region_id, year);
    s.opinion_no = fmt::format("{}司审〔{}〕{}号", short_name(*office), year, *s.opinion_seq);
    s.issued_on = on;
    s.issued_by = caller.user_id;
    s.updated_at = base::now_ms();
    store::update_submission(conn, s);
    event(conn, actor, id, "issued", *s.opinion_no + " " + conclusion_words(c));
    audit(conn, actor, "legality.issue", id, *s.opinion_no + " " + c);
  });
  return submission(actor, id);
}

SubmissionView LegalityService::adopt(auth::Actor const& actor, std::int64_t id, std::string outcome, std::string on,
                                      std::string note) const {
  auto const& caller = actor.user();
  if (outcome != "as_reviewed" && outcome != "with_changes" && outcome != "withdrawn") invalid("请选择采纳情况", "outcome");
  if (!base::is_date(on)) invalid("日期应为 1900 至 2100 年间的日期", "adopted_on");
  if (on > today()) invalid("不能晚于今天", "adopted_on");
  db_->write([&](db::Connection& conn) {
    auto s = load(conn, caller, id);
    require_submitter(conn, caller, s);
    if (s.status == status::closed) throw ApiError(wrong_state, "采纳情况已记录");
    require_state(s, status::issued, "审核意见出具后才能记录采纳情况");
    if (on < *s.issued_on) invalid("不能早于审核意见出具日期 " + *s.issued_on, "adopted_on");
    s.status = std::string(status::closed);
    s.adoption = outcome;
    s.adopted_on = on;
    s.adoption_note = note;
    s.updated_at = base::now_ms();
    store::update_submission(conn, s);
    event(conn, actor, id, "adopted", adoption_words(outcome) + (note.empty() ? "" : "：" + note));
    audit(conn, actor, "legality.adopt", id, outcome + " " + on);
  });
  return submission(actor, id);
}

SubmissionView LegalityService::withdraw(auth::Actor const& actor, std::int64_t id, std::string reason) const {
  auto const& caller = actor.user();
  if (trimmed(reason).empty()) invalid("请填写撤回原因", "reason");
  db_->write([&](db::Connection& conn) {
    auto s = load(conn, caller, id);
    require_submitter(conn, caller, s);
    if (s.status != status::reviewing && s.status != status::material_requested) {
      throw ApiError(wrong_state, "审核意见已出具或已撤回，不能撤回");
    }
    s.status = std::string(status::withdrawn);
    s.withdraw_reason = reason;
    s.updated_at = base::now_ms();
    store::update_submission(conn, s);
    event(conn, actor, id, "withdrawn", reason);
    audit(conn, actor, "legality.withdraw", id);
  });
  return submission(actor, id);
}

}  // namespace pufa::legality
