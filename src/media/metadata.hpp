// Metadata taken out of an uploaded picture before it is stored: an activity photo must not carry
// where it was taken (EXIF GPS), the camera's serial number, the author's name or a thumbnail of
// what was cropped away (等保: personal data at rest). The pixels are kept byte for byte — no
// re-encoding — and so is what a decoder needs to show them as taken: the colour profile (ICC),
// Adobe's colour transform, and the EXIF orientation, rewritten as the only tag left.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "media/sniff.hpp"

namespace pufa::media {

// JPEG: APP1 (EXIF, XMP), APP3–APP13, APP15 and comments dropped; APP0 (JFIF), APP2 ICC_PROFILE and
// APP14 (Adobe) kept; `orientation` 2–8 written back in a minimal EXIF. PNG: eXIf, tEXt, zTXt, iTXt and
// tIME dropped, nothing after IEND. WebP: EXIF and XMP chunks dropped (and their VP8X flags cleared).
// nullopt when the container does not walk (the caller refuses the file).
std::optional<std::string> strip_metadata(std::string_view bytes, ImageType type, int orientation);

}  // namespace pufa::media
