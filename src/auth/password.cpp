#include "auth/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "base/random.hpp"

namespace pufa::auth {

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  std::string const text(hash);
  return crypto_pwhash_str_verify(text.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy(std::string_view password) {
  static std::string const dummy = hash_password(base::random_token(16));
  verify_password(dummy, password);
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < min_password_length) return "密码长度至少 10 位";
  if (password.size() > max_password_length) return "密码长度不能超过 128 位";
  bool upper = false, lower = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= '0' && c <= '9') digit = true;
    else symbol = true;
  }
  if (int(upper) + int(lower) + int(digit) + int(symbol) < 3) {
    return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  }
  return std::nullopt;
}

}  // namespace pufa::auth
