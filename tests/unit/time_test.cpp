#include "base/time.hpp"

#include <gtest/gtest.h>

namespace pufa::base {

TEST(Time, FormatsUtc) {
  EXPECT_EQ(iso8601(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso8601(1'597'054'320'000), "2020-08-10T10:12:00Z");
}

TEST(Time, ParsesZuluOffsetsAndDates) {
  EXPECT_EQ(parse_iso8601("2020-08-10T10:12:00Z"), 1'597'054'320'000);
  EXPECT_EQ(parse_iso8601("2020-08-10T18:12:00+08:00"), 1'597'054'320'000);
  EXPECT_EQ(parse_iso8601("2020-08-10 18:12+08:00"), 1'597'054'320'000);
  EXPECT_EQ(parse_iso8601("2020-08-10T10:12:00.250Z"), 1'597'054'320'250);
  EXPECT_EQ(parse_iso8601("2020-08-10"), 1'597'017'600'000);
}

TEST(Time, RejectsNonsense) {
  for (auto const* text : {"", "2020", "2020-13-01", "2020-02-30", "2020-08-10T25:00:00Z",
                           "2020-08-10T10:12:00Zjunk", "notadate"}) {
    EXPECT_FALSE(parse_iso8601(text)) << text;
  }
}

}  // namespace pufa::base
