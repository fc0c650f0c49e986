// What other areas read of the responsibility system: how far units got with their tasks of a year
// (assessment scores 责任清单 completion from it). The area's tables are touched only by its files.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "db/database.hpp"

namespace pufa::duty::library {

struct Completion {
  std::int64_t tasks = 0, done = 0;  // done: on time or late, as the records or the coordinator judge it today
};

// Every unit with tasks of the year in the subtree at `region_path`, judged as of `today` (a Shanghai date).
std::map<std::int64_t, Completion> completion(db::Connection& conn, std::string const& region_path, int year,
                                              std::string const& today);

}  // namespace pufa::duty::library
