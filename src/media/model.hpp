// Plain records of the media area.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/time.hpp"
#include "media/storage.hpp"

namespace pufa::media {

struct Photo {
  std::int64_t id = 0;
  std::int64_t region_id = 0;  // the uploader's region: who may see it
  std::string region_path;
  std::int64_t uploader_id = 0;
  std::optional<std::string> original_name;  // X-File-Name: shown to users, never a path
  std::string content_type;
  std::int64_t bytes = 0;
  int width = 0;  // as displayed
  int height = 0;
  StoredFiles files;
  std::string sha256;
  base::Millis created_at = 0;
};

}  // namespace pufa::media
