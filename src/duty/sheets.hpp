// A responsibility list as the .xlsx units exchange: 序号 | 内容清单 | 宣传的法律法规 | 责任领导 |
// 责任人 | 责任处室 | 普法对象 | 学习宣传载体 | 方式措施 | 标准清单 | 完成时限 — the export, the
// template, and the reading of an upload (the county "四清单" layout with its group header row
// 内容清单 / 责任清单 / 措施清单 / 标准清单 above the columns is read too). All or nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "duty/model.hpp"

namespace pufa::duty {

std::string list_xlsx(DutyList const& list);
std::string template_xlsx();

struct ReadItems {
  std::vector<ListItem> items;
  std::string sheet;
};
// The items of an upload (rules manual: a sheet has no column that says how the records judge an
// item). Throws ApiError: 400 for a file that is not .xlsx, 422 import_failed with every refused
// row ({row, field, message}) and the sheet.
ReadItems read_items(std::string_view bytes);

}  // namespace pufa::duty
