// An .xlsx (zip) archive opened from memory, whose parts are read with a size limit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace pufa::xlsx {

class ZipArchive {
 public:
  // Does not copy: bytes must outlive the archive. Throws ReadError when not a zip.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(ZipArchive const&) = delete;
  ZipArchive& operator=(ZipArchive const&) = delete;

  // The part's bytes, nullopt when absent (names compare case-insensitively, as in OPC).
  // Throws ReadError when the part is damaged or larger than max_part_bytes.
  std::optional<std::string> read(std::string const& name) const;

 private:
  zip* zip_ = nullptr;
};

}  // namespace pufa::xlsx
