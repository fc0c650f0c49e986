// A worksheet part (xl/worksheets/sheetN.xml) as rows of cells, numbers through their formats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xlsx/number_format.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

// Throws ReadError past max_rows, max_columns or max_cells, or on a bad shared string index.
std::vector<std::vector<Cell>> parse_sheet(std::string_view xml, std::vector<std::string> const& shared_strings,
                                           std::vector<NumberFormat> const& formats, bool date1904);

}  // namespace pufa::xlsx
