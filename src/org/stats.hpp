// Headline counts of the organisation area in a subtree (GET /api/v1/stats/overview).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace pufa::org {

struct Figure {
  std::string_view key;
  std::int64_t value = 0;
};

// `today` (a Shanghai date) bounds the terms and contracts in force.
std::vector<Figure> overview(db::Connection& conn, std::string const& region_path, std::string const& today);

}  // namespace pufa::org
