// 行政处罚决定 as the enforcement system and the 双公示 pages publish them, read from an .xlsx or a
// CSV (GBK/GB18030 as Chinese Excel saves it, UTF-8, UTF-16): the columns of the national
// publicity standard (行政相对人名称, 行政处罚决定书文号, 违法事实, 处罚依据, 处罚内容, 处罚决定日期,
// 处罚机关 …) and the short headers people use. Also the template to fill in. Pure, no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "duty/model.hpp"

namespace pufa::duty {

struct PenaltyRow {
  std::size_t row = 0;  // as Excel numbers it
  Penalty penalty;      // unit not resolved yet: `enforcer` as written
  Basis basis;          // 处罚依据 read
};

struct ReadPenalties {
  std::string sheet;
  std::vector<PenaltyRow> rows;
};

inline constexpr std::size_t max_penalty_rows = 5000;

// Every decision of the first sheet whose header (among its first 20 rows) names 决定书文号 and
// 处罚依据. Throws ApiError: 400 on `file` for a file that is no spreadsheet, has no such header or
// no row; 422 import_failed with every refused row ({row, field, message}): a required cell
// empty, a cell too long, a date that is not one or lies ahead, a 处罚依据 that cites no article
// of any law, a 决定书文号 twice in the file.
ReadPenalties read_penalties(std::string_view bytes, std::string const& today);

std::string penalty_template_xlsx();

}  // namespace pufa::duty
