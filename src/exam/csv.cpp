#include "exam/csv.hpp"

namespace pufa::exam {

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
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
    if (c == ',') {
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

}  // namespace pufa::exam
