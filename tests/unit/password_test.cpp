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

TEST(Password, Argon2idHashVerifiesOnlyTheSamePassword) {
  base::init_crypto();
  auto hash = hash_password("Pufa-Lanxi-2026");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, "Pufa-Lanxi-2026"));
  EXPECT_FALSE(verify_password(hash, "Pufa-Lanxi-2027"));
  EXPECT_NE(hash, hash_password("Pufa-Lanxi-2026"));  // salted
}

}  // namespace pufa::auth
