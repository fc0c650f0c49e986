// A submission's files: the draft and the material asked for, judged by their bytes (content's
// sniffing), kept outside the web root (media::save_file), read in the scope of their submission.
#include <spdlog/spdlog.h>

#include "auth/audit.hpp"
#include "base/random.hpp"
#include "content/files.hpp"
#include "http/error.hpp"
#include "legality/common.hpp"
#include "legality/store.hpp"
#include "media/storage.hpp"

namespace pufa::legality {

using http::ApiError;
using http::AppError;

File LegalityService::upload(auth::Actor const& actor, std::string_view bytes, std::string_view declared,
                             std::optional<std::string> name) const {
  auto const& caller = actor.user();
  if (!caller.has(submit_permission) && !caller.has(review_permission)) throw ApiError(AppError::forbidden);
  if (bytes.empty()) invalid("请选择要上传的文件", "file");
  auto const type = content::sniff_file(bytes, declared);
  if (!type) invalid("只能上传 PDF、Word、Excel、JPEG 或 PNG 文件", "file");
  File f;
  f.name = name ? *name : "附件." + std::string(content::extension(*type));
  f.content_type = std::string(content::content_type(*type));
  f.size = static_cast<std::int64_t>(bytes.size());
  f.sha256 = base::sha256_hex(bytes);
  f.stage = "draft";
  f.region_path = caller.region_path;
  f.uploader_id = caller.user_id;
  f.created_at = base::now_ms();
  f.path = media::save_file(uploads_, "legality", bytes, content::extension(*type), f.created_at);
  try {
    f.id = db_->write([&](db::Connection& conn) {
      auto const id = store::insert_file(conn, f);
      auth::audit(conn, actor, "legality.file.create", "legality_files", std::to_string(id),
                  f.content_type + ", " + std::to_string(f.size) + " bytes");
      return id;
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(uploads_ / f.path, ignored);
    throw;
  }
  return f;
}

Download LegalityService::file(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  auto const f = db_->read([&](db::Connection& conn) {
    auto f = store::file(conn, id);
    if (!f) throw ApiError(AppError::not_found, "附件不存在");
    if (f->submission_id) {
      auto const s = store::submission(conn, *f->submission_id);
      require_visible(caller, *s);
    } else if (f->uploader_id != caller.user_id) {
      throw ApiError(http::concealed_refusal, "附件不存在");
    }
    return std::move(*f);
  });
  auto bytes = media::PhotoStorage(uploads_).read(f.path);
  if (!bytes) {
    spdlog::warn("legality file {} has a row but no file {}", id, f.path);
    throw ApiError(AppError::not_found, "附件文件不存在");
  }
  return {f.name, f.content_type, std::move(*bytes)};
}

}  // namespace pufa::legality
