#include "xlsx/parts.hpp"

#include <algorithm>
#include <charconv>

#include "xlsx/cell_text.hpp"
#include "xlsx/xlsx.hpp"
#include "xlsx/xml_parser.hpp"

namespace pufa::xlsx {

namespace {

// "xl/" + "worksheets/sheet1.xml", "/xl/x.xml" (absolute), "../x.xml" -> a zip entry name.
std::string resolve(std::string_view base, std::string_view target) {
  std::vector<std::string_view> segments;
  auto const walk = [&](std::string_view path) {
    while (!path.empty()) {
      auto const slash = path.find('/');
      auto const segment = path.substr(0, slash);
      path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
      if (segment == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (!segment.empty() && segment != ".") {
        segments.push_back(segment);
      }
    }
  };
  if (!target.starts_with('/')) walk(base);
  walk(target);
  std::string path;
  for (auto const segment : segments) {
    if (!path.empty()) path += '/';
    path.append(segment);
  }
  return path;
}

class Workbook : public XmlHandler {
 public:
  WorkbookInfo take() { return std::move(info_); }

  void start(std::string_view name, XmlAttributes const& attributes) override {
    if (name == "sheet") {
      info_.tabs.push_back({std::string(attributes.get("name")), std::string(attributes.get("id"))});
    } else if (name == "workbookPr") {
      auto const value = attributes.get("date1904");
      info_.date1904 = value == "1" || value == "true";
    }
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}

 private:
  WorkbookInfo info_;
};

class Styles : public XmlHandler {
 public:
  std::vector<NumberFormat> take() {
    std::vector<NumberFormat> out;
    out.reserve(xf_ids_.size());
    for (int const id : xf_ids_) {
      auto const custom = std::find_if(custom_.begin(), custom_.end(), [&](auto const& c) { return c.first == id; });
      out.push_back(custom != custom_.end() ? custom_format(custom->second) : builtin_format(id));
    }
    return out;
  }

  void start(std::string_view name, XmlAttributes const& a) override {
    if (name == "numFmt") {
      custom_.emplace_back(number(a.get("numFmtId")), std::string(a.get("formatCode")));
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      if (xf_ids_.size() >= max_styles) throw ReadError("工作簿中的单元格样式过多");
      xf_ids_.push_back(number(a.get("numFmtId")));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void text(std::string_view) override {}

 private:
  static constexpr std::size_t max_styles = 65'000;  // Excel's own limit is 64,000
  static int number(std::string_view text) {
    int value = 0;
    auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : 0;
  }
  std::vector<std::pair<int, std::string>> custom_;
  std::vector<int> xf_ids_;
  bool in_cell_xfs_ = false;
};

class Relationships : public XmlHandler {
 public:
  explicit Relationships(std::string_view base) : base_(base) {}
  std::vector<Relationship> take() { return std::move(found_); }

  void start(std::string_view name, XmlAttributes const& a) override {
    if (name != "Relationship" || a.get("TargetMode") == "External") return;
    found_.push_back(
        {std::string(a.get("Id")), std::string(a.get("Type")), resolve(base_, a.get("Target"))});
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}

 private:
  std::string_view base_;
  std::vector<Relationship> found_;
};

class SharedStrings : public XmlHandler {
 public:
  std::vector<std::string> take() { return std::move(strings_); }

  void start(std::string_view name, XmlAttributes const&) override {
    if (name == "si") {
      if (strings_.size() == max_shared_strings) throw ReadError("工作簿中的文字条目过多");
      current_.clear();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t") {
      in_text_ = !in_phonetic_;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      strings_.push_back(decode_escapes(current_));
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void text(std::string_view text) override {
    if (in_text_) current_.append(text);
  }

 private:
  std::vector<std::string> strings_;
  std::string current_;
  bool in_phonetic_ = false;  // Japanese reading hints, not part of the value
  bool in_text_ = false;
};

}  // namespace

WorkbookInfo workbook_info(std::string_view workbook_xml) {
  Workbook handler;
  parse_xml(workbook_xml, handler, "workbook.xml");
  return handler.take();
}

std::vector<NumberFormat> cell_formats(std::string_view styles_xml) {
  Styles handler;
  parse_xml(styles_xml, handler, "styles.xml");
  return handler.take();
}

std::vector<Relationship> relationships(std::string_view rels_xml, std::string_view base) {
  Relationships handler(base);
  parse_xml(rels_xml, handler, "workbook.xml.rels");
  return handler.take();
}

std::vector<std::string> shared_strings(std::string_view xml) {
  SharedStrings handler;
  parse_xml(xml, handler, "sharedStrings.xml");
  return handler.take();
}

}  // namespace pufa::xlsx
