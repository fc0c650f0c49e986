// Reading an upload for the registry's import: the sheet and its header row, the columns by
// their names (aliases), each cell as the field reads it (docs/registry.md).
#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "registry/cells.hpp"
#include "registry/excel.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "xlsx/upload.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::size_t header_search_rows = 20;  // title rows above the header people add

[[noreturn]] void bad_file(std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), "file");
}

// --- Headers -------------------------------------------------------------------------------

// A header as compared: NFKC, no spaces, no required-marks (*, （必填）), no trailing colon.
std::string header_key(std::string_view header) {
  auto text = text::nfkc(header);
  std::string out;
  for (char const c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '*') out += c;
  }
  for (std::string_view mark : {"(必填)", "(选填)", "(可选)", "必填", ":"}) {
    for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark)) out.erase(at, mark.size());
  }
  return out;
}

// The names a column is known by: its label, its key, the entity's aliases and the usual ones
// for its kind; with and without 所属, and 号 / 号码.
std::vector<std::string> names_of(Field const& field) {
  std::vector<std::string> names{std::string(field.label), std::string(field.key)};
  for (auto alias : field.aliases) names.emplace_back(alias);
  switch (field.kind) {
    case Kind::phone:
      for (auto a : {"手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "移动电话"}) names.emplace_back(a);
      break;
    case Kind::id_number:
      for (auto a : {"身份证", "身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证件号码"}) names.emplace_back(a);
      break;
    case Kind::region:
      for (auto a : {"所属区域", "区域", "所在区域", "所属乡镇", "所属村（社区）", "村（社区）", "乡镇（街道）"}) names.emplace_back(a);
      break;
    default: break;
  }
  std::vector<std::string> out;
  for (auto const& name : names) {
    auto key = header_key(name);
    out.push_back(key);
    if (key.starts_with("所属")) out.push_back(key.substr(std::string_view("所属").size()));
    if (key.ends_with("号")) out.push_back(key + "码");
    if (field.kind == Kind::ref && !key.ends_with("名称")) out.push_back(key + "名称");
  }
  return out;
}

enum class Known { field, id, example, ignored, unknown };

struct HeaderCell {
  Known known = Known::unknown;
  Field const* field = nullptr;
};

HeaderCell match_header(Entity const& entity, std::vector<std::vector<std::string>> const& names,
                        std::string const& header) {
  auto const key = header_key(header);
  if (key.empty()) return {Known::ignored, nullptr};
  for (std::size_t i = 0; i < entity.fields.size(); ++i) {
    if (std::find(names[i].begin(), names[i].end(), key) != names[i].end()) return {Known::field, &entity.fields[i]};
  }
  if (key == id_header || key == "id" || key == "ID") return {Known::id, nullptr};
  if (key == example_header) return {Known::example, nullptr};
  if (key == reason_header || key == row_header || key == serial_header) return {Known::ignored, nullptr};
  return {Known::unknown, nullptr};
}

// --- Cells ---------------------------------------------------------------------------------

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Converted {
  std::string text;
  std::optional<std::string> problem;
  bool skip = false;  // a masked value on an updated row: the stored one stays
};

// A stored number as the text a field reads: "100", "3.5" (Excel's 15 digits, no exponent for
// whole numbers).
std::string format_number_exact(std::string const& raw) {
  double value = 0;
  auto const [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) return raw;
  if (value == std::floor(value) && std::fabs(value) < 1e15) return fmt::format("{:.0f}", value);
  return fmt::format("{:.15g}", value);
}

bool is_masked(std::string_view text) { return text.find('*') != std::string_view::npos; }

// A cell as the text from_row reads, by the field's kind. Structured kinds (numbers, dates,
// phones, ID numbers, choices) are NFKC-normalised; free text is kept as typed.
Converted convert(Field const& field, xlsx::Cell const& cell, bool updating) {
  using Type = xlsx::Cell::Type;
  bool const number = cell.type == Type::number;
  switch (field.kind) {
    case Kind::date:
      if (number) {
        if (!cell.iso.empty()) return {cell.iso.substr(0, 10)};
        // A number in a General cell: a day number Excel would show as a date only in the
        // range where dates live (1927–2173); anything else (2020, 202009) is not a date.
        double value = 0;
        auto const [end, error] = std::from_chars(cell.raw.data(), cell.raw.data() + cell.raw.size(), value);
        if (error == std::errc() && cell.text.size() == 8 && all_digits(cell.text)) return {date_from_text(cell.text)};
        if (error == std::errc() && value >= 10'000 && value < 100'000 && value == std::floor(value)) {
          return {xlsx::excel_date(value)};
        }
        return {cell.text};
      }
      return {date_from_text(cell.text)};
    case Kind::integer:
    case Kind::number: {
      if (number) return {format_number_exact(cell.raw)};
      auto text = text::nfkc(cell.text);
      // 1,234 as typed into a text cell
      std::string digits;
      for (char c : text) {
        if (c != ',') digits += c;
      }
      bool const grouped = digits.size() != text.size() && !digits.empty() &&
                           std::all_of(digits.begin(), digits.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-'; });
      return {grouped ? digits : text};
    }
    case Kind::phone:
    case Kind::id_number: {
      if (is_masked(cell.text)) {
        if (updating) return {{}, {}, true};
        return {cell.text, std::string(field.label) + "是打码显示的（" + cell.text + "），新增的记录请填写完整号码"};
      }
      if (number) {
        // Excel keeps 15 digits: an 18-digit number typed into a General cell has lost its last
        // three, and shows as 3.30781E+17. Digits stored exactly (another program wrote them) pass.
        bool const exact = all_digits(cell.raw);
        if (field.kind == Kind::id_number && (!exact || cell.raw.size() > 15 + 3)) {
          return {cell.text, "身份证号被 Excel 当作数字保存，后几位已丢失（" + cell.text +
                                 "）：请将身份证号列设为文本格式后重新填写"};
        }
        if (!exact) return {cell.text};
        return {cell.raw};
      }
      auto text = text::nfkc(cell.text);
      if (field.kind == Kind::id_number) {
        for (auto& c : text) {
          if (c == 'x') c = 'X';
        }
      }
      return {text};
    }
    case Kind::choice:
    case Kind::tags:
    case Kind::dict: return {text::nfkc(cell.text)};
    default: return {cell.text};
  }
}

// --- Reading the file ------------------------------------------------------------------------

struct Table {
  std::string sheet;
  std::vector<std::vector<xlsx::Cell>> rows;
};

std::vector<Table> tables_of(std::string_view bytes) {
  std::vector<xlsx::SheetCells> sheets;
  try {
    sheets = xlsx::read_upload(bytes);
  } catch (xlsx::ReadError const& error) {
    bad_file(error.what());
  }
  std::vector<Table> tables;
  for (auto& sheet : sheets) tables.push_back({std::move(sheet.name), std::move(sheet.rows)});
  return tables;
}

std::string where(Table const& table, std::size_t row) {
  return table.sheet.empty() ? "第 " + std::to_string(row) + " 行"
                             : "工作表“" + table.sheet + "”第 " + std::to_string(row) + " 行";
}

}  // namespace

// A date as people type it into a text cell: 2020-09-01, 2020/9/1, 2020.9.1, 2020年9月1日,
// 20200901. Anything else comes back as typed and fails the check with its own words: a
// year alone ("2020") is never read as a day number.
std::string date_from_text(std::string const& typed) {
  auto const text = text::nfkc(typed);
  if (text.size() == 8 && all_digits(text)) {
    return text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2);
  }
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  int used = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c%d%n", &y, &a, &m, &b, &d, &used) == 5 &&
      static_cast<std::size_t>(used) == text.size() && a == b && (a == '/' || a == '.' || a == '-') && m > 0 && d > 0 &&
      y >= 1000) {
    return base::date_text(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  }
  used = 0;
  if (std::sscanf(text.c_str(), "%d年%d月%d日%n", &y, &m, &d, &used) == 3 &&
      (static_cast<std::size_t>(used) == text.size() || static_cast<std::size_t>(used) == 0) && y >= 1000 && m > 0 &&
      d > 0) {
    return base::date_text(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  }
  return text;
}

ImportFile read_import(Registry const& registry, std::string_view bytes) {
  auto const& entity = registry.entity();
  auto const tables = tables_of(bytes);
  std::vector<std::vector<std::string>> names;
  for (auto const& field : entity.fields) names.push_back(names_of(field));

  // The header: the row (of the first 20 of any sheet) naming the most of the entity's columns.
  std::size_t best_table = 0, best_row = 0, best_score = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    auto const& rows = tables[t].rows;
    for (std::size_t r = 0; r < rows.size() && r < header_search_rows; ++r) {
      std::set<Field const*> matched;
      for (auto const& cell : rows[r]) {
        auto const h = match_header(entity, names, cell.text);
        if (h.known == Known::field) matched.insert(h.field);
      }
      if (matched.size() > best_score) best_table = t, best_row = r, best_score = matched.size();
    }
  }
  if (best_score == 0) {
    bad_file("没有找到表头：文件中没有“" + std::string(entity.fields.front().label) +
             "”等模板中的列名，请下载导入模板后填写");
  }
  auto const& table = tables[best_table];
  ImportFile out;
  out.sheet = table.sheet;
  out.header_row = best_row + 1;

  std::vector<HeaderCell> columns;
  std::optional<std::size_t> id_column, example_column;
  std::set<Field const*> seen;
  for (std::size_t c = 0; c < table.rows[best_row].size(); ++c) {
    auto const& text = table.rows[best_row][c].text;
    auto const h = match_header(entity, names, text);
    out.headers.push_back(text);
    if (h.known == Known::unknown) {
      bad_file(where(table, out.header_row) + "的列“" + text + "”不是“" + std::string(entity.label) +
               "”的列：请改为模板中的列名，或删除这一列");
    }
    if (h.known == Known::field && !seen.insert(h.field).second) {
      bad_file(where(table, out.header_row) + "有两列都是“" + std::string(h.field->label) + "”，请删除其中一列");
    }
    if (h.known == Known::id) id_column = c;
    if (h.known == Known::example) example_column = c;
    columns.push_back(h);
  }
  std::string missing;
  for (auto const& field : entity.fields) {
    if (field.required && !field.readonly && !seen.contains(&field)) {
      if (!missing.empty()) missing += "、";
      missing += field.label;
    }
  }
  auto const& data = table.rows;
  bool const any_update = id_column && std::any_of(data.begin() + static_cast<std::ptrdiff_t>(best_row) + 1, data.end(), [&](auto const& row) {
    return *id_column < row.size() && !row[*id_column].empty();
  });
  if (!missing.empty() && !any_update) bad_file("缺少必填的列：" + missing + "（" + where(table, out.header_row) + "是表头）");

  std::vector<std::string> example_values;
  for (auto const& field : entity.fields) example_values.push_back(in_template(field) ? example_of(field) : "");
  for (std::size_t r = best_row + 1; r < data.size(); ++r) {
    auto const& cells = data[r];
    bool blank = true;
    for (auto const& cell : cells) blank = blank && cell.empty();
    if (blank) continue;
    if (out.rows.size() >= max_import_rows) bad_file("一次最多导入 " + std::to_string(max_import_rows) + " 行，请分批导入");
    if (example_column && *example_column < cells.size() && !cells[*example_column].empty()) {
      ++out.examples;
      continue;
    }
    ImportRow row;
    row.number = r + 1;
    for (auto const& cell : cells) row.shown.push_back(cell.text);
    if (id_column && *id_column < cells.size() && !cells[*id_column].empty()) {
      auto const text = text::nfkc(cells[*id_column].type == xlsx::Cell::Type::number ? cells[*id_column].raw
                                                                                        : cells[*id_column].text);
      std::int64_t id = 0;
      auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
      if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
        row.problem = std::pair{std::string("id"), std::string(id_header) + "“" + cells[*id_column].text + "”不是有效的编号"};
      } else {
        row.id = id;
      }
    }
    bool same_as_example = !row.id;
    for (std::size_t c = 0; c < cells.size() && c < columns.size(); ++c) {
      if (columns[c].known != Known::field || cells[c].empty()) continue;
      auto const& field = *columns[c].field;
      if (cells[c].text != example_values[entity.index_of(field.key)]) same_as_example = false;
      if (field.readonly || !field.imported) continue;  // 状态, 退回原因, 照片: shown, not imported
      auto converted = convert(field, cells[c], row.id.has_value());
      if (converted.skip) continue;
      if (converted.problem && !row.problem) row.problem = std::pair{std::string(field.key), *converted.problem};
      row.originals[std::string(field.key)] = cells[c].text;
      row.cells.emplace_back(&field, std::move(converted.text));
    }
    if (same_as_example && !row.cells.empty()) {
      ++out.examples;
      continue;
    }
    out.rows.push_back(std::move(row));
  }
  if (out.rows.empty()) {
    bad_file(out.examples > 0 ? "文件中只有模板的示例行：请在示例行下方填写要导入的数据（示例行不会导入）"
                              : "文件中没有数据（" + where(table, out.header_row) + "是表头，其下没有内容）");
  }
  return out;
}

}  // namespace pufa::registry
