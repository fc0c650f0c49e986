#include "duty/penalty_sheet.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <set>

#include "base/time.hpp"
#include "xlsx/columns.hpp"
#include "http/error.hpp"
#include "registry/cells.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "xlsx/upload.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
using xlsx::cell_text;
using xlsx::column_named;

namespace {

// The national 行政处罚信息公示 columns first, then the short forms.
std::vector<xlsx::ReadColumn> const columns{
    {"doc_no", "行政处罚决定书文号", {"决定书文号", "处罚决定书文号", "文书号", "处罚文书号", "文号"}, true, 100},
    {"party", "行政相对人名称", {"当事人", "当事人名称", "相对人名称", "被处罚人", "被处罚单位"}, true, 100},
    {"party_kind", "行政相对人类别", {"当事人类别", "当事人类型", "相对人类别", "相对人类型"}, false, 20},
    {"offence", "违法行为类型", {"案由", "案件名称", "违法行为"}, false, 200},
    {"facts", "违法事实", {"主要违法事实", "案情"}, true, 5000},
    {"basis", "处罚依据", {"法律依据"}, true, 2000},
    {"penalty", "处罚内容", {"处罚结果", "处罚决定"}, true, 2000},
    {"decided_on", "处罚决定日期", {"决定日期", "作出处罚决定日期", "处罚日期"}, true, 20},
    {"enforcer", "处罚机关", {"执法机关", "行政机关", "作出处罚决定的机关", "实施机关"}, false, 100},
};

std::string& field_of(Penalty& p, std::string_view key) {
  if (key == "doc_no") return p.doc_no;
  if (key == "party") return p.party;
  if (key == "party_kind") return p.party_kind;
  if (key == "offence") return p.offence;
  if (key == "facts") return p.facts;
  if (key == "basis") return p.basis;
  if (key == "penalty") return p.penalty;
  if (key == "decided_on") return p.decided_on;
  return p.enforcer;
}

// A trade name, not a person: what organisations' names end with or hold.
bool organisation_name(std::string const& name) {
  for (std::string_view mark : {"公司", "厂", "店", "部", "中心", "社", "行", "馆", "所", "院", "站", "场", "会", "局",
                                "室", "坊", "吧", "城", "园", "楼", "铺", "处", "队", "校", "学校", "集团", "合作社"}) {
    if (name.find(mark) != std::string::npos) return true;
  }
  return text::utf8_length(name).value_or(0) > 4;
}

// 自然人 → person, 法人及非法人组织 → organisation; 个体工商户 and no kind at all by the name.
std::string kind_of(std::string const& written, std::string const& name) {
  auto const kind = text::nfkc(written);
  if (kind.find("自然人") != std::string::npos || kind == "个人" || kind == "公民") return std::string(party_kind::person);
  if (kind.find("法人") != std::string::npos || kind.find("组织") != std::string::npos || kind == "单位")
    return std::string(party_kind::organisation);
  return std::string(organisation_name(name) ? party_kind::organisation : party_kind::person);
}

std::string date_of(xlsx::Cell const* cell, std::string const& text) {
  if (cell && !cell->iso.empty()) return cell->iso.substr(0, 10);
  return registry::date_from_text(text);
}

}  // namespace

ReadPenalties read_penalties(std::string_view bytes, std::string const& today) {
  std::vector<xlsx::SheetCells> sheets;
  try {
    sheets = xlsx::read_upload(bytes);
  } catch (xlsx::ReadError const& error) {
    throw ApiError(AppError::validation_failed, error.what(), "file");
  }
  for (auto const& sheet : sheets) {
    for (std::size_t h = 0; h < sheet.rows.size() && h < 20; ++h) {
      std::vector<xlsx::ReadColumn const*> at(sheet.rows[h].size(), nullptr);
      std::set<std::string_view> seen;
      for (std::size_t c = 0; c < sheet.rows[h].size(); ++c) {
        at[c] = column_named(columns, sheet.rows[h][c].text);
        if (at[c] && !seen.insert(at[c]->key).second) at[c] = nullptr;  // the first of two alike
      }
      if (!seen.contains("doc_no") || !seen.contains("basis")) continue;
      for (auto const& column : columns) {
        if (column.required && !seen.contains(column.key)) {
          throw ApiError(AppError::validation_failed, fmt::format("文件缺少“{}”列", column.header), "file");
        }
      }
      ReadPenalties out;
      out.sheet = sheet.name;
      boost::json::array problems;
      auto problem = [&](std::size_t row, std::string_view key, std::string message) {
        problems.push_back({{"row", static_cast<std::int64_t>(row)}, {"field", std::string(key)}, {"message", std::move(message)}});
      };
      std::set<std::string> doc_nos;
      for (std::size_t r = h + 1; r < sheet.rows.size(); ++r) {
        auto const& row = sheet.rows[r];
        bool blank = true;
        for (std::size_t c = 0; c < at.size(); ++c) blank &= !at[c] || cell_text(row, c).empty();
        if (blank) continue;
        PenaltyRow read{.row = r + 1};
        auto& p = read.penalty;
        p.party_kind.clear();
        bool date_written = false;
        for (std::size_t c = 0; c < at.size(); ++c) {
          auto const* column = at[c];
          if (!column) continue;
          auto text = cell_text(row, c);
          auto const length = text::utf8_length(text);
          if (!length) {
            problem(read.row, column->key, std::string(column->header) + "含有无效字符");
          } else if (*length > column->max) {
            problem(read.row, column->key, fmt::format("{}不能超过 {} 个字", column->header, column->max));
          }
          if (column->key == "decided_on" && !text.empty()) {
            date_written = true;
            auto const iso = date_of(c < row.size() ? &row[c] : nullptr, text);
            if (!base::is_date(iso)) {
              problem(read.row, column->key, fmt::format("处罚决定日期「{}」不是日期，如 2020-06-30", text));
            } else if (iso > today) {
              problem(read.row, column->key, fmt::format("处罚决定日期 {} 晚于今天", iso));
            } else {
              p.decided_on = iso;
            }
            continue;
          }
          field_of(p, column->key) = std::move(text);
        }
        for (auto const& column : columns) {
          if (column.required && column.key != "decided_on" && field_of(p, column.key).empty()) {
            problem(read.row, column.key, fmt::format("请填写{}", column.header));
          }
        }
        if (p.decided_on.empty() && !date_written) problem(read.row, "decided_on", "请填写处罚决定日期");
        if (!p.doc_no.empty() && !doc_nos.insert(p.doc_no).second) {
          problem(read.row, "doc_no", fmt::format("决定书文号「{}」在文件中出现了两次", p.doc_no));
        }
        if (!p.basis.empty()) {
          read.basis = parse_basis(p.basis);
          if (read.basis.cited.empty()) {
            problem(read.row, "basis",
                    fmt::format("处罚依据「{}」中没有读到法律条款，请写成《法律名称》第X条", std::string(text::prefix_bytes(p.basis, 120))));
          }
          for (auto const& cited : read.basis.cited) p.cited.push_back(cited);
        }
        p.party_kind = kind_of(p.party_kind, p.party);
        out.rows.push_back(std::move(read));
      }
      if (out.rows.size() > max_penalty_rows) {
        throw ApiError(AppError::validation_failed,
                       fmt::format("一次最多导入 {} 条处罚决定，文件中有 {} 条", max_penalty_rows, out.rows.size()), "file");
      }
      if (!problems.empty()) {
        auto const count = problems.size();
        throw ApiError(AppError::import_failed, fmt::format("导入失败：{} 处错误，未写入任何数据", count))
            .with({{"rows", std::move(problems)}, {"sheet", sheet.name}});
      }
      if (out.rows.empty()) throw ApiError(AppError::validation_failed, "文件中没有处罚决定", "file");
      return out;
    }
  }
  throw ApiError(AppError::validation_failed, "没有找到表头：文件中应有“行政处罚决定书文号”和“处罚依据”两列", "file");
}

std::string penalty_template_xlsx() {
  xlsx::Sheet sheet{.name = "行政处罚决定"};
  for (auto const& column : columns) {
    sheet.columns.push_back({std::string(column.header) + (column.required ? "*" : ""), 0,
                             column.key == "decided_on" ? xlsx::CellType::date : xlsx::CellType::text});
  }
  xlsx::Sheet guide{.name = "填写说明", .columns = {{"填写说明", 90, xlsx::CellType::text}}};
  for (auto const* line : {"每行一份行政处罚决定，带 * 的列必填；也可直接导入“信用中国”行政处罚公示格式的 .xlsx 或 CSV 文件。",
                           "处罚依据写明法律名称和条款，如：《中华人民共和国食品安全法》第一百二十四条第一款，可写多部法律。",
                           "行政相对人类别填“自然人”“法人及非法人组织”或“个体工商户”；自然人的姓名在平台上脱敏显示。",
                           "处罚机关须是平台中的单位；以本单位身份导入时可不填。",
                           "同一决定书文号已导入过的，再次导入时跳过，不会重复。"}) {
    guide.rows.push_back({line});
  }
  return xlsx::write_workbook({sheet, guide});
}

}  // namespace pufa::duty
