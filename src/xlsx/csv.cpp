#include "xlsx/csv.hpp"

#include "text/normalize.hpp"

namespace pufa::xlsx {

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field was quoted (and is now closed)
  bool any = false;          // the current record has content
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    bool const blank = record.size() == 1 && record.front().empty() && !any;
    if (!blank) records.push_back(std::move(record));
    record.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
        was_quoted = true;
      }
      continue;
    }
    if (c == separator) {
      end_field();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
    } else if (was_quoted) {
      throw CsvError(records.size() + 1, "引号后面应紧跟逗号或换行");
    } else if (c == '"' && field.empty()) {
      quoted = true;
      any = true;
    } else {
      field += c;
      any = true;
    }
  }
  if (quoted) throw CsvError(records.size() + 1, "引号没有闭合");
  if (any || !field.empty() || !record.empty()) end_record();
  return records;
}

char guess_separator(std::string_view text) {
  auto const line = text.substr(0, text.find('\n'));
  bool const commas = line.find(',') != std::string_view::npos;
  if (!commas && line.find('\t') != std::string_view::npos) return '\t';
  if (!commas && line.find(';') != std::string_view::npos) return ';';
  return ',';
}

std::vector<std::vector<std::string>> read_text_table(std::string_view bytes) {
  auto const text = text::decode_text_file(bytes);
  if (!text) throw CsvError(0, "文件的文字编码无法识别，请另存为 UTF-8 或 .xlsx 后再导入");
  return parse_csv(*text, guess_separator(*text));
}

}  // namespace pufa::xlsx
