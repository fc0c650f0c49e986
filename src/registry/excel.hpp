// Excel for the registries: export of a filtered list, the import template, and reading an
// uploaded workbook (or CSV) into rows keyed by field. Reading happens before any transaction
// opens: parsing is CPU work that must not hold the writer. docs/registry.md has the rules.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.hpp"

namespace pufa::registry {

inline constexpr std::size_t max_import_rows = 20'000;
inline constexpr std::int64_t max_export_rows = 100'000;

// Column titles outside the entity's fields that exports and templates write and imports know.
inline constexpr std::string_view id_header = "系统编号";        // export: the record's id; import: update it
inline constexpr std::string_view example_header = "示例";       // template: marks the example row
inline constexpr std::string_view reason_header = "错误原因";    // the failed-rows workbook
inline constexpr std::string_view row_header = "原行号";         // the failed-rows workbook
inline constexpr std::string_view serial_header = "序号";        // people number their rows

// Records whose name is not unique where an import would look it up, by field index: the
// export writes them as "钟平（编号57）", which the import reads back exactly.
using Ambiguous = std::map<std::size_t, std::set<std::int64_t>>;

std::string export_xlsx(Registry const& registry, std::vector<Record> const& records, bool reveal,
                        Ambiguous const& ambiguous);
std::string template_xlsx(Registry const& registry);

// One data row of an upload: its number in the sheet (the header's is counted), the id it
// updates, its cells by field as text ready for from_row, and what was wrong before any lookup
// (an ID number Excel has rounded, a masked phone on a new row).
struct ImportRow {
  std::size_t number = 0;
  std::optional<std::int64_t> id;
  std::vector<std::pair<Field const*, std::string>> cells;
  std::map<std::string, std::string> originals;  // field key → the cell as typed (for messages)
  std::optional<std::pair<std::string, std::string>> problem;  // field, message
  std::vector<std::string> shown;  // the row's cells as displayed, for the failed-rows workbook
};

struct ImportFile {
  std::string sheet;           // the tab that was read ("" for CSV)
  std::size_t header_row = 1;  // 1-based
  std::vector<std::string> headers;
  std::vector<ImportRow> rows;
  std::size_t examples = 0;  // template example rows left out
};

// Throws ApiError(validation_failed, field "file") with a message saying what to do: not a
// workbook (an .xls: save as .xlsx), no header row, an unknown or repeated column, a required
// column missing, no data (or only the template's example), too many rows.
ImportFile read_import(Registry const& registry, std::string_view bytes);

// The failed rows of an upload as a workbook to fix and import again: the headers read, then
// 错误原因 and 原行号 (both ignored by the import).
struct Failure {
  std::size_t row = 0;
  std::string field;
  std::string message;
};
std::string failed_rows_xlsx(Registry const& registry, ImportFile const& file, std::vector<Failure> const& failures);

// The lookup scope of a reference field: the whole city for a shared one, else the caller's subtree.
std::string lookup_scope(Field const& field, auth::Principal const& caller);

// Field indexes of references whose shown name is not unique in the lookup scope, with the ids to qualify.
Ambiguous ambiguous_names(db::Connection& conn, Registry const& registry, auth::Principal const& caller,
                          std::vector<Record> const& records);

}  // namespace pufa::registry
