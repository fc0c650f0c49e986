#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

namespace {

constexpr std::size_t sheet_name_max = LXW_SHEETNAME_MAX;  // characters, not bytes
constexpr lxw_color_t header_fill = 0xDDEBF7;              // Excel's pale blue

void check(lxw_error error, std::string_view what) {
  if (error == LXW_NO_ERROR) return;
  throw WriteError(std::string(what) + ": " + lxw_strerror(error));
}

// libxlsxwriter 1.1.4 can only write to a path, so the bytes pass through a private temp file.
class TempFile {
 public:
  TempFile() {
    path_ = (std::filesystem::temp_directory_path() / "pufa-xlsx-XXXXXX").string();
    int const fd = ::mkstemp(path_.data());
    if (fd < 0) throw WriteError("cannot create a temporary file for the workbook");
    ::close(fd);
  }
  ~TempFile() { std::filesystem::remove(path_, ignored_); }
  TempFile(TempFile const&) = delete;
  TempFile& operator=(TempFile const&) = delete;

  std::string const& path() const { return path_; }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) throw WriteError("cannot read the written workbook back");
    return bytes;
  }

 private:
  std::string path_;
  std::error_code ignored_;
};

// Excel refuses []:*?/\ in sheet names, an apostrophe at either end, and over 31 characters.
std::string sheet_name(std::string_view wanted, std::size_t index) {
  while (wanted.starts_with('\'')) wanted.remove_prefix(1);
  while (wanted.ends_with('\'')) wanted.remove_suffix(1);
  std::string name;
  std::size_t characters = 0;
  for (char const c : wanted) {
    bool const starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_character && ++characters > sheet_name_max) break;
    bool const forbidden = std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
    name += forbidden ? '_' : c;
  }
  return name.empty() ? "Sheet" + std::to_string(index + 1) : name;
}

bool parse_number(std::string const& text, double& value) {
  auto const* end = text.data() + text.size();
  auto const [stop, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && stop == end && std::isfinite(value);
}

struct Formats {
  lxw_format* header;
  lxw_format* text;  // "@": what a user types later into these columns stays text too
  lxw_format* date;
  lxw_format* datetime;
  lxw_format* percent;
};

// "2026-12-01" or "2026-12-01 13:59[:07]" (a space or a T between): the wall-clock fields.
bool parse_datetime(std::string const& text, bool with_time, lxw_datetime& out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char tail = 0;
  int const read = with_time ? std::sscanf(text.c_str(), "%4d-%2d-%2d%*1[ T]%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &tail)
                             : std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail);
  bool const complete = with_time ? (read == 5 || read == 6) : read == 3;
  if (!complete || y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
    return false;
  out = lxw_datetime{y, mo, d, h, mi, static_cast<double>(sec)};
  return true;
}

// Excel character units a text needs: CJK and other wide characters count two.
double display_width(std::string_view text) {
  double width = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto const c = static_cast<unsigned char>(text[i]);
    std::size_t const n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += n >= 3 ? 2.0 : 1.1;
    i += n;
  }
  return width;
}

constexpr std::size_t width_sample_rows = 2'000;
constexpr double min_width = 6;
constexpr double max_width = 60;

// A column's width from its header and the widest of its first rows, within [6, 60].
double fitted_width(Sheet const& sheet, std::size_t c) {
  auto const& column = sheet.columns[c];
  if (column.width > 0) return column.width;
  double widest = display_width(column.header) + 2.5;  // the autofilter button
  if (column.type == CellType::date) widest = std::max(widest, 11.0);
  if (column.type == CellType::datetime) widest = std::max(widest, 17.0);
  for (std::size_t r = 0; r < sheet.rows.size() && r < width_sample_rows; ++r) {
    if (c >= sheet.rows[r].size() || column.type == CellType::date || column.type == CellType::datetime) continue;
    widest = std::max(widest, display_width(sheet.rows[r][c]) + 1);
  }
  return std::clamp(widest, min_width, max_width);
}

void write_sheet(lxw_workbook* workbook, Sheet const& sheet, std::size_t index,
                 Formats const& formats) {
  std::string const name = sheet_name(sheet.name, index);
  check(workbook_validate_sheet_name(workbook, name.c_str()), "sheet name " + name);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
  if (worksheet == nullptr) throw WriteError("cannot add sheet " + name);
  if (!sheet.columns.empty()) worksheet_freeze_panes(worksheet, 1, 0);

  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    auto const& column = sheet.columns[c];
    auto const col = static_cast<lxw_col_t>(c);
    lxw_format* format = column.type == CellType::text       ? formats.text
                         : column.type == CellType::date     ? formats.date
                         : column.type == CellType::datetime ? formats.datetime
                         : column.type == CellType::percent  ? formats.percent
                                                             : nullptr;
    check(worksheet_set_column(worksheet, col, col, fitted_width(sheet, c), format), "column width");
    check(worksheet_write_string(worksheet, 0, col, column.header.c_str(), formats.header),
          "header");
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    auto const row = static_cast<lxw_row_t>(r + 1);
    auto const& cells = sheet.rows[r];
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      auto const col = static_cast<lxw_col_t>(c);
      auto const type = c < sheet.columns.size() ? sheet.columns[c].type : CellType::text;
      double number = 0;
      lxw_datetime when{};
      if (type == CellType::number && parse_number(cells[c], number)) {
        check(worksheet_write_number(worksheet, row, col, number, nullptr), "cell");
      } else if (type == CellType::percent && parse_number(cells[c], number)) {
        check(worksheet_write_number(worksheet, row, col, number, formats.percent), "cell");
      } else if (type == CellType::date && parse_datetime(cells[c], false, when)) {
        check(worksheet_write_datetime(worksheet, row, col, &when, formats.date), "cell");
      } else if (type == CellType::datetime && parse_datetime(cells[c], true, when)) {
        check(worksheet_write_datetime(worksheet, row, col, &when, formats.datetime), "cell");
      } else {
        check(worksheet_write_string(worksheet, row, col, cells[c].c_str(), formats.text), "cell");
      }
    }
  }
  if (sheet.columns.empty()) return;
  auto const last_col = static_cast<lxw_col_t>(sheet.columns.size() - 1);
  check(worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), last_col),
        "autofilter");
}

// Frees without writing: only reached when building the workbook threw.
struct WorkbookDeleter {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

}  // namespace

std::string write_workbook(std::vector<Sheet> const& sheets) {
  TempFile file;
  // Constant memory: each row goes to a temporary file as it is written (strings inline, no
  // shared-string table), so a 100,000-row export does not hold the sheet's XML in memory.
  auto const temp_dir = std::filesystem::temp_directory_path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = const_cast<char*>(temp_dir.c_str());
  std::unique_ptr<lxw_workbook, WorkbookDeleter> workbook(workbook_new_opt(file.path().c_str(), &options));
  if (!workbook) throw WriteError("cannot start a workbook");

  lxw_format* header = workbook_add_format(workbook.get());
  format_set_bold(header);
  format_set_bg_color(header, header_fill);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(workbook.get());
  format_set_num_format(text, "@");
  lxw_format* date = workbook_add_format(workbook.get());
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* datetime = workbook_add_format(workbook.get());
  format_set_num_format(datetime, "yyyy-mm-dd hh:mm");
  lxw_format* percent = workbook_add_format(workbook.get());
  format_set_num_format(percent, "0.0%");
  Formats const formats{header, text, date, datetime, percent};

  if (sheets.empty()) write_sheet(workbook.get(), Sheet{}, 0, formats);
  for (std::size_t i = 0; i < sheets.size(); ++i) write_sheet(workbook.get(), sheets[i], i, formats);
  check(workbook_close(workbook.release()), "writing the workbook");
  return file.read();
}

}  // namespace pufa::xlsx
