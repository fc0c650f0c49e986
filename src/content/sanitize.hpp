// Rich text from the editor, made safe on the server: a small HTML tokenizer and an allow-list.
// The output is rebuilt from the tokens (never copied), so only allowed tags with checked
// attributes come out, text is escaped, and every element is closed. See docs/content.md.
#pragma once

#include <string>
#include <string_view>

namespace pufa::content {

// Allowed: p br h2 h3 h4 strong b em i u span ul ol li blockquote table thead tbody tr th td,
// a[href: http, https, mailto or relative; rel="noopener" added], img[src: http, https or
// /api/v1/attachments/…; alt], th/td[colspan, rowspan]. Other tags are dropped and their text
// kept, except script, style, iframe, object, embed, svg, math, template, noscript, textarea,
// title, xmp, noembed, noframes and select, which are dropped with their content.
// Comments, CDATA, doctypes and processing instructions are dropped. Entities in text are kept.
std::string sanitize_html(std::string_view html);

// The text of (sanitised) HTML for the search index: tags removed, entities decoded, blocks
// separated by newlines, runs of spaces collapsed.
std::string plain_text(std::string_view html);

// Decodes character references (&amp; &#20013; &#x4E2D; and common named ones). Unknown
// references stay as written.
std::string decode_entities(std::string_view text);

}  // namespace pufa::content
