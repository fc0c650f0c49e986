// 行政复议 and 行政诉讼 involving the city's bodies: a light register and what the 法治政府 indicators
// count of it — 纠错率, 败诉率, 负责人出庭应诉率 per body and year (docs/legality.md).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "http/error.hpp"
#include "legality/common.hpp"
#include "legality/library.hpp"
#include "legality/store.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::string_view outcomes[] = {"upheld",  "revoked",  "changed",  "confirmed_illegal", "ordered",
                                         "rejected", "withdrawn", "mediated", "terminated"};

// One case in the counts: 纠错 of a closed 复议, 败诉 of a closed 诉讼, the head's appearance in court.
void tally(library::CaseCounts& r, Case const& c) {
  bool const closed = c.outcome.has_value();
  bool const corrected = closed && corrected_outcome(*c.outcome);
  if (c.kind == case_kind::reconsideration) {
    ++r.reconsiderations;
    r.reconsiderations_closed += closed;
    r.corrected += corrected;
  } else {
    ++r.lawsuits;
    r.lawsuits_closed += closed;
    r.lost += corrected;
    r.head_appeared += c.head_appeared.value_or(false);
  }
}

void check(db::Connection& conn, auth::Principal const& caller, CaseInput const& in, bool creating) {
  if (in.kind != case_kind::reconsideration && in.kind != case_kind::litigation) invalid("请选择行政复议或行政诉讼", "kind");
  if (trimmed(in.case_no).empty()) invalid("请填写案号", "case_no");
  if (trimmed(in.cause).empty()) invalid("请填写案由", "cause");
  if (creating && (!in.applicant || trimmed(*in.applicant).empty())) {
    invalid(in.kind == case_kind::litigation ? "请填写原告" : "请填写申请人", "applicant");
  }
  if (!base::is_date(in.filed_on)) invalid("立案（受理）日期应为 1900 至 2100 年间的日期", "filed_on");
  if (in.filed_on > today()) invalid("立案（受理）日期不能晚于今天", "filed_on");
  if (in.closed_on) {
    if (!base::is_date(*in.closed_on)) invalid("结案日期应为 1900 至 2100 年间的日期", "closed_on");
    if (*in.closed_on < in.filed_on) invalid("结案日期不能早于立案日期", "closed_on");
    if (*in.closed_on > today()) invalid("结案日期不能晚于今天", "closed_on");
    if (!in.outcome) invalid("已结案的案件请选择结果", "outcome");
  }
  if (in.outcome) {
    if (std::find(std::begin(outcomes), std::end(outcomes), *in.outcome) == std::end(outcomes) ||
        (in.kind == case_kind::litigation && *in.outcome == "terminated")) {
      invalid("案件结果不在可选范围内", "outcome");
    }
    if (!in.closed_on) invalid("有结果的案件请填写结案日期", "closed_on");
  }
  if (in.kind == case_kind::reconsideration && in.head_appeared.value_or(false)) invalid("负责人出庭应诉只适用于行政诉讼", "head_appeared");
  auto const unit = org::directory::unit(conn, in.unit_id);
  if (!unit) invalid("被申请人（被告）单位不存在", "unit_id");
  if (!caller.covers(unit->region_path)) throw ApiError(AppError::out_of_scope, "只能登记本辖区单位的案件", "unit_id");
  if (in.submission_id) {
    auto const s = store::submission(conn, *in.submission_id);
    if (!s || !(caller.covers(s->region_path) || caller.covers(s->reviewer_path))) invalid("送审件不存在", "submission_id");
  }
}

CaseView view(db::Connection& conn, Case c) {
  CaseView v;
  if (auto const unit = org::directory::unit(conn, c.unit_id)) v.unit_name = unit->name;
  v.c = std::move(c);
  return v;
}

Case load(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto c = store::legal_case(conn, id);
  if (!c) throw ApiError(AppError::not_found, "案件不存在");
  if (!caller.covers(c->region_path)) throw ApiError(http::concealed_refusal, "案件不存在");
  return std::move(*c);
}

void fill(db::Connection& conn, Case& c, CaseInput const& in) {
  c.kind = in.kind;
  c.case_no = trimmed(in.case_no);
  c.unit_id = in.unit_id;
  c.region_path = org::directory::unit(conn, in.unit_id)->region_path;
  c.cause = trimmed(in.cause);
  if (in.applicant) c.applicant = trimmed(*in.applicant);
  c.filed_on = in.filed_on;
  c.closed_on = in.closed_on;
  c.outcome = in.outcome;
  c.head_appeared = in.kind == case_kind::litigation ? std::optional<bool>(in.head_appeared.value_or(false)) : std::nullopt;
  c.submission_id = in.submission_id;
  c.note = in.note;
  c.year = std::stoi(in.filed_on.substr(0, 4));
}

}  // namespace

CasePage LegalityService::cases(auth::Actor const& actor, std::optional<int> year, std::optional<std::string> kind,
                                std::optional<std::string> outcome, std::optional<std::int64_t> unit_id, std::int64_t page,
                                std::int64_t page_size) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(cases_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    CasePage out;
    store::CaseFilter f{.scope_path = caller.region_path, .year = year, .kind = kind, .outcome = outcome, .unit_id = unit_id,
                        .limit = page_size, .offset = (page - 1) * page_size};
    if (caller.unit_id) f.unit_id = caller.unit_id;  // a bound liaison: its unit's cases
    out.years = store::case_years(conn, caller.region_path);
    for (auto& c : store::cases(conn, f, &out.total)) out.items.push_back(view(conn, std::move(c)));
    return out;
  });
}

CaseView LegalityService::legal_case(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(cases_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) { return view(conn, load(conn, caller, id)); });
}

CaseView LegalityService::create_case(auth::Actor const& actor, CaseInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(cases_permission)) throw ApiError(AppError::forbidden);
  auto const id = db_->write([&](db::Connection& conn) {
    check(conn, caller, in, true);
    if (store::case_no_taken(conn, in.kind, trimmed(in.case_no), 0)) throw ApiError(AppError::conflict, "该案号已登记", "case_no");
    Case c;
    fill(conn, c, in);
    c.created_at = c.updated_at = base::now_ms();
    auto const id = store::insert_case(conn, c, caller.user_id);
    auth::audit(conn, actor, "legality.case.create", "legality_cases", std::to_string(id), c.kind + " " + c.case_no);
    return id;
  });
  return legal_case(actor, id);
}

CaseView LegalityService::update_case(auth::Actor const& actor, std::int64_t id, CaseInput in) const {
  auto const& caller = actor.user();
  if (!caller.has(cases_permission)) throw ApiError(AppError::forbidden);
  db_->write([&](db::Connection& conn) {
    auto c = load(conn, caller, id);
    check(conn, caller, in, false);
    if (store::case_no_taken(conn, in.kind, trimmed(in.case_no), id)) throw ApiError(AppError::conflict, "该案号已登记", "case_no");
    fill(conn, c, in);
    c.updated_at = base::now_ms();
    store::update_case(conn, c);
    auth::audit(conn, actor, "legality.case.update", "legality_cases", std::to_string(id), c.outcome.value_or("pending"));
  });
  return legal_case(actor, id);
}

CaseFigures LegalityService::case_figures(auth::Actor const& actor, std::optional<int> year) const {
  auto const& caller = actor.user();
  if (!caller.has(read_permission) && !caller.has(cases_permission)) throw ApiError(AppError::forbidden);
  return db_->read([&](db::Connection& conn) {
    CaseFigures out;
    out.years = store::case_years(conn, caller.region_path);
    out.year = year ? *year : (out.years.empty() ? std::stoi(today().substr(0, 4)) : out.years.front());
    store::CaseFilter f{.scope_path = caller.region_path, .year = out.year, .limit = 0};
    if (caller.unit_id) f.unit_id = caller.unit_id;
    std::map<std::int64_t, CaseFigureRow> rows;
    for (auto const& c : store::cases(conn, f, nullptr)) {
      auto& r = rows[c.unit_id];
      r.unit_id = c.unit_id;
      tally(r, c);
    }
    std::vector<std::int64_t> ids;
    for (auto const& [id, r] : rows) ids.push_back(id);
    auto const names = org::directory::unit_names(conn, ids);
    for (auto& [id, r] : rows) {
      if (auto const found = names.find(id); found != names.end()) r.unit_name = found->second;
      library::add(out.total, r);
      out.rows.push_back(r);
    }
    std::sort(out.rows.begin(), out.rows.end(), [](auto const& a, auto const& b) {
      return a.reconsiderations + a.lawsuits != b.reconsiderations + b.lawsuits ? a.reconsiderations + a.lawsuits > b.reconsiderations + b.lawsuits
                                                                                 : a.unit_name < b.unit_name;
    });
    out.total.unit_name = "合计";
    return out;
  });
}

namespace library {

CaseCounts case_counts(db::Connection& conn, std::int64_t unit_id, int year) {
  CaseCounts out;
  for (auto const& c : store::cases(conn, {.scope_path = "/", .year = year, .unit_id = unit_id, .limit = 0}, nullptr)) tally(out, c);
  return out;
}

void add(CaseCounts& into, CaseCounts const& other) {
  into.reconsiderations += other.reconsiderations;
  into.reconsiderations_closed += other.reconsiderations_closed;
  into.corrected += other.corrected;
  into.lawsuits += other.lawsuits;
  into.lawsuits_closed += other.lawsuits_closed;
  into.lost += other.lost;
  into.head_appeared += other.head_appeared;
}

}  // namespace library

ReviewDays parse_review_days(std::string const& text) {
  ReviewDays out;
  auto number = [](std::string const& t) {
    std::size_t used = 0;
    int n = 0;
    try {
      n = std::stoi(t, &used);
    } catch (...) {
      used = 0;
    }
    if (used != t.size() || t.empty() || n < 1 || n > 60) throw std::invalid_argument("expected working days from 1 to 60, got '" + t + "'");
    return n;
  };
  if (text.empty()) return out;
  if (text.find('=') == std::string::npos) {
    out.fallback = number(text);
    return out;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    auto const end = std::min(text.find(',', start), text.size());
    auto const part = text.substr(start, end - start);
    auto const eq = part.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("expected kind=days, got '" + part + "'");
    auto const kind = part.substr(0, eq);
    if (!valid_kind(kind)) throw std::invalid_argument("unknown kind '" + kind + "'");
    out.by_kind[kind] = number(part.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

int ReviewDays::of(std::string_view kind) const {
  auto const found = by_kind.find(kind);
  return found == by_kind.end() ? fallback : found->second;
}

}  // namespace pufa::legality
