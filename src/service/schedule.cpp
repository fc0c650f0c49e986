#include "service/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace pufa::service {

namespace {

std::optional<std::string> reason(calendar::Calendar const& cal, std::string const& nominal) {
  if (cal.is_working_day(nominal)) return std::nullopt;
  if (calendar::weekday(nominal) <= 5) return "holiday";
  // A Saturday or Sunday: a holiday when the next working day is later than the Monday after it.
  auto const next = cal.add_working_days(nominal, 1);
  auto const monday = calendar::date_of(calendar::day_number(nominal) + (8 - calendar::weekday(nominal)));
  return next > monday ? "holiday" : "weekend";
}

bool in_force(Term const& t, std::string const& day) { return t.starts_on <= day && (!t.ends_on || *t.ends_on >= day); }

}  // namespace

std::vector<PlannedDay> plan_year(Standard const& standard, calendar::Calendar const& cal, int year,
                                  std::vector<Term> const& terms, std::string const& from_day, Taken const& taken) {
  std::vector<PlannedDay> out;
  auto const n = static_cast<int>(standard.days_of_month.size());
  if (n == 0) return out;
  std::set<std::pair<std::int64_t, std::string>> village_dates(taken.village_dates.begin(), taken.village_dates.end());
  std::map<std::pair<std::int64_t, std::string>, int> load;
  for (auto const& a : taken.advisor_dates) ++load[a];
  // One advisor's villages in a stable order: the rotation gives each a different share of the listed days.
  std::map<std::int64_t, std::vector<Term const*>> by_advisor;
  for (auto const& t : terms) by_advisor[t.advisor_id].push_back(&t);
  for (auto& [advisor, list] : by_advisor) {
    std::sort(list.begin(), list.end(), [](Term const* a, Term const* b) {
      return a->village_id != b->village_id ? a->village_id < b->village_id : a->starts_on < b->starts_on;
    });
  }
  for (int month = 1; month <= 12; ++month) {
    for (auto const& [advisor, list] : by_advisor) {
      int slot = 0;  // the rotation's position among this advisor's villages
      std::int64_t last_village = 0;
      for (auto const* t : list) {
        if (t->village_id == last_village) continue;  // a renewed contract: the village once
        last_village = t->village_id;
        auto const k = std::min(n, t->remote ? standard.remote_days : standard.town_days);
        for (int j = 0; j < k; ++j) {
          auto const d = standard.days_of_month[static_cast<std::size_t>((slot + j) % n)];
          auto const nominal = fmt::format("{:04}-{:02}-{:02}", year, month, d);
          // The term in force on the listed day (a contract may change hands within the month).
          Term const* term = nullptr;
          for (auto const* c : list) {
            if (c->village_id == t->village_id && in_force(*c, nominal)) term = c;
          }
          if (!term) continue;
          auto moved = reason(cal, nominal);
          auto planned = moved ? cal.add_working_days(nominal, 1) : nominal;
          for (int tries = 0; tries < 20; ++tries) {
            if (!village_dates.contains({t->village_id, planned}) && load[{advisor, planned}] < standard.villages_per_day) break;
            planned = cal.add_working_days(planned, 1);
            moved = "full";
          }
          if (planned.substr(0, 4) != std::to_string(year) || planned < from_day || !in_force(*term, planned)) continue;
          village_dates.insert({t->village_id, planned});
          ++load[{advisor, planned}];
          out.push_back({t->village_id, advisor, term->contract_id, nominal, planned, moved});
        }
        slot += k;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](PlannedDay const& a, PlannedDay const& b) {
    return a.planned_on != b.planned_on ? a.planned_on < b.planned_on : a.village_id < b.village_id;
  });
  return out;
}

}  // namespace pufa::service
