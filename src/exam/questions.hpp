// Questions in and out: the one validator (API bodies and every import row go through it),
// and the import formats (.xlsx, CSV, JSON, JSONL, with the DISC-Law-Eval and LexEval layouts).
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exam/model.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::exam {

inline constexpr std::size_t max_stem_chars = 2000;
inline constexpr std::size_t max_option_chars = 500;
inline constexpr std::size_t max_import_rows = 20'000;
inline constexpr std::size_t max_reported_rows = 200;

// A question from our JSON shape; throws ApiError(validation_failed) naming the field.
// `answer` may be a list of letters or a string ("AC"); a judge question may omit its options
// (A 正确 / B 错误) and answer 正确/错误/对/错/√/×.
Question question_from_json(boost::json::object const& body);

// One row of an import file in our JSON shape, or the problem that kept it from being read.
struct ImportRow {
  std::size_t row = 0;  // 1-based: the sheet's / CSV record's row (header = 1), the JSON item, the JSONL line
  boost::json::object body;
  std::string field, error;  // set when the row could not be read
};

enum class Format { xlsx, csv, json, jsonl };
std::optional<Format> format_named(std::string_view name);
Format sniff_format(std::string_view bytes);

// The rows of a file; throws ApiError(validation_failed, field "file") when the file as a whole
// cannot be read (not a workbook, bad JSON, unknown header).
std::vector<ImportRow> read_import(std::string_view bytes, Format format);

// The template's columns and an example row (for the .xlsx template).
xlsx::Sheet import_template();

}  // namespace pufa::exam
