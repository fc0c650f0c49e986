#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <semaphore>
#include <stdexcept>

#include "base/random.hpp"

namespace pufa::auth {

namespace {

std::counting_semaphore<max_concurrent_hashes> hashing(max_concurrent_hashes);

struct HashSlot {
  HashSlot() { hashing.acquire(); }
  ~HashSlot() { hashing.release(); }
  HashSlot(HashSlot const&) = delete;
  HashSlot& operator=(HashSlot const&) = delete;
};

// Words and keyboard runs people build passwords from (lower case, after the substitutions).
constexpr std::string_view common_words[] = {
    "password", "passwd", "pass", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "qazwsx", "qazwsxedc",
    "qweasd", "qweasdzxc", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "admin", "administrator",
    "root", "welcome", "letmein", "iloveyou", "woaini", "wodemima", "mima", "nihao", "love", "dragon", "monkey",
    "master", "sunshine", "princess", "football", "baseball", "shadow", "superman", "batman", "trustno",
    "hello", "hellokitty", "test", "tester", "guest", "user", "login", "changeme", "default", "secret",
    "computer", "internet", "china", "beijing", "shanghai", "zhongguo", "aaaa", "aaaaaa", "qqqq",
    "lanxi", "pufa", "zhangsan", "lisi", "wangwu", "huawei", "xiaomi", "baidu", "tencent", "wechat", "weixin",
    "qq", "taobao", "alibaba", "jiayou", "fuck", "abc123", "qaz", "wsx", "edc", "rfv", "tgb", "yhn", "ujm",
};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The letters a password is built on: digits and symbols at its end (and digits at its start)
// dropped, lower case, the usual substitutions undone inside ("P@ssw0rd2026" → "password").
std::string core_of(std::string_view password) {
  auto const is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (!password.empty() && !is_letter(password.back())) password.remove_suffix(1);
  while (!password.empty() && password.front() >= '0' && password.front() <= '9') password.remove_prefix(1);
  std::string out;
  for (char c : lower_ascii(password)) {
    switch (c) {
      case '0': out += 'o'; break;
      case '1': out += 'l'; break;
      case '3': out += 'e'; break;
      case '4':
      case '@': out += 'a'; break;
      case '5':
      case '$': out += 's'; break;
      case '7': out += 't'; break;
      default:
        if (c >= 'a' && c <= 'z') out += c;
    }
  }
  return out;
}

std::string letters_of(std::string_view password) {
  std::string out;
  for (char c : lower_ascii(password)) {
    if (c >= 'a' && c <= 'z') out += c;
  }
  return out;
}

bool is_common(std::string const& core) {
  if (core.size() < 3) return true;  // nothing but digits and symbols around a few letters
  return std::find(std::begin(common_words), std::end(common_words), core) != std::end(common_words);
}

}  // namespace

std::string hash_password(std::string_view password) {
  HashSlot const slot;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  HashSlot const slot;
  std::string const text(hash);
  return crypto_pwhash_str_verify(text.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy(std::string_view password) {
  static std::string const dummy = hash_password(base::random_token(16));
  verify_password(dummy, password);
}

std::optional<std::string> password_problem(std::string_view password, std::string_view username) {
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
  auto const name = lower_ascii(username);
  if (name.size() >= 3 && lower_ascii(password).find(name) != std::string::npos) {
    return "密码不能包含用户名";
  }
  // The letters with the substitutions undone, and the letters alone (P@ssw0rd vs Qwerty2026).
  auto const core = core_of(password);
  auto const letters = letters_of(password);
  if (is_common(letters) || is_common(core)) {
    return "密码过于常见（如 Password、Qwerty 加数字），容易被猜到，请换一个";
  }
  return std::nullopt;
}

}  // namespace pufa::auth
