// The working-day calendar on the State Council's arrangement (migration calendar 1), the review
// days setting, and the PDF writer (fonts embedded, pages broken).
#include <gtest/gtest.h>

#include "app/areas.hpp"
#include "calendar/library.hpp"
#include "db/migrate.hpp"
#include "legality/service.hpp"
#include "pdf/pdf.hpp"
#include "test_db.hpp"

namespace pufa {

namespace {

calendar::Calendar loaded() {
  static pufa::testing::TempDatabase temp(db::Engine::sqlite);
  static bool migrated = [] {
    db::migrate(temp.db(), app::all_migrations());
    return true;
  }();
  (void)migrated;
  return temp.db().read([](db::Connection& conn) { return calendar::Calendar::load(conn, 2018, 2022); });
}

}  // namespace

TEST(Calendar, CountsWorkingDaysAroundTheNationalDayAndItsMakeUpDays) {
  auto const cal = loaded();
  EXPECT_TRUE(cal.knows(2020));
  EXPECT_FALSE(cal.knows(2022));
  EXPECT_FALSE(cal.is_working_day("2020-10-05"));  // 国庆 on a Monday
  EXPECT_TRUE(cal.is_working_day("2020-09-27"));   // a Sunday worked (调休)
  EXPECT_TRUE(cal.is_working_day("2020-10-10"));   // a Saturday worked
  EXPECT_FALSE(cal.is_working_day("2020-10-11"));  // an ordinary Sunday
  // Submitted on Wednesday 2020-09-30: the five days are 10-09, 10-10 (Sat, worked), 10-12, 10-13, 10-14.
  EXPECT_EQ(cal.add_working_days("2020-09-30", 5), "2020-10-14");
  // The day of receipt does not count; Friday to the next Friday is five working days.
  EXPECT_EQ(cal.add_working_days("2019-03-01", 5), "2019-03-08");
  EXPECT_EQ(cal.working_days_between("2019-03-01", "2019-03-08"), 5);
  EXPECT_EQ(cal.working_days_between("2019-03-08", "2019-03-01"), -5);
  // 春节 2020 as extended: 1-24 to 2-2 off, 1-19 (Sunday) worked.
  EXPECT_TRUE(cal.is_working_day("2020-01-19"));
  EXPECT_FALSE(cal.is_working_day("2020-01-31"));
  EXPECT_EQ(cal.add_working_days("2020-01-22", 2), "2020-02-03");
  // A year without an arrangement counts Monday to Friday.
  EXPECT_TRUE(cal.is_working_day("2022-10-03"));
}

TEST(Calendar, DatesAndWeekdays) {
  EXPECT_EQ(calendar::weekday("2026-12-03"), 4);
  EXPECT_EQ(calendar::date_of(calendar::day_number("2020-02-28") + 1), "2020-02-29");
  EXPECT_THROW(calendar::day_number("2021-02-29"), std::invalid_argument);
}

TEST(ReviewDays, ReadsOneLimitOrOnePerKind) {
  EXPECT_EQ(legality::parse_review_days("7").of("contract"), 7);
  auto const days = legality::parse_review_days("normative=5,major_decision=10");
  EXPECT_EQ(days.of("major_decision"), 10);
  EXPECT_EQ(days.of("contract"), 5);
  EXPECT_THROW(legality::parse_review_days("decree=5"), std::invalid_argument);
  EXPECT_THROW(legality::parse_review_days("0"), std::invalid_argument);
  EXPECT_THROW(legality::parse_review_days("normative=abc"), std::invalid_argument);
}

TEST(Pdf, EmbedsTheFontsAndBreaksLongTextOverPages) {
  docx::Document doc;
  doc.title = "合法性审核意见书";
  doc.author = "马涧司法所";
  doc.add(docx::Block::Kind::title, "合法性审核意见书");
  doc.add(docx::Block::Kind::subtitle, "马涧司审〔2020〕3号");
  for (int i = 0; i < 60; ++i) doc.add(docx::Block::Kind::body, "经审核，该文件（草案）按以下意见修改后合法。请你单位修改完善后按程序提交审议或者发布。");
  doc.add_table({{"序号", "意见"}, {{"1", "删除第十二条"}, {"2", "补充救济途径"}}, {1, 4}});
  doc.add(docx::Block::Kind::right, "马涧司法所\n2020年4月13日");
  auto const bytes = pdf::write(doc);
  ASSERT_TRUE(bytes.starts_with("%PDF-"));
  EXPECT_NE(bytes.find("/FontFile"), std::string::npos);  // a font program inside the file (FontFile2/3)
  // 60 paragraphs of two lines at 28.95 pt do not fit one A4 page.
  std::size_t pages = 0;
  for (auto at = bytes.find("/Type /Page"); at != std::string::npos; at = bytes.find("/Type /Page", at + 1)) {
    if (bytes.compare(at, 12, "/Type /Pages") != 0) ++pages;
  }
  EXPECT_GE(pages, 3u);
}

}  // namespace pufa
