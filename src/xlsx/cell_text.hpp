// Turning raw SpreadsheetML cell values into the text a user saw in Excel.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pufa::xlsx {

struct CellRef {
  std::size_t row = 0;     // 0-based
  std::size_t column = 0;  // 0-based
};

// "B3" -> {2, 1}; nullopt when malformed or beyond Excel's grid.
std::optional<CellRef> parse_cell_ref(std::string_view ref);

// "1.3812345678E10" -> "13812345678", "0.30000000000000004" -> "0.3" (Excel's 15 digits).
std::string format_number(std::string_view raw);

// Decodes the _xHHHH_ escapes Excel writes for control characters ("_x000D_" -> "\r").
std::string decode_escapes(std::string_view text);

// Without leading and trailing ASCII whitespace, no-break and ideographic (全角) spaces.
std::string_view trim(std::string_view text);

}  // namespace pufa::xlsx
