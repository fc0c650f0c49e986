// The media area's SQL: the only place the photos table is touched.
#pragma once

#include <optional>

#include "db/database.hpp"
#include "media/model.hpp"

namespace pufa::media::store {

std::int64_t insert_photo(db::Connection& conn, Photo const& photo);
std::optional<Photo> photo_by_id(db::Connection& conn, std::int64_t id);  // with region_path
// Marks the photo deleted (its id is never given again); reads no longer find it.
void delete_photo(db::Connection& conn, std::int64_t id, base::Millis now);

}  // namespace pufa::media::store
