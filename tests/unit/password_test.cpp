#include "auth/password.hpp"

#include <gtest/gtest.h>

#include "base/random.hpp"

namespace pufa::auth {

TEST(Password, RuleNeedsTenCharactersAndThreeClasses) {
  EXPECT_TRUE(password_problem("Short1!"));
  EXPECT_TRUE(password_problem("alllowercase1"));
  EXPECT_TRUE(password_problem("ALLUPPERCASE"));
  EXPECT_FALSE(password_problem("Pufa-Lanxi-2026"));
  EXPECT_FALSE(password_problem("lower-digit-123"));
  EXPECT_TRUE(password_problem(std::string(129, 'a') + "A1"));
}

TEST(Password, CommonPasswordsAndTheUserNameAreRefused) {
  // What the attack on the demo got through: a common word or keyboard run with digits around it.
  for (auto const* weak : {"Qwerty123456", "P@ssw0rd2026", "Password2026!", "Admin@123456", "Abc123456789", "1qaz2WSX3edc",
                           "Woaini1314!!", "2026Password!", "Asdfghjkl123"}) {
    auto const problem = password_problem(weak);
    ASSERT_TRUE(problem) << weak;
    EXPECT_NE(problem->find("过于常见"), std::string::npos) << weak << ": " << *problem;
  }
  EXPECT_EQ(password_problem("Zhangwei-2026!", "zhangwei"), "密码不能包含用户名");
  EXPECT_EQ(password_problem("ZHANGWEI-2026!", "zhangwei"), "密码不能包含用户名");
  EXPECT_FALSE(password_problem("Zhangwei-2026!", "lisi"));
  EXPECT_FALSE(password_problem("Test-Pass-2026"));
  EXPECT_FALSE(password_problem("Mawu-Village-88"));
}

TEST(Password, Argon2idHashVerifiesOnlyTheSamePassword) {
  base::init_crypto();
  auto hash = hash_password("Pufa-Lanxi-2026");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, "Pufa-Lanxi-2026"));
  EXPECT_FALSE(verify_password(hash, "Pufa-Lanxi-2027"));
  EXPECT_NE(hash, hash_password("Pufa-Lanxi-2026"));  // salted
}

}  // namespace pufa::auth
