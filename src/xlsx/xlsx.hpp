// Excel .xlsx export and import: write sheets of typed cells (text, numbers, dates), read an
// uploaded workbook back as the cells the user saw.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::xlsx {

// What a column's cells are in Excel, so that SUM, sorting and date filters work on them. A cell
// that does not read as its column's type is written as text (nothing is lost).
enum class CellType {
  text,      // "@": what a user types later into the column stays text too
  number,    // "12", "3.5"
  percent,   // "0.875", shown 87.5%
  date,      // "2026-12-01", shown yyyy-mm-dd
  datetime,  // "2026-12-01 13:59" (or :ss), a Beijing wall-clock time, shown yyyy-mm-dd hh:mm
};

struct Column {
  std::string header;
  double width = 0;  // in Excel character units; 0: fitted to the header and the cells
  CellType type = CellType::text;
};

struct Sheet {
  std::string name;  // made valid for Excel: []:*?/\ become _, cut to 31 characters
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // an empty string leaves the cell blank
};

using Rows = std::vector<std::vector<std::string>>;

// A workbook as .xlsx bytes: per sheet a bold frozen header row, column widths and an
// autofilter; cells as their column's type. Throws WriteError.
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

// One cell as read. `text` is what Excel showed: a string as typed (trimmed), a number through
// its cell's number format ("2021年1月1日", "9:00", "50%", "0033078100", "1/2"), a boolean as
// TRUE/FALSE. A number keeps the value as stored too (`raw`, "3.30781199001011E+17"), and a
// number in a date or time format its ISO form (`iso`: "2021-01-01", "09:00", "2021-01-01 09:00").
struct Cell {
  enum class Type { blank, text, number, boolean, error };
  Type type = Type::blank;
  std::string text;
  std::string raw;
  std::string iso;
  bool text_format = false;  // the cell is formatted "@" (Excel's 文本): what is in it is text

  bool empty() const { return text.empty(); }
};

struct SheetCells {
  std::string name;  // the tab's name
  std::vector<std::vector<Cell>> rows;
};

// Every worksheet, in tab order (chart sheets left out). A row ends at its last non-empty
// cell, gaps are blank cells, trailing empty rows are dropped. Throws ReadError.
std::vector<SheetCells> read_workbook(std::string_view bytes);

// The first worksheet as rows of cell texts (Cell::text).
Rows read_first_sheet(std::string_view bytes);

// Without leading and trailing ASCII whitespace, no-break and ideographic (全角) spaces.
std::string_view trim(std::string_view text);

// What the bytes of an upload are, to tell a user who sent the wrong kind of file what to do.
enum class FileKind { xlsx, xls, csv_or_text, other };
FileKind sniff(std::string_view bytes);

// An Excel serial date (1900 system; 1904 serials are 1462 days fewer) as YYYY-MM-DD: 44197 -> "2021-01-01". The time part is
// ignored; "" when the serial is not a date Excel can show (below 1, above 9999-12-31).
std::string excel_date(double serial);

inline constexpr std::string_view content_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// What browsers label a spreadsheet upload as (an .xls, a CSV, WPS's own types, or nothing
// particular); the bytes decide what it is (sniff).
inline constexpr std::string_view upload_types =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv,"
    "application/csv,text/plain,application/octet-stream,application/wps-office.xlsx,application/wps-office.xls";

}  // namespace pufa::xlsx
