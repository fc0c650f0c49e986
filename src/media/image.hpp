// Decoding an upload for real (libgd) and making its thumbnail. The header is checked against
// the size limits before the decoder runs, so a small file that declares a huge picture
// (a decompression bomb) is refused without allocating its pixels.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "media/sniff.hpp"

namespace pufa::media {

inline constexpr std::int64_t max_side = 12000;          // pixels, either dimension
inline constexpr std::int64_t max_pixels = 100'000'000;  // ≈ 400 MB of decoded truecolor
inline constexpr int thumb_side = 320;                   // the thumbnail's longest side
inline constexpr int thumb_quality = 80;                 // JPEG quality of thumbnails

enum class ImageProblem {
  not_an_image,  // no known magic bytes, or a header that does not parse
  too_large,     // the header declares more than max_side / max_pixels
  undecodable,   // the decoder refused the data
};

struct ProcessedImage {
  ImageHeader header;
  int width = 0;  // as displayed: EXIF orientation 5..8 swaps the stored dimensions
  int height = 0;
  std::string thumbnail;  // JPEG, longest side thumb_side (never upscaled), oriented
};

struct ImageResult {
  std::optional<ProcessedImage> image;
  ImageProblem problem = ImageProblem::not_an_image;  // when image is empty
};

// Header check, full decode, thumbnail. Thread-safe (gd keeps no shared state per image).
ImageResult process_image(std::string_view bytes);

struct Size {
  int width = 0;
  int height = 0;
  bool operator==(Size const&) const = default;
};
// The thumbnail's size for a picture of `width` × `height`.
Size thumbnail_size(int width, int height);

}  // namespace pufa::media
