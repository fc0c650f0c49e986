#include "base/sealed.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>

#include "base/random.hpp"

namespace pufa::base::sealed {

namespace {

constexpr std::size_t key_size = 32;
constexpr std::size_t nonce_size = 12;
constexpr std::size_t tag_size = 16;

std::shared_mutex& ring_mutex() {
  static std::shared_mutex mutex;
  return mutex;
}

std::shared_ptr<KeyRing const>& ring_slot() {
  static std::shared_ptr<KeyRing const> ring;
  return ring;
}

std::shared_ptr<KeyRing const> ring() {
  std::shared_lock lock(ring_mutex());
  auto found = ring_slot();
  if (!found) throw std::logic_error("no field key ring installed (app/keys.cpp)");
  return found;
}

std::function<KeyRing()>& reloader() {
  static std::function<KeyRing()> reload;
  return reload;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 16) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext new_context() {
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!ctx) throw std::runtime_error("EVP_CIPHER_CTX_new failed");
  return ctx;
}

unsigned char const* bytes(std::string_view text) { return reinterpret_cast<unsigned char const*>(text.data()); }

}  // namespace

void check(KeyRing const& given) {
  if (given.keys.empty()) throw std::invalid_argument("a field key ring needs at least one key");
  for (auto const& key : given.keys) {
    if (!valid_id(key.id)) throw std::invalid_argument("field key id should be 1-16 of a-z 0-9: " + key.id);
    if (key.bytes.size() != key_size) throw std::invalid_argument("field key " + key.id + " is not 32 bytes");
  }
  if (given.index_key.size() != key_size) throw std::invalid_argument("the blind index key is not 32 bytes");
}

void install(KeyRing given) {
  check(given);
  auto next = std::make_shared<KeyRing const>(std::move(given));
  std::unique_lock lock(ring_mutex());
  ring_slot() = std::move(next);
}

void set_reloader(std::function<KeyRing()> reload) {
  std::unique_lock lock(ring_mutex());
  reloader() = std::move(reload);
}

bool installed() {
  std::shared_lock lock(ring_mutex());
  return ring_slot() != nullptr;
}

std::string current_key_id() { return ring()->keys.front().id; }

std::string seal(std::string_view plain, std::string_view context) {
  auto const keys = ring();
  auto const& key = keys->keys.front();
  std::string out(nonce_size + plain.size() + tag_size, '\0');
  auto* raw = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(raw, nonce_size);
  auto ctx = new_context();
  int length = 0;
  bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonce_size, nullptr) == 1 &&
            EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key.bytes), raw) == 1 &&
            EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(context), static_cast<int>(context.size())) == 1 &&
            EVP_EncryptUpdate(ctx.get(), raw + nonce_size, &length, bytes(plain), static_cast<int>(plain.size())) == 1 &&
            EVP_EncryptFinal_ex(ctx.get(), raw + nonce_size + length, &length) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tag_size, raw + nonce_size + plain.size()) == 1;
  if (!ok) throw std::runtime_error("AES-256-GCM sealing failed");
  return std::string(prefix) + key.id + ":" + base64(out);
}

std::string current_like() { return std::string(prefix) + current_key_id() + ":%"; }

bool is_sealed(std::string_view stored) { return stored.starts_with(prefix); }

bool is_current(std::string_view stored) {
  if (!is_sealed(stored)) return false;
  auto const keys = ring();
  auto const& id = keys->keys.front().id;
  stored.remove_prefix(prefix.size());
  return stored.starts_with(id) && stored.size() > id.size() && stored[id.size()] == ':';
}

std::string open(std::string_view stored, std::string_view context) {
  if (!is_sealed(stored)) return std::string(stored);
  auto rest = stored.substr(prefix.size());
  auto const colon = rest.find(':');
  if (colon == std::string_view::npos) throw std::runtime_error("a sealed value without a key id");
  auto const id = rest.substr(0, colon);
  auto keys = ring();
  auto find = [&] {
    for (auto const& candidate : keys->keys) {
      if (candidate.id == id) return &candidate;
    }
    return static_cast<Key const*>(nullptr);
  };
  Key const* key = find();
  if (!key) {
    std::function<KeyRing()> reload;
    {
      std::shared_lock lock(ring_mutex());
      reload = reloader();
    }
    if (reload) {
      install(reload());
      keys = ring();
      key = find();
    }
  }
  if (!key) throw std::runtime_error("a value sealed with field key '" + std::string(id) + "', which the key file lacks");
  auto const raw = from_base64(rest.substr(colon + 1));
  if (!raw || raw->size() < nonce_size + tag_size) throw std::runtime_error("a sealed value that is not well formed");
  auto const* data = bytes(*raw);
  std::size_t const size = raw->size() - nonce_size - tag_size;
  std::string plain(size, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  auto ctx = new_context();
  int length = 0;
  std::string tag = raw->substr(nonce_size + size);
  bool ok = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonce_size, nullptr) == 1 &&
            EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key->bytes), data) == 1 &&
            EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(context), static_cast<int>(context.size())) == 1 &&
            EVP_DecryptUpdate(ctx.get(), out, &length, data + nonce_size, static_cast<int>(size)) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tag_size, tag.data()) == 1 &&
            EVP_DecryptFinal_ex(ctx.get(), out + length, &length) == 1;
  if (!ok) throw std::runtime_error("a sealed value does not open: changed, or sealed for another column");
  return plain;
}

std::string blind_index(std::string_view kind, std::string_view plain) {
  auto const keys = ring();
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, bytes(keys->index_key), keys->index_key.size());
  crypto_auth_hmacsha256_update(&state, bytes(kind), kind.size());
  unsigned char const separator = 0;
  crypto_auth_hmacsha256_update(&state, &separator, 1);
  crypto_auth_hmacsha256_update(&state, bytes(plain), plain.size());
  crypto_auth_hmacsha256_final(&state, mac);
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof mac);
  for (unsigned char byte : mac) {
    hex += digits[byte >> 4];
    hex += digits[byte & 15];
  }
  return hex;
}

}  // namespace pufa::base::sealed
