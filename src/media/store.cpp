#include "media/store.hpp"

namespace pufa::media::store {

std::int64_t insert_photo(db::Connection& conn, Photo const& photo) {
  return conn.insert(
      "INSERT INTO photos (region_id, uploader_id, original_name, content_type, bytes, width, "
      "height,"
      " path, thumb_path, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
      "id",
      {photo.region_id, photo.uploader_id, photo.original_name, photo.content_type, photo.bytes,
       photo.width, photo.height, photo.files.path, photo.files.thumb_path, photo.sha256,
       photo.created_at});
}

std::optional<Photo> photo_by_id(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(
      "SELECT p.id, p.region_id, r.path, p.uploader_id, p.original_name, p.content_type, p.bytes, "
      "p.width,"
      " p.height, p.path, p.thumb_path, p.sha256, p.created_at"
      " FROM photos p JOIN regions r ON r.id = p.region_id WHERE p.id = ?",
      {id});
  if (rows.empty()) return std::nullopt;
  auto const row = rows.front();
  Photo photo;
  photo.id = row.i64(0);
  photo.region_id = row.i64(1);
  photo.region_path = row.str(2);
  photo.uploader_id = row.i64(3);
  photo.original_name = row.opt_str(4);
  photo.content_type = row.str(5);
  photo.bytes = row.i64(6);
  photo.width = static_cast<int>(row.i64(7));
  photo.height = static_cast<int>(row.i64(8));
  photo.files = {row.str(9), row.str(10)};
  photo.sha256 = row.str(11);
  photo.created_at = row.i64(12);
  return photo;
}

void delete_photo(db::Connection& conn, std::int64_t id) {
  conn.exec("DELETE FROM photos WHERE id = ?", {id});
}

}  // namespace pufa::media::store
