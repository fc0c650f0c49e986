// Argon2id password hashes (libsodium) and the password rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pufa::auth {

inline constexpr std::size_t min_password_length = 10;
inline constexpr std::size_t max_password_length = 128;

std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Spends the time of one verification; used for unknown users so timing tells nothing.
void verify_dummy(std::string_view password);

// The rule: at least 10 characters and three of upper, lower, digit, symbol.
// Returns the Chinese reason when the password breaks it.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace pufa::auth
