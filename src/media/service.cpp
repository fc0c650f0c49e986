#include "media/service.hpp"

#include <spdlog/spdlog.h>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "base/random.hpp"
#include "http/error.hpp"
#include "media/image.hpp"
#include "media/metadata.hpp"
#include "media/store.hpp"

namespace pufa::media {

using http::ApiError;
using http::AppError;

namespace {

constexpr char const* file_field = "file";

[[noreturn]] void invalid_file(std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), file_field);
}

std::string problem_message(ImageProblem problem) {
  switch (problem) {
    case ImageProblem::not_an_image:
      return "无法读取图片信息，文件可能已损坏";
    case ImageProblem::too_large:
      return "图片尺寸过大：长、宽均不能超过 " + std::to_string(max_side) +
             " 像素，总像素不能超过 " + std::to_string(max_pixels / 10'000) + " 万";
    case ImageProblem::undecodable:
      return "图片已损坏，无法打开";
  }
  return "图片无法处理";
}

}  // namespace

Photo PhotoService::upload(auth::Actor const& actor, std::string_view bytes, std::string_view declared,
                           std::optional<std::string> name, std::optional<std::int64_t> region_id) const {
  auto const& caller = actor.user();
  std::int64_t place_id = caller.region_id;
  std::string place_path = caller.region_path;
  if (region_id) {
    auto const region = db_->read([&](db::Connection& conn) { return auth::regions::find(conn, *region_id); });
    if (!region) throw ApiError(AppError::validation_failed, "行政区划不存在", "region_id");
    if (!caller.covers(region->path)) throw ApiError(AppError::out_of_scope);
    place_id = region->id;
    place_path = region->path;
  }
  if (bytes.empty()) invalid_file("请选择要上传的照片");
  auto const type = sniff(bytes);
  if (!type) invalid_file("只能上传 JPEG、PNG 或 WebP 格式的照片");
  if (declared != content_type(*type)) invalid_file("文件内容与所声明的图片类型不符");
  auto processed = process_image(bytes);
  if (!processed.image) invalid_file(problem_message(processed.problem));
  // What is stored is the picture without where and by what it was taken (media/metadata.hpp).
  auto const kept = strip_metadata(bytes, *type, processed.image->header.orientation);
  if (!kept) invalid_file(problem_message(ImageProblem::undecodable));
  bytes = *kept;

  Photo photo;
  photo.region_id = place_id;
  photo.region_path = std::move(place_path);
  photo.uploader_id = caller.user_id;
  photo.original_name = std::move(name);
  photo.content_type = content_type(*type);
  photo.bytes = static_cast<std::int64_t>(bytes.size());
  photo.width = processed.image->width;
  photo.height = processed.image->height;
  photo.sha256 = base::sha256_hex(bytes);
  photo.created_at = base::now_ms();
  photo.files =
      storage_.save(bytes, extension(*type), processed.image->thumbnail, photo.created_at);
  try {
    photo.id = db_->write([&](db::Connection& conn) {
      auto const id = store::insert_photo(conn, photo);
      auth::audit(conn, actor, "photos.create", "photos", std::to_string(id),
                  photo.content_type + ", " + std::to_string(photo.bytes) + " bytes");
      return id;
    });
  } catch (...) {
    storage_.remove(photo.files);
    throw;
  }
  return photo;
}

PhotoFile PhotoService::open(auth::Principal const& caller, std::int64_t id, bool thumbnail) const {
  auto const photo =
      db_->read([&](db::Connection& conn) { return load_in_scope(conn, caller, id); });
  auto const& path = thumbnail ? photo.files.thumb_path : photo.files.path;
  auto bytes = storage_.read(path);
  if (!bytes) {
    spdlog::warn("photo {} has a row but no file {}", id, path);
    throw ApiError(AppError::not_found, "照片文件不存在");
  }
  return {thumbnail ? std::string(content_type(ImageType::jpeg)) : photo.content_type,
          std::move(*bytes)};
}

void PhotoService::remove(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  auto const files = db_->write([&](db::Connection& conn) {
    auto photo = load_in_scope(conn, caller, id);
    store::delete_photo(conn, id, base::now_ms());
    auth::audit(conn, actor, "photos.delete", "photos", std::to_string(id));
    return photo.files;
  });
  storage_.remove(files);
}

Photo PhotoService::load_in_scope(db::Connection& conn, auth::Principal const& caller,
                                  std::int64_t id) const {
  auto photo = store::photo_by_id(conn, id);
  // Outside the caller's subtree a photo is as missing as one that never was: a 403 would
  // confirm that the id exists (and whose it might be).
  if (!photo) throw ApiError(AppError::not_found, "照片不存在");
  if (!caller.covers(photo->region_path)) throw ApiError(http::concealed_refusal, "照片不存在");
  return std::move(*photo);
}

}  // namespace pufa::media
