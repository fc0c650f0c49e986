#include "xlsx/columns.hpp"

namespace pufa::xlsx {

ReadColumn const* column_named(std::vector<ReadColumn> const& columns, std::string_view header) {
  auto text = std::string(trim(header));
  for (std::string_view suffix : {"（必填）", "(必填)", "*"}) {
    if (text.ends_with(suffix)) text = std::string(trim(text.substr(0, text.size() - suffix.size())));
  }
  for (auto const& column : columns) {
    if (text == column.header) return &column;
    for (auto alias : column.aliases) {
      if (text == alias) return &column;
    }
  }
  return nullptr;
}

std::string cell_text(std::vector<Cell> const& row, std::size_t i) {
  return i < row.size() ? std::string(trim(row[i].text)) : std::string();
}

}  // namespace pufa::xlsx
