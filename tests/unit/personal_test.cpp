#include "text/personal.hpp"

#include <gtest/gtest.h>

namespace pufa::text {

TEST(IdNumber, AcceptsValidCheckDigitsIncludingX) {
  EXPECT_EQ(check_id_number("11010519491231002X"), IdCheck::ok);
  EXPECT_EQ(check_id_number("11010519491231002x"), IdCheck::ok);
  EXPECT_EQ(check_id_number("330781199001011232"), IdCheck::ok);
  EXPECT_EQ(check_id_number("440524188001010014"), IdCheck::bad_date);  // born before 1900
}

TEST(IdNumber, RejectsEachKindOfMistake) {
  EXPECT_EQ(check_id_number("110105194912310021"), IdCheck::bad_check_digit);
  EXPECT_EQ(check_id_number("11010519491231002"), IdCheck::wrong_length);
  EXPECT_EQ(check_id_number("1101051949123100AX"), IdCheck::bad_character);
  EXPECT_EQ(check_id_number("110105194902300025"), IdCheck::bad_date);  // 30 February
}

TEST(Phone, AcceptsMainlandMobilesOnly) {
  EXPECT_TRUE(is_mobile("13812345678"));
  EXPECT_FALSE(is_mobile("12812345678"));
  EXPECT_FALSE(is_mobile("1381234567"));
  EXPECT_FALSE(is_mobile("1381234567a"));
}

TEST(Masks, HideTheMiddle) {
  EXPECT_EQ(mask_id_number("330781199001011234"), "330781********1234");
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("123"), "***");
}

TEST(Masks, NamesKeepTheSurnameAndTheLastCharacter) {
  EXPECT_EQ(mask_name("王芳"), "王*");
  EXPECT_EQ(mask_name("王晓明"), "王*明");
  EXPECT_EQ(mask_name("欧阳娜娜"), "欧**娜");
  EXPECT_EQ(mask_name("李"), "李");
  EXPECT_EQ(mask_name(""), "*");
  EXPECT_EQ(mask_name("\xE7\x8E"), "*");  // a cut UTF-8 sequence
}

}  // namespace pufa::text
