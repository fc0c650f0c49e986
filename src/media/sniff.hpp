// What an uploaded file is, read from its bytes alone (never from the Content-Type header):
// the format by its magic bytes, and the pixel size and EXIF orientation from its header,
// so that an image declaring huge dimensions is refused before anything decodes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pufa::media {

enum class ImageType { jpeg, png, webp };

std::string_view content_type(ImageType type);  // "image/jpeg", ...
std::string_view extension(ImageType type);     // "jpg", "png", "webp"

// JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, WebP "RIFF" size "WEBP"; nullopt otherwise.
std::optional<ImageType> sniff(std::string_view bytes);

struct ImageHeader {
  ImageType type = ImageType::jpeg;
  std::int64_t width = 0;
  std::int64_t height = 0;
  int orientation = 1;  // EXIF 1..8 (JPEG only); 5..8 swap width and height on display
};

// The header of a sniffed image: PNG IHDR, the JPEG SOFn frame (and APP1 Exif orientation),
// WebP VP8 / VP8L / VP8X. nullopt when the bytes are not an image or the header is cut short.
std::optional<ImageHeader> read_header(std::string_view bytes);

}  // namespace pufa::media
