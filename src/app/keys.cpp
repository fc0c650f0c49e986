#include "app/keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "base/random.hpp"

namespace pufa::app {

namespace {

std::string random_key() {
  std::string key(32, '\0');
  randombytes_buf(key.data(), key.size());
  return key;
}

std::string file_text(base::sealed::KeyRing const& ring) {
  std::string out =
      "# Pufa field keys: they seal 身份证号 and phones in the database (docs/security.md).\n"
      "# Without this file those values cannot be read: back it up apart from the database.\n"
      "# The first key seals new values; keep the others until `pufa keys rotate` has finished.\n";
  out += "index " + base::base64(ring.index_key) + "\n";
  for (auto const& key : ring.keys) out += "key " + key.id + " " + base::base64(key.bytes) + "\n";
  return out;
}

// Written beside the file, then renamed over it: a crash leaves the old ring or the new one.
void write_file(std::string const& path, std::string const& text, bool exclusive) {
  std::filesystem::path const file(path);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  auto const temp = exclusive ? file : std::filesystem::path(path + ".new");
  int const fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (exclusive ? O_EXCL : 0), 0600);
  if (fd < 0) {
    if (exclusive && errno == EEXIST) return;  // another process created it first: read theirs
    throw std::runtime_error("cannot create the field key file " + temp.string());
  }
  bool const ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot write the field key file " + temp.string());
  if (!exclusive) std::filesystem::rename(temp, file);
}

base::sealed::KeyRing parse(std::string const& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the field key file " + path);
  base::sealed::KeyRing ring;
  std::string line;
  int number = 0;
  auto fail = [&](std::string const& what) {
    throw std::runtime_error("field key file " + path + ", line " + std::to_string(number) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    std::string kind, id, value;
    words >> kind;
    if (kind == "index") {
      words >> value;
      auto bytes = base::from_base64(value);
      if (!bytes || bytes->size() != 32) fail("the index key should be 32 bytes in base64");
      ring.index_key = *bytes;
    } else if (kind == "key") {
      words >> id >> value;
      auto bytes = base::from_base64(value);
      if (!bytes || bytes->size() != 32) fail("key " + id + " should be 32 bytes in base64");
      for (auto const& key : ring.keys) {
        if (key.id == id) fail("key " + id + " appears twice");
      }
      ring.keys.push_back({id, *bytes});
    } else {
      fail("expected 'index' or 'key'");
    }
  }
  if (ring.index_key.empty()) throw std::runtime_error("field key file " + path + " has no index key");
  if (ring.keys.empty()) throw std::runtime_error("field key file " + path + " has no key");
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
    throw std::runtime_error("field key file " + path + " is readable by others: chmod 600 it");
  }
  try {
    base::sealed::check(ring);
  } catch (std::invalid_argument const& error) {
    throw std::runtime_error("field key file " + path + ": " + error.what());
  }
  return ring;
}

}  // namespace

base::sealed::KeyRing load_or_create_field_keys(std::string const& path) {
  if (!std::filesystem::exists(path)) {
    write_file(path, file_text(ephemeral_field_keys()), true);
  }
  return parse(path);
}

base::sealed::KeyRing ephemeral_field_keys() { return {{{"k1", random_key()}}, random_key()}; }

base::sealed::KeyRing add_field_key(std::string const& path) {
  auto ring = load_or_create_field_keys(path);
  int highest = 0;
  for (auto const& key : ring.keys) {
    if (key.id.size() > 1 && key.id[0] == 'k') highest = std::max(highest, std::atoi(key.id.c_str() + 1));
  }
  ring.keys.insert(ring.keys.begin(), {"k" + std::to_string(highest + 1), random_key()});
  write_file(path, file_text(ring), false);
  return parse(path);
}

}  // namespace pufa::app
