#include "render/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace pufa::render {

QrSvg qr_svg(std::string_view text) {
  std::string const input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) throw std::runtime_error("QR encoding failed for a text of " + std::to_string(text.size()) + " bytes");
  int const width = code->width;
  int const side = width + 2 * qr_quiet_zone;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // Bit 0 of each byte: dark module. Runs of dark modules become one rectangle.
      if (!(code->data[y * width + x] & 1)) continue;
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
      path += "M" + std::to_string(x + qr_quiet_zone) + " " + std::to_string(y + qr_quiet_zone) + "h" +
              std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run - 1;
    }
  }
  auto const size = std::to_string(side);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
                    "\" width=\"" + std::to_string(side * 4) + "\" height=\"" + std::to_string(side * 4) +
                    "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size +
                    "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
  return {std::move(svg), code->version, width};
}

}  // namespace pufa::render
