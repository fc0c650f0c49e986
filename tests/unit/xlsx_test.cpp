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

#include "xlsx/zip_archive.hpp"

namespace pufa::xlsx {

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip made in memory, the way any other producer would store the parts.
std::string make_zip(Parts const& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (auto const& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  }
  zip_close(archive);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  std::string bytes(static_cast<std::size_t>(zip_source_tell(buffer)), '\0');
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

constexpr char const* main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char const* rel_ns =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string relationship(std::string_view id, std::string_view type, std::string_view target) {
  return std::string("<Relationship Id=\"") + std::string(id) + "\" Type=\"" + rel_ns + "/" +
         std::string(type) + "\" Target=\"" + std::string(target) + "\"/>";
}

// The smallest workbook: one sheet at xl/worksheets/sheet1.xml, optional shared strings.
std::string minimal_xlsx(std::string const& sheet_data, std::string const& shared = "") {
  std::string const workbook =
      std::string("<workbook xmlns=\"") + main_ns + "\" xmlns:r=\"" + rel_ns +
      "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>" + "</sheets></workbook>";
  std::string const rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
      relationship("rId2", "sharedStrings", "sharedStrings.xml") + "</Relationships>";
  Parts parts{
      {"xl/workbook.xml", workbook},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", std::string("<worksheet xmlns=\"") + main_ns + "\"><sheetData>" +
                                       sheet_data + "</sheetData></worksheet>"}};
  if (!shared.empty()) {
    parts.emplace_back("xl/sharedStrings.xml",
                       std::string("<sst xmlns=\"") + main_ns + "\">" + shared + "</sst>");
  }
  return make_zip(parts);
}

std::string part_of(std::string const& xlsx, std::string const& name) {
  return ZipArchive(xlsx).read(name).value_or("");
}

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
               {{"姓名", 10}, {"身份证号", 22}, {"手机号", 14}, {"备注", 40}, {"金额", 12, true}},
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

}  // namespace pufa::xlsx
