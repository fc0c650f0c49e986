#include <algorithm>

#include "xlsx/parts.hpp"
#include "xlsx/sheet_parser.hpp"
#include "xlsx/xlsx.hpp"
#include "xlsx/zip_archive.hpp"

namespace pufa::xlsx {

namespace {

constexpr std::string_view workbook_part = "xl/workbook.xml";
constexpr std::string_view workbook_rels_part = "xl/_rels/workbook.xml.rels";
constexpr std::string_view workbook_folder = "xl/";
constexpr std::string_view default_shared_strings_part = "xl/sharedStrings.xml";

std::string required(ZipArchive const& zip, std::string_view name) {
  auto part = zip.read(std::string(name));
  if (!part) throw ReadError("文件不是有效的 Excel 工作簿（缺少 " + std::string(name) + "）");
  return std::move(*part);
}

bool has_type(Relationship const& relationship, std::string_view type) {
  return relationship.type.ends_with(type);
}

constexpr std::string_view default_styles_part = "xl/styles.xml";
constexpr std::size_t max_sheets = 50;

}  // namespace

FileKind sniff(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04")) return FileKind::xlsx;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::xls;
  // Text: no NUL bytes in the first kilobyte, unless it is UTF-16 (a BOM says so).
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return FileKind::csv_or_text;
  auto const head = bytes.substr(0, 1024);
  if (!head.empty() && head.find('\0') == std::string_view::npos) return FileKind::csv_or_text;
  return FileKind::other;
}

namespace {

// The first `limit` worksheets (tab order).
std::vector<SheetCells> read_sheets(std::string_view bytes, std::size_t limit) {
  ZipArchive const zip(bytes);
  auto const info = workbook_info(required(zip, workbook_part));
  auto const links = relationships(required(zip, workbook_rels_part), workbook_folder);
  auto const find_link = [&](auto const& pred) { return std::find_if(links.begin(), links.end(), pred); };

  std::string strings_part(default_shared_strings_part);
  if (auto l = find_link([](Relationship const& r) { return has_type(r, "/sharedStrings"); }); l != links.end())
    strings_part = l->target;
  auto const strings_xml = zip.read(strings_part);
  auto const strings = strings_xml ? shared_strings(*strings_xml) : std::vector<std::string>{};
  std::string styles_part(default_styles_part);
  if (auto l = find_link([](Relationship const& r) { return has_type(r, "/styles"); }); l != links.end())
    styles_part = l->target;
  auto const styles_xml = zip.read(styles_part);
  auto const formats = styles_xml ? cell_formats(*styles_xml) : std::vector<NumberFormat>{};

  std::vector<SheetCells> out;
  std::size_t cells = 0;
  for (auto const& tab : info.tabs) {
    auto const link = find_link([&](Relationship const& r) { return r.id == tab.id; });
    if (link == links.end() || !has_type(*link, "/worksheet")) continue;  // a chart sheet
    if (out.size() == limit) break;
    if (out.size() == max_sheets) throw ReadError("工作簿中的工作表过多");
    SheetCells sheet{tab.name, parse_sheet(required(zip, link->target), strings, formats, info.date1904)};
    for (auto const& row : sheet.rows) cells += row.size();
    if (cells > max_cells) throw ReadError("工作簿的单元格过多");
    out.push_back(std::move(sheet));
  }
  if (out.empty()) throw ReadError("工作簿中没有工作表");
  return out;
}

}  // namespace

std::vector<SheetCells> read_workbook(std::string_view bytes) { return read_sheets(bytes, max_sheets + 1); }

Rows read_first_sheet(std::string_view bytes) {
  auto sheets = read_sheets(bytes, 1);  // the other tabs are not parsed at all
  Rows rows;
  rows.reserve(sheets.front().rows.size());
  for (auto& row : sheets.front().rows) {
    std::vector<std::string> texts;
    texts.reserve(row.size());
    for (auto& cell : row) texts.push_back(std::move(cell.text));
    rows.push_back(std::move(texts));
  }
  return rows;
}

}  // namespace pufa::xlsx
