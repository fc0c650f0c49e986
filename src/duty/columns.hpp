// The columns of a sheet as people head them: each file the area reads (responsibility lists,
// penalty decisions) names its columns, the other headers people write for them and their limits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx/xlsx.hpp"

namespace pufa::duty {

struct Column {
  std::string_view key, header;
  std::vector<std::string_view> aliases;
  bool required = false;
  std::size_t max = 200;
};

// The column a header names, after trimming (全角 spaces too) and a trailing * or （必填）; null for none.
Column const* column_named(std::vector<Column> const& columns, std::string_view header);
// A row's cell text, trimmed; "" past its end.
std::string cell_text(std::vector<xlsx::Cell> const& row, std::size_t i);

}  // namespace pufa::duty
