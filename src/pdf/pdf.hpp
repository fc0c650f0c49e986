// The same documents as docx/ writes, as PDF: laid out with Pango (line breaking and shaping of
// Chinese text, font fallback through fontconfig) and drawn with Cairo, whose PDF surface subsets
// and embeds every font it uses, so the file reads the same on a machine without them. Page and type
// follow docx/'s GB/T 9704 template: A4, margins 37/35/28/26 mm, the title 二号, body 三号 on a fixed
// 28.95 pt line with a two-character indent, 黑体 / 楷体 headings, tables 小四, "— n —" page numbers.
// Fonts: 方正小标宋 / 仿宋_GB2312 / 黑体 / 楷体 where installed, else Noto Serif / Sans CJK SC (Debian's
// fonts-noto-cjk, which the project installs).
#pragma once

#include <string>

#include "docx/docx.hpp"

namespace pufa::pdf {

// The PDF bytes of the document.
std::string write(docx::Document const& document);

inline constexpr char const* content_type = "application/pdf";

}  // namespace pufa::pdf
