// What other areas read of the service area: an advisor's verified service days per village (the
// rule-of-law village criteria). Its tables are touched only by service/store.cpp and aid_store.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "db/database.hpp"

namespace pufa::service::library {

// Verified service days of a year per village region id in the subtree.
std::map<std::int64_t, std::int64_t> verified_days(db::Connection& conn, std::string const& region_path, int year);

}  // namespace pufa::service::library
