#include "duty/library.hpp"

#include <algorithm>
#include <iterator>

#include "duty/digest.hpp"
#include "duty/judged.hpp"

namespace pufa::duty::library {

std::map<std::int64_t, Completion> completion(db::Connection& conn, std::string const& region_path, int year,
                                              std::string const& today) {
  std::map<std::int64_t, Completion> out;
  for (auto const& view : judged_tasks(conn, region_path, year, today)) {
    auto& c = out[view.task.unit_id];
    ++c.tasks;
    if (view.progress.state == "done" || view.progress.state == "late") ++c.done;
  }
  return out;
}

void for_each_fact(db::Connection& conn, std::string_view kind, std::vector<std::int64_t> const& unit_ids,
                   std::string const& from, std::string const& to, FactVisitor const& visit) {
  for (int year = std::stoi(from.substr(0, 4)); year <= std::stoi(to.substr(0, 4)); ++year) {
    for (auto const& [unit, text] : digest::read(conn, kind, year, unit_ids)) {
      std::string_view rest(text);
      while (!rest.empty()) {
        auto const end = rest.find('\n');
        auto line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        std::string_view parts[5];
        for (auto& part : parts) {
          auto const tab = line.find('\t');
          part = line.substr(0, tab);
          line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
        }
        if (parts[0].size() != 10 || parts[0] < from || parts[0] > to) continue;
        visit(unit, parts[0], parts[1], parts[2], parts[3], parts[4]);
      }
    }
  }
}

std::vector<activity::library::Fact> ledger_facts(db::Connection& conn, std::string_view kind,
                                                  std::vector<std::int64_t> const& unit_ids, std::string const& from,
                                                  std::string const& to) {
  std::map<std::int64_t, std::vector<activity::library::Fact>> by_unit;  // each digest oldest first, the years in order
  auto field = [](std::string_view part) -> std::optional<std::string> {
    if (part.empty()) return std::nullopt;
    return std::string(part);
  };
  for_each_fact(conn, kind, unit_ids, from, to,
                [&](std::int64_t unit, std::string_view day, std::string_view theme, std::string_view form,
                    std::string_view place, std::string_view study) {
                  by_unit[unit].push_back({unit, std::string(day), field(theme), field(form), field(place), field(study)});
                });
  std::vector<activity::library::Fact> out;
  for (auto& [unit, facts] : by_unit) std::move(facts.begin(), facts.end(), std::back_inserter(out));
  return out;
}

}  // namespace pufa::duty::library
