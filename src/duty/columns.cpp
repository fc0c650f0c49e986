#include "duty/columns.hpp"

namespace pufa::duty {

Column const* column_named(std::vector<Column> const& columns, std::string_view header) {
  auto text = std::string(xlsx::trim(header));
  for (std::string_view suffix : {"（必填）", "(必填)", "*"}) {
    if (text.ends_with(suffix)) text = std::string(xlsx::trim(text.substr(0, text.size() - suffix.size())));
  }
  for (auto const& column : columns) {
    if (text == column.header) return &column;
    for (auto alias : column.aliases) {
      if (text == alias) return &column;
    }
  }
  return nullptr;
}

std::string cell_text(std::vector<xlsx::Cell> const& row, std::size_t i) {
  return i < row.size() ? std::string(xlsx::trim(row[i].text)) : std::string();
}

}  // namespace pufa::duty
