// What is read off the submissions as a whole: the opinion as a document (合法性审核意见书), the
// register (合法性审核台账) as .xlsx, the figures per reviewing office, the overview's two numbers.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include <boost/json/object.hpp>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "http/error.hpp"
#include "legality/common.hpp"
#include "legality/store.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;
using Kind = docx::Block::Kind;

namespace {

std::string closing_sentence(std::string const& c) {
  if (c == conclusion::lawful) return "经审核，该文件（草案）合法，可按程序提交审议或者发布。";
  if (c == conclusion::lawful_with_changes) return "经审核，该文件（草案）按以下意见修改后合法。请你单位修改完善后按程序提交审议或者发布，并反馈采纳情况。";
  return "经审核，该文件（草案）不合法，不得提交审议或者发布。理由如下：";
}

void require_reader(auth::Principal const& caller) {
  if (!caller.has(read_permission) && !caller.has(review_permission)) throw ApiError(AppError::forbidden);
}

}  // namespace

docx::Document LegalityService::opinion(auth::Actor const& actor, std::int64_t id) const {
  auto const v = submission(actor, id);
  auto const& s = v.s;
  if (!s.issued_on) throw ApiError(wrong_state, "审核意见尚未出具");
  docx::Document doc;
  doc.title = "合法性审核意见书（" + *s.opinion_no + "）";
  doc.author = v.reviewer_name;
  doc.add(Kind::title, "合法性审核意见书");
  doc.add(Kind::subtitle, *s.opinion_no);
  doc.add(Kind::plain, v.unit_name + "：");
  doc.add(Kind::body, fmt::format("你单位于{}送审的《{}》（{}）收悉。我{}依照合法性审核的有关规定，对其制定主体、权限、程序和内容的合法性进行了审核，现提出意见如下：",
                                  chinese_date(s.submitted_on), s.title, kind_words(s.kind),
                                  v.reviewer_name.ends_with("司法局") ? "局" : "所"));
  doc.add(Kind::heading1, "一、审核结论");
  doc.add(Kind::body, closing_sentence(*s.conclusion));
  if (!v.points.empty()) {
    doc.add(Kind::heading1, *s.conclusion == conclusion::unlawful ? "二、理由和依据" : "二、审核意见");
    static constexpr char const* numbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    for (std::size_t i = 0; i < v.points.size(); ++i) {
      auto const label = i < 10 ? std::string(numbers[i]) : std::to_string(i + 1);
      doc.add(Kind::body, "（" + label + "）" + v.points[i].text);
      for (auto const& c : v.points[i].citations) {
        if (!c.article) continue;
        doc.add(Kind::body, "依据：《" + c.article->law.short_title + "》" + c.article->label + "　" + c.article->text());
      }
    }
  }
  if (s.opinion_summary && !s.opinion_summary->empty()) {
    doc.add(Kind::heading1, v.points.empty() ? "二、其他说明" : "三、其他说明");
    doc.add(Kind::body, *s.opinion_summary);
  }
  doc.add(Kind::body, "本意见仅对送审稿的合法性作出审核，不代替你单位的集体讨论决定。");
  doc.add(Kind::plain, " ");
  doc.add(Kind::right, v.reviewer_name + "\n" + chinese_date(*s.issued_on));
  return doc;
}

Figures LegalityService::figures(auth::Actor const& actor, std::optional<int> year, std::optional<std::int64_t> region_id) const {
  auto const& caller = actor.user();
  require_reader(caller);
  return db_->read([&](db::Connection& conn) {
    Figures out;
    auto const path = auth::regions::scope_path(conn, caller, region_id);
    out.years = store::years(conn, path, std::nullopt);
    out.year = year ? *year : (out.years.empty() ? std::stoi(today().substr(0, 4)) : out.years.front());
    auto const subs = store::reviewed_in(conn, path, out.year);
    auto const cal = calendar::Calendar::load(conn, out.year - 1, std::stoi(today().substr(0, 4)) + 1);
    std::vector<std::int64_t> ids;
    for (auto const& s : subs) ids.push_back(s.id);
    auto const corrected = store::corrected_submissions(conn, ids);
    std::map<std::int64_t, FigureRow> rows;
    // Every office in the scope gets a row, the ones with nothing to show too.
    auto const scope_region = auth::regions::find(conn, region_id.value_or(caller.region_id));
    if (scope_region && scope_region->level < auth::regions::township_level) rows[scope_region->id] = {scope_region->id, reviewer_name(*scope_region)};
    for (auto const& t : auth::regions::at_level(conn, path, auth::regions::township_level)) rows[t.id] = {t.id, reviewer_name(t)};
    for (auto const& s : subs) {
      auto& r = rows[s.reviewer_region_id];
      r.region_id = s.reviewer_region_id;
      if (s.status == status::withdrawn) continue;
      auto const clock = clock_of(cal, s);
      ++r.reviews;
      if (s.issued_on) {
        ++r.issued;
        if (*clock.on_time) ++r.on_time;
        if (*s.conclusion == conclusion::unlawful) ++r.unlawful;
        if (*s.conclusion == conclusion::lawful_with_changes) ++r.with_changes;
      } else {
        ++r.open;
      }
      if (clock.overdue) ++r.overdue;
      if (std::find(corrected.begin(), corrected.end(), s.id) != corrected.end()) ++r.corrected;
    }
    // The bureau first, then the townships by code.
    std::vector<auth::Region> offices;
    for (auto const& [id, r] : rows) {
      if (auto const region = auth::regions::find(conn, id)) offices.push_back(*region);
    }
    std::sort(offices.begin(), offices.end(), [](auto const& a, auto const& b) {
      return a.level != b.level ? a.level < b.level : a.code < b.code;
    });
    for (auto const& office : offices) {
      auto r = rows[office.id];
      r.name = reviewer_name(office);
      out.total.reviews += r.reviews;
      out.total.issued += r.issued;
      out.total.on_time += r.on_time;
      out.total.unlawful += r.unlawful;
      out.total.with_changes += r.with_changes;
      out.total.open += r.open;
      out.total.overdue += r.overdue;
      out.total.corrected += r.corrected;
      out.rows.push_back(std::move(r));
    }
    out.total.name = "合计";
    return out;
  });
}

Download LegalityService::register_file(auth::Actor const& actor, std::optional<int> year, std::optional<std::int64_t> region_id) const {
  auto const& caller = actor.user();
  require_reader(caller);
  auto const page = [&] {
    ListQuery q;
    q.year = year ? year : std::optional<int>(std::stoi(today().substr(0, 4)));
    q.region_id = region_id;
    q.page_size = 100000;
    return submissions(actor, q);
  }();
  auto items = page.items;
  std::sort(items.begin(), items.end(), [](auto const& a, auto const& b) {
    return a.s.submitted_on != b.s.submitted_on ? a.s.submitted_on < b.s.submitted_on : a.s.id < b.s.id;
  });
  xlsx::Sheet sheet;
  auto const the_year = year.value_or(std::stoi(today().substr(0, 4)));
  sheet.name = fmt::format("{}年合法性审核台账", the_year);
  using T = xlsx::CellType;
  sheet.columns = {{"序号", 6, T::number},        {"送审单位", 0, T::text},  {"文件名称", 36, T::text},   {"类别", 0, T::text},
                   {"送审日期", 0, T::date},      {"审核期限", 0, T::date},  {"出具意见日期", 0, T::date}, {"审核用时（工作日）", 0, T::number},
                   {"是否按期", 0, T::text},      {"审核结论", 0, T::text},  {"意见书文号", 0, T::text},   {"采纳情况", 0, T::text},
                   {"备注", 24, T::text}};
  auto const days_taken = db_->read([&](db::Connection& conn) {
    auto const cal = calendar::Calendar::load(conn, the_year - 1, std::stoi(today().substr(0, 4)) + 1);
    std::map<std::int64_t, int> out;
    for (auto const& v : items) {
      if (v.s.issued_on) out[v.s.id] = cal.working_days_between(v.s.submitted_on, *v.s.issued_on);
    }
    return out;
  });
  int n = 0;
  for (auto const& v : items) {
    auto const& s = v.s;
    std::string note;
    if (s.status == status::withdrawn) note = "已撤回：" + s.withdraw_reason.value_or("");
    else if (s.status == status::material_requested) note = "待补充材料：" + s.material_note.value_or("");
    else if (!s.issued_on) note = v.overdue ? "审核中（已逾期）" : "审核中";
    else if (s.adoption_note && !s.adoption_note->empty()) note = *s.adoption_note;
    auto const taken = days_taken.find(s.id);
    sheet.rows.push_back({std::to_string(++n), v.unit_name, s.title, kind_words(s.kind), s.submitted_on, s.due_on,
                          s.issued_on.value_or(""), taken == days_taken.end() ? "" : std::to_string(taken->second),
                          v.on_time ? (*v.on_time ? "是" : "否") : "", s.conclusion ? conclusion_words(*s.conclusion) : "",
                          s.opinion_no.value_or(""), s.adoption ? adoption_words(*s.adoption) : "", note});
  }
  db_->write([&](db::Connection& conn) {
    auth::audit(conn, actor, "legality.register.export", "legality_submissions", "", fmt::format("{} rows of {}", n, the_year));
  });
  return {sheet.name + ".xlsx", std::string(xlsx::content_type), xlsx::write_workbook({sheet})};
}

void LegalityService::add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out) {
  auto const years = store::years(conn, region_path, std::nullopt);
  out["legality_year"] = years.empty() ? boost::json::value(nullptr) : boost::json::value(years.front());
  if (years.empty()) {
    out["legality_reviews"] = 0;
    out["legality_on_time_rate"] = nullptr;
    return;
  }
  std::int64_t issued = 0, on_time = 0;
  for (auto const& s : store::reviewed_in(conn, region_path, years.front())) {
    if (!s.issued_on) continue;
    ++issued;
    if (*s.issued_on <= s.due_on) ++on_time;
  }
  out["legality_reviews"] = issued;
  out["legality_on_time_rate"] = issued ? boost::json::value(static_cast<double>(on_time) / static_cast<double>(issued)) : boost::json::value(nullptr);
}

}  // namespace pufa::legality
