#include "exam/questions.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <charconv>
#include <map>

#include "xlsx/csv.hpp"
#include "exam/paper.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/utf8.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

namespace {

[[noreturn]] void invalid(std::string field, std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}

std::string trim(std::string_view text) {
  auto const first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto const last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string lower_ascii(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return text;
}

std::optional<std::string> type_named(std::string_view text) {
  auto const name = lower_ascii(trim(text));
  if (name == "single" || name == "单选" || name == "单选题" || name == "单项选择题") return "single";
  if (name == "multiple" || name == "多选" || name == "多选题" || name == "多项选择题" || name == "不定项" ||
      name == "不定项选择题")
    return "multiple";
  if (name == "judge" || name == "判断" || name == "判断题" || name == "是非题") return "judge";
  return std::nullopt;
}

// 正确/对/√/T → A, 错误/错/×/F → B for judge questions.
std::optional<std::string> judge_letter(std::string_view text) {
  auto const word = lower_ascii(trim(text));
  for (auto yes : {"a", "正确", "对", "√", "t", "true", "是"}) if (word == yes) return "A";
  for (auto no : {"b", "错误", "错", "×", "x", "f", "false", "否"}) if (word == no) return "B";
  return std::nullopt;
}

std::size_t chars(std::string_view text) { return text::utf8_length(text).value_or(text.size()); }

std::string text_field(json::object const& body, std::string_view key, std::string_view label, std::size_t max,
                       bool required) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) {
    if (required) invalid(std::string(key), "请填写" + std::string(label));
    return {};
  }
  if (!value->is_string()) invalid(std::string(key), std::string(label) + "应为文本");
  auto text = trim(value->as_string());
  if (!text::utf8_length(text)) invalid(std::string(key), std::string(label) + "含有无效字符");
  if (required && text.empty()) invalid(std::string(key), "请填写" + std::string(label));
  if (chars(text) > max) invalid(std::string(key), std::string(label) + "不能超过 " + std::to_string(max) + " 个字");
  return text;
}

std::vector<Option> options_of(json::object const& body, std::string const& type) {
  std::vector<Option> options;
  auto const* value = body.if_contains("options");
  if (value && !value->is_null()) {
    if (!value->is_array()) invalid("options", "选项应为列表");
    for (auto const& item : value->as_array()) {
      if (!item.is_object()) invalid("options", "每个选项应包含 key 和 text");
      auto const& object = item.as_object();
      auto key = text_field(object, "key", "选项字母", 1, true);
      auto text = text_field(object, "text", "选项内容", max_option_chars, false);
      if (key[0] >= 'a' && key[0] <= 'z') key[0] = static_cast<char>(key[0] - 32);
      options.push_back({key, text});
    }
  }
  if (type == "judge") {
    if (options.empty()) return {{"A", "正确"}, {"B", "错误"}};
    if (options.size() != 2 || options[0].key != "A" || options[1].key != "B" || options[0].text != "正确" ||
        options[1].text != "错误")
      invalid("options", "判断题的选项应为 A 正确、B 错误");
    return options;
  }
  if (options.size() < 2 || options.size() > 8) invalid("options", "选择题应有 2 到 8 个选项");
  for (std::size_t i = 0; i < options.size(); ++i) {
    std::string const expected(1, static_cast<char>('A' + i));
    if (options[i].key != expected) invalid("options", "选项字母应依次为 A、B、C……，第 " + std::to_string(i + 1) + " 个应为 " + expected);
    if (options[i].text.empty()) invalid("options", "选项 " + expected + " 的内容为空");
    for (std::size_t j = 0; j < i; ++j) {
      if (options[j].text == options[i].text) invalid("options", "选项 " + options[j].key + " 与 " + expected + " 内容相同");
    }
  }
  return options;
}

std::string answer_of(json::object const& body, std::string const& type, std::vector<Option> const& options) {
  auto const* value = body.if_contains("answer");
  if (!value || value->is_null()) invalid("answer", "请填写答案");
  std::string joined;
  if (value->is_string()) {
    joined = std::string(value->as_string());
  } else if (value->is_array()) {
    for (auto const& item : value->as_array()) {
      if (!item.is_string()) invalid("answer", "答案应为选项字母列表，如 [\"A\",\"C\"]");
      joined += std::string(item.as_string()) + ",";
    }
  } else {
    invalid("answer", "答案应为选项字母列表，如 [\"A\",\"C\"]");
  }
  if (type == "judge") {
    if (auto letter = judge_letter(joined.ends_with(',') ? joined.substr(0, joined.size() - 1) : joined)) return *letter;
  }
  auto letters = normalise_letters(joined);
  if (!letters || letters->empty()) invalid("answer", "答案应为选项字母，如 A 或 ACD");
  for (char letter : *letters) {
    if (letter - 'A' >= static_cast<int>(options.size()))
      invalid("answer", std::string("答案中的 ") + letter + " 不是本题的选项");
  }
  if ((type == "single" || type == "judge") && letters->size() != 1)
    invalid("answer", type == "judge" ? "判断题只能有一个答案" : "单选题只能有一个答案");
  return *letters;
}

std::vector<std::string> tags_of(json::object const& body) {
  std::vector<std::string> tags;
  auto const* value = body.if_contains("tags");
  if (!value || value->is_null()) return tags;
  std::vector<std::string> raw;
  if (value->is_string()) {
    std::string current;
    std::string_view text = value->as_string();
    for (std::size_t i = 0; i <= text.size(); ++i) {
      bool split = i == text.size() || text[i] == ',' || text[i] == ';' || text[i] == '|' || text[i] == ' ';
      std::size_t skip = 1;
      for (auto sep : {"，", "、", "；"}) {
        if (!split && text.substr(i).starts_with(sep)) split = true, skip = 3;
      }
      if (split) {
        raw.push_back(current);
        current.clear();
        i += skip - 1;
      } else {
        current += text[i];
      }
    }
  } else if (value->is_array()) {
    for (auto const& item : value->as_array()) {
      if (!item.is_string()) invalid("tags", "标签应为文本列表");
      raw.emplace_back(item.as_string());
    }
  } else {
    invalid("tags", "标签应为文本列表");
  }
  for (auto& tag : raw) {
    tag = trim(tag);
    if (tag.empty()) continue;
    if (tag.find('|') != std::string::npos || chars(tag) > 20) invalid("tags", "每个标签不超过 20 个字，且不含 |");
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  if (tags.size() > 10) invalid("tags", "标签最多 10 个");
  return tags;
}

int difficulty_of(json::object const& body) {
  auto const* value = body.if_contains("difficulty");
  if (!value || value->is_null()) return 3;
  std::int64_t number = 0;
  if (value->is_int64()) {
    number = value->as_int64();
  } else if (value->is_string()) {
    auto text = trim(value->as_string());
    if (text.empty()) return 3;
    if (std::from_chars(text.data(), text.data() + text.size(), number).ec != std::errc{}) number = 0;
  }
  if (number < 1 || number > 5) invalid("difficulty", "难度应为 1 到 5 的整数");
  return static_cast<int>(number);
}

}  // namespace

Question question_from_json(json::object const& body) {
  Question q;
  auto const type_text = text_field(body, "type", "题型", 20, true);
  auto type = type_named(type_text);
  if (!type) invalid("type", "题型应为 single（单选）、multiple（多选）或 judge（判断）");
  q.type = *type;
  q.stem = text_field(body, "stem", "题干", max_stem_chars, true);
  q.options = options_of(body, q.type);
  q.answer = answer_of(body, q.type, q.options);
  q.explanation = text_field(body, "explanation", "解析", 2000, false);
  q.difficulty = difficulty_of(body);
  q.tags = tags_of(body);
  // The resolved form {text, law_id, …} that GET returns is accepted back as its text.
  auto const* ref = body.if_contains("law_ref");
  if (ref && ref->is_object() && ref->as_object().contains("text")) {
    q.law_ref = text_field(ref->as_object(), "text", "考查法条", 100, false);
  } else {
    q.law_ref = text_field(body, "law_ref", "考查法条", 100, false);
  }
  return q;
}

std::optional<Format> format_named(std::string_view name) {
  if (name == "xlsx") return Format::xlsx;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  if (name == "jsonl" || name == "ndjson") return Format::jsonl;
  return std::nullopt;
}

Format sniff_format(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04")) return Format::xlsx;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  auto const first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '[') return Format::json;
  if (first != std::string_view::npos && bytes[first] == '{') return Format::jsonl;
  return Format::csv;
}

namespace {

[[noreturn]] void bad_file(std::string message) { invalid("file", std::move(message)); }

enum class Column { type, stem, answer, explanation, difficulty, tags, law_ref, multichoice, option, example, ignored };

// The template marks its example rows in a 示例 column; they show the format and are never imported.
constexpr char const* example_mark = "示例，导入时忽略";

struct Header {
  std::vector<std::pair<Column, int>> columns;  // per cell: kind and, for options, 0..7
  bool disc = false;
};

Header header_of(std::vector<std::string> const& cells) {
  static std::map<std::string, Column, std::less<>> const names{
      {"题型", Column::type},         {"type", Column::type},
      {"题干", Column::stem},         {"题目", Column::stem},           {"stem", Column::stem},
      {"input", Column::stem},        {"答案", Column::answer},         {"正确答案", Column::answer},
      {"answer", Column::answer},     {"output", Column::answer},       {"解析", Column::explanation},
      {"explanation", Column::explanation}, {"难度", Column::difficulty}, {"difficulty", Column::difficulty},
      {"标签", Column::tags},         {"tags", Column::tags},           {"考查法条", Column::law_ref},
      {"法条", Column::law_ref},      {"law_ref", Column::law_ref},     {"multichoice", Column::multichoice},
      {"source", Column::ignored},    {"序号", Column::ignored},        {"id", Column::ignored},
      {"示例", Column::example},
  };
  Header header;
  bool stem = false, answer = false;
  for (auto const& raw : cells) {
    auto const cell = trim(raw);
    auto const lower = lower_ascii(cell);
    std::pair<Column, int> kind{Column::ignored, 0};
    if (auto found = names.find(lower); found != names.end()) {
      kind = {found->second, 0};
    } else {
      std::string letter = cell;
      if (letter.starts_with("选项")) letter = letter.substr(6);
      if (lower.starts_with("option_") || lower.starts_with("option ")) letter = cell.substr(7);
      if (letter.size() == 1 && ((letter[0] >= 'A' && letter[0] <= 'H') || (letter[0] >= 'a' && letter[0] <= 'h')))
        kind = {Column::option, (letter[0] | 0x20) - 'a'};
      else if (!cell.empty())
        bad_file("表头“" + std::string(cell) + "”不是题目导入模板中的列：请改为模板中的列名（题型、题干、选项A…、答案、解析、难度、标签、考查法条），或删除这一列");
    }
    stem = stem || kind.first == Column::stem;
    answer = answer || kind.first == Column::answer;
    header.disc = header.disc || lower == "multichoice" || lower == "input";
    header.columns.push_back(kind);
  }
  if (!stem || !answer) bad_file("表头应包含“题干”和“答案”列（或 DISC-Law-Eval 的 input、output 列），请下载模板后填写");
  return header;
}

ImportRow table_row(Header const& header, std::vector<std::string> const& cells, std::size_t row) {
  ImportRow out;
  out.row = row;
  std::string options[8];
  int last_option = -1;
  std::string type, multichoice;
  for (std::size_t c = 0; c < cells.size() && c < header.columns.size(); ++c) {
    auto const [kind, index] = header.columns[c];
    auto const value = trim(cells[c]);
    switch (kind) {
      case Column::type: type = value; break;
      case Column::stem: out.body["stem"] = value; break;
      case Column::answer: out.body["answer"] = value; break;
      case Column::explanation: out.body["explanation"] = value; break;
      case Column::difficulty: out.body["difficulty"] = value; break;
      case Column::tags: out.body["tags"] = value; break;
      case Column::law_ref: out.body["law_ref"] = value; break;
      case Column::multichoice: multichoice = lower_ascii(value); break;
      case Column::option:
        options[index] = value;
        if (!value.empty()) last_option = std::max(last_option, index);
        break;
      case Column::example:
      case Column::ignored: break;
    }
  }
  json::array list;
  for (int i = 0; i <= last_option; ++i) list.push_back({{"key", std::string(1, char('A' + i))}, {"text", options[i]}});
  auto const answer = out.body.contains("answer") ? std::string(out.body["answer"].as_string()) : std::string();
  if (type.empty()) {
    if (!multichoice.empty()) type = multichoice == "true" ? "multiple" : "single";
    else if (list.empty() && judge_letter(answer)) type = "judge";
    else type = normalise_letters(answer).value_or("").size() > 1 ? "multiple" : "single";
  }
  out.body["type"] = type;
  if (!list.empty()) out.body["options"] = std::move(list);
  if (header.disc && !out.body.contains("tags")) out.body["tags"] = "DISC-Law-Eval";
  return out;
}

std::vector<ImportRow> read_table(std::vector<std::vector<std::string>> const& rows) {
  if (rows.empty()) bad_file("文件中没有数据");
  if (rows.size() - 1 > max_import_rows) bad_file("一次最多导入 " + std::to_string(max_import_rows) + " 道题");
  auto const header = header_of(rows.front());
  std::optional<std::size_t> example;
  for (std::size_t c = 0; c < header.columns.size(); ++c) {
    if (header.columns[c].first == Column::example) example = c;
  }
  std::vector<ImportRow> out;
  std::size_t examples = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    bool blank = true;
    for (auto const& cell : rows[r]) blank = blank && trim(cell).empty();
    if (blank) continue;
    if (example && *example < rows[r].size() && !trim(rows[r][*example]).empty()) {
      ++examples;
      continue;
    }
    out.push_back(table_row(header, rows[r], r + 1));
  }
  if (out.empty() && examples > 0) bad_file("文件中只有模板的示例行：请在示例行下方填写题目（示例行不会导入）");
  return out;
}

// LexEval: {"instruction", "input": "stem\nA: …\nB: …", "answer": "ABD"}.
ImportRow lexeval_row(json::object const& item, std::size_t row) {
  ImportRow out;
  out.row = row;
  auto const* input = item.if_contains("input");
  auto const* answer = item.if_contains("answer");
  if (!input || !input->is_string() || !answer || !answer->is_string()) {
    out.field = "input";
    out.error = "LexEval 题目应有文本的 input 和 answer";
    return out;
  }
  std::string_view text = input->as_string();
  std::string stem;
  json::array options;
  while (!text.empty()) {
    auto const nl = text.find('\n');
    auto line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    auto const expected = static_cast<char>('A' + options.size());
    bool option = line.size() >= 2 && line[0] == expected && (line[1] == ':' || line[1] == '.' || line[1] == ' ');
    std::size_t skip = 2;
    if (!option && line.size() >= 4 && line[0] == expected && line.substr(1).starts_with("：")) option = true, skip = 4;
    if (option && options.size() < 8) {
      options.push_back({{"key", std::string(1, expected)}, {"text", trim(line.substr(skip))}});
    } else if (options.empty()) {
      stem += std::string(line) + "\n";
    } else {
      auto& last = options.back().as_object()["text"];
      last = std::string(last.as_string()) + "\n" + std::string(line);
    }
  }
  auto const letters = normalise_letters(answer->as_string()).value_or("");
  out.body = {{"type", letters.size() > 1 ? "multiple" : "single"},
              {"stem", trim(stem)},
              {"options", std::move(options)},
              {"answer", std::string(answer->as_string())},
              {"tags", "LexEval"}};
  return out;
}

ImportRow json_row(json::value const& value, std::size_t row) {
  if (!value.is_object()) {
    ImportRow out;
    out.row = row;
    out.field = "file";
    out.error = "每道题应为一个 JSON 对象";
    return out;
  }
  auto const& object = value.as_object();
  if (!object.contains("stem") && object.contains("input")) return lexeval_row(object, row);
  return {row, object, {}, {}};
}

}  // namespace

std::vector<ImportRow> read_import(std::string_view bytes, Format format) {
  if (xlsx::sniff(bytes) == xlsx::FileKind::xls) {
    bad_file("这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入");
  }
  if (format != Format::xlsx && bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (format != Format::xlsx && format != Format::csv && !text::utf8_length(bytes)) bad_file("文件应为 UTF-8 编码");
  switch (format) {
    case Format::xlsx: {
      xlsx::Rows rows;
      try {
        rows = xlsx::read_first_sheet(bytes);
      } catch (xlsx::ReadError const&) {
        bad_file("文件不是有效的 Excel（.xlsx）文件");
      }
      return read_table(rows);
    }
    case Format::csv: {
      try {
        return read_table(xlsx::read_text_table(bytes));
      } catch (xlsx::CsvError const& error) {
        if (error.record == 0) bad_file(error.what());
        bad_file("CSV 第 " + std::to_string(error.record) + " 行格式有误：" + error.what());
      }
    }
    case Format::json: {
      json::error_code ec;
      auto value = json::parse(bytes, ec);
      if (ec || !value.is_array()) bad_file("JSON 文件应为题目对象的数组");
      auto const& items = value.as_array();
      if (items.size() > max_import_rows) bad_file("一次最多导入 " + std::to_string(max_import_rows) + " 道题");
      std::vector<ImportRow> out;
      for (std::size_t i = 0; i < items.size(); ++i) out.push_back(json_row(items[i], i + 1));
      if (out.empty()) bad_file("文件中没有数据");
      return out;
    }
    case Format::jsonl: {
      std::vector<ImportRow> out;
      std::size_t line_no = 0;
      while (!bytes.empty()) {
        auto const nl = bytes.find('\n');
        auto line = trim(bytes.substr(0, nl));
        bytes = nl == std::string_view::npos ? std::string_view{} : bytes.substr(nl + 1);
        ++line_no;
        if (line.empty()) continue;
        if (out.size() >= max_import_rows) bad_file("一次最多导入 " + std::to_string(max_import_rows) + " 道题");
        json::error_code ec;
        auto value = json::parse(line, ec);
        if (ec) {
          ImportRow bad;
          bad.row = line_no;
          bad.field = "file";
          bad.error = "这一行不是有效的 JSON";
          out.push_back(std::move(bad));
          continue;
        }
        out.push_back(json_row(value, line_no));
      }
      if (out.empty()) bad_file("文件中没有数据");
      return out;
    }
  }
  bad_file("不支持的文件格式");
}

xlsx::Sheet import_template() {
  xlsx::Sheet sheet{"题目导入模板", {}, {}};
  for (auto const* header : {"题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案", "解析",
                             "难度", "标签", "考查法条", "示例"}) {
    double const width = std::string_view(header) == "题干" ? 48 : std::string_view(header).starts_with("选项") ? 18 : 12;
    sheet.columns.push_back({header, width, std::string_view(header) == "难度" ? xlsx::CellType::number : xlsx::CellType::text});
  }
  sheet.rows.push_back({"单选", "根据民法典，离婚冷静期为多少日？", "十五日", "三十日", "六十日", "九十日", "", "",
                        "B", "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以撤回申请。",
                        "2", "民法典,婚姻家庭", "民法典 第一千零七十七条", example_mark});
  sheet.rows.push_back({"多选", "下列属于我国公民基本义务的有？", "依法纳税", "依法服兵役", "维护国家统一",
                        "遵守宪法和法律", "", "", "ABCD", "", "3", "宪法", "", example_mark});
  sheet.rows.push_back({"判断", "每年12月4日为国家宪法日。", "", "", "", "", "", "", "正确", "", "1", "宪法", "", example_mark});
  return sheet;
}

}  // namespace pufa::exam
