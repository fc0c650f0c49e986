#include "media/routes.hpp"

#include <algorithm>
#include <boost/url/pct_string_view.hpp>

#include "auth/principal.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "media/photos.hpp"
#include "media/service.hpp"
#include "media/sniff.hpp"
#include "text/utf8.hpp"

namespace pufa::media {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;

namespace {

constexpr char const* name_field = "name";
constexpr char const* cache_control = "private, max-age=86400";

// X-File-Name: the file's name, percent-encoded UTF-8 (headers are ASCII). Only its last
// path component is kept (old browsers send C:\fakepath\...). Shown to users, never a path.
std::optional<std::string> file_name(Request const& request) {
  auto const raw = request.header("x-file-name");
  if (!raw || raw->empty()) return std::nullopt;
  auto const encoded = boost::urls::make_pct_string_view(*raw);
  if (!encoded) throw ApiError(AppError::validation_failed, "文件名编码不正确", name_field);
  return http::upload_name(encoded->decode(), name_field, max_name_chars);
}

boost::json::object photo_json(Photo const& photo) {
  boost::json::value name = nullptr;
  if (photo.original_name) name = *photo.original_name;
  return {
      {"id", photo.id},         {"url", photo_url(photo.id)}, {"thumb_url", thumb_url(photo.id)},
      {"width", photo.width},   {"height", photo.height},     {"bytes", photo.bytes},
      {"name", std::move(name)}};
}

Response file_response(PhotoFile file) {
  Response response;
  response.body = std::move(file.bytes);
  response.set_header("Content-Type", std::move(file.content_type));
  response.set_header("Cache-Control", cache_control);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Content-Disposition", "inline");
  return response;
}

std::string accepted_types() {
  std::string out;
  for (auto type : {ImageType::jpeg, ImageType::png, ImageType::webp}) {
    if (!out.empty()) out += ',';
    out += content_type(type);
  }
  return out;
}

}  // namespace

void add_routes(http::Router& router, db::Database& db, std::filesystem::path storage) {
  PhotoService const service(db, std::move(storage));
  // Inspectors take and read photos of what they check on site (assessment), advisors of their service logs, without the
  // ledger's permissions.
  http::RouteOptions const read{.permission = "activity.read|assess.inspect|service.log|service.read"};

  router.add(Method::post, "/api/v1/photos",
             [service](Request& request) {
               auto photo = service.upload(auth::actor(request), request.body, request.media_type(), file_name(request),
                                           http::query_int(request, "region_id"));
               return Response::created({{"photo", photo_json(photo)}});
             },
             {.permission = "activity.write|assess.inspect|service.log",
              .action = "photos.create",
              .body_limit = max_photo_bytes,
              .accepts = accepted_types()});

  router.add(
      Method::get, "/api/v1/photos/{id}",
      [service](Request& request) {
        return file_response(service.open(auth::principal(request), request.id_param("id"), false));
      },
      read);

  router.add(
      Method::get, "/api/v1/photos/{id}/thumb",
      [service](Request& request) {
        return file_response(service.open(auth::principal(request), request.id_param("id"), true));
      },
      read);

  router.add(Method::del, "/api/v1/photos/{id}",
             [service](Request& request) {
               service.remove(auth::actor(request), request.id_param("id"));
               return Response::no_content();
             },
             {.permission = "activity.write", .action = "photos.delete"});
}

}  // namespace pufa::media
