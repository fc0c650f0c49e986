#include "xlsx/xlsx.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <utility>

#include "xlsx/csv.hpp"
#include "xlsx/number_format.hpp"
#include "workbooks.hpp"
#include "xlsx/zip_archive.hpp"

namespace pufa::xlsx {

namespace {

using namespace fixtures;

// The message a rejected file gets, to check it was rejected for the right reason.
std::string rejection(std::string_view bytes) {
  try {
    read_first_sheet(bytes);
  } catch (ReadError const& error) {
    return error.what();
  }
  return "accepted";
}

Sheet people() {
  return Sheet{"人员名单",
               {{"姓名", 10}, {"身份证号", 22}, {"手机号", 14}, {"备注", 40}, {"金额", 12, CellType::number}},
               {{"张三", "11010519491231002X", "13812345678", "", "12.5"},
                {"李四", "110101199003071234", "", std::string(3000, 'x') + "很长的备注", "100"},
                {},
                {"王五", "", "", "含 \"引号\" & <尖括号>\n换行", "待定"}}};
}

}  // namespace

TEST(XlsxWrite, RoundTripsTextExactly) {
  auto const bytes = write_workbook({people(), Sheet{"第二页", {{"列"}}, {{"不读"}}}});
  ASSERT_TRUE(bytes.starts_with("PK"));
  Rows const expected{
      {"姓名", "身份证号", "手机号", "备注", "金额"},
      {"张三", "11010519491231002X", "13812345678", "", "12.5"},
      {"李四", "110101199003071234", "", std::string(3000, 'x') + "很长的备注", "100"},
      {},
      {"王五", "", "", "含 \"引号\" & <尖括号>\n换行", "待定"}};
  EXPECT_EQ(read_first_sheet(bytes), expected);
}

TEST(XlsxWrite, FreezesFiltersAndSizesTheHeader) {
  auto const bytes = write_workbook({people()});
  auto const sheet = part_of(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<pane ySplit=\"1\""), std::string::npos) << sheet.substr(0, 600);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:E5\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("width=\"22.7109375\""), std::string::npos);  // 22 plus Excel's padding
  EXPECT_NE(sheet.find("<v>12.5</v>"), std::string::npos);           // numeric column
  EXPECT_EQ(sheet.find("<v>13812345678</v>"), std::string::npos);    // phone stays text
  EXPECT_NE(part_of(bytes, "xl/styles.xml").find("<b/>"), std::string::npos);
  EXPECT_NE(part_of(bytes, "xl/workbook.xml").find("name=\"人员名单\""), std::string::npos);
}

TEST(XlsxWrite, DatesAndTimesAreExcelDates) {
  Sheet sheet{"日期", {{"日期", 12, CellType::date}, {"时间", 18, CellType::datetime}},
              {{"2021-01-01", "2026-12-02 02:02"}, {"2021-01-01 08:00", "2026-12-02"}, {"不详", "2026-12-02 02:02:30"}}};
  auto const bytes = write_workbook({sheet});
  auto const xml = part_of(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("<v>44197</v>"), std::string::npos) << xml;                // 2021-01-01 as serial
  EXPECT_NE(xml.find("<v>46358.084722222"), std::string::npos) << xml;          // 02:02 as a day fraction
  EXPECT_NE(xml.find("<v>46358.085069444"), std::string::npos) << xml;          // with seconds
  EXPECT_NE(part_of(bytes, "xl/styles.xml").find("formatCode=\"yyyy-mm-dd hh:mm\""), std::string::npos);
  // What is not a date of the column's kind stays text, as written.
  auto const rows = read_first_sheet(bytes);
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2021-01-01 08:00", "2026-12-02"}));
  EXPECT_EQ(rows[3][0], "不详");
  // Read back as shown: the date and date-time formats apply.
  EXPECT_EQ(rows[1], (std::vector<std::string>{"2021-01-01", "2026-12-02 02:02"}));
  auto const cells = read_workbook(bytes).front().rows;
  EXPECT_EQ(cells[1][0].iso, "2021-01-01");
  EXPECT_EQ(cells[1][1].iso, "2026-12-02 02:02");
  EXPECT_EQ(cells[1][0].raw, "44197");
}

TEST(XlsxWrite, FitsColumnWidthsToTheirContent) {
  Sheet sheet{"宽度", {{"活动名称"}, {"人数", 0, CellType::number}},
              {{"兰溪市2020年“宪法宣传周”暨“法律六进”集中宣传活动启动仪式", "12"}}};
  auto const xml = part_of(write_workbook({sheet}), "xl/worksheets/sheet1.xml");
  // 28 CJK characters and 4 digits: about 61 units, capped at 60; the short column stays narrow.
  EXPECT_NE(xml.find("width=\"60."), std::string::npos) << xml;
  EXPECT_EQ(xml.find("width=\"16"), std::string::npos) << xml;
}

TEST(XlsxWrite, MakesSheetNamesValid) {
  auto const bytes =
      write_workbook({Sheet{"'2024/01 [汇总]: 一二三四五六七八九十一二三四五六七八九十'"}});
  EXPECT_NE(part_of(bytes, "xl/workbook.xml")
                .find("name=\"2024_01 _汇总__ 一二三四五六七八九十一二三四五六七\""),
            std::string::npos);
}

TEST(XlsxWrite, RejectsDuplicateSheetNamesAndOverlongCells) {
  EXPECT_THROW(write_workbook({Sheet{"名单"}, Sheet{"名单"}}), WriteError);
  EXPECT_THROW(write_workbook({Sheet{"名单", {{"备注"}}, {{std::string(32768, 'x')}}}}),
               WriteError);
}

TEST(XlsxRead, ReadsWhatAnotherProducerWrites) {
  // Prefixed elements, a chart sheet first, absolute and renamed targets, rich text with
  // phonetic runs, inline strings, gaps, rows without r=, escapes, and a styled blank cell far
  // beyond max_rows that must not count.
  std::string const x = "xmlns:x=\"" + std::string(main_ns) + "\"";
  std::string const workbook = "<x:workbook " + x + " xmlns:r=\"" + rel_ns +
                               "\"><x:sheets><x:sheet name=\"图\" sheetId=\"2\" r:id=\"rId3\"/>"
                               "<x:sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets>"
                               "</x:workbook>";
  std::string const rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      relationship("rId1", "worksheet", "/xl/worksheets/data.xml") +
      relationship("rId2", "sharedStrings", "strings/shared.xml") +
      relationship("rId3", "chartsheet", "chartsheets/sheet1.xml") + "</Relationships>";
  std::string const shared = "<sst xmlns=\"" + std::string(main_ns) +
                             "\"><si><t>姓名</t></si>"
                             "<si><r><rPr><b/></rPr><t>联系</t></r><r><t>电话</t></r>"
                             "<rPh sb=\"0\" eb=\"2\"><t>レンラク</t></rPh></si>"
                             "<si><t>&amp; &lt;特殊&gt;</t></si></sst>";
  std::string const sheet =
      "<x:worksheet " + x +
      "><x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"C1\" t=\"s\"><x:v>1</x:v>"
      "</x:c><x:c r=\"D1\" t=\"inlineStr\"><x:is><x:t>出生日期</x:t></x:is></x:c></x:row>"
      "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:r><x:t>张</x:t></x:r><x:r><x:rPr>"
      "<x:b/></x:rPr><x:t xml:space=\"preserve\">三 </x:t></x:r></x:is></x:c>"
      "<x:c r=\"C2\"><x:v>1.3812345678E10</x:v></x:c><x:c r=\"D2\" s=\"1\"><x:v>44197</x:v></x:c>"
      "<x:c r=\"E2\" t=\"b\"><x:v>1</x:v></x:c><x:c r=\"F2\"><x:v>3.5</x:v></x:c>"
      "<x:c r=\"G2\" t=\"str\"><x:f>A1</x:f><x:v>公式_x000D_结果</x:v></x:c>"
      "<x:c r=\"H2\"><x:v>0.30000000000000004</x:v></x:c><x:c r=\"I2\"><x:v>1.23456789012345E14"
      "</x:v></x:c><x:c r=\"J2\"><x:v>1E+15</x:v></x:c></x:row>"
      "<x:row><x:c t=\"s\"><x:v>2</x:v></x:c><x:c r=\"B3\" t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
      "<x:row r=\"5\"><x:c r=\"A5\" t=\"inlineStr\"><x:is><x:t>\u3000王五\u3000</x:t></x:is></x:c>"
      "</x:row><x:row r=\"900000\"><x:c r=\"A900000\" s=\"1\"/></x:row>"
      "</x:sheetData></x:worksheet>";
  auto const bytes = make_zip({{"xl/workbook.xml", workbook},
                               {"xl/_rels/workbook.xml.rels", rels},
                               {"xl/strings/shared.xml", shared},
                               {"xl/worksheets/data.xml", sheet}});

  auto const rows = read_first_sheet(bytes);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"姓名", "", "联系电话", "出生日期"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"张三", "", "13812345678", "44197", "TRUE", "3.5",
                                               "公式\r结果", "0.3", "123456789012345", "1e+15"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"& <特殊>", "#N/A"}));
  EXPECT_TRUE(rows[3].empty());
  EXPECT_EQ(rows[4], (std::vector<std::string>{"王五"}));
  EXPECT_EQ(excel_date(std::stod(rows[1][3])), "2021-01-01");
}

TEST(XlsxRead, ReadsWhatLibreOfficeWrites) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "no soffice";
  auto const dir =
      std::filesystem::temp_directory_path() / ("pufa-xlsx-lo-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "people.csv") << "姓名,身份证号,手机号,出生日期,备注\n"
                                       "张三,11010519491231002X,13812345678,2021-01-01,\n"
                                       "李四,110101199003071234,,1990-03-07,\"逗号, 引号\"\"\"\n";
  // Column 2 imported as text (format 2), as a user would to keep the ID digits.
  std::string const command = "cd '" + dir.string() +
                              "' && timeout 120 soffice -env:UserInstallation=file://" +
                              dir.string() +
                              "/profile --headless --infilter=CSV:44,34,76,1,1/1/2/2 "
                              "--convert-to xlsx people.csv >/dev/null 2>&1";
  int const status = std::system(command.c_str());
  std::ifstream in(dir / "people.xlsx", std::ios::binary);
  std::string const bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::filesystem::remove_all(dir);
  ASSERT_EQ(status, 0);
  ASSERT_FALSE(bytes.empty());

  auto const rows = read_first_sheet(bytes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"姓名", "身份证号", "手机号", "出生日期", "备注"}));
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{"张三", "11010519491231002X", "13812345678", "44197"}));
  ASSERT_EQ(rows[2].size(), 5u);
  EXPECT_EQ(rows[2][1], "110101199003071234");
  EXPECT_EQ(rows[2][2], "");
  EXPECT_EQ(excel_date(std::stod(rows[2][3])), "1990-03-07");
  EXPECT_EQ(rows[2][4], "逗号, 引号\"");
}

TEST(XlsxRead, RejectsWhatIsNotAWorkbook) {
  std::mt19937 random(42);
  std::string noise(4096, '\0');
  for (auto& byte : noise) byte = static_cast<char>(random());
  auto const real = write_workbook({people()});

  EXPECT_THROW(read_first_sheet(""), ReadError);
  EXPECT_THROW(read_first_sheet(noise), ReadError);
  EXPECT_THROW(read_first_sheet("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old xls"), ReadError);
  EXPECT_THROW(read_first_sheet(std::string_view(real).substr(0, real.size() / 2)), ReadError);
  EXPECT_THROW(read_first_sheet(make_zip({{"hello.txt", "hi"}})), ReadError);
  EXPECT_THROW(read_first_sheet(make_zip({{"xl/workbook.xml", "<workbook/>"}})), ReadError);
}

TEST(XlsxRead, RejectsBrokenParts) {
  EXPECT_THROW(read_first_sheet(minimal_xlsx("<row><c><v>1</v></row>")), ReadError);
  EXPECT_THROW(read_first_sheet(minimal_xlsx("<row><c t=\"s\"><v>3</v></c></row>", "<si/>")),
               ReadError);
  EXPECT_THROW(read_first_sheet(minimal_xlsx("<row><c r=\"1A\"><v>1</v></c></row>")), ReadError);
  std::string const doctype =
      "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst><si><t>&a;</t></si></sst>";
  auto bytes = minimal_xlsx("");
  auto const with_doctype =
      make_zip({{"xl/workbook.xml", part_of(bytes, "xl/workbook.xml")},
                {"xl/_rels/workbook.xml.rels", part_of(bytes, "xl/_rels/workbook.xml.rels")},
                {"xl/worksheets/sheet1.xml", "<worksheet/>"},
                {"xl/sharedStrings.xml", doctype}});
  EXPECT_NE(rejection(with_doctype).find("DOCTYPE"), std::string::npos);
}

TEST(XlsxRead, EnforcesLimits) {
  auto const cell = [](std::string const& ref) {
    return "<row><c r=\"" + ref + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
  };
  EXPECT_EQ(read_first_sheet(minimal_xlsx(cell("A100000"))).size(), max_rows);
  EXPECT_NE(rejection(minimal_xlsx(cell("A100001"))).find("100000 行"), std::string::npos);
  EXPECT_EQ(read_first_sheet(minimal_xlsx(cell("GR1")))[0].size(), max_columns);
  EXPECT_NE(rejection(minimal_xlsx(cell("GS1"))).find("200 列"), std::string::npos);

  std::string wide;
  for (std::size_t row = 1; row <= max_cells / max_columns + 1; ++row) {
    wide += cell("GR" + std::to_string(row));
  }
  EXPECT_NE(rejection(minimal_xlsx(wide)).find("单元格过多"), std::string::npos);
  EXPECT_NE(rejection(minimal_xlsx(std::string(max_part_bytes, ' '))).find("过大"),
            std::string::npos);
}

TEST(XlsxDate, ConvertsSerials) {
  EXPECT_EQ(excel_date(44197), "2021-01-01");
  EXPECT_EQ(excel_date(44197.75), "2021-01-01");
  EXPECT_EQ(excel_date(44197.99999999999), "2021-01-02");
  EXPECT_EQ(excel_date(1), "1900-01-01");
  EXPECT_EQ(excel_date(59), "1900-02-28");
  EXPECT_EQ(excel_date(60), "1900-02-29");  // Excel's fake leap day
  EXPECT_EQ(excel_date(61), "1900-03-01");
  EXPECT_EQ(excel_date(32936), "1990-03-04");
  EXPECT_EQ(excel_date(2958465), "9999-12-31");
  EXPECT_EQ(excel_date(0), "");
  EXPECT_EQ(excel_date(2958466), "");
  EXPECT_EQ(excel_date(std::nan("")), "");
}

TEST(XlsxFormat, ShowsNumbersAsExcelDoes) {
  EXPECT_EQ(render_number(44197, builtin_format(14), false), "2021/1/1");
  EXPECT_EQ(iso_of(44197, builtin_format(14), false), "2021-01-01");
  EXPECT_EQ(render_number(44169, builtin_format(58), false), "12月4日");
  EXPECT_EQ(render_number(44197, builtin_format(31), false), "2021年1月1日");
  EXPECT_EQ(render_number(44197, custom_format("yyyy\"年\"m\"月\"d\"日\" aaaa"), false), "2021年1月1日 星期五");
  EXPECT_EQ(render_number(44197, custom_format("[$-804]yyyy-mm-dd;@"), false), "2021-01-01");
  EXPECT_EQ(render_number(0.375, builtin_format(20), false), "9:00");
  EXPECT_EQ(iso_of(0.375, builtin_format(20), false), "09:00");
  EXPECT_EQ(render_number(0.375, builtin_format(18), false), "9:00 AM");
  EXPECT_EQ(render_number(0.8125, builtin_format(34), false), "下午7时30分");
  EXPECT_EQ(render_number(44197.5, builtin_format(22), false), "2021/1/1 12:00");
  EXPECT_EQ(iso_of(44197.5, builtin_format(22), false), "2021-01-01 12:00");
  EXPECT_EQ(render_number(1.5, builtin_format(46), false), "36:00:00");
  EXPECT_EQ(render_number(0.5, builtin_format(9), false), "50%");
  EXPECT_EQ(render_number(0.1234, builtin_format(10), false), "12.34%");
  EXPECT_EQ(render_number(33078100, custom_format("0000000000"), false), "0033078100");
  EXPECT_EQ(render_number(13812345678, custom_format("000-0000-0000"), false), "138-1234-5678");
  EXPECT_EQ(render_number(1234.5, builtin_format(4), false), "1,234.50");
  EXPECT_EQ(render_number(-1234.5, builtin_format(3), false), "-1,235");
  EXPECT_EQ(render_number(-5, custom_format("0;(0)"), false), "(5)");
  EXPECT_EQ(render_number(12, custom_format("0\"元\""), false), "12元");
  EXPECT_EQ(render_number(3.14159, custom_format("#.##"), false), "3.14");
  EXPECT_EQ(render_number(3, custom_format("#.##"), false), "3.");
  EXPECT_EQ(render_number(0.5, builtin_format(12), false), "1/2");
  EXPECT_EQ(render_number(1.75, builtin_format(12), false), "1 3/4");
  EXPECT_EQ(render_number(0.3333, builtin_format(13), false), "1/3");
  EXPECT_EQ(render_number(1234567, builtin_format(11), false), "1234567");  // scientific: General here
  EXPECT_EQ(render_number(2020, builtin_format(0), false), "2020");
  EXPECT_EQ(render_number(2020, builtin_format(49), false), "2020");
  // The 1904 system counts from 1904-01-01 = 0.
  EXPECT_EQ(render_number(0, builtin_format(14), true), "1904/1/1");
  EXPECT_EQ(iso_of(42735, builtin_format(14), true), "2021-01-01");
}

TEST(XlsxRead, ShowsEachCellThroughItsFormat) {
  // Style 0 General, 1 a zh-CN date, 2 h:mm, 3 0%, 4 a custom zero-padded code, 5 text "@",
  // 6 m"月"d"日" (what Excel makes of 12/4 typed in a zh-CN locale), 7 # ?/?.
  std::string const fmts = "<numFmt numFmtId=\"176\" formatCode=\"0000000000\"/>";
  std::string const xfs = "<xf numFmtId=\"0\"/><xf numFmtId=\"31\"/><xf numFmtId=\"20\"/><xf numFmtId=\"9\"/>"
                          "<xf numFmtId=\"176\"/><xf numFmtId=\"49\"/><xf numFmtId=\"58\"/><xf numFmtId=\"12\"/>";
  std::string const row = "<row r=\"1\">" + number_cell("A1", 0, "3.30781199001011E+17") + number_cell("B1", 1, "44197") +
                          number_cell("C1", 2, "0.375") + number_cell("D1", 3, "0.5") + number_cell("E1", 4, "33078100") +
                          "<c r=\"F1\" s=\"5\" t=\"s\"><v>0</v></c>" + number_cell("G1", 6, "44169") +
                          number_cell("H1", 7, "0.5") + "</row>";
  auto const bytes = styled_xlsx(row, fmts, xfs, false, "<si><t>2020</t></si>");
  auto const sheets = read_workbook(bytes);
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].name, "说明");  // tab order kept; the caller picks the sheet
  EXPECT_EQ(sheets[1].name, "数据");
  auto const& cells = sheets[1].rows.at(0);
  ASSERT_EQ(cells.size(), 8u);
  EXPECT_EQ(cells[0].text, "3.30781199001011e+17");
  EXPECT_EQ(cells[0].raw, "3.30781199001011E+17");
  EXPECT_EQ(cells[0].type, Cell::Type::number);
  EXPECT_EQ(cells[1].text, "2021年1月1日");
  EXPECT_EQ(cells[1].iso, "2021-01-01");
  EXPECT_EQ(cells[2].text, "9:00");
  EXPECT_EQ(cells[2].iso, "09:00");
  EXPECT_EQ(cells[3].text, "50%");
  EXPECT_EQ(cells[4].text, "0033078100");
  EXPECT_EQ(cells[5].text, "2020");  // a text cell stays text: never a day number
  EXPECT_EQ(cells[5].type, Cell::Type::text);
  EXPECT_TRUE(cells[5].text_format);
  EXPECT_TRUE(cells[5].iso.empty());
  EXPECT_EQ(cells[6].text, "12月4日");
  EXPECT_EQ(cells[7].text, "1/2");

  auto const in_1904 = read_workbook(styled_xlsx("<row r=\"1\">" + number_cell("A1", 1, "42735") + "</row>", fmts, xfs, true));
  EXPECT_EQ(in_1904[1].rows[0][0].iso, "2021-01-01");
  EXPECT_EQ(in_1904[1].rows[0][0].text, "2021年1月1日");
}

TEST(XlsxSniff, TellsWorkbooksOldWorkbooksAndTextApart) {
  EXPECT_EQ(sniff(write_workbook({people()})), FileKind::xlsx);
  EXPECT_EQ(sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old"), FileKind::xls);
  EXPECT_EQ(sniff("姓名,手机号\n"), FileKind::csv_or_text);
  EXPECT_EQ(sniff(std::string("\xFF\xFE\x59\x5B", 4)), FileKind::csv_or_text);
  EXPECT_EQ(sniff(std::string("\x01\x00\x02", 3)), FileKind::other);
}

TEST(XlsxCsv, ReadsWhatChineseExcelAndWpsSave) {
  // GBK (Excel's "CSV (逗号分隔)" in a zh-CN Windows), UTF-16 with tabs ("Unicode 文本"), UTF-8 with a BOM.
  std::string const gbk("\xD0\xD5\xC3\xFB\x2C\xCA\xD6\xBB\xFA\xBA\xC5\x0A\xD5\xC5\xC8\xFD\x2C\x31\x33\x38\x30\x30\x30\x30\x30\x30\x30\x30\x0A", 29);
  std::string const utf16("\xFF\xFE\xD3\x59\x0D\x54\x09\x00\x4B\x62\x3A\x67\xF7\x53\x0D\x00\x0A\x00\x4E\x67\xDB\x56\x09\x00\x31\x00\x33\x00\x39\x00\x30\x00\x30\x00\x30\x00\x30\x00\x30\x00\x30\x00\x30\x00\x30\x00\x0D\x00\x0A\x00", 50);
  auto const a = read_text_table(gbk);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], (std::vector<std::string>{"姓名", "手机号"}));
  EXPECT_EQ(a[1], (std::vector<std::string>{"张三", "13800000000"}));
  auto const b = read_text_table(utf16);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], (std::vector<std::string>{"姓名", "手机号"}));
  EXPECT_EQ(b[1], (std::vector<std::string>{"李四", "13900000000"}));
  EXPECT_EQ(read_text_table("\xEF\xBB\xBF姓名;手机号\n王五;1\n")[1], (std::vector<std::string>{"王五", "1"}));
  EXPECT_THROW(read_text_table(std::string("\xFF\xFE\x00\xD8", 4)), CsvError);  // a lone surrogate
}

}  // namespace pufa::xlsx
