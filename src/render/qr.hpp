// QR codes of article URLs (libqrencode), drawn as SVG: one path of unit squares, so it scales
// sharply at any size and weighs a few kilobytes.
#pragma once

#include <string>
#include <string_view>

namespace pufa::render {

inline constexpr int qr_quiet_zone = 4;  // modules of white border, as the standard asks

struct QrSvg {
  std::string svg;  // image/svg+xml
  int version = 0;  // 1..40
  int modules = 0;  // modules per side, without the quiet zone (17 + 4 × version)
};

// Error correction M, 8-bit mode. Throws std::runtime_error when the text cannot be encoded
// (longer than a version-40 symbol holds).
QrSvg qr_svg(std::string_view text);

}  // namespace pufa::render
