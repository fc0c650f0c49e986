// Reading uploads for a registry's import: the header found and matched by its usual names, every
// cell read as the user saw it, nothing mangled silently (docs/registry.md, "Import").
#include <gtest/gtest.h>

#include <map>

#include "http/error.hpp"
#include "registry/excel.hpp"
#include "text/normalize.hpp"
#include "workbooks.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::registry {
namespace {

using xlsx::CellType;
using xlsx::Sheet;

ChoiceList const genders{"genders", {{"male", "男"}, {"female", "女"}}};

Entity const people{.name = "people",
                    .table = "people",
                    .label = "人员",
                    .fields = {{.key = "name", .label = "姓名", .required = true, .max = 30},
                               {.key = "gender", .label = "性别", .kind = Kind::choice, .choices = &genders},
                               {.key = "phone", .label = "手机号", .kind = Kind::phone},
                               {.key = "id_number", .label = "身份证号", .kind = Kind::id_number},
                               {.key = "born_on", .label = "出生日期", .kind = Kind::date},
                               {.key = "count", .label = "人数", .kind = Kind::integer, .low = 0, .high = 1000},
                               {.key = "code", .label = "编码", .max = 20},
                               {.key = "status", .label = "状态", .readonly = true}},
                    .importable = true};
Registry const registry(people);

std::map<std::string, std::string> values(ImportRow const& row) {
  std::map<std::string, std::string> out;
  for (auto const& [field, text] : row.cells) out[std::string(field->key)] = text;
  return out;
}

std::string refusal(std::string_view bytes) {
  try {
    read_import(registry, bytes);
  } catch (http::ApiError const& error) {
    EXPECT_EQ(error.field(), "file");
    return error.message();
  }
  ADD_FAILURE() << "accepted";
  return "";
}

std::string text_cell(std::string const& ref, std::string const& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

TEST(RegistryImport, FindsTheHeaderBelowTitlesAndAfterAnInstructionsSheet) {
  auto const bytes = xlsx::write_workbook(
      {Sheet{"填表说明", {{"说明"}}, {{"身份证号请设为文本格式"}}},
       Sheet{"人员", {{"兰溪市人员名单"}}, {{"序号", "姓名*", "手机号码", "身份证号码", "状态"}, {"1", "张三", "13800000000", "11010519491231002x", "已审核"}}}});
  auto const file = read_import(registry, bytes);
  EXPECT_EQ(file.sheet, "人员");
  EXPECT_EQ(file.header_row, 2u);
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].number, 3u);
  auto const v = values(file.rows[0]);
  EXPECT_EQ(v.at("name"), "张三");
  EXPECT_EQ(v.at("phone"), "13800000000");
  EXPECT_EQ(v.at("id_number"), "11010519491231002X");
  EXPECT_FALSE(v.contains("status"));  // shown in exports, never imported
}

TEST(RegistryImport, RefusesUnknownRepeatedAndMissingColumnsByName) {
  auto unknown = refusal(xlsx::write_workbook({Sheet{"人员", {{"姓名"}, {"备注"}}, {{"张三", "x"}}}}));
  EXPECT_NE(unknown.find("“备注”"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("工作表“人员”第 1 行"), std::string::npos) << unknown;
  auto twice = refusal(xlsx::write_workbook({Sheet{"人员", {{"姓名"}, {"手机号"}, {"联系电话"}}, {{"张三", "1", "2"}}}}));
  EXPECT_NE(twice.find("两列都是“手机号”"), std::string::npos) << twice;
  auto missing = refusal(xlsx::write_workbook({Sheet{"人员", {{"手机号"}, {"性别"}}, {{"13800000000", "男"}}}}));
  EXPECT_NE(missing.find("缺少必填的列：姓名"), std::string::npos) << missing;
  auto none = refusal(xlsx::write_workbook({Sheet{"别的", {{"甲"}, {"乙"}}, {{"1", "2"}}}}));
  EXPECT_NE(none.find("没有找到表头"), std::string::npos) << none;
}

TEST(RegistryImport, LeavesOutTheTemplatesExampleAndRefusesAnUnchangedTemplate) {
  auto const template_bytes = template_xlsx(registry);
  auto const only = refusal(template_bytes);
  EXPECT_NE(only.find("只有模板的示例行"), std::string::npos) << only;
  // The template shows what the import stores: no 状态, a 示例 column marking the example.
  auto const rows = xlsx::read_first_sheet(template_bytes);
  EXPECT_EQ(rows[0].back(), "示例");
  EXPECT_EQ(std::find(rows[0].begin(), rows[0].end(), "状态"), rows[0].end());
  // The same example row without the marker column is still recognised as the example.
  auto header = rows[0];
  header.pop_back();
  auto example = rows[1];
  example.pop_back();
  std::vector<xlsx::Column> columns;
  for (auto const& h : header) columns.push_back({h});
  auto const unmarked = xlsx::write_workbook({Sheet{"人员", columns, {example, {"李四"}}}});
  auto const file = read_import(registry, unmarked);
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(values(file.rows[0]).at("name"), "李四");
  EXPECT_EQ(file.examples, 1u);
}

TEST(RegistryImport, ReadsCellsAsShownNeverAsDayNumbersOrRoundedDigits) {
  // Styles: 0 General, 1 yyyy"年"m"月"d"日", 2 0000000000, 3 text.
  std::string const fmts = "<numFmt numFmtId=\"176\" formatCode=\"0000000000\"/>";
  std::string const xfs = "<xf numFmtId=\"0\"/><xf numFmtId=\"31\"/><xf numFmtId=\"176\"/><xf numFmtId=\"49\"/>";
  using xlsx::fixtures::number_cell;
  std::string const header = "<row r=\"1\">" + text_cell("A1", "姓名") + text_cell("B1", "身份证号") +
                             text_cell("C1", "出生日期") + text_cell("D1", "编码") + text_cell("E1", "手机号") +
                             text_cell("F1", "人数") + "</row>";
  std::string const data =
      // Excel's own: an 18-digit number in a General cell, already rounded to 15 digits.
      "<row r=\"2\">" + text_cell("A2", "甲") + number_cell("B2", 0, "3.30781199001011E+17") +
      "<c r=\"C2\" s=\"3\" t=\"inlineStr\"><is><t>2020</t></is></c>" + number_cell("D2", 2, "33078100") +
      text_cell("E2", "１３８００００００００") + text_cell("F2", "1,234") + "</row>" +
      // Another program's: the digits stored exactly; a real date cell; a day number in General.
      "<row r=\"3\">" + text_cell("A3", "乙") + number_cell("B3", 0, "110105194912310029") + number_cell("C3", 1, "44197") +
      number_cell("D3", 3, "202009") + number_cell("E3", 0, "13812345678") + number_cell("F3", 0, "12") + "</row>" +
      "<row r=\"4\">" + text_cell("A4", "丙") + number_cell("C4", 0, "44197") + "</row>" +
      "<row r=\"5\">" + text_cell("A5", "丁") + text_cell("C5", "2020年9月1日") + "</row>" +
      "<row r=\"6\">" + text_cell("A6", "戊") + number_cell("C6", 0, "202009") + "</row>";
  auto const file = read_import(registry, xlsx::fixtures::styled_xlsx(header + data, fmts, xfs));
  EXPECT_EQ(file.sheet, "数据");  // the instructions tab before it names none of the columns
  ASSERT_EQ(file.rows.size(), 5u);
  ASSERT_TRUE(file.rows[0].problem);
  EXPECT_EQ(file.rows[0].problem->first, "id_number");
  EXPECT_NE(file.rows[0].problem->second.find("请将身份证号列设为文本格式后重新填写"), std::string::npos);
  auto const a = values(file.rows[0]);
  EXPECT_EQ(a.at("born_on"), "2020");  // a text cell: the date check names it, nothing becomes 1905
  EXPECT_EQ(a.at("code"), "0033078100");
  EXPECT_EQ(a.at("phone"), "13800000000");
  EXPECT_EQ(a.at("count"), "1234");
  auto const b = values(file.rows[1]);
  EXPECT_FALSE(file.rows[1].problem);
  EXPECT_EQ(b.at("id_number"), "110105194912310029");
  EXPECT_EQ(b.at("born_on"), "2021-01-01");
  EXPECT_EQ(b.at("code"), "202009");
  EXPECT_EQ(b.at("phone"), "13812345678");
  EXPECT_EQ(b.at("count"), "12");
  EXPECT_EQ(values(file.rows[2]).at("born_on"), "2021-01-01");
  EXPECT_EQ(values(file.rows[3]).at("born_on"), "2020-09-01");
  EXPECT_EQ(values(file.rows[4]).at("born_on"), "202009");  // not 2453-01-28
}

TEST(RegistryImport, MaskedValuesAreKeptOnUpdateAndRefusedOnCreate) {
  auto const bytes = xlsx::write_workbook({Sheet{"人员", {{"系统编号", 0, CellType::number}, {"姓名"}, {"手机号"}},
                                                 {{"17", "张三", "138****0000"}, {"", "李四", "139****0000"}}}});
  auto const file = read_import(registry, bytes);
  ASSERT_EQ(file.rows.size(), 2u);
  EXPECT_EQ(file.rows[0].id, 17);
  EXPECT_FALSE(values(file.rows[0]).contains("phone"));
  EXPECT_FALSE(file.rows[0].problem);
  ASSERT_TRUE(file.rows[1].problem);
  EXPECT_NE(file.rows[1].problem->second.find("打码"), std::string::npos);
}

TEST(RegistryImport, TellsWhatToDoWithOldWorkbooksAndReadsChineseCsv) {
  EXPECT_NE(refusal("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old").find("另存为” .xlsx"), std::string::npos);
  std::string const gbk = "\xD0\xD5\xC3\xFB,\xCA\xD6\xBB\xFA\xBA\xC5\n\xD5\xC5\xC8\xFD,13800000000\n";  // 姓名,手机号 / 张三
  auto const file = read_import(registry, gbk);
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(values(file.rows[0]).at("name"), "张三");
  EXPECT_EQ(values(file.rows[0]).at("phone"), "13800000000");
}

TEST(RegistryImport, SaysWhatCannotBeSeenInAValue) {
  EXPECT_EQ(text::hidden_characters("138\u30000000"), "含全角空格");
  EXPECT_EQ(text::hidden_characters("138 0000"), "含空格");
  EXPECT_EQ(text::hidden_characters("138\u200b0000"), "含不可见字符");
  EXPECT_EQ(text::hidden_characters("１３８"), "含全角字符");
  EXPECT_EQ(text::hidden_characters("13800000000"), std::nullopt);
  EXPECT_EQ(text::nfkc("１３８\u3000ＡＢ\u200b"), "138 AB");
}

}  // namespace
}  // namespace pufa::registry
