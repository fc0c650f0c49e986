// What other areas may know of a photo: activities store photo ids and check them with
// photo_ref (exists, lies in the caller's scope) and link to its URLs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace pufa::media {

struct PhotoRef {
  std::int64_t id = 0;
  std::string region_path;  // for auth::Principal::covers
  std::string url;          // /api/v1/photos/ID
  std::string thumb_url;    // /api/v1/photos/ID/thumb
};

std::optional<PhotoRef> photo_ref(db::Connection& conn, std::int64_t id);

std::string photo_url(std::int64_t id);
std::string thumb_url(std::int64_t id);

}  // namespace pufa::media
