#include "pdf/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <numeric>
#include <stdexcept>

namespace pufa::pdf {

namespace {

constexpr double mm = 72.0 / 25.4;
constexpr double page_width = 210 * mm, page_height = 297 * mm;
constexpr double margin_top = 37 * mm, margin_bottom = 35 * mm, margin_left = 28 * mm, margin_right = 26 * mm;
constexpr double text_width = page_width - margin_left - margin_right;
constexpr double body_line = 28.95;  // pt, the template's fixed line
constexpr double title_line = 35.0;
constexpr double table_line = 18.0;
constexpr double cell_pad = 5.4;

// Families in order of preference; fontconfig takes the first it has.
constexpr char const* song_title = "方正小标宋简体, FZXiaoBiaoSong-B05S, Noto Serif CJK SC, serif";
constexpr char const* fangsong = "仿宋_GB2312, FangSong_GB2312, 仿宋, FangSong, Noto Serif CJK SC, serif";
constexpr char const* heiti = "黑体, SimHei, Noto Sans CJK SC, sans-serif";
constexpr char const* kaiti = "楷体_GB2312, KaiTi_GB2312, 楷体, KaiTi, Noto Serif CJK SC, serif";

struct Style {
  char const* family;
  double size;  // pt
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool indent = true;  // two characters on the first line
  double line = body_line;
  double before = 0, after = 0;
  bool justify = true;
};

Style style_of(docx::Block::Kind kind) {
  using K = docx::Block::Kind;
  switch (kind) {
    case K::title: return {song_title, 22, PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, false, title_line, 0, 15, false};
    case K::subtitle: return {kaiti, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, false, body_line, 0, 10, false};
    case K::heading1: return {heiti, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, true};
    case K::heading2: return {kaiti, 16, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, true};
    case K::plain: return {fangsong, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, false};
    case K::right: return {fangsong, 16, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, false, body_line, 0, 0, false};
    case K::body:
    case K::table: break;
  }
  return {fangsong, 16};
}

// Strips what Pango would refuse (invalid UTF-8 cannot reach here: texts come from validated input).
// Pango's objects are not thread-safe and a font map holds every font it opened: one map for the
// process, and one document written at a time (documents are filed, not served by the thousand).
std::mutex writing;
PangoFontMap* font_map() {
  static PangoFontMap* const map = pango_cairo_font_map_new();
  return map;
}

struct Writer {
  cairo_t* cr = nullptr;
  PangoContext* context = nullptr;
  double y = margin_top;
  int page = 1;

  PangoLayout* layout(Style const& style, double width, std::string const& text) {
    auto* layout = pango_layout_new(context);
    auto* font = pango_font_description_from_string(style.family);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.weight);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, style.align);
    pango_layout_set_justify(layout, style.justify);
    if (style.indent) pango_layout_set_indent(layout, static_cast<int>(2 * style.size * PANGO_SCALE));
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    return layout;
  }

  void footer() {
    Style number{fangsong, 14, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, false};
    auto* l = layout(number, text_width, "— " + std::to_string(page) + " —");
    cairo_move_to(cr, margin_left, page_height - margin_bottom + 7 * mm);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
  }

  void new_page() {
    footer();
    cairo_show_page(cr);
    ++page;
    y = margin_top;
  }

  // Draws a paragraph's lines on fixed steps, breaking pages between lines.
  void paragraph(Style const& style, std::string const& text) {
    y += style.before;
    auto* l = layout(style, text_width, text);
    auto* it = pango_layout_get_iter(l);
    do {
      if (y + style.line > page_height - margin_bottom + 0.5) new_page();
      auto* line = pango_layout_iter_get_line_readonly(it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      auto const baseline = pango_layout_iter_get_baseline(it);
      auto const line_top = static_cast<double>(logical.y) / PANGO_SCALE;
      auto const ascent = static_cast<double>(baseline) / PANGO_SCALE - line_top;
      auto const height = static_cast<double>(logical.height) / PANGO_SCALE;
      // The line's glyphs centred in the fixed step, on the line's own x (alignment, indent).
      cairo_move_to(cr, margin_left + static_cast<double>(logical.x) / PANGO_SCALE, y + (style.line - height) / 2 + ascent);
      pango_cairo_show_layout_line(cr, const_cast<PangoLayoutLine*>(line));
      y += style.line;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
    y += style.after;
  }

  void table(docx::Table const& t) {
    auto const columns = std::max<std::size_t>(t.header.size(), t.rows.empty() ? 0 : t.rows.front().size());
    if (columns == 0) return;
    std::vector<double> widths(columns, 1.0);
    if (t.widths.size() == columns) std::transform(t.widths.begin(), t.widths.end(), widths.begin(), [](int w) { return std::max(1, w); });
    auto const total = std::accumulate(widths.begin(), widths.end(), 0.0);
    for (auto& w : widths) w = w / total * text_width;
    Style cell{fangsong, 12, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, false, table_line, 0, 0, false};
    Style head = cell;
    head.family = heiti;
    auto row = [&](std::vector<std::string> const& cells, Style const& style) {
      std::vector<PangoLayout*> layouts;
      double height = 0;
      for (std::size_t c = 0; c < columns; ++c) {
        auto* l = layout(style, widths[c] - 2 * cell_pad, c < cells.size() ? cells[c] : std::string());
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        height = std::max(height, static_cast<double>(h) / PANGO_SCALE);
        layouts.push_back(l);
      }
      height += 2 * cell_pad;
      return std::pair{layouts, height};
    };
    auto draw = [&](std::pair<std::vector<PangoLayout*>, double> const& r) {
      double x = margin_left;
      for (std::size_t c = 0; c < columns; ++c) {
        cairo_rectangle(cr, x, y, widths[c], r.second);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
        int w = 0, h = 0;
        pango_layout_get_size(r.first[c], &w, &h);
        cairo_move_to(cr, x + cell_pad, y + (r.second - static_cast<double>(h) / PANGO_SCALE) / 2);
        pango_cairo_show_layout(cr, r.first[c]);
        x += widths[c];
      }
      y += r.second;
    };
    auto release = [](std::pair<std::vector<PangoLayout*>, double>& r) {
      for (auto* l : r.first) g_object_unref(l);
    };
    auto header = row(t.header, head);
    y += 6;
    if (y + header.second > page_height - margin_bottom) new_page();
    if (!t.header.empty()) draw(header);
    for (auto const& cells : t.rows) {
      auto r = row(cells, cell);
      if (y + r.second > page_height - margin_bottom) {
        new_page();
        if (!t.header.empty()) draw(header);  // the header again on every page
      }
      draw(r);
      release(r);
    }
    release(header);
    y += 6;
  }
};

cairo_status_t append(void* closure, unsigned char const* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<char const*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string write(docx::Document const& document) {
  std::lock_guard const lock(writing);
  std::string out;
  auto* surface = cairo_pdf_surface_create_for_stream(append, &out, page_width, page_height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, document.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Pufa");
  auto* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  auto* context = pango_font_map_create_context(font_map());
  pango_cairo_update_context(cr, context);
  Writer w{cr, context};
  for (auto const& block : document.blocks) {
    if (block.kind == docx::Block::Kind::table) {
      w.table(block.table);
      continue;
    }
    // A line break inside a block is a new line in the same paragraph, as in the .docx.
    std::string::size_type start = 0;
    auto const style = style_of(block.kind);
    bool first = true;
    while (true) {
      auto const end = block.text.find('\n', start);
      auto part = block.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
      auto s = style;
      if (!first) s.before = 0;
      if (end != std::string::npos) s.after = 0;
      if (!first) s.indent = false;
      w.paragraph(s, part.empty() ? " " : part);
      first = false;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  w.footer();
  cairo_show_page(cr);
  g_object_unref(context);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  auto const status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace pufa::pdf

#if defined(__SANITIZE_ADDRESS__)
// fontconfig, Pango and GLib keep their caches (the font map above, the configuration) for the
// process's lifetime on purpose: not leaks to report at exit.
extern "C" char const* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libharfbuzz.so\n";
}
#endif
