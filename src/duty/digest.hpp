// A digest of the ledger per (kind, unit, year), kept by the ledger's own writes (activity's change
// observer, in the write's transaction): what the rules look at of each record — its day, theme,
// form, 法律六进 place or study kind — one text row per unit-year. Judging 10,000 tasks reads 200
// digests instead of a quarter of a million ledger rows (docs/benchmarks.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace pufa::duty::digest {

// Rebuilds one unit-year from the ledger (activity/library.hpp `facts`); the change observer.
void rebuild(db::Connection& conn, std::string_view kind, std::int64_t unit_id, int year);
// Every unit-year with records, from scratch (the migration that creates the digests, loaders
// that write the ledger directly: the demo, the benchmark).
void rebuild_all(db::Connection& conn);
// The digests of these units for (kind, year): (unit, text). A line per record, oldest first:
// day \t theme \t form \t six_place \t study_kind (empty when absent).
std::vector<std::pair<std::int64_t, std::string>> read(db::Connection& conn, std::string_view kind, int year,
                                                      std::vector<std::int64_t> const& unit_ids);

}  // namespace pufa::duty::digest
