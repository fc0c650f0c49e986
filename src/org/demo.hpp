// The Lanxi organisation demo: regions, units, schools, people, teams and places with the
// seed's figures. Deterministic; a second run changes nothing.
#pragma once

#include "db/database.hpp"

namespace pufa::org {

// Returns false when the data was already there.
bool load_demo(db::Connection& conn);

}  // namespace pufa::org
