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

// The first tab that is a worksheet (a chart sheet may come first).
std::string first_worksheet(std::vector<std::string> const& ids,
                            std::vector<Relationship> const& relationships) {
  for (auto const& id : ids) {
    auto const found = std::find_if(relationships.begin(), relationships.end(),
                                    [&](Relationship const& r) { return r.id == id; });
    if (found != relationships.end() && has_type(*found, "/worksheet")) return found->target;
  }
  throw ReadError("工作簿中没有工作表");
}

}  // namespace

Rows read_first_sheet(std::string_view bytes) {
  ZipArchive const zip(bytes);
  auto const ids = sheet_ids(required(zip, workbook_part));
  auto const links = relationships(required(zip, workbook_rels_part), workbook_folder);
  std::string const sheet_part = first_worksheet(ids, links);

  std::string strings_part(default_shared_strings_part);
  auto const strings_link = std::find_if(links.begin(), links.end(), [](Relationship const& r) {
    return has_type(r, "/sharedStrings");
  });
  if (strings_link != links.end()) strings_part = strings_link->target;
  auto const strings_xml = zip.read(strings_part);
  auto const strings = strings_xml ? shared_strings(*strings_xml) : std::vector<std::string>{};

  return parse_sheet(required(zip, sheet_part), strings);
}

}  // namespace pufa::xlsx
