#include <unistd.h>
#include <xlsxwriter.h>

#include <charconv>
#include <cmath>
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
};

void write_sheet(lxw_workbook* workbook, Sheet const& sheet, std::size_t index,
                 Formats const& formats) {
  std::string const name = sheet_name(sheet.name, index);
  check(workbook_validate_sheet_name(workbook, name.c_str()), "sheet name " + name);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
  if (worksheet == nullptr) throw WriteError("cannot add sheet " + name);

  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    auto const& column = sheet.columns[c];
    auto const col = static_cast<lxw_col_t>(c);
    lxw_format* format = column.numeric ? nullptr : formats.text;
    check(worksheet_set_column(worksheet, col, col, column.width, format), "column width");
    check(worksheet_write_string(worksheet, 0, col, column.header.c_str(), formats.header),
          "header");
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    auto const row = static_cast<lxw_row_t>(r + 1);
    auto const& cells = sheet.rows[r];
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      auto const col = static_cast<lxw_col_t>(c);
      double number = 0;
      bool const numeric = c < sheet.columns.size() && sheet.columns[c].numeric;
      if (numeric && parse_number(cells[c], number)) {
        check(worksheet_write_number(worksheet, row, col, number, nullptr), "cell");
      } else {
        check(worksheet_write_string(worksheet, row, col, cells[c].c_str(), formats.text), "cell");
      }
    }
  }
  if (sheet.columns.empty()) return;
  worksheet_freeze_panes(worksheet, 1, 0);
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
  std::unique_ptr<lxw_workbook, WorkbookDeleter> workbook(workbook_new(file.path().c_str()));
  if (!workbook) throw WriteError("cannot start a workbook");

  lxw_format* header = workbook_add_format(workbook.get());
  format_set_bold(header);
  format_set_bg_color(header, header_fill);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(workbook.get());
  format_set_num_format(text, "@");

  if (sheets.empty()) {
    write_sheet(workbook.get(), Sheet{}, 0, Formats{header, text});
  }
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    write_sheet(workbook.get(), sheets[i], i, Formats{header, text});
  }
  check(workbook_close(workbook.release()), "writing the workbook");
  return file.read();
}

}  // namespace pufa::xlsx
