#include "media/storage.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "base/random.hpp"

namespace pufa::media {

namespace {

constexpr std::size_t name_bytes = 16;  // 128 random bits: unguessable and collision-free
constexpr mode_t file_mode = 0640;
constexpr std::string_view partial_suffix = ".part";

[[noreturn]] void fail(std::string const& what, std::filesystem::path const& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(Fd const&) = delete;
  Fd& operator=(Fd const&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

void sync_dir(std::filesystem::path const& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail("fsync", dir);
}

// Writes to "<path>.part" (O_EXCL), syncs it and renames it into place, so that a reader
// or a crash never sees half a photo.
void write_atomically(std::filesystem::path const& path, std::string_view bytes) {
  auto partial = path;
  partial += partial_suffix;
  Fd fd(::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file_mode));
  if (fd.get() < 0) fail("create", partial);
  try {
    while (!bytes.empty()) {
      auto const written = ::write(fd.get(), bytes.data(), bytes.size());
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) fail("write", partial);
      bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(fd.get()) != 0) fail("fsync", partial);
    if (::close(fd.release()) != 0) fail("close", partial);
    if (::rename(partial.c_str(), path.c_str()) != 0) fail("rename", partial);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

}  // namespace

std::string save_file(std::filesystem::path const& root, std::string_view folder,
                      std::string_view bytes, std::string_view extension, base::Millis now) {
  auto const date = base::iso8601(now);
  auto const dir = std::filesystem::path(folder) / date.substr(0, 4) / date.substr(5, 2);
  auto const relative = (dir / (base::random_hex(name_bytes) + "." + std::string(extension))).string();
  std::filesystem::create_directories(root / dir);
  write_atomically(root / relative, bytes);
  sync_dir(root / dir);
  return relative;
}

StoredFiles PhotoStorage::save(std::string_view original, std::string_view extension,
                               std::string_view thumbnail, base::Millis now) const {
  auto const date = base::iso8601(now);  // 2026-11-29T...
  auto const folder = std::filesystem::path("photos") / date.substr(0, 4) / date.substr(5, 2);
  auto const stem = base::random_hex(name_bytes);
  StoredFiles files{(folder / (stem + "." + std::string(extension))).string(),
                    (folder / (stem + "_thumb.jpg")).string()};
  std::filesystem::create_directories(root_ / folder);
  write_atomically(root_ / files.path, original);
  try {
    write_atomically(root_ / files.thumb_path, thumbnail);
    sync_dir(root_ / folder);
  } catch (...) {
    remove(files);
    throw;
  }
  return files;
}

std::optional<std::string> PhotoStorage::read(std::string const& relative) const {
  std::ifstream in(root_ / relative, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw std::system_error(errno, std::generic_category(), "read " + relative);
  return bytes;
}

void PhotoStorage::remove(StoredFiles const& files) const noexcept {
  for (auto const* relative : {&files.path, &files.thumb_path}) {
    std::error_code ec;
    std::filesystem::remove(root_ / *relative, ec);
    if (ec) spdlog::warn("could not remove photo file {}: {}", *relative, ec.message());
  }
}

}  // namespace pufa::media
