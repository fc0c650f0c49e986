#include <gtest/gtest.h>

#include <stdexcept>

#include "app/areas.hpp"
#include "db/migrate.hpp"
#include "search/rank.hpp"
#include "search/search.hpp"
#include "search/segment.hpp"
#include "test_db.hpp"

namespace pufa::search {

namespace {

bool has(std::vector<std::string> const& items, std::string const& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST(SearchSegment, NormalizesWidthAndCase) {
  EXPECT_EQ(normalize("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(normalize("Pufa"), "pufa");
}

TEST(SearchSegment, LegalTermsStayWhole) {
  EXPECT_EQ(words("试用期工资"), (std::vector<std::string>{"试用期", "工资"}));
  EXPECT_EQ(words("离婚冷静期"), (std::vector<std::string>{"离婚", "冷静期"}));
  EXPECT_EQ(words("民法典第1077条"), (std::vector<std::string>{"民法典", "第", "1077", "条"}));
}

TEST(SearchSegment, IndexHoldsWordsAndBigrams) {
  auto const tokens = index_tokens("劳动者在试用期的工资不得低于");
  EXPECT_TRUE(has(tokens.words, "试用期"));
  EXPECT_TRUE(has(tokens.words, "劳动者"));
  EXPECT_FALSE(has(tokens.words, "的"));  // single characters are not indexed
  EXPECT_TRUE(has(tokens.bigrams, "用期"));
  EXPECT_TRUE(has(tokens.bigrams, "期的"));
}

TEST(SearchSegment, QueryDropsStopWordsAndExpandsSynonyms) {
  auto const query = parse_query("试用期的工资怎么算");
  EXPECT_EQ(query.terms, (std::vector<std::string>{"试用期", "工资"}));
  ASSERT_EQ(query.groups.size(), 2u);
  EXPECT_EQ(query.groups[1].alternatives, (std::vector<std::string>{"工资", "劳动报酬"}));
  auto const shopping = parse_query("网购退货");
  ASSERT_GE(shopping.groups.size(), 3u);
  EXPECT_TRUE(has(shopping.groups[0].alternatives, "网络"));
  EXPECT_TRUE(has(shopping.groups[1].alternatives, "购买"));
}

TEST(SearchSegment, SingleCharactersMergeOrDrop) {
  EXPECT_EQ(parse_query("醉驾").terms, (std::vector<std::string>{"醉驾"}));
  EXPECT_EQ(parse_query("盗窃罪").terms, (std::vector<std::string>{"盗窃"}));
  EXPECT_TRUE(parse_query("的了吗").groups.empty());
}

TEST(SearchSegment, LongWordsHaveParts) {
  EXPECT_EQ(parts_of("夫妻共同财产"), (std::vector<std::string>{"夫妻", "共同", "财产"}));
  EXPECT_TRUE(parts_of("离婚").empty());
}

TEST(SearchRank, DefiningPatterns) {
  EXPECT_TRUE(defines("本法所称家庭暴力，是指家庭成员之间", "家庭暴力"));
  EXPECT_TRUE(defines("无固定期限劳动合同，是指用人单位与劳动者", "无固定期限劳动合同"));
  EXPECT_TRUE(defines("“近亲属”，是指配偶", "近亲属"));
  EXPECT_FALSE(defines("禁止家庭暴力。", "家庭暴力"));
}

TEST(SearchRank, DefiningArticleAndCloseWordsRankFirst) {
  auto const query = parse_query("试用期");
  Idf const idf{{"试用期", 3.0}};
  Candidate defining{.body = "本法所称试用期，是指双方约定的考察期间。", .words = "本法 所称 试用期 是指"};
  Candidate plain{.body = "用人单位不得在试用期内随意解除合同。", .words = "用人单位 试用期 随意 解除 合同"};
  EXPECT_GT(score(defining, query, idf), score(plain, query, idf));

  auto const two = parse_query("试用期 解除");
  Idf const idf2{{"试用期", 3.0}, {"解除", 2.0}};
  Candidate close{.body = "试用期解除合同的，应当说明理由。", .words = "试用期 解除 合同"};
  Candidate far{.body = "试用期包含在合同期限内。此外，合同的变更、中止与其他事项依照约定，一方可以解除。",
                .words = "试用期 合同 解除"};
  EXPECT_GT(score(close, two, idf2), score(far, two, idf2));
  Candidate none{.body = "与查询无关的文字。", .words = "查询 无关 文字"};
  EXPECT_EQ(score(none, two, idf2), 0);
}

TEST(SearchRank, SnippetEscapesAndMarks) {
  auto const query = parse_query("试用期");
  EXPECT_EQ(snippet("<b>试用期</b> & 工资", query), "&lt;b&gt;<mark>试用期</mark>&lt;/b&gt; &amp; 工资");
  std::string long_text(300, 'x');
  auto const cut = snippet(long_text + "试用期" + long_text, query, 40);
  EXPECT_NE(cut.find("<mark>试用期</mark>"), std::string::npos);
  EXPECT_EQ(cut.substr(0, 3), "…");
}

namespace {

class SearchDbTest : public ::testing::TestWithParam<db::Engine> {};

Document article(std::int64_t id, std::string title, std::string body) {
  return {.kind = "article", .ref_id = id, .title = std::move(title), .heading = "新闻动态",
          .body = std::move(body), .date = "2024-05-01", .url = "/articles/" + std::to_string(id)};
}

}  // namespace

TEST_P(SearchDbTest, UpsertReplacesRemoveDeletesAndAFailedWriteLeavesNothing) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  auto& db = temp.db();
  db::migrate(db, app::all_migrations());
  auto index = make_index();
  auto find = [&](std::string q, std::string kind = "") {
    return db.read([&](db::Connection& conn) {
      return run(conn, *index, {.q = std::move(q), .kind = std::move(kind)});
    });
  };
  db.write([&](db::Connection& conn) {
    upsert(conn, article(7, "试用期的那些事", "劳动者在试用期的工资不得低于约定工资的百分之八十。"));
    upsert(conn, article(7, "试用期的那些事", "试用期内用人单位不得随意解除劳动合同。"));
    upsert(conn, {.kind = "case", .ref_id = 7, .title = "试用期案例", .heading = "以案释法",
                  .body = "某公司在试用期辞退员工。", .date = "2024-06-01", .url = "/articles/8"});
  });
  auto const both = find("试用期");
  ASSERT_EQ(both.total, 2);
  auto const articles = find("试用期", "article");
  ASSERT_EQ(articles.total, 1);
  EXPECT_NE(articles.items[0].snippet.find("解除"), std::string::npos);  // the replaced text
  EXPECT_EQ(find("百分之八十").total, 0);

  EXPECT_THROW(db.write([&](db::Connection& conn) {
    upsert(conn, article(9, "醉驾", "醉酒驾驶机动车的，处拘役。"));
    throw std::runtime_error("the caller's write fails");
  }),
               std::runtime_error);
  EXPECT_EQ(find("醉驾").total, 0);

  db.write([&](db::Connection& conn) { remove(conn, "article", 7); });
  auto const left = find("试用期");
  ASSERT_EQ(left.total, 1);
  EXPECT_EQ(left.items[0].document.kind, "case");
}

// Two nodes on one database: each has its own in-memory index and sees what the other wrote (new,
// replaced and removed documents), incrementally and after a rebuild for many removals.
TEST_P(SearchDbTest, TwoNodesSeeEachOthersWrites) {
  testing::TempDatabase temp(GetParam());
  PUFA_REQUIRE_DB(temp);
  auto& db = temp.db();
  db::migrate(db, app::all_migrations());
  auto first = make_index(), second = make_index();
  auto total = [&](Index& index, std::string q) {
    return db.read([&](db::Connection& conn) { return run(conn, index, {.q = std::move(q)}); }).total;
  };
  db.write([&](db::Connection& conn) {
    upsert(conn, article(1, "试用期", "劳动者在试用期的工资不得低于约定工资的百分之八十。"));
  });
  EXPECT_EQ(total(*first, "百分之八十"), 1);  // loads the first node's index
  EXPECT_EQ(total(*second, "百分之八十"), 1);
  db.write([&](db::Connection& conn) {
    upsert(conn, article(1, "试用期", "用人单位不得随意解除劳动合同。"));  // replaced
    upsert(conn, article(2, "醉驾", "醉酒驾驶机动车的，处拘役。"));            // new
  });
  for (auto* index : {first.get(), second.get()}) {
    EXPECT_EQ(total(*index, "百分之八十"), 0);
    EXPECT_EQ(total(*index, "解除劳动合同"), 1);
    EXPECT_EQ(total(*index, "醉驾"), 1);
  }
  // Many removals: more than a quarter of the slots (and 1,000) are dead, so the index rebuilds.
  db.write([&](db::Connection& conn) {
    for (std::int64_t id = 100; id < 1400; ++id)
      upsert(conn, article(id, "公告" + std::to_string(id), "本院定于明日公开开庭审理。"));
  });
  EXPECT_EQ(total(*first, "开庭"), 120);  // the candidate cap
  db.write([&](db::Connection& conn) {
    for (std::int64_t id = 100; id < 1399; ++id) remove(conn, "article", id);
  });
  EXPECT_EQ(total(*first, "开庭"), 1);
  EXPECT_EQ(total(*second, "开庭"), 1);
  EXPECT_EQ(total(*first, "醉驾"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, SearchDbTest,
                         ::testing::Values(db::Engine::sqlite, db::Engine::postgresql),
                         testing::engine_label);

}  // namespace pufa::search
