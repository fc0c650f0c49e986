#include "duty/sheets.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "base/time.hpp"
#include "xlsx/columns.hpp"
#include "http/error.hpp"
#include "registry/cells.hpp"
#include "text/utf8.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
using xlsx::cell_text;

namespace {

// The columns in order: key, header, other headers people write, required, the most characters.
std::vector<xlsx::ReadColumn> const columns{
    {"content", "内容清单", {"普法内容", "内容", "宣传内容", "重点内容"}, true, 500},
    {"laws", "宣传的法律法规", {"法律法规", "重点宣传的法律法规", "重点法律法规", "宣传法律法规"}, false, 500},
    {"leader", "责任领导", {"分管领导"}, false, 50},
    {"owner", "责任人", {"具体责任人", "联系人"}, false, 50},
    {"office", "责任处室", {"责任科室", "责任部门", "责任股室", "承办处室"}, false, 50},
    {"audience", "普法对象", {"对象", "宣传对象"}, false, 200},
    {"carrier", "学习宣传载体", {"载体", "宣传载体"}, false, 200},
    {"measures", "方式措施", {"措施", "工作措施", "普法方式", "方式"}, false, 1000},
    {"standard", "标准清单", {"完成标准", "标准", "考核标准"}, true, 500},
    {"deadline", "完成时限", {"时限", "完成时间", "时间节点"}, false, 10},
};
constexpr std::string_view group_headers[] = {"责任清单", "措施清单"};
constexpr std::size_t max_items = 200;

xlsx::ReadColumn const* column_named(std::string_view header) { return xlsx::column_named(columns, header); }

bool is_group(std::string_view text) {
  for (auto g : group_headers) {
    if (xlsx::trim(text) == g) return true;
  }
  return false;
}

std::string& field_of(ListItem& item, std::string_view key) {
  if (key == "content") return item.content;
  if (key == "laws") return item.laws;
  if (key == "leader") return item.leader;
  if (key == "owner") return item.owner;
  if (key == "office") return item.office;
  if (key == "audience") return item.audience;
  if (key == "carrier") return item.carrier;
  if (key == "measures") return item.measures;
  return item.standard;
}

xlsx::Sheet sheet_of(std::string name) {
  xlsx::Sheet sheet{.name = std::move(name)};
  sheet.columns.push_back({"序号", 6, xlsx::CellType::number});
  for (auto const& column : columns) {
    sheet.columns.push_back({std::string(column.header), 0,
                             column.key == "deadline" ? xlsx::CellType::date : xlsx::CellType::text});
  }
  return sheet;
}

}  // namespace

std::string list_xlsx(DutyList const& list) {
  auto sheet = sheet_of(fmt::format("{}{}年普法责任清单", list.unit_name, list.year));
  int n = 0;
  for (auto const& item : list.items) {
    sheet.rows.push_back({std::to_string(++n), item.content, item.laws, item.leader, item.owner, item.office,
                          item.audience, item.carrier, item.measures, item.standard, item.deadline.value_or("")});
  }
  return xlsx::write_workbook({sheet});
}

std::string template_xlsx() {
  // No example row to forget in the file: the guidance is a sheet of its own.
  xlsx::Sheet guide{.name = "填写说明", .columns = {{"填写说明", 90, xlsx::CellType::text}}};
  for (auto const* line : {"在“普法责任清单”工作表中每行填写一项清单内容，表头请勿修改。",
                           "“内容清单”和“标准清单”必填；“宣传的法律法规”可写多部，用顿号分隔，如：民法典、反家庭暴力法。",
                           "“完成时限”填写日期，如 2020-12-31 或 2020年12月31日。",
                           "导入将替换清单中原有的条目；已发布的清单导入后成为新版本，须填写修改原因并重新审核发布。",
                           "各条目由台账自动判定完成情况的规则，导入后在页面上逐条设置。"}) {
    guide.rows.push_back({line});
  }
  return xlsx::write_workbook({sheet_of("普法责任清单"), guide});
}

ReadItems read_items(std::string_view bytes) {
  if (xlsx::sniff(bytes) != xlsx::FileKind::xlsx) {
    throw ApiError(AppError::validation_failed,
                   xlsx::sniff(bytes) == xlsx::FileKind::xls ? "这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后重新导入"
                                                              : "请上传 .xlsx 格式的责任清单",
                   "file");
  }
  std::vector<xlsx::SheetCells> sheets;
  try {
    sheets = xlsx::read_workbook(bytes);
  } catch (xlsx::ReadError const& e) {
    throw ApiError(AppError::validation_failed, e.what(), "file");
  }
  // The header: the first row, among the first 20 of any sheet, that names 内容清单 and 标准清单.
  for (auto const& sheet : sheets) {
    for (std::size_t h = 0; h < sheet.rows.size() && h < 20; ++h) {
      std::vector<xlsx::ReadColumn const*> at(sheet.rows[h].size(), nullptr);
      bool content = false, standard = false;
      for (std::size_t c = 0; c < sheet.rows[h].size(); ++c) {
        at[c] = column_named(sheet.rows[h][c].text);
        content |= at[c] && at[c]->key == "content";
        standard |= at[c] && at[c]->key == "standard";
      }
      if (!content || !standard) continue;
      // A group header row (责任清单 over 责任领导 | 责任人 | 责任处室): the row under it names the columns.
      std::size_t first = h + 1;
      bool grouped = false;
      for (std::size_t c = 0; c < sheet.rows[h].size(); ++c) grouped |= is_group(sheet.rows[h][c].text);
      if (grouped && first < sheet.rows.size()) {
        auto const& sub = sheet.rows[first];
        if (at.size() < sub.size()) at.resize(sub.size(), nullptr);
        for (std::size_t c = 0; c < sub.size(); ++c) {
          if (auto const* named = column_named(sub[c].text)) at[c] = named;
        }
        ++first;
      }
      ReadItems out;
      out.sheet = sheet.name;
      boost::json::array problems;
      auto problem = [&](std::size_t row, std::string_view key, std::string message) {
        problems.push_back({{"row", row + 1}, {"field", std::string(key)}, {"message", std::move(message)}});
      };
      for (std::size_t r = first; r < sheet.rows.size(); ++r) {
        auto const& row = sheet.rows[r];
        bool blank = true;
        for (std::size_t c = 0; c < row.size(); ++c) blank &= !(c < at.size() && at[c]) || cell_text(row, c).empty();
        if (blank) continue;
        ListItem item;
        item.seq = static_cast<int>(out.items.size() + 1);
        for (std::size_t c = 0; c < at.size(); ++c) {
          auto const* column = at[c];
          if (!column) continue;
          auto text = cell_text(row, c);
          if (column->key == "deadline") {
            if (text.empty()) continue;
            auto const iso = c < row.size() && !row[c].iso.empty() ? row[c].iso.substr(0, 10) : registry::date_from_text(text);
            if (!base::is_date(iso)) {
              problem(r, column->key, fmt::format("完成时限「{}」不是日期，如 2020-12-31", text));
            } else {
              item.deadline = iso;
            }
            continue;
          }
          auto const length = text::utf8_length(text);
          if (!length) {
            problem(r, column->key, std::string(column->header) + "含有无效字符");
          } else if (*length > column->max) {
            problem(r, column->key, fmt::format("{}不能超过 {} 个字", column->header, column->max));
          }
          field_of(item, column->key) = std::move(text);
        }
        if (item.content.empty()) problem(r, "content", "请填写内容清单");
        if (item.standard.empty()) problem(r, "standard", "请填写标准清单");
        out.items.push_back(std::move(item));
      }
      if (out.items.size() > max_items) {
        throw ApiError(AppError::validation_failed, fmt::format("一份清单最多 {} 条，文件中有 {} 条", max_items, out.items.size()), "file");
      }
      if (!problems.empty()) {
        auto const count = problems.size();
        throw ApiError(AppError::import_failed,
                       fmt::format("导入失败：工作表“{}”中 {} 处错误，未写入任何数据", sheet.name, count))
            .with({{"rows", std::move(problems)}, {"sheet", sheet.name}});
      }
      if (out.items.empty()) throw ApiError(AppError::validation_failed, "文件中没有清单条目", "file");
      return out;
    }
  }
  throw ApiError(AppError::validation_failed, "没有找到表头：请在一行中写明“内容清单”和“标准清单”等列名（可下载模板）", "file");
}

}  // namespace pufa::duty
