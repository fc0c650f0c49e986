#include "duty/basis.hpp"
#include "duty/penalty_sheet.hpp"
#include "duty/review.hpp"
#include "http/error.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

namespace pufa::duty {

namespace {

std::string cites(Basis const& basis) {
  std::string out;
  for (auto const& c : basis.cited) out += c.law + " " + laws::article_label(c.ref) + "|";
  return out;
}

// The UTF-8 text as Chinese Excel saves a CSV: GB18030.
std::string gbk(std::string const& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  auto const length = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

}  // namespace

TEST(PenaltyBasis, ReadsEachLawWithTheArticlesAfterIt) {
  auto const basis = parse_basis("依据《中华人民共和国食品安全法》第一百二十四条第一款第（一）项、第一百二十六条和"
                                 "《中华人民共和国产品质量法》（2018年修正）第50条之规定");
  EXPECT_EQ(cites(basis),
            "中华人民共和国食品安全法 第一百二十四条|中华人民共和国食品安全法 第一百二十六条|中华人民共和国产品质量法 第五十条|");
  EXPECT_TRUE(basis.without_article.empty());
}

TEST(PenaltyBasis, KeepsNestedTitlesWholeAndArticleSuffixes) {
  auto const basis = parse_basis("《浙江省实施《中华人民共和国道路交通安全法》办法》第六十三条、《刑法》第十七条之一");
  EXPECT_EQ(cites(basis), "浙江省实施《中华人民共和国道路交通安全法》办法 第六十三条|刑法 第十七条之一|");
}

TEST(PenaltyBasis, NamesLawsWithoutArticlesAndReadsUnbracketedText) {
  auto const named = parse_basis("《中华人民共和国行政处罚法》、《中华人民共和国广告法》第五十五条");
  EXPECT_EQ(cites(named), "中华人民共和国广告法 第五十五条|");
  ASSERT_EQ(named.without_article.size(), 1U);
  EXPECT_EQ(named.without_article.front(), "中华人民共和国行政处罚法");
  EXPECT_EQ(cites(parse_basis("根据中华人民共和国治安管理处罚法第四十三条第一款")), "中华人民共和国治安管理处罚法 第四十三条|");
  EXPECT_TRUE(parse_basis("按有关规定处理").cited.empty());
  EXPECT_TRUE(parse_basis("第三条").cited.empty());  // an article of no law
  EXPECT_TRUE(parse_basis("").cited.empty());
}

TEST(PenaltySheet, ReadsAGbkCsvWithThePublicityColumns) {
  auto const csv = gbk(
      "行政相对人名称,行政相对人类别,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚内容,处罚决定日期,处罚机关\r\n"
      "王建国,自然人,兰公（治）行罚决字〔2020〕1号,殴打他人,\"王建国殴打他人，致轻微伤\","
      "《中华人民共和国治安管理处罚法》第四十三条第一款,行政拘留五日,2020/5/12,兰溪市公安局\r\n"
      "兰溪市百味食品店,法人及非法人组织,兰市监处罚〔2020〕8号,,销售过期食品,《食品安全法》第一百二十四条,罚款5000元,2020年6月1日,\r\n");
  auto const read = read_penalties(csv, "2026-12-01");
  ASSERT_EQ(read.rows.size(), 2U);
  EXPECT_EQ(read.rows[0].row, 2U);
  EXPECT_EQ(read.rows[0].penalty.party_kind, "person");
  EXPECT_EQ(read.rows[0].penalty.decided_on, "2020-05-12");
  EXPECT_EQ(read.rows[0].penalty.enforcer, "兰溪市公安局");
  EXPECT_EQ(read.rows[1].penalty.party_kind, "organisation");
  EXPECT_EQ(read.rows[1].penalty.decided_on, "2020-06-01");
  EXPECT_EQ(cites(read.rows[1].basis), "食品安全法 第一百二十四条|");
}

TEST(PenaltySheet, RefusesTheWholeFileNamingEachBadRow) {
  auto const csv = std::string(
      "决定书文号,当事人,违法事实,处罚依据,处罚内容,决定日期\n"
      "A1,李四,事实,按有关规定,罚款,2020-01-02\n"
      "A1,张三,事实,《治安管理处罚法》第四十三条,罚款,2099-01-01\n"
      "A3,,事实,《治安管理处罚法》第四十三条,罚款,明天\n");
  try {
    read_penalties(csv, "2026-12-01");
    FAIL() << "the file was accepted";
  } catch (http::ApiError const& error) {
    EXPECT_EQ(error.code().code, "import_failed");
    auto const& rows = error.details().at("rows").as_array();
    ASSERT_EQ(rows.size(), 5U);
    EXPECT_EQ(rows[0].at("row").as_int64(), 2);
    EXPECT_EQ(rows[0].at("field").as_string(), "basis");
    EXPECT_EQ(rows[1].at("field").as_string(), "decided_on");  // ahead of today
    EXPECT_EQ(rows[2].at("field").as_string(), "doc_no");      // twice in the file
    EXPECT_EQ(rows[3].at("row").as_int64(), 4);
  }
}

TEST(ReviewResults, WeighsTheSourcesWithDataGradesByBandsAndSharesRanks) {
  Round round;  // 40 / 40 / 20, bands 90 / 80 / 60
  std::vector<Entry> entries{{.id = 1, .unit_name = "甲"}, {.id = 2, .unit_name = "乙"}, {.id = 3, .unit_name = "丙"}, {.id = 4, .unit_name = "丁"}};
  std::map<std::int64_t, Tally> tallies{{1, {3, 1, 0}}, {2, {1, 1, 1}}, {3, {3, 1, 0}}};  // 90, 53.3, 90
  std::vector<Sheet> sheets{{.source = "panel", .scores = {{1, 80}, {2, 70}, {3, 80}}},
                            {.source = "panel", .scores = {{1, 90}, {2, 60}, {3, 90}}},
                            {.source = "members", .scores = {{1, 70}, {2, 50}}}};
  auto const results = results_of(round, entries, tallies, sheets);
  ASSERT_EQ(results.size(), 4U);
  EXPECT_EQ(results[0].unit_name, "丙");  // 90 × 40 + 85 × 40 over 80: 87.5
  EXPECT_DOUBLE_EQ(*results[0].score, 87.5);
  EXPECT_EQ(*results[0].grade, "good");
  EXPECT_EQ(results[1].unit_name, "甲");  // 36 + 34 + 14 = 84
  EXPECT_DOUBLE_EQ(*results[1].score, 84);
  EXPECT_EQ(*results[1].rank, 2);
  EXPECT_DOUBLE_EQ(*results[2].crowd, 53.3);
  EXPECT_EQ(*results[2].grade, "poor");  // 21.3 + 26 + 10 = 57.3, below 一般
  EXPECT_FALSE(results[3].score.has_value());  // 丁: nothing to score
  EXPECT_FALSE(results[3].rank.has_value());
  EXPECT_EQ(grade_of(round.bands, 90), "excellent");
  EXPECT_EQ(grade_of(round.bands, 59.9), "poor");
  // Equal totals share a rank.
  auto const tied = results_of(round, {{.id = 1, .unit_name = "甲"}, {.id = 2, .unit_name = "乙"}},
                               {{1, {1, 0, 0}}, {2, {1, 0, 0}}}, {});
  EXPECT_EQ(*tied[0].rank, 1);
  EXPECT_EQ(*tied[1].rank, 1);
  // Frozen and read back.
  auto const back = results_from_text(results_text(results));
  ASSERT_EQ(back.size(), 4U);
  EXPECT_DOUBLE_EQ(*back[0].score, 87.5);
  EXPECT_EQ(back[2].tally.unsatisfied, 1);
  EXPECT_FALSE(back[3].grade.has_value());
}

}  // namespace pufa::duty
