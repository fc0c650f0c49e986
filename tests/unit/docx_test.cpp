#include "docx/docx.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "xlsx/xml_parser.hpp"
#include "xlsx/zip_archive.hpp"

namespace pufa::docx {

namespace {

// Collects the text of a WordprocessingML part and counts elements by name.
struct Collect : xlsx::XmlHandler {
  std::string chars;
  std::map<std::string, int> count;
  void start(std::string_view name, xlsx::XmlAttributes const&) override { ++count[std::string(name)]; }
  void end(std::string_view) override {}
  void text(std::string_view t) override { chars += t; }
};

}  // namespace

TEST(Docx, WritesAPackageWordOpensWithEveryPartWellFormed) {
  Document doc{.title = "2020年普法责任制落实情况通报", .author = "兰溪市普法办"};
  doc.add(Block::Kind::title, "2020年普法责任制落实情况通报（第1期）")
      .add(Block::Kind::subtitle, "统计截至 2020-07-10")
      .add(Block::Kind::body, "上半年各单位按清单推进 <普法> & \"宣传\"\x01。")
      .add_table({.header = {"名次", "单位", "得分"}, .rows = {{"1", "市公安局", "92.5"}, {"2", "市教育局", "88.0"}}, .widths = {1, 4, 2}})
      .add(Block::Kind::right, "兰溪市普法办\n2020年7月10日");
  auto const bytes = write(doc);
  ASSERT_GT(bytes.size(), 1000U);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  xlsx::ZipArchive zip(bytes);
  for (auto const* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/fontTable.xml",
                           "word/settings.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"}) {
    auto const xml = zip.read(part);
    ASSERT_TRUE(xml.has_value()) << part;
    Collect collect;
    EXPECT_NO_THROW(xlsx::parse_xml(*xml, collect, part)) << part;
  }
  Collect document;
  xlsx::parse_xml(*zip.read("word/document.xml"), document, "document");
  EXPECT_NE(document.chars.find("上半年各单位按清单推进 <普法> & \"宣传\"。"), std::string::npos);  // escaped, the control left out
  EXPECT_NE(document.chars.find("市公安局"), std::string::npos);
  EXPECT_EQ(document.count["tbl"], 1);
  EXPECT_EQ(document.count["tr"], 3);
  EXPECT_EQ(document.count["br"], 1);  // the signature's two lines
  auto const styles = *zip.read("word/styles.xml");
  EXPECT_NE(styles.find("方正小标宋简体"), std::string::npos);
  EXPECT_NE(styles.find("仿宋_GB2312"), std::string::npos);
  EXPECT_NE(zip.read("docProps/core.xml")->find("兰溪市普法办"), std::string::npos);
}

}  // namespace pufa::docx
