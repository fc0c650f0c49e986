// Excel for the registries: export of a filtered list, the import template, and reading an
// uploaded workbook into rows keyed by field (done before any transaction opens: parsing is CPU
// work that must not hold the writer).
#pragma once

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

// An uploaded sheet: for each data row its number in the sheet (header = 1) and its cells by field.
struct ImportRow {
  std::size_t number = 0;
  std::vector<std::pair<Field const*, std::string>> cells;
};

// Throws ApiError(validation_failed, field "file") for a file that is not a workbook, has no data,
// too many rows or a header that matches no field.
std::vector<ImportRow> read_import(Registry const& registry, std::string_view bytes);

}  // namespace pufa::registry
