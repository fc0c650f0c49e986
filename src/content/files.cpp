#include "content/files.hpp"

#include <array>

#include "media/sniff.hpp"

namespace pufa::content {

namespace {

struct Known {
  FileType type;
  std::string_view content_type, extension;
};
constexpr std::array<Known, 7> known{{
    {FileType::pdf, "application/pdf", "pdf"},
    {FileType::docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
    {FileType::xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
    {FileType::doc, "application/msword", "doc"},
    {FileType::xls, "application/vnd.ms-excel", "xls"},
    {FileType::jpeg, "image/jpeg", "jpg"},
    {FileType::png, "image/png", "png"},
}};

constexpr std::string_view zip_magic{"PK\x03\x04", 4};
constexpr std::string_view ole_magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

// A stream name as the OLE directory stores it: UTF-16LE.
std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char const c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

bool contains(std::string_view bytes, std::string_view needle) {
  return bytes.find(needle) != std::string_view::npos;
}

}  // namespace

std::string_view content_type(FileType type) {
  for (auto const& k : known)
    if (k.type == type) return k.content_type;
  return "application/octet-stream";
}

std::string_view extension(FileType type) {
  for (auto const& k : known)
    if (k.type == type) return k.extension;
  return "bin";
}

std::string accepted_content_types() {
  std::string out;
  for (auto const& k : known) {
    if (!out.empty()) out += ',';
    out += k.content_type;
  }
  return out;
}

std::optional<FileType> sniff_file(std::string_view bytes, std::string_view declared) {
  if (bytes.starts_with("%PDF-")) return FileType::pdf;
  if (bytes.starts_with(zip_magic)) {
    // Local file headers carry the part names uncompressed.
    if (contains(bytes, "word/")) return FileType::docx;
    if (contains(bytes, "xl/")) return FileType::xlsx;
    return std::nullopt;
  }
  if (bytes.starts_with(ole_magic)) {
    if (contains(bytes, utf16le("WordDocument"))) return FileType::doc;
    if (contains(bytes, utf16le("Workbook")) || contains(bytes, utf16le("Book"))) return FileType::xls;
    if (declared == content_type(FileType::doc)) return FileType::doc;
    if (declared == content_type(FileType::xls)) return FileType::xls;
    return std::nullopt;
  }
  if (auto const image = media::sniff(bytes)) {
    if (*image == media::ImageType::jpeg) return FileType::jpeg;
    if (*image == media::ImageType::png) return FileType::png;
  }
  return std::nullopt;
}

}  // namespace pufa::content
