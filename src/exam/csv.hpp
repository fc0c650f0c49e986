// An RFC 4180 CSV reader: quoted fields with commas, "" escapes and line breaks inside quotes,
// CRLF or LF record ends, a leading UTF-8 BOM skipped. Pure, no I/O.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::exam {

struct CsvError : std::runtime_error {
  CsvError(std::size_t record, std::string const& message) : std::runtime_error(message), record(record) {}
  std::size_t record;  // 1-based record number where the problem is
};

// Every record as its fields. Blank lines between records are skipped. A quote inside an
// unquoted field is kept as written (what spreadsheets export); an unterminated quoted field or
// text after a closing quote throws CsvError.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

}  // namespace pufa::exam
