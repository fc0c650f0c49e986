#include <zip.h>

#include <fmt/format.h>

#include <memory>
#include <numeric>
#include <stdexcept>

#include "base/time.hpp"
#include "docx/docx.hpp"
#include "docx/parts.hpp"
#include "text/utf8.hpp"

namespace pufa::docx {

namespace {

// A4 with the GB/T 9704 margins, in twips: the text is 11906 − 1588 − 1474 = 8844 wide.
constexpr int text_width = 8844;

// Escaped for XML text; code points XML 1.0 cannot hold (controls but tab and line ends) are left out.
std::string escaped(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto const cp = text::next_code_point(text, at);
    switch (cp) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (cp < 0x20 && cp != '\t') break;
        if (cp == 0xFFFE || cp == 0xFFFF) break;
        text::append_utf8(out, cp);
    }
  }
  return out;
}

// Runs of a paragraph: each line of `text` a run, lines joined by <w:br/>.
std::string runs(std::string_view text, bool bold = false) {
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    auto const end = text.find('\n', start);
    auto const line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += "<w:r>";
    if (bold) out += "<w:rPr><w:b/></w:rPr>";
    if (!first) out += "<w:br/>";
    out += "<w:t xml:space=\"preserve\">" + escaped(line) + "</w:t></w:r>";
    first = false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string paragraph(char const* style, std::string_view text) {
  return fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>{}</w:p>", style, runs(text));
}

std::string table_xml(Table const& table) {
  auto const columns = std::max(table.header.size(), table.rows.empty() ? std::size_t{0} : table.rows.front().size());
  if (columns == 0) return {};
  std::vector<int> widths(columns, 1);
  if (table.widths.size() == columns) widths = table.widths;
  auto const total = std::accumulate(widths.begin(), widths.end(), 0);
  std::string grid, out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" + std::to_string(text_width) +
                          "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  std::vector<int> twips;
  for (auto w : widths) twips.push_back(text_width * w / std::max(total, 1));
  for (auto w : twips) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out += "</w:tblGrid>";
  auto row = [&](std::vector<std::string> const& cells, bool header) {
    out += header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (std::size_t c = 0; c < columns; ++c) {
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(twips[c]) + "\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>";
      out += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>" + runs(c < cells.size() ? cells[c] : "", header) + "</w:p></w:tc>";
    }
    out += "</w:tr>";
  };
  if (!table.header.empty()) row(table.header, true);
  for (auto const& cells : table.rows) row(cells, false);
  return out + "</w:tbl>";
}

std::string document_xml(Document const& document) {
  std::string body;
  for (auto const& block : document.blocks) {
    switch (block.kind) {
      case Block::Kind::title: body += paragraph("Title", block.text); break;
      case Block::Kind::subtitle: body += paragraph("Subtitle", block.text); break;
      case Block::Kind::heading1: body += paragraph("Heading1", block.text); break;
      case Block::Kind::heading2: body += paragraph("Heading2", block.text); break;
      case Block::Kind::body: body += paragraph("Normal", block.text); break;
      case Block::Kind::plain: body += paragraph("Plain", block.text); break;
      case Block::Kind::right: body += paragraph("Signature", block.text); break;
      case Block::Kind::table: body += table_xml(block.table) + "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr></w:p>"; break;
    }
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
         body +
         "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" "
         "w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>"
         "</w:sectPr></w:body></w:document>";
}

std::string core_xml(Document const& document) {
  auto const now = base::iso8601(base::now_ms());
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>"
      "<dc:creator>{}</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created>"
      "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}</dcterms:modified></cp:coreProperties>",
      escaped(document.title), escaped(document.author), now, now);
}

constexpr char const* app_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties "
    "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Pufa</Application></Properties>";

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

std::string write(Document const& document) {
  std::vector<std::pair<char const*, std::string>> const files{
      {"[Content_Types].xml", parts::content_types}, {"_rels/.rels", parts::package_rels},
      {"docProps/core.xml", core_xml(document)},      {"docProps/app.xml", app_xml},
      {"word/document.xml", document_xml(document)},  {"word/_rels/document.xml.rels", parts::document_rels},
      {"word/styles.xml", parts::styles},              {"word/fontTable.xml", parts::font_table},
      {"word/settings.xml", parts::settings}};
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw std::runtime_error("docx: no zip buffer");
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("docx: cannot open the zip");
  zip_source_keep(buffer.get());
  for (auto const& [name, data] : files) {
    auto* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (!source || zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source) zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("docx: cannot add a part");
    }
  }
  if (zip_close(archive) < 0) {
    zip_discard(archive);
    throw std::runtime_error("docx: cannot write the zip");
  }
  auto* src = buffer.get();
  if (zip_source_open(src) < 0) throw std::runtime_error("docx: cannot read the zip");
  zip_source_seek(src, 0, SEEK_END);
  auto const size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  auto const read = zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  if (read != size) throw std::runtime_error("docx: short read");
  return out;
}

}  // namespace pufa::docx
