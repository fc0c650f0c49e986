// Excel for the registries: export of a filtered list, the import template, and the
// all-or-nothing import that reports every bad row.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.hpp"

namespace pufa::registry {

inline constexpr std::size_t max_import_rows = 20'000;
inline constexpr std::size_t max_reported_rows = 200;
inline constexpr std::int64_t max_export_rows = 100'000;

std::string export_xlsx(Registry const& registry, std::vector<Record> const& records, bool reveal);
std::string template_xlsx(Registry const& registry);

// Validates every row and writes them all, or throws ApiError(import_failed) with
// "rows": [{"row","field","message"}] and writes nothing. Row numbers are the sheet's (header = 1).
// `created` runs for each new record inside the same transaction (counters, hooks).
std::size_t import_xlsx(db::Connection& conn, auth::Principal const& caller,
                        Registry const& registry, std::string_view bytes,
                        std::function<void(std::int64_t id)> const& created = {});

}  // namespace pufa::registry
