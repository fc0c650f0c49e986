#include "media/metadata.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "media/bytes.hpp"

namespace pufa::media {

namespace {

using bytes::be16;
using bytes::be32;
using bytes::byte;
using bytes::le32;

void put_le32(std::string& out, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// An APP1 segment whose EXIF holds IFD0 with the Orientation tag alone (big-endian TIFF).
std::string orientation_segment(int orientation) {
  using namespace std::string_literals;
  std::string const payload = "Exif\0\0"s + "MM\0*\0\0\0\x08"s + "\0\x01"s + "\x01\x12\0\x03\0\0\0\x01"s +
                              static_cast<char>(0) + static_cast<char>(orientation) + "\0\0"s + "\0\0\0\0"s;
  auto const length = payload.size() + 2;
  return "\xFF\xE1"s + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + payload;
}

bool keep_jpeg_segment(std::uint32_t marker, std::string_view payload) {
  constexpr std::string_view icc{"ICC_PROFILE\0", 12};
  if (marker == 0xFE) return false;                             // COM
  if (marker == 0xE0 || marker == 0xEE) return true;            // APP0 JFIF, APP14 Adobe
  if (marker == 0xE2) return payload.starts_with(icc);          // APP2: the colour profile only
  if (marker >= 0xE1 && marker <= 0xEF) return false;           // every other APPn
  return true;                                                  // tables, frame headers, restart interval
}

std::optional<std::string> strip_jpeg(std::string_view b, int orientation) {
  if (b.size() < 4 || byte(b, 0) != 0xFF || byte(b, 1) != 0xD8) return std::nullopt;
  std::string out(b.substr(0, 2));
  bool oriented = orientation < 2 || orientation > 8;
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (byte(b, at) != 0xFF) return std::nullopt;
    auto const marker = byte(b, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // no length field
      out.append(b.substr(at, 2));
      at += 2;
      continue;
    }
    if (marker == 0xD9) return std::nullopt;  // EOI before any scan
    std::size_t const length = be16(b, at + 2);
    if (length < 2 || at + 2 + length > b.size()) return std::nullopt;
    auto const segment = b.substr(at, 2 + length);
    bool const app0 = marker == 0xE0;
    if (!oriented && !app0) {  // the orientation goes right after SOI and JFIF
      out += orientation_segment(orientation);
      oriented = true;
    }
    if (marker == 0xDA) {  // start of scan: the entropy-coded data and what follows stay as they are
      out.append(b.substr(at));
      return out;
    }
    if (keep_jpeg_segment(marker, segment.substr(4))) out.append(segment);
    at += 2 + length;
  }
  return std::nullopt;
}

std::optional<std::string> strip_png(std::string_view b) {
  constexpr std::size_t signature = 8;
  static constexpr std::array<std::string_view, 5> dropped{"eXIf", "tEXt", "zTXt", "iTXt", "tIME"};
  if (b.size() < signature) return std::nullopt;
  std::string out(b.substr(0, signature));
  std::size_t at = signature;
  while (at + 12 <= b.size()) {
    std::size_t const length = be32(b, at);
    if (length > b.size() - at - 12) return std::nullopt;
    auto const type = b.substr(at + 4, 4);
    auto const chunk = b.substr(at, 12 + length);
    bool drop = false;
    for (auto const d : dropped) drop = drop || type == d;
    if (!drop) out.append(chunk);
    at += 12 + length;
    if (type == "IEND") return out;
  }
  return std::nullopt;
}

std::optional<std::string> strip_webp(std::string_view b) {
  constexpr std::size_t header = 12;
  if (b.size() < header) return std::nullopt;
  std::string out(b.substr(0, header));
  std::size_t const end = std::min<std::size_t>(b.size(), 8 + static_cast<std::size_t>(le32(b, 4)));
  std::size_t at = header;
  std::optional<std::size_t> vp8x_flags;
  while (at + 8 <= end) {
    std::size_t const length = le32(b, at + 4);
    std::size_t const padded = length + (length & 1);
    if (padded > end - at - 8) return std::nullopt;
    auto const type = b.substr(at, 4);
    if (type != "EXIF" && type != "XMP ") {
      if (type == "VP8X" && length >= 1) vp8x_flags = out.size() + 8;
      out.append(b.substr(at, 8 + padded));
    }
    at += 8 + padded;
  }
  if (at != end) return std::nullopt;
  if (vp8x_flags) out[*vp8x_flags] = static_cast<char>(byte(out, *vp8x_flags) & ~0x0Cu);  // EXIF (8) and XMP (4) flags
  put_le32(out, 4, static_cast<std::uint32_t>(out.size() - 8));
  return out;
}

}  // namespace

std::optional<std::string> strip_metadata(std::string_view bytes, ImageType type, int orientation) {
  switch (type) {
    case ImageType::jpeg:
      return strip_jpeg(bytes, orientation);
    case ImageType::png:
      return strip_png(bytes);
    case ImageType::webp:
      return strip_webp(bytes);
  }
  return std::nullopt;
}

}  // namespace pufa::media
