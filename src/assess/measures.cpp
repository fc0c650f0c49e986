#include "assess/measures.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "activity/library.hpp"
#include "content/library.hpp"
#include "duty/library.hpp"
#include "exam/library.hpp"
#include "http/error.hpp"
#include "legality/library.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

bool is_rate(std::string_view s) {
  return s == source::exam_pass_rate || s == source::duty_done_rate || s == source::head_appearance_rate;
}

void check_measure(db::Connection& conn, Measure const& m, std::string const& field) {
  if (std::find(std::begin(sources), std::end(sources), m.source) == std::end(sources)) {
    throw ApiError(AppError::unprocessable, fmt::format("未知的数据来源「{}」", m.source), field + ".source");
  }
  bool const ledger = m.source == source::activity;
  if ((m.theme || m.form || m.six_place) && !ledger) {
    throw ApiError(AppError::unprocessable, "只有普法活动可按主题、形式和“法律六进”筛选", field + ".source");
  }
  if (m.study_kind && m.source != source::study_record) {
    throw ApiError(AppError::unprocessable, "只有学法记录可按学法形式筛选", field + ".study_kind");
  }
  if (m.theme && !activity::library::theme_exists(conn, *m.theme)) {
    throw ApiError(AppError::unprocessable, fmt::format("活动主题「{}」不在字典中", *m.theme), field + ".theme");
  }
  if (m.form && !activity::library::has_choice("activity_form", *m.form)) {
    throw ApiError(AppError::unprocessable, fmt::format("未知的活动形式「{}」", *m.form), field + ".form");
  }
  if (m.six_place && !activity::library::has_choice("six_place", *m.six_place)) {
    throw ApiError(AppError::unprocessable, fmt::format("未知的“法律六进”场所「{}」", *m.six_place), field + ".six_place");
  }
  if (m.study_kind && !activity::library::has_choice("study_kind", *m.study_kind)) {
    throw ApiError(AppError::unprocessable, fmt::format("未知的学法形式「{}」", *m.study_kind), field + ".study_kind");
  }
}

std::string measure_words(Measure const& m) {
  if (m.source == source::activity) {
    std::string words = "普法活动";
    if (m.theme) words = "「" + *m.theme + "」主题" + words;
    if (m.six_place) words += "（法律六进·" + *m.six_place + "）";
    if (m.form) words += "（形式 " + *m.form + "）";
    return words;
  }
  if (m.source == source::study_record) return m.study_kind ? "学法记录（" + *m.study_kind + "）" : "学法记录";
  if (m.source == source::article) return "本单位发布的普法文章";
  if (m.source == source::exam_sat) return "参加学法考试人次";
  if (m.source == source::exam_pass_rate) return "学法考试合格率";
  if (m.source == source::head_appearance_rate) return "行政机关负责人出庭应诉率";
  return "普法责任清单任务完成率";
}

Counter::Counter(db::Connection& conn, std::vector<org::directory::Unit> units, std::string from, std::string to,
                 std::string today, std::string region_path)
    : conn_(conn), units_(std::move(units)), from_(std::move(from)), to_(std::move(to)), today_(std::move(today)),
      region_path_(std::move(region_path)) {}

std::vector<int> Counter::years() const {
  std::vector<int> out;
  for (int y = std::stoi(from_.substr(0, 4)); y <= std::stoi(to_.substr(0, 4)); ++y) out.push_back(y);
  return out;
}

int Counter::year_index(std::string const& day) const { return std::stoi(day.substr(0, 4)) - std::stoi(from_.substr(0, 4)); }

std::vector<Counter::Fact> const& Counter::facts(std::string const& kind) {
  auto found = facts_.find(kind);
  if (found != facts_.end()) return found->second;
  std::vector<std::int64_t> ids;
  for (auto const& u : units_) ids.push_back(u.id);
  std::vector<Fact> out;
  // The responsibility system's digests of the ledger: a unit-year per row, current with every ledger write.
  for (auto& f : duty::library::ledger_facts(conn_, kind, ids, from_, to_)) {
    out.push_back({f.unit_id, std::move(f.day), std::move(f.theme), std::move(f.form), std::move(f.six_place),
                   std::move(f.study_kind)});
  }
  return facts_[kind] = std::move(out);
}

namespace {

bool matches(std::optional<std::string> const& want, std::optional<std::string> const& have) { return !want || want == have; }
bool matches(std::optional<std::string> const& want, std::string_view have) { return !want || *want == have; }

std::string signature(Measure const& m) {
  return m.source + '|' + m.theme.value_or("") + '|' + m.form.value_or("") + '|' + m.six_place.value_or("") + '|' +
         m.study_kind.value_or("");
}

}  // namespace

void Counter::expect(std::vector<Measure> const& measures) {
  std::vector<std::int64_t> ids;
  for (auto const& u : units_) ids.push_back(u.id);
  auto const first = std::stoi(from_.substr(0, 4));
  auto const years = this->years().size();
  for (auto kind : {source::activity, source::study_record}) {
    std::vector<Measure const*> wanted;
    std::vector<std::unordered_map<std::int64_t, std::vector<double>>*> slots;
    for (auto const& m : measures) {
      if (m.source != kind) continue;
      auto const key = signature(m);
      if (counted_.contains(key)) continue;
      wanted.push_back(&m);
      slots.push_back(&counted_[key]);
    }
    if (wanted.empty()) continue;
    duty::library::for_each_fact(
        conn_, kind == source::activity ? activity::library::activity_kind : activity::library::study_kind, ids, from_, to_,
        [&](std::int64_t unit, std::string_view day, std::string_view theme, std::string_view form, std::string_view place,
            std::string_view study) {
          auto const year = static_cast<std::size_t>((day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0') - first);
          for (std::size_t i = 0; i < wanted.size(); ++i) {
            auto const& m = *wanted[i];
            if (!matches(m.theme, theme) || !matches(m.form, form) || !matches(m.six_place, place) ||
                !matches(m.study_kind, study)) {
              continue;
            }
            auto& counts = (*slots[i])[unit];
            if (counts.empty()) counts.assign(years, 0);
            if (year < years) counts[year] += 1;
          }
        });
  }
}

Found Counter::found(Measure const& m, std::int64_t unit_id) {
  auto const years = this->years();
  Found out;
  out.per_year.assign(years.size(), 0);
  auto count = [&](std::string const& day, double n = 1) {
    if (day < from_ || day > to_) return;
    out.value += n;
    auto const y = year_index(day);
    if (y >= 0 && y < static_cast<int>(out.per_year.size())) out.per_year[static_cast<std::size_t>(y)] += n;
  };
  if (auto const counted = counted_.find(signature(m)); counted != counted_.end()) {
    if (auto const unit = counted->second.find(unit_id); unit != counted->second.end()) {
      out.per_year = unit->second;
      for (auto v : out.per_year) out.value += v;
    }
    return out;
  }
  if (m.source == source::activity || m.source == source::study_record) {
    auto const& all = facts(m.source == source::activity ? std::string(activity::library::activity_kind)
                                                         : std::string(activity::library::study_kind));
    auto const first = std::lower_bound(all.begin(), all.end(), unit_id, [](Fact const& f, std::int64_t u) { return f.unit_id < u; });
    for (auto it = first; it != all.end() && it->unit_id == unit_id; ++it) {
      if (matches(m.theme, it->theme) && matches(m.form, it->form) && matches(m.six_place, it->six_place) &&
          matches(m.study_kind, it->study_kind)) {
        count(it->day);
      }
    }
    return out;
  }
  auto const unit = std::find_if(units_.begin(), units_.end(), [&](auto const& u) { return u.id == unit_id; });
  if (m.source == source::article) {
    if (!articles_.contains(unit_id)) {
      auto& days = articles_[unit_id];
      if (unit != units_.end()) {
        for (auto const& a : content::library::published_by(conn_, unit->name, "", 5000)) {
          if (a.published_on) days.push_back(*a.published_on);
        }
      }
    }
    for (auto const& day : articles_[unit_id]) count(day);
    return out;
  }
  if (m.source == source::exam_sat || m.source == source::exam_pass_rate) {
    if (!sittings_.contains(unit_id)) {
      auto& list = sittings_[unit_id];
      for (auto const& s : exam::library::unit_sittings(conn_, unit_id, "", 1000)) list.push_back({s.day, s.sat, s.passed});
    }
    double sat = 0, passed = 0;
    for (auto const& s : sittings_[unit_id]) {
      if (s.day < from_ || s.day > to_) continue;
      sat += static_cast<double>(s.sat);
      passed += static_cast<double>(s.passed);
      count(s.day, static_cast<double>(s.sat));
    }
    if (m.source == source::exam_pass_rate) {
      out.any = sat > 0;
      out.value = sat > 0 ? passed * 100.0 / sat : 0;
      out.per_year.clear();
    }
    return out;
  }
  // The lawsuits filed in the period's years in which the body's head appeared in court.
  if (m.source == source::head_appearance_rate) {
    double lawsuits = 0, appeared = 0;
    for (auto const year : years) {
      auto const counts = legality::library::case_counts(conn_, unit_id, year);
      lawsuits += static_cast<double>(counts.lawsuits);
      appeared += static_cast<double>(counts.head_appeared);
    }
    out.any = lawsuits > 0;
    out.value = lawsuits > 0 ? appeared * 100.0 / lawsuits : 0;
    out.per_year.clear();
    return out;
  }
  // Tasks done over tasks due, every year of the period together.
  if (!tasks_) {
    tasks_.emplace();
    for (std::size_t y = 0; y < years.size(); ++y) {
      for (auto const& [unit, c] : duty::library::completion(conn_, region_path_, years[y], today_)) {
        auto& per = (*tasks_)[unit];
        per.resize(years.size());
        per[y] = {c.tasks, c.done};
      }
    }
  }
  double tasks = 0, done = 0;
  if (auto const it = tasks_->find(unit_id); it != tasks_->end()) {
    for (auto const& [t, d] : it->second) {
      tasks += static_cast<double>(t);
      done += static_cast<double>(d);
    }
  }
  out.any = tasks > 0;
  out.value = tasks > 0 ? done * 100.0 / tasks : 0;
  out.per_year.clear();
  return out;
}

std::vector<EvidenceRef> Counter::records(Measure const& m, std::int64_t unit_id, std::size_t limit) {
  std::vector<EvidenceRef> out;
  if (m.source == source::activity || m.source == source::study_record) {
    activity::library::Criteria criteria{.kind = m.source == source::activity ? std::string(activity::library::activity_kind)
                                                                              : std::string(activity::library::study_kind),
                                         .unit_id = unit_id, .from = from_, .to = to_, .theme = m.theme, .form = m.form,
                                         .six_place = m.six_place, .study_kind = m.study_kind};
    auto matches = activity::library::matching(conn_, criteria, 100000);
    std::reverse(matches.begin(), matches.end());
    for (auto& r : matches) {
      if (out.size() >= limit) break;
      out.push_back({criteria.kind, r.id, std::move(r.title), std::move(r.date)});
    }
    return out;
  }
  auto const unit = std::find_if(units_.begin(), units_.end(), [&](auto const& u) { return u.id == unit_id; });
  if (unit == units_.end()) return out;
  if (m.source == source::article) {
    for (auto& a : content::library::published_by(conn_, unit->name, "", 5000)) {
      if (!a.published_on || *a.published_on < from_ || *a.published_on > to_) continue;
      if (out.size() >= limit) break;
      out.push_back({"article", a.id, std::move(a.title), *a.published_on});
    }
    return out;
  }
  if (m.source == source::exam_sat || m.source == source::exam_pass_rate) {
    for (auto& s : exam::library::unit_sittings(conn_, unit_id, "", 1000)) {
      if (s.day < from_ || s.day > to_) continue;
      if (out.size() >= limit) break;
      out.push_back({"exam", s.exam_id, fmt::format("{}（参考 {} 人，合格 {} 人）", s.title, s.sat, s.passed), s.day});
    }
  }
  return out;
}

}  // namespace pufa::assess
