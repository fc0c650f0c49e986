#include "xlsx/upload.hpp"

#include "xlsx/csv.hpp"

namespace pufa::xlsx {

std::vector<SheetCells> read_upload(std::string_view bytes) {
  if (bytes.empty()) throw ReadError("请选择要导入的文件");
  switch (sniff(bytes)) {
    case FileKind::xls: throw ReadError("这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入");
    case FileKind::other: throw ReadError("文件不是 Excel（.xlsx）或 CSV 文件");
    case FileKind::csv_or_text: {
      std::vector<std::vector<std::string>> records;
      try {
        records = read_text_table(bytes);
      } catch (CsvError const& error) {
        if (error.record == 0) throw ReadError(error.what());
        throw ReadError("CSV 第 " + std::to_string(error.record) + " 行格式有误：" + error.what());
      }
      SheetCells sheet;
      for (auto& record : records) {
        std::vector<Cell> cells;
        for (auto& field : record) {
          auto text = std::string(trim(field));
          cells.push_back({text.empty() ? Cell::Type::blank : Cell::Type::text, text, text, {}, true});
        }
        sheet.rows.push_back(std::move(cells));
      }
      return {std::move(sheet)};
    }
    case FileKind::xlsx: break;
  }
  try {
    return read_workbook(bytes);
  } catch (ReadError const& error) {
    throw ReadError(std::string("文件不是有效的 Excel（.xlsx）文件：") + error.what());
  }
}

}  // namespace pufa::xlsx
