// What the duty use cases share: who may do what to which unit, and the units they name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "duty/model.hpp"
#include "org/directory.hpp"

namespace pufa::duty {

inline constexpr std::string_view manage = "duty.manage";
inline constexpr std::string_view respond = "duty.respond";

// 403 unless the caller holds one of the area's permissions.
void require_duty(auth::Principal const& caller);
void require_manage(auth::Principal const& caller);
// Whether the caller acts for the unit: the coordinator and region-scoped liaisons for every unit
// in their subtree, a liaison bound to a unit for that unit only.
bool acts_for(auth::Principal const& caller, org::directory::Unit const& unit);
// The unit, or 422 naming `field` when there is none.
org::directory::Unit unit_or_fail(db::Connection& conn, std::int64_t id, std::string const& field);
// 403 out_of_scope unless acts_for.
void require_unit(auth::Principal const& caller, org::directory::Unit const& unit);
std::string today();
std::map<std::int64_t, std::string> names_of(db::Connection& conn, std::vector<std::int64_t> ids);
// What the views show beside the stored ids and texts, resolved by the use cases (routes render
// without the database): points' unit names, items' laws linked to the library, lists' unit names.
void name_units(db::Connection& conn, std::vector<Point>& points);
void link_laws(db::Connection& conn, std::vector<ListItem>& items);
void name_lists(db::Connection& conn, std::vector<DutyList>& lists);

}  // namespace pufa::duty
