// The field key file (docs/security.md "Personal data at rest"): the keys that seal 身份证号 and
// phones, and the blind index key. Text, 0600, beside the SQLite file by default:
//   index <base64 of 32 bytes>
//   key k2 <base64 of 32 bytes>    ← the first key seals new values
//   key k1 <base64 of 32 bytes>    ← older keys still open what they sealed
#pragma once

#include <string>

#include "base/sealed.hpp"

namespace pufa::app {

// Reads the ring, creating the file with a fresh index key and key k1 when it does not exist.
// Throws std::runtime_error naming the file and line for anything malformed.
base::sealed::KeyRing load_or_create_field_keys(std::string const& path);
// A ring of random keys held in memory only: benchmarks on a throwaway database.
base::sealed::KeyRing ephemeral_field_keys();
// Puts a new key first in the file (k<n+1>) and returns the new ring; the caller re-seals.
base::sealed::KeyRing add_field_key(std::string const& path);

}  // namespace pufa::app
