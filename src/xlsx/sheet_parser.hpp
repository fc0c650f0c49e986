// A worksheet part (xl/worksheets/sheetN.xml) as rows of trimmed cell text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

// Throws ReadError past max_rows, max_columns or max_cells, or on a bad shared string index.
Rows parse_sheet(std::string_view xml, std::vector<std::string> const& shared_strings);

}  // namespace pufa::xlsx
