#include "media/routes.hpp"
#include "auth/regions.hpp"

namespace pufa::media {

std::vector<db::Migration> migrations() {
  return {
      {"media", 1, "photos", R"sql(
CREATE TABLE photos (
  id {{pk}},
  region_id BIGINT NOT NULL REFERENCES regions (id),
  uploader_id BIGINT NOT NULL REFERENCES users (id),
  original_name TEXT,
  content_type TEXT NOT NULL,
  bytes BIGINT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  path TEXT NOT NULL UNIQUE,
  thumb_path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX photos_region ON photos (region_id);
)sql"},
      {"media", 2, "photos keep their region path", R"sql(
ALTER TABLE photos ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX photos_region_path ON photos (region_path);
)sql", [](db::Connection& conn) { auth::regions::fill_region_paths(conn, "photos"); }},
      {"media", 3, "deleted photos keep their row, so that their id is never given to another upload", R"sql(
ALTER TABLE photos ADD COLUMN deleted_at BIGINT;
)sql"},
  };
}

}  // namespace pufa::media
