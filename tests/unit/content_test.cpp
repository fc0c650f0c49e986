// The content area's pure parts (sanitiser, index numbers, QR codes) and the visit counter's
// flushing on both engines.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "app/areas.hpp"
#include "auth/store.hpp"
#include "content/disclosure.hpp"
#include "content/files.hpp"
#include "content/sanitize.hpp"
#include "content/store.hpp"
#include "content/visits.hpp"
#include "test_db.hpp"

namespace pufa::content {

namespace {

// ---------------------------------------------------------------------------------------------
// Sanitiser

TEST(ContentSanitize, KeepsAllowedMarkup) {
  auto const html =
      "<h2>标题</h2><p>你好，<strong>世界</strong><em>!</em><b>b</b><i>i</i><u>u</u><br></p>"
      "<blockquote><p>引文</p></blockquote><ul><li>一</li></ul><ol><li>二</li></ol>"
      "<table><thead><tr><th>甲</th></tr></thead><tbody><tr><td colspan=\"2\">乙</td></tr></tbody></table>";
  EXPECT_EQ(sanitize_html(html), html);
}

TEST(ContentSanitize, DropsScriptsWithTheirContent) {
  EXPECT_EQ(sanitize_html("<p>a</p><script>alert(1)</script><p>b</p>"), "<p>a</p><p>b</p>");
  EXPECT_EQ(sanitize_html("<p>a</p><SCRIPT type=\"text/javascript\">alert(1)</SCRIPT >b"), "<p>a</p>b");
  EXPECT_EQ(sanitize_html("x<script/src=//evil.cn/x.js></script>y"), "xy");
  EXPECT_EQ(sanitize_html("x<script>alert('</scr' + 'ipt>')</script>y"), "xy");
  EXPECT_EQ(sanitize_html("x<script>never closed <p>y</p>"), "x");
  EXPECT_EQ(sanitize_html("<style>p{color:red}</style><p>t</p>"), "<p>t</p>");
  EXPECT_EQ(sanitize_html("<iframe src=\"http://evil.cn\">inner</iframe>ok"), "ok");
  EXPECT_EQ(sanitize_html("<object data=x><param name=a></object>ok"), "ok");
  EXPECT_EQ(sanitize_html("<svg><script>alert(1)</script></svg>ok"), "ok");
  EXPECT_EQ(sanitize_html("<svg onload=alert(1)//"), "");
  EXPECT_EQ(sanitize_html("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>ok"), "ok");
  EXPECT_EQ(sanitize_html("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"),
            "\"&gt;");
}

TEST(ContentSanitize, DropsEventHandlersStylesAndUnknownAttributes) {
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/attachments/3\" alt=\"图\" onerror=\"alert(1)\">"),
            "<img src=\"/api/v1/attachments/3\" alt=\"图\">");
  EXPECT_EQ(sanitize_html("<p style=\"color:red\" onclick=\"x()\" class=\"c\">t</p>"), "<p>t</p>");
  EXPECT_EQ(sanitize_html("<span style=\"background:url(javascript:x)\">t</span>"), "<span>t</span>");
  EXPECT_EQ(sanitize_html("<img src=x onerror=alert(1)>"), "");  // no acceptable source: no image
  EXPECT_EQ(sanitize_html("<img/src=\"/api/v1/attachments/1\"/onerror=alert(1)>"), "<img src=\"/api/v1/attachments/1\">");
  EXPECT_EQ(sanitize_html("<img src=\"data:image/png;base64,AAAA\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"//evil.cn/a.png\">"), "");
  // Other sites' images are left out and reported: the portal's CSP would block them.
  SanitizeReport report;
  EXPECT_EQ(sanitize_html("<img src=\"https://www.lanxi.gov.cn/a.png\"><img src=\"//cdn.cn/b.png\">", &report), "");
  EXPECT_EQ(report.external_images, (std::vector<std::string>{"https://www.lanxi.gov.cn/a.png", "https://cdn.cn/b.png"}));
  EXPECT_EQ(sanitize_html("<td onmouseover=x rowspan=\"2\" colspan=\"a\">x</td>"), "<td rowspan=\"2\">x</td>");
}

TEST(ContentSanitize, LinksGetCheckedUrlsAndNoopener) {
  EXPECT_EQ(sanitize_html("<a href=\"https://www.lanxi.gov.cn/\">兰溪</a>"),
            "<a href=\"https://www.lanxi.gov.cn/\" rel=\"noopener noreferrer\">兰溪</a>");
  EXPECT_EQ(sanitize_html("<a href=\"/articles/3\" target=\"_blank\">x</a>"), "<a href=\"/articles/3\" rel=\"noopener\">x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"mailto:pfb@lanxi.gov.cn\">信</a>"),
            "<a href=\"mailto:pfb@lanxi.gov.cn\" rel=\"noopener\">信</a>");
  EXPECT_EQ(sanitize_html("<a href=http://x.cn/a?b=1&c=2 title=链接>t</a>"),
            "<a href=\"http://x.cn/a?b=1&amp;c=2\" title=\"链接\" rel=\"noopener noreferrer\">t</a>");
  EXPECT_EQ(sanitize_html("<a href='http://x.cn/\"onmouseover=\"alert(1)'>t</a>"),
            "<a href=\"http://x.cn/&quot;onmouseover=&quot;alert(1)\" rel=\"noopener noreferrer\">t</a>");
}

TEST(ContentSanitize, RefusesScriptUrlsHoweverTheyAreWritten) {
  for (auto const* href : {
           "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\x01javascript:alert(1)",
           "java\tscript:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)",
           "&#x6A;avascript:alert(1)", "&#0000106&#0000097vascript:alert(1)", "javascript&colon;alert(1)",
           "jav&Tab;ascript:alert(1)", "jav&#x09;ascript:alert(1)", "&#x20;javascript:alert(1)",
           "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"}) {
    auto const out = sanitize_html(std::string("<a href=\"") + href + "\">x</a>");
    EXPECT_EQ(out, "<a rel=\"noopener\">x</a>") << href;
  }
  // Unquoted and single-quoted values are read the same way.
  EXPECT_EQ(sanitize_html("<a href=javascript:alert(1)>x</a>"), "<a rel=\"noopener\">x</a>");
  EXPECT_EQ(sanitize_html("<a href='&#106;avascript:alert(1)'>x</a>"), "<a rel=\"noopener\">x</a>");
}

TEST(ContentSanitize, DropsCommentsCdataAndDeclarations) {
  EXPECT_EQ(sanitize_html("a<!-- <script>alert(1)</script> -->b"), "ab");
  EXPECT_EQ(sanitize_html("a<!-->b"), "ab");
  EXPECT_EQ(sanitize_html("a<!--->b"), "ab");
  EXPECT_EQ(sanitize_html("a<!-- x --!>b"), "ab");
  EXPECT_EQ(sanitize_html("a<!-- never closed <p>b</p>"), "a");
  // Outside SVG and MathML, <![CDATA[ is a bogus comment that ends at the first '>', as in a browser.
  EXPECT_EQ(sanitize_html("<![CDATA[<script>alert(1)</script>]]>ok"), "alert(1)]]&gt;ok");
  EXPECT_EQ(sanitize_html("<p>a</p><![CDATA[ never closed <p>b</p>"), "<p>a</p>b");
  EXPECT_EQ(sanitize_html("<!DOCTYPE html><?xml version=\"1.0\"?>ok"), "ok");
  EXPECT_EQ(sanitize_html("a</ x>b</>c"), "abc");
}

TEST(ContentSanitize, KeepsEntitiesAndEscapesText) {
  EXPECT_EQ(sanitize_html("a &amp; b&nbsp;&#20013;&#x4E2D; & c < d > e \"f\""),
            "a &amp; b&nbsp;&#20013;&#x4E2D; &amp; c &lt; d &gt; e \"f\"");
  EXPECT_EQ(sanitize_html("&lt;script&gt;alert(1)&lt;/script&gt;"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(sanitize_html("5 <3 and 4<5"), "5 &lt;3 and 4&lt;5");
}

TEST(ContentSanitize, ClosesMalformedNesting) {
  EXPECT_EQ(sanitize_html("<p><strong>a<em>b</p>c"), "<p><strong>a<em>b</em></strong></p>c");
  EXPECT_EQ(sanitize_html("<ul><li>a<li>b"), "<ul><li>a</li><li>b</li></ul>");
  EXPECT_EQ(sanitize_html("<p>a<p>b"), "<p>a</p><p>b</p>");
  EXPECT_EQ(sanitize_html("<p>a<ul><li>b</li></ul>"), "<p>a</p><ul><li>b</li></ul>");
  EXPECT_EQ(sanitize_html("</p></strong>a<b>b"), "a<b>b</b>");
  EXPECT_EQ(sanitize_html("<a href=\"/a\">1<a href=\"/b\">2</a>"),
            "<a href=\"/a\" rel=\"noopener\">1</a><a href=\"/b\" rel=\"noopener\">2</a>");
  EXPECT_EQ(sanitize_html("<table><tr><td>1<td>2<tr><td>3</table>"),
            "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>");
  EXPECT_EQ(sanitize_html("a<img src=\"/api/v1/attachments/1\""), "a");  // cut off: no tag
  EXPECT_EQ(sanitize_html("<div><font color=red>文字</font></div><h1>题</h1>"), "<div>文字</div><h2>题</h2>");
}

TEST(ContentSanitize, FlattensVeryDeepNesting) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<b>";
  deep += "x";
  auto const out = sanitize_html(deep);
  auto count = [&](std::string const& needle) {
    std::size_t n = 0;
    for (auto at = out.find(needle); at != std::string::npos; at = out.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<b>"), count("</b>"));
  EXPECT_LE(count("<b>"), 64u);
  EXPECT_NE(out.find('x'), std::string::npos);
}

TEST(ContentSanitize, ManyAttributesStayCheap) {
  std::string tag = "<a";
  for (int i = 0; i < 100'000; ++i) tag += " x" + std::to_string(i) + "=1";
  tag += " href=\"/late\">t</a>";
  auto const started = std::chrono::steady_clock::now();
  EXPECT_EQ(sanitize_html(tag), "<a rel=\"noopener\">t</a>");  // attributes past the 32nd are ignored
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
}

TEST(ContentSanitize, OutputIsStableAndNeverScriptable) {
  std::vector<std::string> const vectors = {
      "<scr<script>ipt>alert(1)</script>", "<img src=\"/api/v1/attachments/1\" onerror =alert(1)>",
      "<a href=\"  JAVASCRIPT:alert(1)\">x</a>", "<p title=\"\"><script>x</script>\">",
      "<<script>script>alert(1)<</script>/script>", "<body onload=alert(1)>", "<input autofocus onfocus=alert(1)>",
      "<a href=\"http://a.cn\" onclick=\"x\" style=\"x\">a</a>", "<img src='/api/v1/attachments/1' alt='\"><script>'>",
      "<details open ontoggle=alert(1)>", "<p>正常<strong>文字</p></strong>", "<embed src=javascript:alert(1)>",
      "<form action=javascript:alert(1)><button>x</button></form>", "<meta http-equiv=refresh content=0;url=javascript:x>",
      "<base href=javascript:/>", "<link rel=stylesheet href=x>", "<isindex action=javascript:alert(1)>",
  };
  std::regex const dangerous(R"(<(script|style|iframe|svg|object|embed|form|input|meta|base|link|body|details)|\son[a-z]+\s*=|javascript:)",
                             std::regex::icase);
  for (auto const& input : vectors) {
    auto const once = sanitize_html(input);
    EXPECT_FALSE(std::regex_search(once, dangerous)) << input << " → " << once;
    EXPECT_EQ(sanitize_html(once), once) << input;
  }
}

// The cases of issue #22, as expected outputs.
TEST(ContentSanitize, ImageSourcesStayUnderAttachmentsOnceNormalised) {
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/attachments/../../logout\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"\\..\\..\\x\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/attachments/%2e%2e/%2e%2e/logout\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/attachments/..%2f..%2flogout\">"), "");
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/attachments/7/../8\">"), "<img src=\"/api/v1/attachments/8\">");
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/./attachments//9\">"), "<img src=\"/api/v1/attachments/9\">");
  EXPECT_EQ(sanitize_html("<img src=\"\\api\\v1\\attachments\\5\">"), "<img src=\"/api/v1/attachments/5\">");
  EXPECT_EQ(sanitize_html("<img src=\"/api/v1/attachments/5x\">"), "");
}

TEST(ContentSanitize, AttributesFollowTheReferenceRuleOfAttributes) {
  // &num, &period and &copy before '=' or a letter stay as written in an attribute value…
  EXPECT_EQ(sanitize_html("<a href=\"/s?q=1&num=20&period=2026&copy=3\">x</a>"),
            "<a href=\"/s?q=1&amp;num=20&amp;period=2026&amp;copy=3\" rel=\"noopener\">x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"/s?a=1&copyright\">x</a>"), "<a href=\"/s?a=1&amp;copyright\" rel=\"noopener\">x</a>");
  // …while a legacy name before another character, and any name with ';', is read.
  EXPECT_EQ(sanitize_html("<a title=\"&copy 2026\" href=\"/a\">x</a>"), "<a href=\"/a\" title=\"© 2026\" rel=\"noopener\">x</a>");
  EXPECT_EQ(sanitize_html("<a href=\"/s?x=&amp;y\">x</a>"), "<a href=\"/s?x=&amp;y\" rel=\"noopener\">x</a>");
  EXPECT_EQ(decode_entities("&copyright &num=1 &period;"), "©right &num=1 .");
}

TEST(ContentSanitize, ProtocolRelativeAndBackslashLinksAreAbsolute) {
  for (auto const* href : {"//evil.cn/x", "\\\\evil.cn/x", "/\\evil.cn/x", "/\t/evil.cn/x", "\\/evil.cn/x", "///evil.cn/x"}) {
    EXPECT_EQ(sanitize_html(std::string("<a href=\"") + href + "\">x</a>"),
              "<a href=\"https://evil.cn/x\" rel=\"noopener noreferrer\">x</a>")
        << href;
  }
  EXPECT_EQ(sanitize_html("<a href=\"/articles/3\">x</a>"), "<a href=\"/articles/3\" rel=\"noopener\">x</a>");
}

TEST(ContentSanitize, UnclosedForeignElementsLoseOnlyTheirTag) {
  EXPECT_EQ(sanitize_html("<p>前</p><svg><p>后文仍在</p>"), "<p>前</p><p>后文仍在</p>");
  EXPECT_EQ(sanitize_html("<math>公式<p>后</p>"), "公式<p>后</p>");
  EXPECT_EQ(sanitize_html("<select><p>后</p>"), "<p>后</p>");
  EXPECT_EQ(sanitize_html("<svg><svg><svg>x"), "x");
  EXPECT_EQ(sanitize_html("<script>alert(1)"), "");  // a browser shows none of an unclosed script either
}

TEST(ContentSanitize, KeepsWhatOfficialWritingNeeds) {
  EXPECT_EQ(sanitize_html("<p style=\"text-align:center\">兰溪市司法局</p>"), "<p style=\"text-align: center\">兰溪市司法局</p>");
  EXPECT_EQ(sanitize_html("<p style=\"TEXT-INDENT: 21.0pt; color: red; text-align: justify !important\">正文</p>"),
            "<p style=\"text-align: justify; text-indent: 2em\">正文</p>");
  EXPECT_EQ(sanitize_html("<p style=\"text-indent:-2em;text-align:start\">x</p>"), "<p>x</p>");
  EXPECT_EQ(sanitize_html("面积 100m<sup>2</sup>，H<sub>2</sub>O，<s>删</s><del>除</del><hr>"),
            "面积 100m<sup>2</sup>，H<sub>2</sub>O，<s>删</s><del>除</del><hr>");
  EXPECT_EQ(sanitize_html("<h1>一</h1><h2>二</h2><h5>五</h5><h6>六</h6>"), "<h2>一</h2><h2>二</h2><h4>五</h4><h4>六</h4>");
  EXPECT_EQ(sanitize_html("<h2 id=\"sec1\">一、概况</h2><a href=\"#sec1\">见上</a>"),
            "<h2 id=\"user-content-sec1\">一、概况</h2><a href=\"#user-content-sec1\" rel=\"noopener\">见上</a>");
  EXPECT_EQ(sanitize_html("<p id=\"location\">x</p><p id=\"a b\">y</p>"), "<p id=\"user-content-location\">x</p><p>y</p>");
  EXPECT_EQ(sanitize_html("<table><caption>表1</caption><thead><tr><th colspan=\"2\">合计</th></tr></thead>"
                          "<tbody><tr><td rowspan=\"2\" style=\"text-align:center\">1</td><td>2</td></tr></tbody>"
                          "<tfoot><tr><td>注</td></tr></tfoot></table>"),
            "<table><caption>表1</caption><thead><tr><th colspan=\"2\">合计</th></tr></thead>"
            "<tbody><tr><td rowspan=\"2\" style=\"text-align: center\">1</td><td>2</td></tr></tbody>"
            "<tfoot><tr><td>注</td></tr></tfoot></table>");
  EXPECT_EQ(sanitize_html("<td colspan=\"0\" rowspan=\"5000\">x</td>"), "<td>x</td>");
  EXPECT_EQ(sanitize_html("<div>第一段</div><div><p>第二段</p></div>"), "<div>第一段</div><div><p>第二段</p></div>");
  // Everything kept is stable under a second pass.
  auto const once = sanitize_html("<h1 id=x style=\"text-align:right\">题</h1><p style=\"text-indent:2em\">文</p>");
  EXPECT_EQ(sanitize_html(once), once);
}

TEST(ContentSanitize, ReportsTheWorkABodyCauses) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<div>";
  SanitizeReport report;
  sanitize_html(deep + "x", &report);
  EXPECT_TRUE(report.too_deep);
  EXPECT_EQ(report.depth, max_html_depth);
  EXPECT_EQ(report.elements, 100u);
}

TEST(ContentSanitize, WorstCaseBodiesComeOutSafeAndStable) {
  // The bodies bench/sanitize_bench.cpp times (linear: docs/benchmarks.md); here what they give.
  auto repeat = [](std::string const& unit) {
    std::string out;
    while (out.size() < 20'000) out += unit;
    return out;
  };
  EXPECT_EQ(sanitize_html(repeat("<!---->")), "");
  EXPECT_EQ(sanitize_html(repeat("<!--")), "");
  EXPECT_EQ(sanitize_html(repeat("<svg>")), "");
  EXPECT_EQ(sanitize_html(repeat("<select>") + "尾"), "尾");
  EXPECT_EQ(sanitize_html(repeat("<![CDATA[") + ">尾"), "尾");
  for (auto const* unit : {"<a ", "&#x", "<p>", "</", "<!", "<?", "<script>", "<b x='", "&amp"}) {
    auto const once = sanitize_html(repeat(unit));
    EXPECT_EQ(sanitize_html(once), once) << unit;
  }
}

TEST(ContentSanitize, PlainTextForTheSearchIndex) {
  EXPECT_EQ(plain_text("<p>一、概况</p><p>二&amp;三&nbsp;四</p><ul><li>甲</li><li>乙</li></ul>"), "一、概况\n二&三 四\n甲\n乙");
  EXPECT_EQ(plain_text("<table><tr><td>a</td><td>b</td></tr></table>"), "a b");
  EXPECT_EQ(decode_entities("&#20013;&#x6587;&amp;&unknown;&#0;"), "中文&&unknown;\xEF\xBF\xBD");
}

// ---------------------------------------------------------------------------------------------
// Disclosure metadata, files, QR

TEST(ContentDisclosure, FormatsIndexNumbers) {
  EXPECT_EQ(format_index_no(bureau_code, 2020, 97511), "1133078173379010XA/2020-97511");
  EXPECT_EQ(format_index_no(bureau_code, 2026, 7), "1133078173379010XA/2026-00007");
  EXPECT_EQ(format_index_no(bureau_code, 2026, 123456), "1133078173379010XA/2026-123456");
}

TEST(ContentDisclosure, YearsAndDatesAreShanghaiTime) {
  auto const new_year_eve = *base::parse_iso8601("2020-12-31T16:30:00Z");  // 2021-01-01 00:30 in Lanxi
  EXPECT_EQ(base::shanghai_year(new_year_eve), 2021);
  EXPECT_EQ(base::shanghai_date(new_year_eve), "2021-01-01");
  EXPECT_EQ(base::shanghai_date(*base::parse_iso8601("2020-08-10T18:12:00+08:00")), "2020-08-10");
}

TEST(ContentFiles, SniffsByMagicBytes) {
  using namespace std::string_literals;
  EXPECT_EQ(sniff_file("%PDF-1.7\n...", ""), FileType::pdf);
  EXPECT_EQ(sniff_file("PK\x03\x04....word/document.xml"s, ""), FileType::docx);
  EXPECT_EQ(sniff_file("PK\x03\x04....xl/workbook.xml"s, ""), FileType::xlsx);
  EXPECT_EQ(sniff_file("PK\x03\x04....other.txt"s, ""), std::nullopt);
  auto const ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s;
  EXPECT_EQ(sniff_file(ole + "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"s, ""), FileType::doc);
  EXPECT_EQ(sniff_file(ole + "W\0o\0r\0k\0b\0o\0o\0k\0"s, ""), FileType::xls);
  EXPECT_EQ(sniff_file(ole, "application/vnd.ms-excel"), FileType::xls);
  EXPECT_EQ(sniff_file(ole, "application/pdf"), std::nullopt);
  EXPECT_EQ(sniff_file("\xFF\xD8\xFF\xE0"s, ""), FileType::jpeg);
  EXPECT_EQ(sniff_file("\x89PNG\r\n\x1A\n"s, ""), FileType::png);
  EXPECT_EQ(sniff_file("just text pretending to be a pdf", "application/pdf"), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Index-number counter and visit counter on both engines

class ContentDbTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<testing::TempDatabase>(GetParam());
    if (!temp_->available()) GTEST_SKIP() << "no PostgreSQL test server";
    db::migrate(temp_->db(), app::all_migrations());
  }

  std::int64_t add_article(std::string const& title) {
    return temp_->db().write([&](db::Connection& conn) {
      Article article;
      article.column = *store::column(conn, "news");
      article.region_id = auth::store::root_region(conn)->id;
      article.author_name = "测试";
      article.title = title;
      article.body_html = "<p>正文</p>";
      article.status = status::published;
      article.publisher = "市司法局";
      article.visits = 10;
      article.created_at = article.updated_at = base::now_ms();
      return store::insert_article(conn, article);
    });
  }

  std::int64_t stored_visits(std::int64_t id) {
    return temp_->db().read([&](db::Connection& conn) {
      return *conn.scalar("SELECT visits FROM content_articles WHERE id = ?", {id});
    });
  }

  std::unique_ptr<testing::TempDatabase> temp_;
};

TEST_P(ContentDbTest, SerialsContinuePerCodeAndYear) {
  temp_->db().write([&](db::Connection& conn) {
    EXPECT_EQ(store::next_serial(conn, bureau_code, 2026), 1);
    EXPECT_EQ(store::next_serial(conn, bureau_code, 2026), 2);
    EXPECT_EQ(store::next_serial(conn, "OTHER", 2026), 1);
    store::reserve_serial(conn, bureau_code, 2020, 97510);
    EXPECT_EQ(store::next_serial(conn, bureau_code, 2020), 97511);
    store::reserve_serial(conn, bureau_code, 2020, 5);  // never lowers the counter
    EXPECT_EQ(store::next_serial(conn, bureau_code, 2020), 97512);
    EXPECT_EQ(store::next_serial(conn, bureau_code, 2026), 3);
  });
}

TEST_P(ContentDbTest, VisitsAccumulateInMemoryUntilFlushed) {
  auto const id = add_article("甲");
  VisitCounter counter(temp_->db(), std::chrono::milliseconds(0));
  EXPECT_EQ(counter.add(id), 1);
  EXPECT_EQ(counter.add(id), 2);
  EXPECT_EQ(counter.add(id), 3);
  EXPECT_EQ(counter.unflushed(id), 3);
  EXPECT_EQ(stored_visits(id), 10);  // nothing written per view
  auto const commits = temp_->db().commits();
  EXPECT_EQ(counter.flush(), 1u);
  EXPECT_EQ(temp_->db().commits() - commits, 1);  // one transaction for the batch
  EXPECT_EQ(stored_visits(id), 13);
  EXPECT_EQ(counter.unflushed(id), 0);
  EXPECT_EQ(counter.flush(), 0u);  // nothing pending: no write at all
  EXPECT_EQ(temp_->db().commits() - commits, 1);
}

TEST_P(ContentDbTest, OneFlushCoversMoreArticlesThanAStatementHolds) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 70; ++i) ids.push_back(add_article("文章" + std::to_string(i)));
  VisitCounter counter(temp_->db(), std::chrono::milliseconds(0));
  for (std::size_t i = 0; i < ids.size(); ++i)
    for (std::size_t k = 0; k <= i % 3; ++k) counter.add(ids[i]);
  EXPECT_EQ(counter.flush(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(stored_visits(ids[i]), 10 + static_cast<std::int64_t>(i % 3) + 1);
}

TEST_P(ContentDbTest, TheDestructorWritesWhatIsLeft) {
  auto const id = add_article("乙");
  {
    VisitCounter counter(temp_->db(), std::chrono::hours(1));
    counter.add(id);
    counter.add(id);
  }
  EXPECT_EQ(stored_visits(id), 12);
}

TEST_P(ContentDbTest, TheBackgroundThreadFlushesPeriodically) {
  auto const id = add_article("丙");
  VisitCounter counter(temp_->db(), std::chrono::milliseconds(20));
  counter.add(id);
  auto const deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (stored_visits(id) != 11 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(stored_visits(id), 11);
  EXPECT_EQ(counter.unflushed(id), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ContentDbTest, ::testing::Values(db::Engine::sqlite, db::Engine::postgresql),
                         testing::engine_label);

}  // namespace

}  // namespace pufa::content
