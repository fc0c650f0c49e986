#include "http/response.hpp"

#include <gtest/gtest.h>

namespace pufa::http {

TEST(ContentDisposition, CarriesTheUtf8NameAndAnAsciiFallback) {
  EXPECT_EQ(content_disposition("attachment", "人员名单.xlsx"),
            "attachment; filename=\"download.xlsx\"; "
            "filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%8D%95.xlsx");
  EXPECT_EQ(content_disposition("attachment", "report 2024.xlsx"),
            "attachment; filename=\"report 2024.xlsx\"; filename*=UTF-8''report%202024.xlsx");
  EXPECT_EQ(content_disposition("inline", "a\"b\r\n.pdf"),
            "inline; filename=\"download.pdf\"; filename*=UTF-8''a%22b%0D%0A.pdf");
  EXPECT_EQ(content_disposition("attachment", "考试通知.p\"df"),
            "attachment; filename=\"download\"; filename*=UTF-8''%E8%80%83%E8%AF%95%E9%80%9A%E7%9F%A5.p%22df");
}

TEST(Download, IsAnAttachmentThatIsNotCached) {
  auto const response = Response::download("bytes", "application/pdf", "通知.pdf");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "bytes");
  EXPECT_EQ(response.header("Content-Type"), "application/pdf");
  EXPECT_EQ(response.header("Cache-Control"), "no-store");
  EXPECT_TRUE(response.header("Content-Disposition")->starts_with("attachment; filename=\"download.pdf\""));
}

}  // namespace pufa::http
