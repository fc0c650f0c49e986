// Random tokens and hashing from libsodium's CSPRNG.
#pragma once

#include <string>
#include <string_view>

namespace pufa::base {

void init_crypto();                            // sodium_init; call once at start
std::string random_token(std::size_t bytes);   // URL-safe base64, no padding
std::string random_hex(std::size_t bytes);
std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace pufa::base
