#include "legality/common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "auth/audit.hpp"
#include "auth/directory.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "legality/store.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;

void invalid(std::string message, std::string field) { throw ApiError(AppError::validation_failed, std::move(message), std::move(field)); }

std::string today() { return base::shanghai_date(base::now_ms()); }

std::string trimmed(std::string_view text) { return std::string(xlsx::trim(text)); }

bool corrected_outcome(std::string_view outcome) {
  return outcome == "revoked" || outcome == "changed" || outcome == "confirmed_illegal" || outcome == "ordered";
}

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kinds{{
    {kind::normative, "行政规范性文件"}, {kind::major_decision, "重大行政决策"}, {kind::contract, "行政协议"},
    {kind::enforcement, "行政执法决定"}, {kind::other, "其他"}, {kind::village_rules, "村规民约"}}};
}  // namespace

bool valid_kind(std::string_view code) {
  return std::any_of(kinds.begin(), kinds.end(), [&](auto const& k) { return k.first == code; });
}

std::string kind_words(std::string_view code) {
  for (auto const& [c, words] : kinds) {
    if (c == code) return std::string(words);
  }
  return std::string(code);
}

std::string conclusion_words(std::string_view c) {
  if (c == conclusion::lawful) return "合法";
  if (c == conclusion::lawful_with_changes) return "修改后合法";
  if (c == conclusion::unlawful) return "不合法";
  return std::string(c);
}

std::string adoption_words(std::string_view a) {
  if (a == "as_reviewed") return "按审核意见通过";
  if (a == "with_changes") return "修改后通过";
  if (a == "withdrawn") return "撤回未出台";
  return std::string(a);
}

std::string chinese_date(std::string const& date) {
  if (date.size() < 10) return date;
  return fmt::format("{}年{}月{}日", date.substr(0, 4), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
}

bool acts_for(auth::Principal const& caller, org::directory::Unit const& unit) {
  if (caller.unit_id) return *caller.unit_id == unit.id;
  return caller.covers(unit.region_path);
}

auth::Region reviewer_of(db::Connection& conn, auth::Region const& region) {
  if (region.level < auth::regions::township_level) return auth::regions::root(conn);
  // The path is "/root/township/…/": its second id is the township.
  auto const first = region.path.find('/', 1);
  auto const second = region.path.find('/', first + 1);
  auto const township_id = std::stoll(region.path.substr(first + 1, second - first - 1));
  return *auth::regions::find(conn, township_id);
}

std::string short_name(auth::Region const& office) {
  auto name = office.name;
  for (std::string_view suffix : {"街道", "镇", "乡", "市", "县", "区"}) {
    if (name.size() > suffix.size() && std::string_view(name).ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  return name;
}

std::string reviewer_name(auth::Region const& office) {
  if (office.level < auth::regions::township_level) return office.name + "司法局";
  return short_name(office) + "司法所";
}

void require_visible(auth::Principal const& caller, Submission const& s) {
  bool const reviewer = caller.has(review_permission) && caller.covers(s.reviewer_path);
  bool visible = caller.covers(s.region_path) || reviewer;
  if (!reviewer && caller.unit_id && s.unit_id != caller.unit_id) visible = false;
  if (!visible) throw ApiError(http::concealed_refusal, "送审件不存在");
}

bool is_reviewer(auth::Principal const& caller, Submission const& s) {
  return caller.has(review_permission) && caller.region_id == s.reviewer_region_id;
}

bool is_submitter(db::Connection& conn, auth::Principal const& caller, Submission const& s) {
  if (!caller.has(submit_permission)) return false;
  if (!s.unit_id) return caller.covers(s.region_path) && !caller.unit_id;
  auto const unit = org::directory::unit(conn, *s.unit_id);
  return unit && acts_for(caller, *unit);
}

std::int64_t receive(db::Connection& conn, auth::Actor const& actor, Submission s, int days, std::vector<std::int64_t> const& file_ids) {
  auto const& caller = actor.user();
  auto const region = auth::regions::find(conn, s.region_id);
  auto const office = reviewer_of(conn, *region);
  auto const on = today();
  s.region_path = region->path;
  s.reviewer_region_id = office.id;
  s.reviewer_path = office.path;
  s.status = std::string(status::reviewing);
  s.year = std::stoi(on.substr(0, 4));
  s.submitted_on = on;
  s.due_on = calendar_around(conn, on).add_working_days(on, days);
  s.created_by = caller.user_id;
  s.created_at = s.updated_at = base::now_ms();
  auto const id = store::insert_submission(conn, s);
  for (auto const file_id : file_ids) store::attach_file(conn, file_id, id, "draft");
  store::insert_event(conn, {id, "submitted", "", caller.display_name, caller.user_id, s.created_at});
  auth::audit(conn, actor, "legality.submit", "legality_submissions", std::to_string(id), s.kind + " " + s.title);
  return id;
}

calendar::Calendar calendar_around(db::Connection& conn, std::string const& date) {
  auto const year = std::stoi(date.substr(0, 4));
  auto const now = std::stoi(today().substr(0, 4));
  return calendar::Calendar::load(conn, std::min(year, now) - 1, std::max(year, now) + 1);
}

std::optional<org::directory::Unit> const& Names::unit(std::int64_t id) {
  auto found = units_.find(id);
  if (found == units_.end()) found = units_.emplace(id, org::directory::unit(conn_, id)).first;
  return found->second;
}

std::optional<auth::Region> const& Names::region(std::int64_t id) {
  auto found = regions_.find(id);
  if (found == regions_.end()) found = regions_.emplace(id, auth::regions::find(conn_, id)).first;
  return found->second;
}

std::string const& Names::full_name(std::int64_t region_id) {
  auto found = full_names_.find(region_id);
  if (found == full_names_.end()) {
    auto const names = auth::regions::full_names(conn_, {region_id});
    auto const name = names.find(region_id);
    found = full_names_.emplace(region_id, name == names.end() ? std::string() : name->second).first;
  }
  return found->second;
}

Clock clock_of(calendar::Calendar const& cal, Submission const& s) {
  Clock c;
  auto const now = today();
  c.paused = s.status == status::material_requested;
  if (s.status == status::reviewing) {
    c.days_left = cal.working_days_between(now, s.due_on);
    c.overdue = now > s.due_on;
  } else if (s.issued_on) {
    c.on_time = *s.issued_on <= s.due_on;
    c.overdue = !*c.on_time;
  }
  return c;
}

SubmissionView view_of(Names& names, calendar::Calendar const& cal, Submission s) {
  SubmissionView v;
  auto const clock = clock_of(cal, s);
  v.days_left = clock.days_left;
  v.overdue = clock.overdue;
  v.paused = clock.paused;
  v.on_time = clock.on_time;
  if (s.unit_id) {
    if (auto const& unit = names.unit(*s.unit_id)) v.unit_name = unit->name;
  }
  v.region_name = names.full_name(s.region_id);
  if (v.unit_name.empty()) {
    auto const& region = names.region(s.region_id);
    v.unit_name = (region ? region->name : std::string()) + (region && region->name.ends_with("社区") ? "居民委员会" : "村民委员会");
  }
  if (auto const& office = names.region(s.reviewer_region_id)) v.reviewer_name = reviewer_name(*office);
  v.s = std::move(s);
  return v;
}

void check_files(db::Connection& conn, auth::Principal const& caller, std::vector<std::int64_t> const& ids, std::int64_t submission_id) {
  constexpr std::size_t max_files = 20;
  if (ids.size() > max_files) invalid("附件不能超过 " + std::to_string(max_files) + " 个", "file_ids");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto const f = store::file(conn, ids[i]);
    if (!f || f->uploader_id != caller.user_id) invalid("附件不存在，请重新上传", fmt::format("file_ids[{}]", i));
    if (f->submission_id && *f->submission_id != submission_id) invalid("该附件已属于其他送审件", fmt::format("file_ids[{}]", i));
  }
}

void fill_detail(db::Connection& conn, auth::Principal const& caller, SubmissionView& v) {
  auto const& s = v.s;
  v.files = store::files(conn, s.id);
  v.events = store::events(conn, s.id);
  for (auto const& p : s.points) {
    PointView pv{p.text, {}};
    for (auto const& c : p.citations) pv.citations.push_back({c, laws::library::cited(conn, c)});
    v.points.push_back(std::move(pv));
  }
  bool const open = s.status == status::reviewing || s.status == status::material_requested;
  bool const reviewer = is_reviewer(caller, s);
  bool const submitter = is_submitter(conn, caller, s);
  v.can.review = reviewer && s.status == status::reviewing;
  v.can.supply = submitter && s.status == status::material_requested;
  v.can.adopt = submitter && s.status == status::issued;
  v.can.withdraw = submitter && open;
}

}  // namespace pufa::legality
