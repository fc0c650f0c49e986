// Dashboard counters of the ledger and the study records, kept current on every write, and
// the dashboard and calendar read from them.
#pragma once

#include <cstdint>
#include <string>

#include "activity/model.hpp"
#include "db/database.hpp"
#include "registry/registry.hpp"

namespace pufa::activity {

// Adds (sign +1) or takes away (sign -1) what one record counts for.
void count_activity(db::Connection& conn, registry::Record const& record, int sign);
void count_study(db::Connection& conn, registry::Record const& record, int sign);
// Recomputes every counter from the records (after a bulk load, a migration, or to repair).
void rebuild_counters(db::Connection& conn);

// The year's figures for a scope (the root: the whole city; or a township).
Dashboard dashboard(db::Connection& conn, int year, std::int64_t scope_id);

// The month's days: campaign dates and what was recorded on each day, by unit.
Calendar calendar(db::Connection& conn, int year, int month, std::string const& region_path);

}  // namespace pufa::activity
