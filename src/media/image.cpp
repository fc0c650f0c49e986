#include "media/image.hpp"

#include <gd.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

namespace pufa::media {

namespace {

struct ImageDeleter {
  void operator()(gdImage* image) const { gdImageDestroy(image); }
};
using ImagePtr = std::unique_ptr<gdImage, ImageDeleter>;

// gd prints decoder warnings to stderr by default; a refused upload is an answer, not a log line.
void quiet_gd_errors() {
  static std::once_flag once;
  std::call_once(once, [] { gdSetErrorMethod([](int, char const*, va_list) {}); });
}

ImagePtr decode(ImageType type, std::string_view bytes) {
  auto const size = static_cast<int>(bytes.size());
  auto* data = const_cast<char*>(bytes.data());  // gd reads only; its API is not const-correct
  switch (type) {
    case ImageType::jpeg:
      return ImagePtr(gdImageCreateFromJpegPtr(size, data));
    case ImageType::png:
      return ImagePtr(gdImageCreateFromPngPtr(size, data));
    case ImageType::webp:
      return ImagePtr(gdImageCreateFromWebpPtr(size, data));
  }
  return nullptr;
}

bool swaps_sides(int orientation) { return orientation >= 5; }

// The pixel of the stored picture shown at (x, y) for an EXIF orientation; w × h stored size.
std::pair<int, int> source_of(int orientation, int x, int y, int w, int h) {
  switch (orientation) {
    case 2:
      return {w - 1 - x, y};
    case 3:
      return {w - 1 - x, h - 1 - y};
    case 4:
      return {x, h - 1 - y};
    case 5:
      return {y, x};
    case 6:
      return {y, h - 1 - x};
    case 7:
      return {w - 1 - y, h - 1 - x};
    case 8:
      return {w - 1 - y, x};
    default:
      return {x, y};
  }
}

// Turns a (small) thumbnail upright. Per pixel, because it is at most thumb_side².
ImagePtr orient(ImagePtr image, int orientation) {
  if (orientation <= 1) return image;
  int const w = gdImageSX(image.get()), h = gdImageSY(image.get());
  int const out_w = swaps_sides(orientation) ? h : w, out_h = swaps_sides(orientation) ? w : h;
  ImagePtr out(gdImageCreateTrueColor(out_w, out_h));
  if (!out) return nullptr;
  for (int y = 0; y < out_h; ++y) {
    for (int x = 0; x < out_w; ++x) {
      auto const [sx, sy] = source_of(orientation, x, y, w, h);
      gdImageSetPixel(out.get(), x, y, gdImageGetTrueColorPixel(image.get(), sx, sy));
    }
  }
  return out;
}

std::optional<std::string> thumbnail_jpeg(gdImage* source, int orientation) {
  int const w = gdImageSX(source), h = gdImageSY(source);
  auto const size = thumbnail_size(w, h);
  ImagePtr thumb(gdImageCreateTrueColor(size.width, size.height));
  if (!thumb) return std::nullopt;
  // JPEG has no alpha: transparent parts of a PNG or WebP become white, not black.
  gdImageFilledRectangle(thumb.get(), 0, 0, size.width - 1, size.height - 1,
                         gdTrueColor(255, 255, 255));
  gdImageAlphaBlending(thumb.get(), 1);
  gdImageCopyResampled(thumb.get(), source, 0, 0, 0, 0, size.width, size.height, w, h);
  thumb = orient(std::move(thumb), orientation);
  if (!thumb) return std::nullopt;
  int length = 0;
  void* jpeg = gdImageJpegPtr(thumb.get(), &length, thumb_quality);
  if (!jpeg) return std::nullopt;
  std::string out(static_cast<char const*>(jpeg), static_cast<std::size_t>(length));
  gdFree(jpeg);
  return out;
}

ImageResult refused(ImageProblem problem) { return {std::nullopt, problem}; }

}  // namespace

Size thumbnail_size(int width, int height) {
  int const longest = std::max(width, height);
  if (longest <= thumb_side) return {width, height};
  auto scaled = [&](int side) {
    return std::max(
        1, static_cast<int>(std::lround(static_cast<double>(side) * thumb_side / longest)));
  };
  return {scaled(width), scaled(height)};
}

ImageResult process_image(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return refused(ImageProblem::too_large);
  auto const header = read_header(bytes);
  if (!header) return refused(ImageProblem::not_an_image);
  if (header->width > max_side || header->height > max_side ||
      header->width * header->height > max_pixels) {
    return refused(ImageProblem::too_large);
  }
  quiet_gd_errors();
  auto const image = decode(header->type, bytes);
  if (!image) return refused(ImageProblem::undecodable);
  int const w = gdImageSX(image.get()), h = gdImageSY(image.get());
  if (w > max_side || h > max_side) return refused(ImageProblem::too_large);
  auto thumbnail = thumbnail_jpeg(image.get(), header->orientation);
  if (!thumbnail) return refused(ImageProblem::undecodable);
  bool const swap = swaps_sides(header->orientation);
  return {ProcessedImage{*header, swap ? h : w, swap ? w : h, std::move(*thumbnail)}, {}};
}

}  // namespace pufa::media
