// Workbooks built by hand for the reader tests, the way another producer would store the parts.
#pragma once

#include <zip.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xlsx/zip_archive.hpp"

namespace pufa::xlsx::fixtures {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip made in memory, the way any other producer would store the parts.
inline std::string make_zip(Parts const& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (auto const& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  }
  zip_close(archive);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  std::string bytes(static_cast<std::size_t>(zip_source_tell(buffer)), '\0');
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

inline constexpr char const* main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr char const* rel_ns =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

inline std::string relationship(std::string_view id, std::string_view type, std::string_view target) {
  return std::string("<Relationship Id=\"") + std::string(id) + "\" Type=\"" + rel_ns + "/" +
         std::string(type) + "\" Target=\"" + std::string(target) + "\"/>";
}

// The smallest workbook: one sheet at xl/worksheets/sheet1.xml, optional shared strings.
inline std::string minimal_xlsx(std::string const& sheet_data, std::string const& shared = "") {
  std::string const workbook =
      std::string("<workbook xmlns=\"") + main_ns + "\" xmlns:r=\"" + rel_ns +
      "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>" + "</sheets></workbook>";
  std::string const rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
      relationship("rId2", "sharedStrings", "sharedStrings.xml") + "</Relationships>";
  Parts parts{
      {"xl/workbook.xml", workbook},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", std::string("<worksheet xmlns=\"") + main_ns + "\"><sheetData>" +
                                       sheet_data + "</sheetData></worksheet>"}};
  if (!shared.empty()) {
    parts.emplace_back("xl/sharedStrings.xml",
                       std::string("<sst xmlns=\"") + main_ns + "\">" + shared + "</sst>");
  }
  return make_zip(parts);
}

inline std::string part_of(std::string const& xlsx, std::string const& name) {
  return ZipArchive(xlsx).read(name).value_or("");
}


// A workbook with a styles part: numFmts (custom codes) and cellXfs (one per style index).
inline std::string styled_xlsx(std::string const& sheet_data, std::string const& num_fmts, std::string const& xfs,
                        bool date1904 = false, std::string const& shared = "") {
  std::string const workbook = std::string("<workbook xmlns=\"") + main_ns + "\" xmlns:r=\"" + rel_ns + "\">" +
                               (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
                               "<sheets><sheet name=\"说明\" sheetId=\"2\" r:id=\"rId4\"/>"
                               "<sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  std::string const rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      relationship("rId1", "worksheet", "worksheets/sheet1.xml") +
      relationship("rId4", "worksheet", "worksheets/sheet2.xml") +
      relationship("rId2", "sharedStrings", "sharedStrings.xml") + relationship("rId3", "styles", "styles.xml") +
      "</Relationships>";
  std::string const styles = std::string("<styleSheet xmlns=\"") + main_ns + "\"><numFmts>" + num_fmts +
                             "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>" + xfs +
                             "</cellXfs></styleSheet>";
  Parts parts{{"xl/workbook.xml", workbook},
              {"xl/_rels/workbook.xml.rels", rels},
              {"xl/styles.xml", styles},
              {"xl/worksheets/sheet1.xml", std::string("<worksheet xmlns=\"") + main_ns + "\"><sheetData>" +
                                               sheet_data + "</sheetData></worksheet>"},
              {"xl/worksheets/sheet2.xml", std::string("<worksheet xmlns=\"") + main_ns +
                                               "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                                               "填表说明</t></is></c></row></sheetData></worksheet>"}};
  parts.emplace_back("xl/sharedStrings.xml", std::string("<sst xmlns=\"") + main_ns + "\">" + shared + "</sst>");
  return make_zip(parts);
}

inline std::string number_cell(std::string const& ref, int style, std::string const& value) {
  return "<c r=\"" + ref + "\" s=\"" + std::to_string(style) + "\"><v>" + value + "</v></c>";
}

}  // namespace pufa::xlsx::fixtures
