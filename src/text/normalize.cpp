#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>

#include "text/utf8.hpp"

namespace pufa::text {

namespace {

bool is_zero_width(UChar32 c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }

struct ConverterClose {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

std::optional<std::string> convert(std::string_view bytes, char const* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterClose> converter(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return std::nullopt;
  // Stop at the first byte sequence that is not in the charset instead of substituting.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(), status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

std::string nfkc(std::string_view text) {
  if (!utf8_length(text)) return std::string(text);
  bool ascii = true;
  for (char const c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  auto const* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  auto const source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  auto normalized = normalizer->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 const c = normalized.char32At(i);
    if (!is_zero_width(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::optional<std::string> hidden_characters(std::string_view text) {
  if (!utf8_length(text)) return "含无法识别的字符";
  auto const source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  bool full_space = false, space = false, invisible = false, full_width = false;
  for (int32_t i = 0; i < source.length();) {
    UChar32 const c = source.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x3000) full_space = true;
    else if (c == ' ' || c == 0xA0 || c == '\t') space = true;
    else if (is_zero_width(c) || c < 0x20) invisible = true;
    else if (c >= 0xFF01 && c <= 0xFF5E) full_width = true;  // ０-９, Ａ-Ｚ, ｘ, －
  }
  if (full_space) return "含全角空格";
  if (invisible) return "含不可见字符";
  if (full_width) return "含全角字符";
  if (space) return "含空格";
  return std::nullopt;
}

std::optional<std::string> forbidden_character(std::string_view text, bool multiline) {
  for (std::size_t i = 0; i < text.size();) {
    auto const c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > text.size()) return std::nullopt;
    UChar32 code = c;
    if (n == 2) code = ((c & 0x1F) << 6) | (text[i + 1] & 0x3F);
    if (n == 3) code = ((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
    if (n == 4) code = ((c & 0x07) << 18) | ((text[i + 1] & 0x3F) << 12) | ((text[i + 2] & 0x3F) << 6) | (text[i + 3] & 0x3F);
    bool const allowed_space = multiline ? (code == '\t' || code == '\n' || code == '\r') : code == '\t';
    bool const control = (code < 0x20 && !allowed_space) || code == 0x7F || (code >= 0x80 && code <= 0x9F);
    bool const bidi = (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
    if (control || bidi) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code));
      return std::string(buffer);
    }
    i += n;
  }
  return std::nullopt;
}

std::optional<std::string> decode_text_file(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  else if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE");
  else if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE");
  if (utf8_length(bytes)) return std::string(bytes);
  return convert(bytes, "GB18030");
}

}  // namespace pufa::text
