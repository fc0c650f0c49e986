// What waits for the signed-in user in the assessment (the to-do centre's provider): sheets to hand in,
// units to inspect, rectifications to answer or to decide.
#include <algorithm>
#include <set>

#include "assess/common.hpp"
#include "assess/store.hpp"

namespace pufa::assess {

std::vector<todo::Item> AssessService::todo(auth::Principal const& caller) const {
  std::vector<todo::Item> out;
  bool const coordinator = caller.has(manage);
  bool const liaison = caller.has(self);
  bool const inspector = caller.has(inspect);
  if (!coordinator && !liaison && !inspector) return out;
  std::int64_t to_submit = 0, to_inspect = 0, to_answer = 0, to_decide = 0;
  db_.read([&](db::Connection& conn) {
    for (auto const& round : store::all_rounds(conn)) {
      if (round.status == round_status::draft) continue;
      bool const runs_it = coordinator && caller.covers(round.region_path);
      auto units = store::units(conn, round.id);
      // The units the caller acts for as their liaison (the coordinator's are all its own, not its work);
      // only then are the units' places read.
      std::set<std::int64_t> own;
      if (liaison && !runs_it) {
        name_units(conn, units);
        for (auto const& u : units) {
          if (acts_for(caller, {.id = u.unit_id, .region_path = u.region_path})) own.insert(u.id);
        }
      }
      if (round.status == round_status::self_assess) {
        for (auto const& u : units) to_submit += own.contains(u.id) && u.status == unit_status::pending;
      }
      if (inspector && round.status == round_status::inspection) {
        for (auto const& g : store::groups(conn, round.id)) {
          if (!in_group(g, caller.user_id)) continue;
          for (auto const& u : units) to_inspect += u.group_id == g.id && u.status != unit_status::confirmed;
        }
      }
      if (!runs_it && own.empty()) continue;
      for (auto const& fix : store::fixes(conn, round.id, std::nullopt)) {
        if (runs_it && fix.status == fix_status::answered) ++to_decide;
        if (own.contains(fix.round_unit_id) && (fix.status == fix_status::open || fix.status == fix_status::returned)) ++to_answer;
      }
    }
  });
  if (liaison) out.push_back({"assess.sheets.submit", to_submit});
  if (inspector) out.push_back({"assess.units.inspect", to_inspect});
  if (liaison) out.push_back({"assess.fixes.answer", to_answer});
  if (coordinator) out.push_back({"assess.fixes.decide", to_decide});
  return out;
}

}  // namespace pufa::assess
