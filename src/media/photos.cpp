#include "media/photos.hpp"

#include "media/store.hpp"

namespace pufa::media {

std::string photo_url(std::int64_t id) { return "/api/v1/photos/" + std::to_string(id); }
std::string thumb_url(std::int64_t id) { return photo_url(id) + "/thumb"; }

std::optional<PhotoRef> photo_ref(db::Connection& conn, std::int64_t id) {
  auto photo = store::photo_by_id(conn, id);
  if (!photo) return std::nullopt;
  return PhotoRef{photo->id, std::move(photo->region_path), photo_url(id), thumb_url(id)};
}

}  // namespace pufa::media
