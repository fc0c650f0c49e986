// An RFC 4180 CSV reader: quoted fields with commas, "" escapes and line breaks inside quotes,
// CRLF or LF record ends, a leading UTF-8 BOM skipped. Pure, no I/O.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::xlsx {

struct CsvError : std::runtime_error {
  CsvError(std::size_t record, std::string const& message) : std::runtime_error(message), record(record) {}
  std::size_t record;  // 1-based record number where the problem is
};

// Every record as its fields. Blank lines between records are skipped. A quote inside an
// unquoted field is kept as written (what spreadsheets export); an unterminated quoted field or
// text after a closing quote throws CsvError.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator = ',');

// ',' unless the first record has tabs and no commas (Excel's "Unicode 文本" and WPS's
// tab-separated text), or semicolons and no commas.
char guess_separator(std::string_view text);

// An uploaded CSV or tab-separated text as Chinese Excel and WPS save it (UTF-8 with or without a
// BOM, UTF-16 with a BOM, else GB18030/GBK), as records. Throws CsvError (record 0) when the bytes
// are in none of these encodings.
std::vector<std::vector<std::string>> read_text_table(std::string_view bytes);

}  // namespace pufa::xlsx
