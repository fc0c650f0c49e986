// Photo use cases, each in the house order: authorise → validate → (files) → one db.write
// with its audit row. Files are written before the row commits and removed if it does not;
// on delete they are removed after the commit, so a failure leaves at worst an orphan file,
// never a row without its file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "media/model.hpp"
#include "media/storage.hpp"

namespace pufa::media {

inline constexpr std::size_t max_photo_bytes = 10 * 1024 * 1024;
inline constexpr std::size_t max_name_chars = 200;

struct PhotoFile {
  std::string content_type;
  std::string bytes;
};

// Stateless apart from two references, so routes capture it by value.
class PhotoService {
 public:
  PhotoService(db::Database& db, std::filesystem::path storage)
      : db_(&db), storage_(std::move(storage)) {}

  // `bytes` is the image; `declared` (the request's media type) must match the sniffed format.
  // What is stored is the picture without its metadata (media/metadata.hpp: EXIF GPS, XMP, comments).
  // The photo is placed in the caller's region, or in `region_id` within the caller's scope (an inspector
  // photographing a township's work files it there, where the township reads it).
  Photo upload(auth::Actor const& actor, std::string_view bytes, std::string_view declared,
               std::optional<std::string> name, std::optional<std::int64_t> region_id = std::nullopt) const;
  PhotoFile open(auth::Principal const& caller, std::int64_t id, bool thumbnail) const;
  void remove(auth::Actor const& actor, std::int64_t id) const;

 private:
  Photo load_in_scope(db::Connection& conn, auth::Principal const& caller, std::int64_t id) const;

  db::Database* db_;
  PhotoStorage storage_;
};

}  // namespace pufa::media
