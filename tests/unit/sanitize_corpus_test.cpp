// The sanitiser against public XSS payload lists (tests/fixtures/xss, sources and licences in
// SOURCE.md): every output is canonical markup made only of allowed tags and attributes with
// checked values, and a second pass changes nothing. tests/e2e/sanitize.test.mjs renders the
// same outputs in Chromium.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/sanitize.hpp"

namespace pufa::content {
namespace {

std::vector<std::string> payloads(std::string const& file) {
  std::ifstream in(std::string(PUFA_XSS_DIR) + "/" + file);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> out;
  auto const parsed = boost::json::parse(text.str());
  for (auto const& item : parsed.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
    else out.emplace_back(item.as_object().at("payload").as_string());
  }
  return out;
}

std::map<std::string, std::set<std::string>> const allowed = [] {
  std::map<std::string, std::set<std::string>> out;
  for (auto const* tag : {"br", "strong", "b", "em", "i", "u", "s", "del", "sup", "sub", "ul", "ol", "hr", "thead",
                          "tbody", "tfoot", "tr", "caption"})
    out[tag] = {};
  for (auto const* tag : {"p", "h2", "h3", "h4", "div", "li"}) out[tag] = {"style", "id"};
  out["blockquote"] = {"style"};
  out["span"] = {"id"};
  out["table"] = {"id"};
  out["td"] = out["th"] = {"colspan", "rowspan", "style"};
  out["a"] = {"href", "title", "rel", "id"};
  out["img"] = {"src", "alt"};
  return out;
}();

// Empty when `html` is canonical and allowed, else what is wrong.
std::string problem(std::string const& html) {
  static std::regex const tag(R"re(<(/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)>)re");
  static std::regex const attribute(R"re( ([a-z]+)="([^"]*)")re");
  static std::regex const href(R"re(^(https?://\S+|mailto:\S+|#user-content-[A-Za-z0-9_-]+|/[^/].*|/|\?.*|[^:/?#][^:/?#]*([/?#].*)?)$)re",
                               std::regex::icase);
  static std::regex const src(R"re(^/api/v1/attachments/\d+$)re");
  static std::regex const style(R"re(^(text-align: (left|center|right|justify)(; text-indent: 2em)?|text-indent: 2em)$)re");
  std::string rest = html;
  std::size_t tags = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), tag), end; it != end; ++it, ++tags) {
    auto const name = (*it)[2].str();
    auto found = allowed.find(name);
    if (found == allowed.end()) return "tag " + name;
    auto const attrs = (*it)[3].str();
    if ((*it)[1].length() && !attrs.empty()) return "attributes on an end tag";
    for (std::sregex_iterator a(attrs.begin(), attrs.end(), attribute); a != end; ++a) {
      auto const key = (*a)[1].str(), value = (*a)[2].str();
      if (!found->second.contains(key)) return name + "[" + key + "]";
      if (key == "href" && !std::regex_match(value, href)) return "href " + value;
      if (key == "src" && !std::regex_match(value, src)) return "src " + value;
      if (key == "style" && !std::regex_match(value, style)) return "style " + value;
      if (key == "rel" && value != "noopener" && value != "noopener noreferrer") return "rel " + value;
      if (value.find("javascript") != std::string::npos) return "javascript in " + key;
    }
  }
  // Every '<' left is the start of a matched tag: text is escaped.
  auto const stripped = std::regex_replace(html, tag, "");
  if (stripped.find('<') != std::string::npos || stripped.find('>') != std::string::npos) return "unescaped < or >";
  return {};
}

class SanitizeCorpus : public ::testing::TestWithParam<char const*> {};

TEST_P(SanitizeCorpus, EveryOutputIsAllowedCanonicalAndStable) {
  auto const all = payloads(GetParam());
  ASSERT_GT(all.size(), 50u);
  for (auto const& payload : all) {
    auto const once = sanitize_html(payload);
    EXPECT_EQ(problem(once), "") << payload << "\n→ " << once;
    EXPECT_EQ(sanitize_html(once), once) << payload;
    auto const text = plain_text(once);
    EXPECT_EQ(text.find('\0'), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Lists, SanitizeCorpus, ::testing::Values("dompurify.json", "owasp.json", "mutation.json"),
                         [](auto const& info) {
                           std::string name = info.param;
                           return name.substr(0, name.find('.'));
                         });

TEST(SanitizeCorpusCheck, TheCheckRefusesWhatItShould) {
  // The checker itself: a test that cannot fail is a defect.
  EXPECT_NE(problem("<script>alert(1)</script>"), "");
  EXPECT_NE(problem("<img src=\"x\" onerror=\"alert(1)\">"), "");
  EXPECT_NE(problem("<a href=\"javascript:alert(1)\">x</a>"), "");
  EXPECT_NE(problem("<img src=\"/api/v1/attachments/../x\">"), "");
  EXPECT_NE(problem("<p style=\"color: red\">x</p>"), "");
  EXPECT_NE(problem("a < b"), "");
  EXPECT_EQ(problem("<p style=\"text-align: center; text-indent: 2em\">x</p><a href=\"/a\" rel=\"noopener\">b</a>"), "");
}

}  // namespace
}  // namespace pufa::content
