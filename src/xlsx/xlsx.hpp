// Excel .xlsx export and import: write sheets of text (and marked numeric) cells, read the
// first worksheet of an uploaded workbook back as rows of strings.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::xlsx {

struct Column {
  std::string header;
  double width = 16;     // in Excel character units
  bool numeric = false;  // cells that parse as numbers are written as numbers, others as text
};

struct Sheet {
  std::string name;  // made valid for Excel: []:*?/\ become _, cut to 31 characters
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // an empty string leaves the cell blank
};

using Rows = std::vector<std::vector<std::string>>;

// A workbook as .xlsx bytes: per sheet a bold frozen header row, column widths and an
// autofilter. Cells are text unless their column is numeric. Throws WriteError.
std::string write_workbook(std::vector<Sheet> const& sheets);

// The message is fit to show the user who uploaded the file.
struct ReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct WriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Limits on what read_first_sheet accepts; past any of them it throws ReadError.
inline constexpr std::size_t max_part_bytes = 50 * 1024 * 1024;  // uncompressed, per zip entry
inline constexpr std::size_t max_rows = 100'000;
inline constexpr std::size_t max_columns = 200;
inline constexpr std::size_t max_cells = 2'000'000;  // sum of row widths, gaps included
inline constexpr std::size_t max_shared_strings = 1'000'000;

// The first worksheet as rows of trimmed strings. A row ends at its last non-empty cell, gaps
// are empty strings, trailing empty rows are dropped. Numbers come as written ("13812345678",
// "3.5"), booleans as TRUE/FALSE, dates as serial numbers (see excel_date).
Rows read_first_sheet(std::string_view bytes);

// An Excel serial date (1900 system) as YYYY-MM-DD: 44197 -> "2021-01-01". The time part is
// ignored; "" when the serial is not a date Excel can show (below 1, above 9999-12-31).
std::string excel_date(double serial);

inline constexpr std::string_view content_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace pufa::xlsx
