// Reading integers out of image containers (JPEG segments, PNG chunks, RIFF): what sniffing and
// metadata stripping share. Callers check the bounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pufa::media::bytes {

inline std::uint32_t byte(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }
inline std::uint32_t be16(std::string_view b, std::size_t at) { return byte(b, at) << 8 | byte(b, at + 1); }
inline std::uint32_t le16(std::string_view b, std::size_t at) { return byte(b, at) | byte(b, at + 1) << 8; }
inline std::uint32_t le24(std::string_view b, std::size_t at) { return le16(b, at) | byte(b, at + 2) << 16; }
inline std::uint32_t be32(std::string_view b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }
inline std::uint32_t le32(std::string_view b, std::size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

}  // namespace pufa::media::bytes
