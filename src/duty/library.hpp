// What other areas read of the responsibility system: how far units got with their tasks of a year
// (assessment scores 责任清单 completion from it). The area's tables are touched only by its files.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "activity/library.hpp"
#include "db/database.hpp"

namespace pufa::duty::library {

struct Completion {
  std::int64_t tasks = 0, done = 0;  // done: on time or late, as the records or the coordinator judge it today
};

// Every unit with tasks of the year in the subtree at `region_path`, judged as of `today` (a Shanghai date).
std::map<std::int64_t, Completion> completion(db::Connection& conn, std::string const& region_path, int year,
                                              std::string const& today);

// The units' ledger records of a kind (activity | study_record) dated in [from, to] (Shanghai dates), as
// activity/library.hpp `facts` gives them (by unit, then day), read from the digests this area keeps of the
// ledger (duty/digest.hpp: one text row per unit-year, current with every ledger write): a year of 400
// units is 400 rows, not a quarter of a million.
// The same one record at a time, without copying (day, theme, form, six_place, study_kind; "" when absent).
using FactVisitor = std::function<void(std::int64_t unit_id, std::string_view day, std::string_view theme, std::string_view form,
                                       std::string_view six_place, std::string_view study_kind)>;
void for_each_fact(db::Connection& conn, std::string_view kind, std::vector<std::int64_t> const& unit_ids,
                   std::string const& from, std::string const& to, FactVisitor const& visit);
std::vector<activity::library::Fact> ledger_facts(db::Connection& conn, std::string_view kind,
                                                  std::vector<std::int64_t> const& unit_ids, std::string const& from,
                                                  std::string const& to);

}  // namespace pufa::duty::library
