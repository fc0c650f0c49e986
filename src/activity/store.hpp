// The activity area's own SQL beyond the registry engine: the review status of a record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/database.hpp"

namespace pufa::activity {

// `table` is activities or study_records; a reason goes with 已退回, none with 已提交.
void set_status(db::Connection& conn, std::string const& table, std::int64_t id,
                std::string_view status, std::optional<std::string> const& reason);

}  // namespace pufa::activity
