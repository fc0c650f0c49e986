#include "http/error.hpp"

#include <gtest/gtest.h>

#include <set>

namespace pufa::http {

TEST(ErrorTable, EveryErrorHasAUniqueCodeAStatusAndAChineseMessage) {
  std::set<std::string_view> codes;
  for (int i = 0; i <= static_cast<int>(AppError::internal); ++i) {
    auto const& info = error_info(static_cast<AppError>(i));
    EXPECT_GE(info.status, 400);
    EXPECT_TRUE(codes.insert(info.code).second) << info.code;
    // Chinese: at least one three-byte UTF-8 sequence.
    EXPECT_NE(info.message.find_first_of("\xe4\xe5\xe6\xe7\xe8\xe9"), std::string_view::npos) << info.code;
  }
}

TEST(ErrorTable, EnvelopeCarriesCodeMessageFieldAndRequestId) {
  auto response = error_response(AppError::validation_failed, "身份证号校验位错误", "id_number", "abc");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body,
            R"({"error":{"code":"validation_failed","message":"身份证号校验位错误","field":"id_number","request_id":"abc"}})");
}

}  // namespace pufa::http
