// The render layer: pictures and files drawn for people to read (QR codes).
#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>
#include <string>

#include "render/qr.hpp"

namespace pufa::render {
namespace {

TEST(RenderQr, DrawsTheSymbolAsOnePath) {
  auto const qr = qr_svg("http://127.0.0.1:8080/articles/12");
  EXPECT_GE(qr.version, 1);
  EXPECT_LE(qr.version, 5);
  EXPECT_EQ(qr.modules, 17 + 4 * qr.version);
  auto const side = std::to_string(qr.modules + 2 * qr_quiet_zone);
  EXPECT_TRUE(qr.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\""))
      << qr.svg.substr(0, 120);
  EXPECT_TRUE(qr.svg.ends_with("\"/></svg>"));
  // The top-left finder pattern: a run of 7 dark modules at the quiet zone's corner.
  EXPECT_NE(qr.svg.find("d=\"M4 4h7v1h-7z"), std::string::npos);
  // Only the path's own commands: no text, no script.
  std::regex const path_data(R"(d="((M\d+ \d+h\d+v1h-\d+z)+)\")");
  EXPECT_TRUE(std::regex_search(qr.svg, path_data));
  EXPECT_EQ(qr.svg.find("<script"), std::string::npos);
}

TEST(RenderQr, LongerTextsNeedLargerSymbols) {
  auto const small = qr_svg("http://a.cn/articles/1");
  auto const large = qr_svg("https://www.lanxi.gov.cn/" + std::string(300, 'a'));
  EXPECT_GT(large.version, small.version);
  EXPECT_THROW(qr_svg(std::string(5000, 'a')), std::runtime_error);
}

}  // namespace
}  // namespace pufa::render
