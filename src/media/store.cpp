#include "media/store.hpp"


namespace pufa::media::store {

std::int64_t insert_photo(db::Connection& conn, Photo const& photo) {
  return conn.insert(
      "INSERT INTO photos (region_id, region_path, uploader_id, original_name, content_type, bytes, width, height,"
      " path, thumb_path, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {photo.region_id, photo.region_path, photo.uploader_id, photo.original_name, photo.content_type, photo.bytes,
       photo.width, photo.height, photo.files.path, photo.files.thumb_path, photo.sha256,
       photo.created_at});
}

std::optional<Photo> photo_by_id(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(
      "SELECT id, region_id, region_path, uploader_id, original_name, content_type, bytes, width, height, path,"
      " thumb_path, sha256, created_at FROM photos WHERE id = ? AND deleted_at IS NULL",
      {id});
  if (rows.empty()) return std::nullopt;
  auto const row = rows.front();
  Photo photo;
  photo.id = row.i64("id");
  photo.region_id = row.i64("region_id");
  photo.region_path = row.str("region_path");
  photo.uploader_id = row.i64("uploader_id");
  photo.original_name = row.opt_str("original_name");
  photo.content_type = row.str("content_type");
  photo.bytes = row.i64("bytes");
  photo.width = static_cast<int>(row.i64("width"));
  photo.height = static_cast<int>(row.i64("height"));
  photo.files = {row.str("path"), row.str("thumb_path")};
  photo.sha256 = row.str("sha256");
  photo.created_at = row.i64("created_at");
  return photo;
}

// The row stays, marked: SQLite would give a deleted last id to the next upload, and a record
// still naming the old photo would then show someone else's.
void delete_photo(db::Connection& conn, std::int64_t id, base::Millis now) {
  conn.exec("UPDATE photos SET deleted_at = ? WHERE id = ?", {now, id});
}

}  // namespace pufa::media::store
