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

// The rule: at least 10 characters, three of upper, lower, digit, symbol, not the user name
// inside it, and not a common password with digits and symbols around it (Qwerty123456,
// P@ssw0rd2026: a shipped list of words and keyboard runs, read through the usual
// substitutions 0→o, 1→l/i, 3→e, 4/@→a, 5/$→s, 7→t). Returns the Chinese reason.
std::optional<std::string> password_problem(std::string_view password, std::string_view username = {});

// Argon2 needs 64 MiB and tens of milliseconds per hash: at most this many run at once, the
// others wait (a burst of logins cannot take the server's memory).
inline constexpr int max_concurrent_hashes = 4;

}  // namespace pufa::auth
