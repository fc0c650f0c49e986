// What other areas read of the legality area: whether a village's 村规民约 is reviewed and lawful
// (the rule-of-law village criteria). Its tables are touched only by legality/store.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "db/database.hpp"

namespace pufa::legality::library {

// Per village region id in the subtree that has a 村规民约: whether its current text was reviewed
// and found lawful (合法 or 修改后合法). A village without one is absent.
std::map<std::int64_t, bool> village_rules_lawful(db::Connection& conn, std::string const& region_path);

// A body's 行政复议 and 行政诉讼 of a year (by filing date), as the 法治政府 indicators count them.
struct CaseCounts {
  std::int64_t reconsiderations = 0, reconsiderations_closed = 0, corrected = 0;
  std::int64_t lawsuits = 0, lawsuits_closed = 0, lost = 0, head_appeared = 0;
};
CaseCounts case_counts(db::Connection& conn, std::int64_t unit_id, int year);
// Adds `other`'s counts to `into`.
void add(CaseCounts& into, CaseCounts const& other);

}  // namespace pufa::legality::library
