// A spreadsheet as users upload it: an .xlsx, or a CSV / tab-separated text as Chinese Excel and
// WPS save it (UTF-8 with or without a BOM, UTF-16 with a BOM, GB18030/GBK).
#pragma once

#include <string_view>
#include <vector>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

// An .xlsx's worksheets, or the text table as one sheet with no name (every cell text, as typed).
// Throws ReadError with a message for the person who sent it: nothing sent, an .xls, another kind
// of file, a CSV that does not parse (naming its record), an .xlsx that does not open.
std::vector<SheetCells> read_upload(std::string_view bytes);

}  // namespace pufa::xlsx
