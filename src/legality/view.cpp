#include "legality/view.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>

#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/personal.hpp"

namespace pufa::legality {

namespace json = boost::json;
using http::ApiError;
using http::AppError;

namespace {

json::value text_or_null(std::optional<std::string> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value int_or_null(std::optional<int> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value id_or_null(std::optional<std::int64_t> const& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value rate(std::int64_t part, std::int64_t whole) {
  return whole ? json::value(static_cast<double>(part) / static_cast<double>(whole)) : json::value(nullptr);
}

json::object citation_json(CitationView const& c) {
  if (!c.article) return {{"law", c.written}, {"law_id", nullptr}, {"number", ""}, {"label", c.written}, {"url", nullptr}, {"text", nullptr}};
  auto const& a = *c.article;
  return {{"law", a.law.short_title}, {"law_id", a.law.id}, {"number", a.label}, {"label", "《" + a.law.short_title + "》" + a.label},
          {"url", a.url()}, {"text", a.text()}};
}

}  // namespace

json::object file_json(File const& f) {
  return {{"id", f.id},       {"name", f.name},   {"size", f.size}, {"content_type", f.content_type}, {"stage", f.stage},
          {"uploaded_at", base::iso8601(f.created_at)}, {"url", "/api/v1/legality/files/" + std::to_string(f.id)}};
}

json::object submission_json(SubmissionView const& v, bool detail) {
  auto const& s = v.s;
  json::object out{{"id", s.id},
                   {"unit_id", id_or_null(s.unit_id)},
                   {"unit_name", v.unit_name},
                   {"region_id", s.region_id},
                   {"region_name", v.region_name},
                   {"village_rules_id", id_or_null(s.village_rules_id)},
                   {"kind", s.kind},
                   {"title", s.title},
                   {"status", s.status},
                   {"submitted_on", s.submitted_on},
                   {"requested_by", text_or_null(s.requested_by)},
                   {"due_on", s.due_on},
                   {"days_left", int_or_null(v.days_left)},
                   {"overdue", v.overdue},
                   {"paused", v.paused},
                   {"issued_on", text_or_null(s.issued_on)},
                   {"on_time", v.on_time ? json::value(*v.on_time) : json::value(nullptr)},
                   {"conclusion", text_or_null(s.conclusion)},
                   {"opinion_no", text_or_null(s.opinion_no)},
                   {"adoption", text_or_null(s.adoption)},
                   {"reviewer_region_id", s.reviewer_region_id},
                   {"reviewer_name", v.reviewer_name}};
  if (!detail) return out;
  out["basis"] = s.basis;
  out["summary"] = s.summary;
  out["material_note"] = text_or_null(s.material_note);
  out["withdraw_reason"] = text_or_null(s.withdraw_reason);
  json::array files, events;
  for (auto const& f : v.files) files.push_back(file_json(f));
  for (auto const& e : v.events) {
    events.push_back({{"at", base::iso8601(e.at)}, {"kind", e.kind}, {"by_name", e.by_name}, {"note", e.note}});
  }
  out["files"] = std::move(files);
  out["events"] = std::move(events);
  if (s.conclusion) {
    json::array points;
    for (auto const& p : v.points) {
      json::array cited;
      for (auto const& c : p.citations) cited.push_back(citation_json(c));
      points.push_back({{"text", p.text}, {"citations", std::move(cited)}});
    }
    out["opinion"] = json::object{{"conclusion", *s.conclusion},          {"opinion_no", text_or_null(s.opinion_no)},
                                  {"issued_on", text_or_null(s.issued_on)}, {"reviewer_name", v.reviewer_name},
                                  {"summary", s.opinion_summary.value_or("")}, {"points", std::move(points)}};
  } else {
    out["opinion"] = nullptr;
  }
  out["adoption"] = s.adoption ? json::value(json::object{{"outcome", *s.adoption}, {"on", text_or_null(s.adopted_on)},
                                                          {"note", s.adoption_note.value_or("")}})
                               : json::value(nullptr);
  out["can"] = json::object{{"review", v.can.review}, {"supply", v.can.supply}, {"adopt", v.can.adopt}, {"withdraw", v.can.withdraw}};
  return out;
}

json::object rules_json(RulesView const& v, bool detail) {
  auto const& r = v.rules;
  json::value review = nullptr;
  if (v.review) {
    review = json::object{{"submission_id", v.review->id}, {"status", v.review->status}, {"conclusion", text_or_null(v.review->conclusion)},
                          {"issued_on", text_or_null(v.review->issued_on)}};
  }
  json::object out{{"id", r.id},           {"region_id", r.region_id},   {"village_name", v.village_name},
                   {"township_name", v.township_name}, {"title", r.title}, {"adopted_on", r.adopted_on},
                   {"version", r.version}, {"updated_at", base::iso8601(r.updated_at)}, {"review", std::move(review)},
                   {"lawful", v.lawful}};
  if (detail) {
    out["text"] = r.text;
    json::array reviews;
    for (auto const& s : v.reviews) reviews.push_back(submission_json(s, false));
    out["reviews"] = std::move(reviews);
  }
  return out;
}

json::object case_json(CaseView const& v) {
  auto const& c = v.c;
  return {{"id", c.id},
          {"kind", c.kind},
          {"case_no", c.case_no},
          {"unit_id", c.unit_id},
          {"unit_name", v.unit_name},
          {"cause", c.cause},
          {"applicant", text::mask_name(c.applicant)},  // a party's name: masked wherever it is shown
          {"filed_on", c.filed_on},
          {"closed_on", text_or_null(c.closed_on)},
          {"outcome", text_or_null(c.outcome)},
          {"head_appeared", c.head_appeared ? json::value(*c.head_appeared) : json::value(nullptr)},
          {"submission_id", id_or_null(c.submission_id)},
          {"note", c.note},
          {"year", c.year}};
}

json::object figures_json(Figures const& f) {
  auto row = [](FigureRow const& r) {
    return json::object{{"region_id", r.region_id}, {"name", r.name}, {"reviews", r.reviews}, {"issued", r.issued},
                        {"on_time", r.on_time}, {"on_time_rate", rate(r.on_time, r.issued)}, {"unlawful", r.unlawful},
                        {"unlawful_share", rate(r.unlawful, r.issued)}, {"with_changes", r.with_changes}, {"open", r.open},
                        {"overdue", r.overdue}, {"corrected", r.corrected}};
  };
  json::array rows, years;
  for (auto const& r : f.rows) rows.push_back(row(r));
  for (auto const y : f.years) years.push_back(y);
  auto total = row(f.total);
  total.erase("region_id");
  return {{"year", f.year}, {"years", std::move(years)}, {"rows", std::move(rows)}, {"total", std::move(total)}};
}

json::object case_figures_json(CaseFigures const& f) {
  auto row = [](CaseFigureRow const& r) {
    return json::object{{"unit_id", r.unit_id},
                        {"unit_name", r.unit_name},
                        {"reconsiderations", r.reconsiderations},
                        {"reconsiderations_closed", r.reconsiderations_closed},
                        {"corrected", r.corrected},
                        {"correction_rate", rate(r.corrected, r.reconsiderations_closed)},
                        {"lawsuits", r.lawsuits},
                        {"lawsuits_closed", r.lawsuits_closed},
                        {"lost", r.lost},
                        {"loss_rate", rate(r.lost, r.lawsuits_closed)},
                        {"hearings", r.lawsuits},  // every lawsuit is a hearing the head may attend
                        {"head_appeared", r.head_appeared},
                        {"appearance_rate", rate(r.head_appeared, r.lawsuits)}};
  };
  json::array rows, years;
  for (auto const& r : f.rows) rows.push_back(row(r));
  for (auto const y : f.years) years.push_back(y);
  auto total = row(f.total);
  total.erase("unit_id");
  return {{"year", f.year}, {"years", std::move(years)}, {"rows", std::move(rows)}, {"total", std::move(total)}};
}

std::vector<Point> points_in(json::object const& body) {
  std::vector<Point> out;
  auto const found = body.find("points");
  if (found == body.end() || found->value().is_null()) return out;
  if (!found->value().is_array()) throw ApiError(AppError::validation_failed, "审核意见格式不正确", "points");
  auto const& items = found->value().as_array();
  if (items.size() > 30) throw ApiError(AppError::validation_failed, "审核意见不能超过 30 条", "points");
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto const field = fmt::format("points[{}]", i);
    if (!items[i].is_object()) throw ApiError(AppError::validation_failed, "审核意见格式不正确", field);
    auto const& o = items[i].as_object();
    Point p;
    p.text = http::opt_string(o, "text", "意见", 2000).value_or("");
    if (auto const c = o.find("citations"); c != o.end() && !c->value().is_null()) {
      if (!c->value().is_array()) throw ApiError(AppError::validation_failed, "引用条文格式不正确", field + ".citations");
      auto const& cited = c->value().as_array();
      if (cited.size() > 10) throw ApiError(AppError::validation_failed, "每条意见最多引用 10 个条文", field + ".citations");
      for (std::size_t j = 0; j < cited.size(); ++j) {
        if (!cited[j].is_string() || cited[j].as_string().size() > 200) {
          throw ApiError(AppError::validation_failed, "引用条文应为法律名称和条号", fmt::format("{}.citations[{}]", field, j));
        }
        std::string written(cited[j].as_string());
        if (!written.empty()) p.citations.push_back(std::move(written));
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::int64_t> file_ids_in(json::object const& body) {
  std::vector<std::int64_t> out;
  auto const found = body.find("file_ids");
  if (found == body.end() || found->value().is_null()) return out;
  if (!found->value().is_array()) throw ApiError(AppError::validation_failed, "附件格式不正确", "file_ids");
  for (std::size_t i = 0; i < found->value().as_array().size(); ++i) {
    auto const& v = found->value().as_array()[i];
    if (!v.is_int64() || v.as_int64() <= 0) throw ApiError(AppError::validation_failed, "附件格式不正确", fmt::format("file_ids[{}]", i));
    out.push_back(v.as_int64());
  }
  return out;
}

CaseInput case_in(json::object const& body) {
  CaseInput in;
  in.kind = http::req_string(body, "kind", "案件类型", 20);
  in.case_no = http::req_string(body, "case_no", "案号", 60);
  auto const unit = http::opt_int(body, "unit_id", "被申请人（被告）");
  if (!unit) throw ApiError(AppError::validation_failed, "请选择被申请人（被告）单位", "unit_id");
  in.unit_id = *unit;
  in.cause = http::req_string(body, "cause", "案由", 500);
  in.applicant = http::opt_string(body, "applicant", "申请人（原告）", 60);
  in.filed_on = http::req_string(body, "filed_on", "立案日期", 10);
  in.closed_on = http::opt_string(body, "closed_on", "结案日期", 10);
  if (in.closed_on && in.closed_on->empty()) in.closed_on.reset();
  in.outcome = http::opt_string(body, "outcome", "结果", 20);
  if (in.outcome && in.outcome->empty()) in.outcome.reset();
  in.head_appeared = http::opt_bool(body, "head_appeared", "负责人出庭应诉");
  in.submission_id = http::opt_int(body, "submission_id", "送审件");
  in.note = http::opt_string(body, "note", "备注", 1000).value_or("");
  return in;
}

RulesInput rules_in(json::object const& body) {
  RulesInput in;
  in.region_id = http::opt_int(body, "region_id", "村(社区)").value_or(0);
  in.title = http::req_string(body, "title", "名称", 100);
  in.text = http::req_string(body, "text", "正文", 20000);
  in.adopted_on = http::req_string(body, "adopted_on", "通过日期", 10);
  return in;
}

}  // namespace pufa::legality
