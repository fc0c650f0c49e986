// Attachment files: what an upload is, judged by its bytes (never by the Content-Type alone),
// and where it lives on disk (<uploads>/attachments/<yyyy>/<mm>/<random>.<ext>, written by
// media::save_file like the photos).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pufa::content {

inline constexpr std::size_t max_attachment_bytes = 20 * 1024 * 1024;

enum class FileType { pdf, docx, xlsx, doc, xls, jpeg, png };

std::string_view content_type(FileType type);
std::string_view extension(FileType type);
// The accepted Content-Types, comma-separated (for the route's `accepts`).
std::string accepted_content_types();

// PDF "%PDF-"; ZIP with a word/ or xl/ part (docx, xlsx); OLE compound files (doc, xls: by
// their WordDocument / Workbook stream, else the declared one of the two); JPEG; PNG.
// `declared` is the request's media type, only used to tell an unnamed OLE file apart.
std::optional<FileType> sniff_file(std::string_view bytes, std::string_view declared);


}  // namespace pufa::content
