// Personal data at rest (docs/security.md): 身份证号 and phones are stored sealed with
// AES-256-GCM (OpenSSL 3), and looked up through a blind index (HMAC-SHA256 with a key of its own),
// so that the database file and its backups hold no number in clear.
//
// A sealed value is "pf1:<key id>:<base64 of nonce(12) ‖ ciphertext ‖ tag(16)>", the table and
// column as associated data (a value copied to another column does not open). The key ring is
// process-wide: the application installs it at start (app/keys.cpp reads the key file); the first
// key seals, every key opens, so a rotation re-seals at leisure.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::base::sealed {

struct Key {
  std::string id;     // [a-z0-9]{1,16}
  std::string bytes;  // 32
};

struct KeyRing {
  std::vector<Key> keys;  // the first seals new values
  std::string index_key;  // 32 bytes, for blind_index; not rotated with the sealing keys
};

// Throws std::invalid_argument for a ring without keys, a key id outside [a-z0-9]{1,16} or a key
// that is not 32 bytes.
void check(KeyRing const& ring);
void install(KeyRing ring);  // check()s it first
// Called when a value names a key the ring lacks (another process ran `pufa keys rotate`): the
// ring it returns is installed and the key looked up again. The application reads the key file.
void set_reloader(std::function<KeyRing()> reload);
bool installed();
std::string current_key_id();  // throws std::logic_error when none is installed

inline constexpr std::string_view prefix = "pf1:";

// `context` names where the value lives ("people.id_number"); the same is given to open().
std::string seal(std::string_view plain, std::string_view context);
// The plain value. A value without the prefix is returned as it is (a row written before sealing
// and not yet re-sealed); throws std::runtime_error when a sealed value does not open (another
// context, a changed byte, a key the ring lacks).
std::string open(std::string_view stored, std::string_view context);
bool is_sealed(std::string_view stored);
// Sealed with the ring's first key: nothing to re-seal.
bool is_current(std::string_view stored);
// A LIKE pattern matching the values sealed with the ring's first key ("pf1:k2:%"): the
// re-sealing passes select what does not match it.
std::string current_like();

// The kinds a blind index is keyed by (equal values of different kinds never share an index).
inline constexpr std::string_view phone_kind = "phone";
inline constexpr std::string_view id_number_kind = "id_number";

// Lower-case hex HMAC-SHA256 of `kind` and the value under the index key: equal values have equal
// indexes (uniqueness, lookups by phone) and nothing else can be learnt without the key.
std::string blind_index(std::string_view kind, std::string_view plain);

}  // namespace pufa::base::sealed
