#include "assess/sheet_file.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <regex>

#include "assess/common.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "xlsx/columns.hpp"
#include "xlsx/upload.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::assess {

using http::ApiError;
using http::AppError;

namespace {

std::vector<xlsx::ReadColumn> const columns{
    {"no", "序号", {"编号"}, false, 20},
    {"item", "项目(分)", {"项目（分）", "项目", "考核项目", "一级指标", "考核内容", "指标"}, false, 100},
    {"content", "具体内容及评分标准", {"具体内容及评分标准", "考核内容及评分标准", "评分标准", "具体内容", "考核要求及评分标准", "评分细则", "评定标准"}, false, 1000},
    {"basis", "考核依据", {"考核方式", "考核方法", "检查方式"}, false, 300},
    {"points", "标准分", {"分值", "分数", "标准分值"}, false, 20},
    {"self", "自评分", {"自评得分", "自评"}, false, 20},
    {"inspect", "检查组打分", {"检查组评分", "考核得分", "县审核得分", "审核得分"}, false, 20},
};

struct MethodWord {
  std::string_view code, words;
};
constexpr MethodWord method_words_list[] = {
    {"ledger", "查阅台账"}, {"report", "听取汇报"}, {"onsite", "实地查看"}, {"survey", "问卷调查"}, {"auto", "数据自动"}};

std::string const chinese_digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                      "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
std::string chinese(std::size_t n) { return n >= 1 && n <= 20 ? chinese_digits[n - 1] : std::to_string(n); }

// "组织领导（15分）" → ("组织领导", 15).
std::pair<std::string, std::optional<double>> title_points(std::string const& text) {
  static std::regex const re(R"(^(.*?)\s*\(\s*(?:最高|共|计)?\s*(\d+(?:\.\d+)?)\s*分\s*\)\s*$)");  // NFKC made （） ASCII
  std::smatch m;
  auto const normal = text::nfkc(text);
  if (std::regex_match(normal, m, re)) return {m[1].str(), std::stod(m[2].str())};
  return {text, std::nullopt};
}

enum class RowKind { blank, level1, level2, leaf };

RowKind kind_of(std::string const& no) {
  if (no.empty()) return RowKind::blank;
  auto const n = text::nfkc(no);
  // Alternations, not bracket classes: std::regex reads UTF-8 byte by byte.
  static std::regex const level2(R"(^\((?:(?:一|二|三|四|五|六|七|八|九|十)+|\d+)\)(?:、|\.)?$)");
  static std::regex const level1(R"(^(?:一|二|三|四|五|六|七|八|九|十)+(?:、|\.)?$)");
  static std::regex const leaf(R"(^\d+(?:\.\d+)*(?:、|\.)?$)");
  if (std::regex_match(n, level2)) return RowKind::level2;
  if (std::regex_match(n, level1)) return RowKind::level1;
  if (std::regex_match(n, leaf)) return RowKind::leaf;
  return RowKind::blank;
}

// 具体内容及评分标准 → (content, standard): split at a line break where there is one; else the one text is
// both (the standard's parser finds 不少于…, 每少…扣… anywhere in it).
std::pair<std::string, std::string> split_content(std::string const& text) {
  if (auto const nl = text.find('\n'); nl != std::string::npos) {
    return {std::string(xlsx::trim(text.substr(0, nl))), std::string(xlsx::trim(text.substr(nl + 1)))};
  }
  return {text, text};
}

}  // namespace

std::string method_words(std::string_view method) {
  for (auto const& m : method_words_list) {
    if (m.code == method) return std::string(m.words);
  }
  return std::string(method);
}

ReadSheet read_score_sheet(std::string_view bytes) {
  std::vector<xlsx::SheetCells> sheets;
  try {
    sheets = xlsx::read_upload(bytes);
  } catch (xlsx::ReadError const& e) {
    throw ApiError(AppError::validation_failed, e.what(), "file");
  }
  for (auto const& sheet : sheets) {
    for (std::size_t h = 0; h < sheet.rows.size() && h < 20; ++h) {
      std::vector<xlsx::ReadColumn const*> at(sheet.rows[h].size(), nullptr);
      bool content = false, points = false;
      for (std::size_t c = 0; c < sheet.rows[h].size(); ++c) {
        at[c] = xlsx::column_named(columns, sheet.rows[h][c].text);
        content |= at[c] && at[c]->key == "content";
        points |= at[c] && at[c]->key == "points";
      }
      if (!content || !points) continue;
      ReadSheet out;
      boost::json::array problems;
      auto problem = [&](std::size_t row, std::string_view key, std::string message) {
        problems.push_back({{"row", row + 1}, {"field", std::string(key)}, {"message", std::move(message)}});
      };
      struct Declared {
        std::size_t row;
        Item* item;
        std::optional<double> points;
      };
      std::vector<Declared> declared;
      Item* level1 = nullptr;
      Item* level2 = nullptr;
      auto open_group = [&](std::size_t r, std::string const& text, int level) {
        auto [title, pts] = title_points(text);
        Item group{.kind = std::string(item_kind::group), .title = std::string(xlsx::trim(title))};
        if (level == 1) {
          out.items.push_back(std::move(group));
          level1 = &out.items.back();
          level2 = nullptr;
          declared.push_back({r, nullptr, pts});
        } else {
          level1->children.push_back(std::move(group));
          level2 = &level1->children.back();
          declared.push_back({r, nullptr, pts});
        }
      };
      std::vector<std::pair<std::vector<std::size_t>, std::size_t>> paths;  // group path → declared index
      for (std::size_t r = h + 1; r < sheet.rows.size(); ++r) {
        auto const& row = sheet.rows[r];
        std::string no, item, text, basis, pts;
        for (std::size_t c = 0; c < at.size(); ++c) {
          if (!at[c]) continue;
          auto value = xlsx::cell_text(row, c);
          auto const length = text::utf8_length(value);
          if (!length) {
            problem(r, at[c]->key, std::string(at[c]->header) + "含有无效字符");
            continue;
          }
          if (*length > at[c]->max) problem(r, at[c]->key, fmt::format("{}不能超过 {} 个字", at[c]->header, at[c]->max));
          auto const key = at[c]->key;
          if (key == "no") no = value;
          else if (key == "item") item = value;
          else if (key == "content") text = value;
          else if (key == "basis") basis = value;
          else if (key == "points") pts = value;
        }
        if (no.empty() && item.empty() && text.empty() && basis.empty() && pts.empty()) continue;
        auto kind = kind_of(no);
        if (kind == RowKind::blank && text.empty() && !item.empty()) kind = RowKind::level1;
        if (kind == RowKind::blank && !text.empty()) kind = RowKind::leaf;
        if (kind == RowKind::level1 || (kind == RowKind::leaf && !item.empty() && (!level1 || title_points(item).first != level1->title))) {
          if (item.empty() && kind == RowKind::level1) item = text;
          if (item.empty()) {
            problem(r, "item", "请填写项目名称");
            continue;
          }
          open_group(r, item, 1);
          paths.push_back({{out.items.size() - 1}, declared.size() - 1});
          if (kind == RowKind::level1) continue;
        } else if (kind == RowKind::level2) {
          if (!level1) {
            problem(r, "no", "二级指标前应有一级项目");
            continue;
          }
          open_group(r, item.empty() ? text : item, 2);
          paths.push_back({{out.items.size() - 1, level1->children.size() - 1}, declared.size() - 1});
          continue;
        }
        // A leaf.
        if (!level1) {
          problem(r, "item", "评分项前应有项目（一级指标）");
          continue;
        }
        if (text.empty()) {
          problem(r, "content", "请填写具体内容及评分标准");
          continue;
        }
        auto [content, standard] = split_content(text);
        Item leaf{.title = content, .standard = standard};
        auto const group_title = level1->title;
        if (group_title.starts_with("加分")) leaf.kind = item_kind::bonus;
        else if (group_title.find("否决") != std::string::npos) leaf.kind = item_kind::veto;
        std::string error;
        if (!standard.empty() && !parse_standard(standard, error)) problem(r, "content", fmt::format("评分标准「{}」：{}", standard, error));
        if (leaf.kind != item_kind::veto) {
          auto const normal = text::nfkc(pts);
          try {
            std::size_t used = 0;
            leaf.points = normal.empty() ? 0 : std::stod(normal, &used);
            if (normal.empty() || used != normal.size()) throw std::invalid_argument("points");
            if (!(leaf.points > 0) || leaf.points > 100) problem(r, "points", "标准分应大于 0 且不超过 100");
          } catch (std::exception const&) {
            problem(r, "points", pts.empty() ? "请填写标准分" : fmt::format("标准分「{}」不是数字", pts));
          }
        }
        for (auto const& m : method_words_list) {
          if (basis.starts_with(m.words) || (m.code == "survey" && basis.starts_with("问卷"))) {
            leaf.method = std::string(m.code);
            auto rest = basis.substr(basis.starts_with(m.words) ? m.words.size() : std::string_view("问卷").size());
            for (std::string_view sep : {"：", ":", "，", "、"}) {
              if (rest.starts_with(sep)) rest = rest.substr(sep.size());
            }
            basis = std::string(xlsx::trim(rest));
            break;
          }
        }
        if (leaf.method == "auto") leaf.method = "ledger";  // a measure is chosen on the page
        leaf.evidence = basis;
        (level2 ? level2 : level1)->children.push_back(std::move(leaf));
      }
      // The groups' declared points against what is under them.
      for (auto const& [path, index] : paths) {
        Item* group = &out.items[path[0]];
        if (path.size() > 1) group = &group->children[path[1]];
        auto const& d = declared[index];
        if (group->children.empty()) {
          problem(d.row, "item", fmt::format("项目「{}」下没有评分项", group->title));
          continue;
        }
        if (group->title.starts_with("加分")) {
          if (d.points) out.bonus_cap = d.points;
          continue;
        }
        if (group->title.find("否决") != std::string::npos || !d.points) continue;
        double sum = 0;
        auto add = [&](auto&& self_, Item const& item) -> void {
          if (item.kind == item_kind::group) for (auto const& c : item.children) self_(self_, c);
          else if (item.kind == item_kind::normal) sum += item.points;
        };
        add(add, *group);
        if (round2(sum) != round2(*d.points)) {
          problem(d.row, "item", fmt::format("项目「{}」标注 {} 分，其下各项合计 {} 分", group->title, points_text(*d.points), points_text(sum)));
        }
      }
      if (!problems.empty()) {
        auto const count = problems.size();
        throw ApiError(AppError::import_failed,
                       fmt::format("导入失败：工作表“{}”中 {} 处错误，未写入任何数据", sheet.name, count))
            .with({{"rows", std::move(problems)}, {"sheet", sheet.name}});
      }
      if (out.items.empty()) throw ApiError(AppError::validation_failed, "文件中没有评分项", "file");
      return out;
    }
  }
  throw ApiError(AppError::validation_failed, "没有找到表头：请在一行中写明“具体内容及评分标准”和“标准分”等列名（可下载模板）", "file");
}

std::vector<Item> read_sheet(std::string_view bytes) { return read_score_sheet(bytes).items; }

namespace {

std::vector<xlsx::Column> sheet_columns() {
  return {{"序号", 7, xlsx::CellType::text},     {"项目(分)", 18, xlsx::CellType::text},
          {"具体内容及评分标准", 60, xlsx::CellType::text}, {"考核依据", 24, xlsx::CellType::text},
          {"标准分", 8, xlsx::CellType::number},  {"自评分", 8, xlsx::CellType::number},
          {"检查组打分", 10, xlsx::CellType::number}};
}

std::string group_title(Item const& group, IndicatorSet const& set) {
  if (group.title.starts_with("加分")) return fmt::format("{}（{}分）", group.title, points_text(set.bonus_cap));
  if (group.title.find("否决") != std::string::npos) return group.title;
  return fmt::format("{}（{}分）", group.title, points_text(group.points));
}

// Rows of the set's tree; `scores` gives a leaf's (self, inspection) cells.
template <class Scores>
xlsx::Rows sheet_rows(IndicatorSet const& set, Scores&& scores) {
  xlsx::Rows rows;
  std::size_t leaf_no = 0;
  auto leaf_row = [&](Item const& leaf) {
    auto content = leaf.standard.empty() || leaf.standard == leaf.title ? leaf.title : leaf.title + "\n" + leaf.standard;
    auto basis = method_words(leaf.method) + (leaf.evidence.empty() ? "" : "：" + leaf.evidence);
    auto [self, inspection] = scores(leaf);
    rows.push_back({std::to_string(++leaf_no), "", content, basis, leaf.kind == item_kind::veto ? "" : points_text(leaf.points),
                    self, inspection});
  };
  for (std::size_t i = 0; i < set.items.size(); ++i) {
    auto const& g = set.items[i];
    rows.push_back({chinese(i + 1) + "、", group_title(g, set), "", "", "", "", ""});
    for (std::size_t j = 0; j < g.children.size(); ++j) {
      auto const& c = g.children[j];
      if (c.kind == item_kind::group) {
        rows.push_back({"（" + chinese(j + 1) + "）", group_title(c, set), "", "", "", "", ""});
        for (auto const& leaf : c.children) leaf_row(leaf);
      } else {
        leaf_row(c);
      }
    }
  }
  return rows;
}

}  // namespace

std::string set_workbook(IndicatorSet const& set) {
  xlsx::Sheet sheet{set.name, sheet_columns(), sheet_rows(set, [](Item const&) { return std::pair<std::string, std::string>{}; })};
  return xlsx::write_workbook({sheet});
}

std::string unit_workbook(SheetView const& view) {
  auto cell = [](std::optional<double> const& v, bool veto) -> std::string {
    if (!v) return "";
    if (veto) return *v >= 1 ? "否决" : "";
    return points_text(*v);
  };
  auto rows = sheet_rows(view.set, [&](Item const& item) {
    for (auto const& leaf : view.leaves) {
      if (leaf.item->id == item.id) {
        bool const veto = item.kind == item_kind::veto;
        return std::pair{cell(leaf.self, veto), cell(leaf.inspection, veto)};
      }
    }
    return std::pair<std::string, std::string>{};
  });
  rows.push_back({"", "合计", "", "", points_text(view.set.total), points_text(view.totals.self),
                  view.totals.inspected ? points_text(view.totals.inspection) : ""});
  xlsx::Sheet sheet{view.unit.unit_name, sheet_columns(), std::move(rows)};
  return xlsx::write_workbook({sheet});
}

std::string sheet_template() {
  xlsx::Sheet sheet{"评分表", sheet_columns(), {}};
  xlsx::Sheet guide{"填写说明", {{"说明", 100, xlsx::CellType::text}}, {}};
  for (auto const* line :
       {"一级项目写一行：序号写“一、”，项目(分)写“组织领导（15分）”；其下的评分项序号写 1、2、3…，具体内容和评分标准写在同一格（可换行分开）。",
        "二级指标（可选）序号写“（一）”，项目(分)写名称和分值。",
        "评分标准的写法：“不少于3次，每少一次扣0.5分”“达到95%，每低1个百分点扣0.5分”“每发现一处问题扣1分，扣完为止”“未制定计划的不得分”“酌情扣分”。",
        "名为“加分项（5分）”的项目下为加分项，5 分为加分上限；名为“一票否决”的项目下为否决项（不填标准分）。",
        "考核依据以考核方式开头：查阅台账、听取汇报、实地查看、问卷调查，冒号后写需提供的材料。",
        "自评分和检查组打分两列导入时不读取；由台账数据自动计分的评分项，导入后在页面上选择数据来源。"}) {
    guide.rows.push_back({line});
  }
  return xlsx::write_workbook({sheet, guide});
}

std::string results_workbook(RoundView const& view) {
  static constexpr std::pair<std::string_view, std::string_view> grade_words[] = {
      {"excellent", "优秀"}, {"good", "良好"}, {"pass", "合格"}, {"fail", "不合格"}};
  auto words = [](auto const& table, std::string const& code) {
    for (auto const& [c, w] : table) {
      if (c == code) return std::string(w);
    }
    return code;
  };
  std::vector<xlsx::Sheet> sheets;
  for (auto category : categories) {
    xlsx::Sheet sheet{std::string(category_words(category)),
                      {{"名次", 6, xlsx::CellType::number}, {"单位", 28, xlsx::CellType::text},
                       {"自评分", 9, xlsx::CellType::number}, {"检查组打分", 10, xlsx::CellType::number},
                       {"加分", 7, xlsx::CellType::number}, {"最终得分", 9, xlsx::CellType::number},
                       {"等次", 8, xlsx::CellType::text}, {"备注", 16, xlsx::CellType::text}},
                      {}};
    for (auto const& r : view.results) {
      if (r.category != category) continue;
      sheet.rows.push_back({std::to_string(r.rank), r.unit_name, points_text(r.totals.self),
                            r.totals.inspected ? points_text(r.totals.inspection) : "", points_text(r.totals.bonus),
                            points_text(r.totals.final), words(grade_words, r.totals.grade),
                            r.totals.vetoed ? "一票否决" : (r.totals.inspected ? "实地验收" : "")});
    }
    if (!sheet.rows.empty()) sheets.push_back(std::move(sheet));
  }
  if (sheets.empty()) sheets.push_back({"考核结果", {{"说明", 40, xlsx::CellType::text}}, {{"暂无参评单位"}}});
  return xlsx::write_workbook(sheets);
}

}  // namespace pufa::assess
