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

TEST(Time, DatesAreBoundedToTheYears1900To2100) {
  EXPECT_TRUE(parse_iso8601("1900-01-01"));
  EXPECT_TRUE(parse_iso8601("2100-12-31T23:59:59Z"));
  for (auto const* text : {"1899-12-31", "0202-05-01", "0001-01-01T00:00:00Z", "2101-01-01", "9999-12-31"}) {
    EXPECT_FALSE(parse_iso8601(text)) << text;
  }
  EXPECT_TRUE(is_date("2020-02-29"));
  EXPECT_FALSE(is_date("2021-02-29"));
  EXPECT_FALSE(is_date("2020-09-01T00:00:00Z"));
  EXPECT_FALSE(is_date("1899-12-31"));
}

}  // namespace pufa::base
