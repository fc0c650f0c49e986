// Photo files on disk, outside the web root: <root>/photos/<yyyy>/<mm>/<32 hex>.<ext> and
// <...>_thumb.jpg. Names are random, never the uploader's. The database stores the paths
// relative to the root, so the folder can move.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.hpp"

namespace pufa::media {

struct StoredFiles {
  std::string path;  // relative to the storage root
  std::string thumb_path;
};

// Writes `bytes` to <root>/<folder>/<yyyy>/<mm>/<32 hex>.<extension> (temporary name, fsync,
// rename) and returns that path relative to root; for other areas' files (content attachments).
std::string save_file(std::filesystem::path const& root, std::string_view folder,
                      std::string_view bytes, std::string_view extension, base::Millis now);

class PhotoStorage {
 public:
  explicit PhotoStorage(std::filesystem::path root) : root_(std::move(root)) {}

  // Writes both files (each to a temporary name, fsync, rename), creating the month's folder.
  // Throws std::system_error; on failure nothing is left behind.
  StoredFiles save(std::string_view original, std::string_view extension,
                   std::string_view thumbnail, base::Millis now) const;
  // The file's bytes, or nullopt when it is missing.
  std::optional<std::string> read(std::string const& relative) const;
  // Best effort: a file that cannot be removed is logged, not thrown.
  void remove(StoredFiles const& files) const noexcept;

  std::filesystem::path const& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace pufa::media
