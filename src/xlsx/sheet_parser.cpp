#include "xlsx/sheet_parser.hpp"

#include <charconv>
#include <optional>

#include "xlsx/cell_text.hpp"
#include "xlsx/xml_parser.hpp"

namespace pufa::xlsx {

namespace {

std::optional<std::size_t> parse_index(std::string_view text) {
  std::size_t value = 0;
  auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(std::vector<std::string> const& shared, std::vector<NumberFormat> const& formats, bool date1904)
      : shared_(shared), formats_(formats), date1904_(date1904) {}
  std::vector<std::vector<Cell>> take() { return std::move(rows_); }

  void start(std::string_view name, XmlAttributes const& attributes) override {
    if (name == "row") {
      start_row(attributes.get("r"));
    } else if (name == "c") {
      start_cell(attributes.get("r"), attributes.get("t"), attributes.get("s"));
    } else if (name == "v") {
      capture_ = in_cell_;
    } else if (name == "is") {
      in_inline_ = in_cell_;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t") {
      capture_ = in_inline_ && !in_phonetic_;
    }
  }

  void end(std::string_view name) override {
    if (name == "c" && in_cell_) {
      end_cell();
    } else if (name == "v" || name == "t") {
      capture_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    }
  }

  void text(std::string_view text) override {
    if (capture_) raw_.append(text);
  }

 private:
  // Rows and cells may leave out r=; they then follow the previous one.
  void start_row(std::string_view r) {
    row_ = next_row_;
    if (!r.empty()) {
      auto const number = parse_index(r);
      if (!number || *number == 0) throw ReadError("工作表的行号无效：" + std::string(r));
      row_ = *number - 1;
    }
    next_row_ = row_ + 1;
    next_column_ = 0;
  }

  void start_cell(std::string_view r, std::string_view type, std::string_view style) {
    cell_row_ = row_;
    column_ = next_column_;
    if (!r.empty()) {
      auto const ref = parse_cell_ref(r);
      if (!ref) throw ReadError("工作表的单元格位置无效：" + std::string(r));
      cell_row_ = ref->row;
      column_ = ref->column;
    }
    next_column_ = column_ + 1;
    type_ = type;
    format_ = nullptr;
    if (auto const index = parse_index(style); index && *index < formats_.size()) format_ = &formats_[*index];
    raw_.clear();
    in_cell_ = true;
  }

  void end_cell() {
    in_cell_ = false;
    Cell cell = cell_value();
    cell.text = std::string(trim(cell.text));
    if (cell.text.empty()) return;
    cell.text_format = format_ && format_->kind == NumberFormat::Kind::text;
    place(std::move(cell));
  }

  Cell cell_value() const {
    using Type = Cell::Type;
    if (type_ == "s") {
      auto const index = parse_index(trim(raw_));
      if (!index || *index >= shared_.size()) throw ReadError("工作簿的文字条目编号无效");
      return {Type::text, shared_[*index], shared_[*index], {}};
    }
    if (type_ == "b") return {Type::boolean, trim(raw_) == "1" ? "TRUE" : "FALSE", std::string(trim(raw_)), {}};
    if (type_ == "inlineStr" || type_ == "str") {
      auto text = decode_escapes(raw_);
      return {Type::text, text, text, {}};
    }
    if (type_ == "e") return {Type::error, raw_, raw_, {}};
    if (type_ == "d") return {Type::text, raw_, raw_, {}};  // an ISO date written as such (Strict OOXML)
    auto const stored = std::string(trim(raw_));
    double value = 0;
    auto const [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (stored.empty() || error != std::errc() || end != stored.data() + stored.size()) {
      return {Type::text, stored, stored, {}};
    }
    Cell cell{Type::number, format_number(stored), stored, {}};
    if (format_) {
      cell.text = render_number(value, *format_, date1904_);
      if (format_->is_temporal()) cell.iso = iso_of(value, *format_, date1904_);
    }
    return cell;
  }

  // Only non-empty cells count against the limits: styled blank rows far down are harmless.
  void place(Cell value) {
    if (cell_row_ >= max_rows) {
      throw ReadError("工作表超过 " + std::to_string(max_rows) + " 行，请分批导入");
    }
    if (column_ >= max_columns) {
      throw ReadError("工作表超过 " + std::to_string(max_columns) + " 列");
    }
    if (rows_.size() <= cell_row_) rows_.resize(cell_row_ + 1);
    auto& cells = rows_[cell_row_];
    if (cells.size() <= column_) {
      cell_count_ += column_ + 1 - cells.size();
      if (cell_count_ > max_cells) throw ReadError("工作表的单元格过多");
      cells.resize(column_ + 1);
    }
    cells[column_] = std::move(value);
  }

  std::vector<std::string> const& shared_;
  std::vector<NumberFormat> const& formats_;
  bool date1904_ = false;
  NumberFormat const* format_ = nullptr;
  std::vector<std::vector<Cell>> rows_;
  std::size_t row_ = 0;
  std::size_t next_row_ = 0;
  std::size_t cell_row_ = 0;  // a cell's own reference wins over its row's
  std::size_t column_ = 0;
  std::size_t next_column_ = 0;
  std::size_t cell_count_ = 0;
  std::string type_;
  std::string raw_;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool in_phonetic_ = false;
  bool capture_ = false;
};

}  // namespace

std::vector<std::vector<Cell>> parse_sheet(std::string_view xml, std::vector<std::string> const& shared_strings,
                                           std::vector<NumberFormat> const& formats, bool date1904) {
  SheetHandler handler(shared_strings, formats, date1904);
  parse_xml(xml, handler, "worksheet");
  return handler.take();
}

}  // namespace pufa::xlsx
