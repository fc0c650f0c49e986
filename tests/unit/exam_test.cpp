#include <gtest/gtest.h>

#include <set>

#include "xlsx/csv.hpp"
#include "exam/paper.hpp"
#include "exam/questions.hpp"
#include "http/error.hpp"

namespace pufa::exam {
namespace {

using xlsx::CsvError;
using xlsx::parse_csv;

// ---- CSV ----

TEST(ExamCsv, ReadsQuotedCommasEscapedQuotesLineBreaksAndBom) {
  auto rows = parse_csv("\xEF\xBB\xBF" "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x,y", "say \"hi\"", "line1\nline2"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"", "", ""}));
}

TEST(ExamCsv, SkipsBlankLinesKeepsEmptyQuotedFieldsAndLastLineWithoutNewline) {
  auto rows = parse_csv("a\n\n\"\",b\nlast,row");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"", "b"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"last", "row"}));
}

TEST(ExamCsv, KeepsAStrayQuoteInsideAnUnquotedField) {
  auto rows = parse_csv("5\"3,x\n");
  EXPECT_EQ(rows[0][0], "5\"3");
}

TEST(ExamCsv, RejectsUnterminatedQuotesAndTextAfterAClosingQuote) {
  EXPECT_THROW(parse_csv("a\n\"open,b\n"), CsvError);
  try {
    parse_csv("a\nb\n\"x\"y,z\n");
    FAIL();
  } catch (CsvError const& error) {
    EXPECT_EQ(error.record, 3u);
  }
}

// ---- answers, grading, grade bands ----

TEST(ExamGrading, NormalisesAnswerLetters) {
  EXPECT_EQ(normalise_letters("c, a"), "AC");
  EXPECT_EQ(normalise_letters("A、B、B"), "AB");
  EXPECT_EQ(normalise_letters("ＡＣ"), "AC");
  EXPECT_EQ(normalise_letters(""), "");
  EXPECT_FALSE(normalise_letters("A1").has_value());
  EXPECT_FALSE(normalise_letters("正确").has_value());
}

TEST(ExamGrading, ShownLettersMapToTheQuestionsOwnKeys) {
  // Options shown C, A, B, D are labelled A, B, C, D on screen.
  EXPECT_EQ(keys_of_shown("CABD", "A"), "C");
  EXPECT_EQ(keys_of_shown("CABD", "BC"), "AB");
  EXPECT_EQ(keys_of_shown("CABD", "E"), std::nullopt);
  EXPECT_EQ(shown_of_keys("CABD", "C"), "A");
  EXPECT_EQ(shown_of_keys("CABD", "AB"), "BC");
  EXPECT_EQ(shown_of_keys("CABD", "ABCD"), "ABCD");
  EXPECT_EQ(shown_of_keys("AB", "B"), "B");  // judge questions keep their order
  for (std::string const keys : {"A", "D", "AD", "BCD"}) EXPECT_EQ(keys_of_shown("DBAC", shown_of_keys("DBAC", keys)), keys);
}

TEST(ExamGrading, MultipleChoiceIsAllOrNothing) {
  EXPECT_TRUE(answer_correct("ACD", "ACD"));
  EXPECT_FALSE(answer_correct("ACD", "AC"));
  EXPECT_FALSE(answer_correct("ACD", "ABCD"));
  EXPECT_FALSE(answer_correct("B", ""));
  EXPECT_TRUE(answer_correct("B", "B"));
}

TEST(ExamGrading, GradeBandsHighestFirstAndThePassMarkWithoutBands) {
  std::vector<GradeBand> bands{{90, "优秀"}, {80, "良好"}, {60, "合格"}};
  EXPECT_EQ(grade_of(100, 60, bands), "优秀");
  EXPECT_EQ(grade_of(90, 60, bands), "优秀");
  EXPECT_EQ(grade_of(89, 60, bands), "良好");
  EXPECT_EQ(grade_of(60, 60, bands), "合格");
  EXPECT_EQ(grade_of(59, 60, bands), "不合格");
  EXPECT_EQ(grade_of(60, 60, {}), "合格");
  EXPECT_EQ(grade_of(59, 60, {}), "不合格");
}

TEST(ExamGrading, StemKeyIgnoresSpacesPunctuationAndWidth) {
  EXPECT_EQ(stem_key("根据民法典，离婚冷静期为多少日？"), stem_key(" 根据民法典,离婚冷静期为多少日? "));
  EXPECT_EQ(stem_key("ＡＢＣ 法"), stem_key("abc法"));
  EXPECT_NE(stem_key("离婚冷静期为三十日"), stem_key("离婚冷静期为十五日"));
  std::string longer(3000, 'x');
  EXPECT_LE(stem_key(longer).size(), 1000u);
  EXPECT_NE(stem_key(longer), stem_key(longer + "y"));
}

// ---- papers ----

Question make(std::int64_t id, std::string type, std::string tag, int options = 4) {
  Question q;
  q.id = id;
  q.type = std::move(type);
  q.tags = {std::move(tag)};
  for (int i = 0; i < (q.type == "judge" ? 2 : options); ++i) q.options.push_back({std::string(1, char('A' + i)), "x"});
  q.answer = "A";
  return q;
}

PaperPlan plan_of(std::vector<Question> const& questions, std::vector<Rule> rules) {
  PaperPlan plan;
  std::vector<Question const*> pointers;
  for (auto const& q : questions) plan.questions[q.id] = q;
  for (auto const& [id, q] : plan.questions) pointers.push_back(&q);
  plan.defaults.rules = std::move(rules);
  for (auto const& rule : plan.defaults.rules) plan.defaults.pools.push_back(pool_of(rule, pointers));
  return plan;
}

std::vector<Question> sample_bank() {
  std::vector<Question> out;
  for (int i = 1; i <= 40; ++i) out.push_back(make(i, i % 3 == 0 ? "judge" : i % 3 == 1 ? "single" : "multiple", i % 2 ? "宪法" : "民法典"));
  return out;
}

TEST(ExamPaper, TheSameSeedDrawsTheSamePaper) {
  auto const plan = plan_of(sample_bank(), {{"single", 5, 2, "", 0}, {"judge", 4, 1, "", 0}, {"multiple", 3, 4, "宪法", 0}});
  auto const a = draw_paper(plan, "", 42);
  auto const b = draw_paper(plan, "", 42);
  EXPECT_EQ(a, b);
  EXPECT_EQ(decode_paper(encode_paper(a)), a);
  ASSERT_EQ(a.size(), 12u);
  std::set<std::int64_t> ids;
  int total = 0;
  for (auto const& item : a) {
    ids.insert(item.question_id);
    total += item.score;
    auto const& q = plan.questions.at(item.question_id);
    std::string sorted = item.order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted.size(), q.options.size());
    if (q.type == "judge") EXPECT_EQ(item.order, "AB");
    if (q.type == "multiple") EXPECT_EQ(q.tags[0], "宪法");
  }
  EXPECT_EQ(ids.size(), 12u);  // no question twice
  EXPECT_EQ(total, 5 * 2 + 4 + 3 * 4);
  bool differs = false;
  for (std::uint64_t seed = 1; seed < 20 && !differs; ++seed) differs = draw_paper(plan, "", seed) != a;
  EXPECT_TRUE(differs);
}

TEST(ExamPaper, OverlappingRulesNeverRepeatAQuestion) {
  // Rule 2 (any single) overlaps rule 1 (single, 宪法).
  auto const plan = plan_of(sample_bank(), {{"single", 7, 1, "宪法", 0}, {"single", 7, 1, "", 0}});
  EXPECT_FALSE(unfillable_rule(plan.defaults).has_value());
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    auto const paper = draw_paper(plan, "", seed);
    std::set<std::int64_t> ids;
    for (auto const& item : paper) ids.insert(item.question_id);
    ASSERT_EQ(ids.size(), 14u) << seed;
  }
}

TEST(ExamPaper, ReportsTheFirstRuleTheBanksCannotFill) {
  // 14 single questions: 7 宪法, 7 民法典.
  auto const ok = plan_of(sample_bank(), {{"single", 7, 1, "宪法", 0}, {"single", 7, 1, "民法典", 0}});
  EXPECT_FALSE(unfillable_rule(ok.defaults).has_value());
  auto const too_many = plan_of(sample_bank(), {{"judge", 3, 1, "", 0}, {"single", 8, 1, "宪法", 0}});
  EXPECT_EQ(unfillable_rule(too_many.defaults), 1u);
  auto const overlap = plan_of(sample_bank(), {{"single", 10, 1, "", 0}, {"single", 5, 1, "宪法", 0}});
  EXPECT_EQ(unfillable_rule(overlap.defaults), 1u);
}

TEST(ExamPaper, RankRulesAndFixedPapers) {
  auto plan = plan_of(sample_bank(), {{"single", 2, 5, "", 0}});
  RuleSet leaders{{{"judge", 1, 10, "", 0}}, {}};
  std::vector<Question const*> pointers;
  for (auto const& [id, q] : plan.questions) pointers.push_back(&q);
  leaders.pools.push_back(pool_of(leaders.rules[0], pointers));
  plan.by_rank["县处级"] = leaders;
  auto const leader = draw_paper(plan, "县处级", 7);
  ASSERT_EQ(leader.size(), 1u);
  EXPECT_EQ(plan.questions.at(leader[0].question_id).type, "judge");
  EXPECT_EQ(draw_paper(plan, "科员", 7).size(), 2u);  // no rule for the rank: the default

  PaperPlan fixed;
  fixed.fixed = true;
  fixed.fixed_ids = {3, 1, 2};
  fixed.score_each = 5;
  fixed.shuffle_questions = false;
  fixed.shuffle_options = false;
  for (auto const& q : sample_bank()) fixed.questions[q.id] = q;
  auto const paper = draw_paper(fixed, "", 99);
  ASSERT_EQ(paper.size(), 3u);
  EXPECT_EQ(paper[0], (PaperItem{3, "AB", 5}));
  EXPECT_EQ(paper[1], (PaperItem{1, "ABCD", 5}));
}

TEST(ExamPaper, RejectsMalformedStoredPapers) {
  EXPECT_FALSE(decode_paper("12:AB").has_value());
  EXPECT_FALSE(decode_paper("x:AB:1").has_value());
  EXPECT_EQ(decode_paper("")->size(), 0u);
}

// ---- question validation ----

TEST(ExamQuestions, ValidatesAndNormalises) {
  auto q = question_from_json({{"type", "多选"}, {"stem", " 题 "}, {"options", boost::json::array{
      boost::json::object{{"key", "a"}, {"text", "1"}}, boost::json::object{{"key", "B"}, {"text", "2"}}}}, {"answer", "b,a"}});
  EXPECT_EQ(q.type, "multiple");
  EXPECT_EQ(q.stem, "题");
  EXPECT_EQ(q.answer, "AB");
  EXPECT_EQ(q.options[0].key, "A");
  auto judge = question_from_json({{"type", "judge"}, {"stem", "判断"}, {"answer", "错误"}});
  EXPECT_EQ(judge.answer, "B");
  EXPECT_EQ(judge.options.size(), 2u);
  try {
    question_from_json({{"type", "single"}, {"stem", "题"}, {"options", boost::json::array{
        boost::json::object{{"key", "A"}, {"text", "1"}}, boost::json::object{{"key", "B"}, {"text", "2"}}}}, {"answer", "C"}});
    FAIL();
  } catch (http::ApiError const& error) {
    EXPECT_EQ(error.field(), "answer");
  }
}

TEST(ExamQuestions, SniffsFormats) {
  EXPECT_EQ(sniff_format("PK\x03\x04..."), Format::xlsx);
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF [ {} ]"), Format::json);
  EXPECT_EQ(sniff_format("{\"input\":1}\n"), Format::jsonl);
  EXPECT_EQ(sniff_format("input,output\n"), Format::csv);
}

TEST(ExamQuestions, ReadsTheDiscLawEvalLayout) {
  auto rows = read_import("input,output,A,B,C,D,source,multichoice\n\"题干\n\",ACD,甲,乙,丙,丁,x,True\n", Format::csv);
  ASSERT_EQ(rows.size(), 1u);
  auto q = question_from_json(rows[0].body);
  EXPECT_EQ(rows[0].row, 2u);
  EXPECT_EQ(q.type, "multiple");
  EXPECT_EQ(q.stem, "题干");
  EXPECT_EQ(q.answer, "ACD");
  EXPECT_EQ(q.options.size(), 4u);
}

}  // namespace
}  // namespace pufa::exam
