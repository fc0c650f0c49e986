// The small workbook parts that lead to the worksheets, their shared strings and cell styles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xlsx/number_format.hpp"

namespace pufa::xlsx {

struct Relationship {
  std::string id;
  std::string type;    // a URI ending in /worksheet, /sharedStrings, ...
  std::string target;  // part name inside the zip, resolved against the source part
};

// xl/workbook.xml: each <sheet> (its tab name and r:id) in tab order, and the date system.
struct WorkbookInfo {
  struct Tab {
    std::string name;
    std::string id;
  };
  std::vector<Tab> tabs;
  bool date1904 = false;  // <workbookPr date1904="1"/>: serials count days from 1904-01-01
};
WorkbookInfo workbook_info(std::string_view workbook_xml);

// xl/styles.xml: the number format of each cell style (<cellXfs>), by the index a cell's s= names.
std::vector<NumberFormat> cell_formats(std::string_view styles_xml);

// The relationships of a part; `base` is the folder targets are relative to ("xl/").
std::vector<Relationship> relationships(std::string_view rels_xml, std::string_view base);

// xl/sharedStrings.xml: each <si> as plain text, rich text runs joined, phonetic runs left out.
std::vector<std::string> shared_strings(std::string_view xml);

}  // namespace pufa::xlsx
