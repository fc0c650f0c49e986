// Random tokens, hashing and base64 from libsodium.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pufa::base {

void init_crypto();                            // sodium_init; call once at start
std::string random_token(std::size_t bytes);   // URL-safe base64, no padding
std::string random_hex(std::size_t bytes);
std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);
// A code people type from paper: `length` characters of 23456789ABCDEFGHJKMNPQRSTUVWXYZ (no
// 0/O, 1/I/L), about 5 bits each.
std::string random_code(std::size_t length);

std::string base64(std::string_view bytes);                       // standard alphabet, padded
std::optional<std::string> from_base64(std::string_view text);    // nullopt when malformed

}  // namespace pufa::base
