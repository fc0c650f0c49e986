// Rich text from the editor, made safe on the server: a small HTML tokenizer and an allow-list.
// The output is rebuilt from the tokens (never copied), so only allowed tags with checked
// attributes come out, text is escaped, and every element is closed. See docs/content.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::content {

// The work one body may cause: past these the service refuses it (400) rather than store a
// flattened or partial article. The size is bounded by the route (200 000 characters).
inline constexpr std::size_t max_html_depth = 64;         // nesting of kept elements
inline constexpr std::size_t max_html_elements = 20'000;  // start tags read

// What sanitising found that the writer should be told of.
struct SanitizeReport {
  std::size_t elements = 0;  // start tags read
  std::size_t depth = 0;     // deepest nesting written
  bool too_deep = false;     // elements past max_html_depth were flattened
  std::vector<std::string> external_images;  // other sites' images, left out
};

// Allowed (docs/content.md): p div br h2 h3 h4 (h1 → h2, h5 h6 → h4) strong b em i u s del sup
// sub span ul ol li blockquote hr table caption thead tbody tfoot tr th td; a[href: http, https,
// mailto, #anchor or relative; rel added], img[src: /api/v1/attachments/{id} only; alt],
// th/td[colspan, rowspan], style (text-align, first-line indent) on blocks and cells, id (as
// user-content-…) for anchors. Other tags are dropped and their text kept, except script,
// style, iframe, object, embed, svg, math, template, noscript, textarea, title, xmp, noembed,
// noframes, select and applet, dropped with their content (an unclosed svg, math or select
// only loses its tag). Comments, CDATA, doctypes and processing instructions are dropped.
// Entities in text are kept. Linear in the input: no input makes it backtrack.
std::string sanitize_html(std::string_view html, SanitizeReport* report = nullptr);

// The text of (sanitised) HTML for the search index: tags removed, entities decoded, blocks
// separated by newlines, runs of spaces collapsed.
std::string plain_text(std::string_view html);

// Decodes character references (&amp; &#20013; &#x4E2D; and common named ones). Unknown
// references stay as written.
std::string decode_entities(std::string_view text);

}  // namespace pufa::content
