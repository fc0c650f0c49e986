// The columns of an uploaded sheet as people head them: each file an area reads (responsibility
// lists, penalty decisions, score sheets) names its columns, the other headers people write for
// them and their limits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

struct ReadColumn {
  std::string_view key, header;
  std::vector<std::string_view> aliases;
  bool required = false;
  std::size_t max = 200;
};

// The column a header names, after trimming (全角 spaces too) and a trailing * or （必填）; null for none.
ReadColumn const* column_named(std::vector<ReadColumn> const& columns, std::string_view header);
// A row's cell text, trimmed; "" past its end.
std::string cell_text(std::vector<Cell> const& row, std::size_t i);

}  // namespace pufa::xlsx
