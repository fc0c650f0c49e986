#include "media/sniff.hpp"

#include <array>

#include "media/bytes.hpp"

namespace pufa::media {

namespace {

constexpr std::string_view jpeg_magic{"\xFF\xD8\xFF", 3};
constexpr std::string_view png_magic{"\x89PNG\r\n\x1A\n", 8};
constexpr std::size_t riff_header = 12;  // "RIFF" size "WEBP"

using bytes::be16;
using bytes::be32;
using bytes::byte;
using bytes::le16;
using bytes::le24;
using bytes::le32;

std::optional<ImageHeader> sized(ImageType type, std::int64_t width, std::int64_t height,
                                 int orientation = 1) {
  if (width <= 0 || height <= 0) return std::nullopt;
  return ImageHeader{type, width, height, orientation};
}

std::optional<ImageHeader> png_header(std::string_view b) {
  constexpr std::size_t ihdr_end = 24;  // signature, chunk length, "IHDR", width, height
  if (b.size() < ihdr_end || b.substr(12, 4) != "IHDR") return std::nullopt;
  return sized(ImageType::png, be32(b, 16), be32(b, 20));
}

std::optional<ImageHeader> webp_header(std::string_view b) {
  constexpr std::size_t data = 20;  // first chunk's payload
  auto const chunk = b.substr(riff_header, 4);
  if (chunk == "VP8 " && b.size() >= data + 10 && b.substr(data + 3, 3) == "\x9D\x01\x2A") {
    return sized(ImageType::webp, le16(b, data + 6) & 0x3FFF, le16(b, data + 8) & 0x3FFF);
  }
  if (chunk == "VP8L" && b.size() >= data + 5 && byte(b, data) == 0x2F) {
    auto const bits = le32(b, data + 1);
    return sized(ImageType::webp, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X" && b.size() >= data + 10) {
    return sized(ImageType::webp, le24(b, data + 4) + 1, le24(b, data + 7) + 1);
  }
  return std::nullopt;
}

// Orientation tag 0x0112 of IFD0 in an APP1 "Exif\0\0" payload; 1 when absent or odd.
int exif_orientation(std::string_view app1) {
  constexpr std::string_view exif_magic{"Exif\0\0", 6};
  constexpr std::uint32_t orientation_tag = 0x0112;
  constexpr std::size_t entry_size = 12;
  if (!app1.starts_with(exif_magic)) return 1;
  auto const tiff = app1.substr(exif_magic.size());
  if (tiff.size() < 8) return 1;
  bool const little = tiff.starts_with("II");
  if (!little && !tiff.starts_with("MM")) return 1;
  auto u16 = [&](std::size_t at) { return little ? le16(tiff, at) : be16(tiff, at); };
  auto u32 = [&](std::size_t at) { return little ? le32(tiff, at) : be32(tiff, at); };
  std::size_t const ifd = u32(4);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) return 1;
  std::size_t const entries = u16(ifd);
  for (std::size_t i = 0; i < entries; ++i) {
    std::size_t const at = ifd + 2 + i * entry_size;
    if (at + entry_size > tiff.size()) return 1;
    if (u16(at) != orientation_tag) continue;
    auto const value = static_cast<int>(u16(at + 8));
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

bool is_frame_marker(std::uint32_t marker) {  // SOF0..SOF15 less DHT, JPG and DAC
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the segments up to the first frame header; the Exif APP1 comes before it.
std::optional<ImageHeader> jpeg_header(std::string_view b) {
  constexpr std::uint32_t app1 = 0xE1, sos = 0xDA, eoi = 0xD9;
  int orientation = 1;
  std::size_t at = 2;  // after SOI
  while (at + 4 <= b.size()) {
    if (byte(b, at) != 0xFF) return std::nullopt;
    auto const marker = byte(b, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // no length field
      at += 2;
      continue;
    }
    if (marker == sos || marker == eoi) return std::nullopt;
    std::size_t const length = be16(b, at + 2);
    if (length < 2 || at + 2 + length > b.size()) return std::nullopt;
    auto const segment = b.substr(at + 4, length - 2);
    if (marker == app1 && orientation == 1) orientation = exif_orientation(segment);
    if (is_frame_marker(marker)) {
      if (segment.size() < 5) return std::nullopt;
      return sized(ImageType::jpeg, be16(segment, 3), be16(segment, 1), orientation);
    }
    at += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::string_view content_type(ImageType type) {
  static constexpr std::array<std::string_view, 3> names{"image/jpeg", "image/png", "image/webp"};
  return names[static_cast<std::size_t>(type)];
}

std::string_view extension(ImageType type) {
  static constexpr std::array<std::string_view, 3> names{"jpg", "png", "webp"};
  return names[static_cast<std::size_t>(type)];
}

std::optional<ImageType> sniff(std::string_view bytes) {
  if (bytes.starts_with(jpeg_magic)) return ImageType::jpeg;
  if (bytes.starts_with(png_magic)) return ImageType::png;
  if (bytes.size() >= riff_header && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
    return ImageType::webp;
  }
  return std::nullopt;
}

std::optional<ImageHeader> read_header(std::string_view bytes) {
  auto const type = sniff(bytes);
  if (!type) return std::nullopt;
  switch (*type) {
    case ImageType::jpeg:
      return jpeg_header(bytes);
    case ImageType::png:
      return png_header(bytes);
    case ImageType::webp:
      return webp_header(bytes);
  }
  return std::nullopt;
}

}  // namespace pufa::media
