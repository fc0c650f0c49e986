#include "org/stats.hpp"

#include "auth/regions.hpp"
#include "org/store.hpp"

namespace pufa::org {

std::vector<Figure> overview(db::Connection& conn, std::string const& region_path, std::string const& today) {
  namespace regions = auth::regions;
  auto const c = store::counts(conn, region_path, today);
  std::vector<std::int64_t> townships;
  for (auto const& town : regions::at_level(conn, region_path, regions::township_level)) townships.push_back(town.id);
  return {
      {"townships", regions::count_at_level(conn, region_path, regions::township_level)},
      {"villages", regions::count_at_level(conn, region_path, regions::village_level)},
      {"units", c.units},
      {"schools", c.schools},
      {"schools_with_vice_principal", c.schools_with_vice_principal},
      {"vice_principals", c.vice_principals},
      {"schools_with_advisor", c.schools_with_advisor},
      {"villages_with_advisor", c.villages_with_advisor},
      {"people", c.people},
      {"lecturer_teams", c.lecturer_teams},
      {"places", c.places},
      {"township_constitution_rooms", store::places_at(conn, "constitution_room", townships)},
      {"volunteers", c.volunteers},
      {"legal_advisors", c.legal_advisors},
  };
}

}  // namespace pufa::org
