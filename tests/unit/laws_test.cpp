#include <gtest/gtest.h>

#include "laws/numerals.hpp"
#include "laws/parser.hpp"

namespace pufa::laws {
namespace {

// ---- numerals ----

TEST(LawNumerals, ReadsCommonNumbers) {
  EXPECT_EQ(parse_chinese("一"), 1);
  EXPECT_EQ(parse_chinese("十"), 10);
  EXPECT_EQ(parse_chinese("十七"), 17);
  EXPECT_EQ(parse_chinese("二十"), 20);
  EXPECT_EQ(parse_chinese("一百"), 100);
  EXPECT_EQ(parse_chinese("一百零五"), 105);
  EXPECT_EQ(parse_chinese("一百一十"), 110);
  EXPECT_EQ(parse_chinese("一百二十"), 120);
  EXPECT_EQ(parse_chinese("一千"), 1000);
  EXPECT_EQ(parse_chinese("一千零一十"), 1010);
  EXPECT_EQ(parse_chinese("一千零七十七"), 1077);
  EXPECT_EQ(parse_chinese("一千二百六十"), 1260);
  EXPECT_EQ(parse_chinese("二千〇五"), 2005);
}

TEST(LawNumerals, RejectsMalformedNumerals) {
  for (auto bad : {"", "零", "一二", "百", "一百五", "一百十", "十一百", "一千零", "一千零百",
                   "一百零十", "万", "1077", "一x", "第一"}) {
    EXPECT_FALSE(parse_chinese(bad).has_value()) << bad;
  }
}

TEST(LawNumerals, WritesTheStatuteSpelling) {
  EXPECT_EQ(to_chinese(10), "十");
  EXPECT_EQ(to_chinese(17), "十七");
  EXPECT_EQ(to_chinese(20), "二十");
  EXPECT_EQ(to_chinese(105), "一百零五");
  EXPECT_EQ(to_chinese(110), "一百一十");
  EXPECT_EQ(to_chinese(1000), "一千");
  EXPECT_EQ(to_chinese(1010), "一千零一十");
  EXPECT_EQ(to_chinese(1077), "一千零七十七");
}

TEST(LawNumerals, RoundTripsOneToThreeThousand) {
  for (int n = 1; n <= 3000; ++n) {
    auto const text = to_chinese(n);
    ASSERT_EQ(parse_chinese(text), n) << text;
    ASSERT_EQ(parse_article_ref(article_label({n, 0})), (ArticleRef{n, 0})) << n;
    ASSERT_EQ(parse_article_ref(std::to_string(n)), (ArticleRef{n, 0})) << n;
  }
}

TEST(LawNumerals, ReadsArticleReferences) {
  ArticleRef const art1077{1077, 0};
  EXPECT_EQ(parse_article_ref("第1077条"), art1077);
  EXPECT_EQ(parse_article_ref("第一千零七十七条"), art1077);
  EXPECT_EQ(parse_article_ref("1077"), art1077);
  EXPECT_EQ(parse_article_ref(" 1077 "), art1077);
  EXPECT_EQ(parse_article_ref("一千零七十七"), art1077);
  ArticleRef const art17a{17, 1};
  EXPECT_EQ(parse_article_ref("第十七条之一"), art17a);
  EXPECT_EQ(parse_article_ref("17之一"), art17a);
  EXPECT_EQ(parse_article_ref("第17条之1"), art17a);
  EXPECT_EQ(parse_article_ref("第一百二十条之六"), (ArticleRef{120, 6}));
}

TEST(LawNumerals, RejectsBadArticleReferences) {
  for (auto bad : {"", "0", "第条", "第1077", "1077条", "abc", "第一千零七十七条之", "17之", "-3",
                   "12345", "1e3"}) {
    EXPECT_FALSE(parse_article_ref(bad).has_value()) << bad;
  }
}

TEST(LawNumerals, LabelsArticles) {
  EXPECT_EQ(article_label({1077, 0}), "第一千零七十七条");
  EXPECT_EQ(article_label({17, 1}), "第十七条之一");
}

// ---- parser ----

Law parse_ok(std::string_view text) {
  auto parsed = parse_law(text);
  if (auto const* error = std::get_if<ParseError>(&parsed)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<Law>(std::move(parsed));
}

constexpr std::string_view chapters_and_sections = R"(# 中华人民共和国示例法

2020年5月28日 第十三届全国人民代表大会第三次会议通过

2021年1月1日 施行

<!-- INFO END -->

## 第一章 总则

第一条 为了示例，制定本法。

第二条 本法适用于示例。

前款所称示例，是指测试。

## 第二章  分则

### 第一节 一般规定

第三条 第一款。

（一）第一项；

（二）第二项。

### 第二节  特别规定

第四条 特别。
)";

TEST(LawParser, ReadsChaptersSectionsAndParagraphs) {
  auto law = parse_ok(chapters_and_sections);
  EXPECT_EQ(law.title, "中华人民共和国示例法");
  EXPECT_EQ(law.part, "");
  ASSERT_EQ(law.history.size(), 2u);
  EXPECT_EQ(law.history[1], "2021年1月1日 施行");
  ASSERT_EQ(law.nodes.size(), 4u);
  EXPECT_EQ(law.nodes[0].kind, "章");
  EXPECT_EQ(law.nodes[0].depth, 1);
  EXPECT_EQ(law.nodes[2].kind, "节");
  EXPECT_EQ(law.nodes[2].depth, 2);
  EXPECT_EQ(law.nodes[2].parent, 1);
  EXPECT_EQ(law.nodes[3].title, "第二节 特别规定");  // two spaces collapsed
  EXPECT_EQ(law.nodes[1].title, "第二章 分则");      // two EN SPACEs (U+2002) too
  ASSERT_EQ(law.articles.size(), 4u);
  EXPECT_EQ(law.articles[1].label, "第二条");
  ASSERT_EQ(law.articles[1].paragraphs.size(), 2u);
  EXPECT_EQ(law.articles[1].paragraphs[0], "本法适用于示例。");
  EXPECT_EQ(law.articles[1].text(), "本法适用于示例。\n前款所称示例，是指测试。");
  EXPECT_EQ(law.articles[2].paragraphs.size(), 3u);
  EXPECT_EQ(law.path(law.articles[3].node),
            (std::vector<std::string>{"第二章 分则", "第二节 特别规定"}));
  EXPECT_EQ(latest_history_date(law.history), "2020-05-28");  // 施行 alone is not a version
}

TEST(LawParser, ReadsALawWithoutChapters) {
  auto law = parse_ok(
      "# 中华人民共和国宪法修正案（1988年）\n\n1988年4月12日 通过\n\n<!-- INFO END -->\n\n"
      "第一条 宪法第十一条增加规定：“……”\n\n第二条 宪法第十条第四款修改为：“……”\n");
  EXPECT_TRUE(law.nodes.empty());
  ASSERT_EQ(law.articles.size(), 2u);
  EXPECT_EQ(law.articles[0].node, -1);
  EXPECT_TRUE(law.path(law.articles[0].node).empty());
  EXPECT_EQ(law.articles[1].ref, (ArticleRef{2, 0}));
}

TEST(LawParser, ReadsAPartWithSubdivisionsAndRelativeDepths) {
  auto law = parse_ok(
      "# 中华人民共和国民法典\n\n# 物权编\n\n2020年5月28日 通过\n\n<!-- INFO END -->\n\n"
      "## 第一分编  通则\n\n### 第一章  一般规定\n\n第二百零五条 本编调整。\n\n"
      "### 第二章 设立\n\n#### 第一节  不动产登记\n\n第二百零九条 登记。\n");
  EXPECT_EQ(law.part, "物权编");
  ASSERT_EQ(law.nodes.size(), 4u);
  EXPECT_EQ(law.nodes[0].kind, "分编");
  EXPECT_EQ(law.nodes[0].depth, 1);
  EXPECT_EQ(law.nodes[3].depth, 3);
  EXPECT_EQ(law.path(law.articles[1].node),
            (std::vector<std::string>{"第一分编 通则", "第二章 设立", "第一节 不动产登记"}));
  EXPECT_EQ(law.articles[0].ref.number, 205);
}

TEST(LawParser, ReadsAPreambleAndIgnoresForceBreaks) {
  auto law = parse_ok(
      "# 中华人民共和国宪法\n\n1982年12月4日 通过\n\n<!-- INFO END -->\n\n## 序言\n\n甲段。\n\n"
      "<!-- FORCE BREAK -->\n\n乙段。\n\n## 第一章 总纲\n\n第一条 国家。\n\n<!-- FORCE BREAK "
      "-->\n\n第二款。\n");
  ASSERT_EQ(law.nodes.size(), 2u);
  EXPECT_EQ(law.nodes[0].kind, "序言");
  EXPECT_EQ(law.nodes[0].paragraphs, (std::vector<std::string>{"甲段。", "乙段。"}));
  ASSERT_EQ(law.articles.size(), 1u);
  EXPECT_EQ(law.articles[0].paragraphs, (std::vector<std::string>{"国家。", "第二款。"}));
}

TEST(LawParser, ReadsInsertedArticlesAndAppendices) {
  auto law = parse_ok(
      "# 中华人民共和国刑法\n\n1979年7月1日 通过\n\n<!-- INFO END -->\n\n## 第一编 总则\n\n"
      "### 第二章 犯罪\n\n#### 第一节 犯罪和刑事责任\n\n第十七条 已满十六周岁。\n\n"
      "第十七条之一 已满七十五周岁的人故意犯罪的，可以从轻。\n\n## 附则\n\n第四百五十二条 "
      "施行。\n\n"
      "## 附件一\n\n1．关于惩治某罪的决定\n");
  ASSERT_EQ(law.articles.size(), 3u);
  EXPECT_EQ(law.articles[1].ref, (ArticleRef{17, 1}));
  EXPECT_EQ(law.articles[1].label, "第十七条之一");
  EXPECT_EQ(law.nodes[0].kind, "编");
  EXPECT_EQ(law.nodes[3].kind, "其他");
  EXPECT_EQ(law.nodes[4].title, "附件一");
  EXPECT_EQ(law.nodes[4].paragraphs.size(), 1u);
  EXPECT_EQ(law.articles[2].paragraphs.size(), 1u);  // the appendix is not part of 第四百五十二条
}

TEST(LawParser, ProseStartingWithDiIsNotAnArticle) {
  auto law =
      parse_ok("# 示例条例\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第一条规定的情形 不是新条。\n");
  ASSERT_EQ(law.articles.size(), 1u);
  EXPECT_EQ(law.articles[0].paragraphs.size(), 2u);
}

TEST(LawParser, IgnoresABareHeadingMark) {
  auto law = parse_ok(
      "# 中华人民共和国民法典\n\n# 附则\n\n<!-- INFO END -->\n\n##\n\n第一千二百五十九条 甲。\n");
  EXPECT_TRUE(law.nodes.empty());
  ASSERT_EQ(law.articles.size(), 1u);
}

TEST(LawParser, AHeadingWithoutSpaceIsAnError) {
  auto parsed = parse_law("# 示例法\n\n<!-- INFO END -->\n\n##第一章\n");
  ASSERT_TRUE(std::holds_alternative<ParseError>(parsed));
  EXPECT_EQ(std::get<ParseError>(parsed).line, 5);
}

TEST(LawParser, MissingInfoEndIsAnError) {
  auto parsed = parse_law("# 中华人民共和国示例法\n\n2020年5月28日 通过\n\n第一条 甲。\n");
  ASSERT_TRUE(std::holds_alternative<ParseError>(parsed));
  EXPECT_NE(std::get<ParseError>(parsed).message.find("INFO END"), std::string::npos);
}

TEST(LawParser, MissingTitleIsAnError) {
  auto parsed = parse_law("中华人民共和国示例法\n<!-- INFO END -->\n");
  ASSERT_TRUE(std::holds_alternative<ParseError>(parsed));
  EXPECT_EQ(std::get<ParseError>(parsed).line, 1);
}

TEST(LawParser, ReadsDatesFromFileNamesAndHistory) {
  EXPECT_EQ(date_in_file_name("行政处罚法(2021-01-22).md"), "2021-01-22");
  EXPECT_EQ(date_in_file_name("宪法.md"), "");
  EXPECT_EQ(date_in_file_name("x(2021-1-22).md"), "");
  EXPECT_EQ(latest_history_date({"1982年12月4日 通过",
                                 "2018年3月11日 第十三届全国人民代表大会第一次会议通过的修正案"}),
            "2018-03-11");
  EXPECT_EQ(latest_history_date({"2021年1月1日 施行"}), "2021-01-01");
  EXPECT_EQ(latest_history_date({}), "");
}

TEST(LawParser, MergesPartsIntoOneLaw) {
  auto marriage = parse_ok(
      "# 中华人民共和国民法典\n\n# 婚姻家庭编\n\n<!-- INFO END -->\n\n## 第三章 家庭关系\n\n"
      "### 第一节 夫妻关系\n\n第一千零五十五条 夫妻平等。\n");
  auto general = parse_ok(
      "# 中华人民共和国民法典\n\n# 总则\n\n<!-- INFO END -->\n\n## 第一章 基本规定\n\n第一条 "
      "目的。\n");
  auto closing = parse_ok(
      "# 中华人民共和国民法典\n\n# 附则\n\n<!-- INFO END -->\n\n第一千二百六十条 施行。\n");
  auto law = merge_parts({marriage, closing, general});
  ASSERT_EQ(law.articles.size(), 3u);
  EXPECT_EQ(law.articles[0].ref.number, 1);
  EXPECT_EQ(law.path(law.articles[0].node),
            (std::vector<std::string>{"第一编 总则", "第一章 基本规定"}));
  EXPECT_EQ(law.path(law.articles[1].node),
            (std::vector<std::string>{"第二编 婚姻家庭", "第三章 家庭关系", "第一节 夫妻关系"}));
  EXPECT_EQ(law.path(law.articles[2].node), (std::vector<std::string>{"附则"}));
  EXPECT_EQ(law.nodes[law.articles[1].node].depth, 3);
}

}  // namespace
}  // namespace pufa::laws
