// The template's fixed parts (content types, relationships, styles, fonts, settings).
#pragma once

namespace pufa::docx::parts {

extern char const* const content_types;
extern char const* const package_rels;
extern char const* const document_rels;
extern char const* const styles;
extern char const* const font_table;
extern char const* const settings;

}  // namespace pufa::docx::parts
