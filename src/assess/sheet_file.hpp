// Score sheets as Excel files in the layout in use: 序号 | 项目(分) | 具体内容及评分标准 | 考核依据 | 标准分 |
// 自评分 | 检查组打分. A level-1 row is numbered 一、二、…, a level-2 row （一）（二）…, a leaf 1, 2, 3 … through
// the sheet; 项目 carries its points as "组织领导（15分）" (also written only on a group's first leaf, as a
// merged cell reads); a level-1 item named 加分项 holds the bonus leaves (its points the cap), one named
// 一票否决 the veto leaves. 考核依据 starts with the method (查阅台账：会议纪要).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/model.hpp"
#include "assess/service.hpp"

namespace pufa::assess {

struct ReadSheet {
  std::vector<Item> items;
  std::optional<double> bonus_cap;
};

// All or nothing: 422 import_failed with every bad row (its number, the column, what is wrong).
ReadSheet read_score_sheet(std::string_view bytes);
// The items only (import_set).
std::vector<Item> read_sheet(std::string_view bytes);

// The set as a blank sheet, or a unit's sheet with its self and inspection scores.
std::string set_workbook(IndicatorSet const& set);
std::string unit_workbook(SheetView const& view);
std::string sheet_template();
// The round's results ranked per category.
std::string results_workbook(RoundView const& view);

// 考核方式 as sheets write it: ledger → 查阅台账 …
std::string method_words(std::string_view method);

}  // namespace pufa::assess
