// The small workbook parts that lead to the first worksheet and its shared strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pufa::xlsx {

struct Relationship {
  std::string id;
  std::string type;    // a URI ending in /worksheet, /sharedStrings, ...
  std::string target;  // part name inside the zip, resolved against the source part
};

// r:id of every <sheet> in xl/workbook.xml, in tab order.
std::vector<std::string> sheet_ids(std::string_view workbook_xml);

// The relationships of a part; `base` is the folder targets are relative to ("xl/").
std::vector<Relationship> relationships(std::string_view rels_xml, std::string_view base);

// xl/sharedStrings.xml: each <si> as plain text, rich text runs joined, phonetic runs left out.
std::vector<std::string> shared_strings(std::string_view xml);

}  // namespace pufa::xlsx
