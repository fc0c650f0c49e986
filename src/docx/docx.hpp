// Word documents officials file (.docx, real OOXML): a fixed template in the style of GB/T 9704 party and
// government documents — A4, margins 37/35/28/26 mm, the title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号
// with a two-character first-line indent on a fixed 28.95 pt line, headings in 黑体 / 楷体_GB2312, tables
// in 仿宋 小四 — whose parts are written here and filled with the document's blocks, zipped with libzip.
// The fonts carry their common alternates (仿宋, 黑体, 楷体, 宋体) for machines without the GB fonts.
#pragma once

#include <string>
#include <vector>

namespace pufa::docx {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> widths;  // relative column widths (any unit); empty: equal
};

struct Block {
  enum class Kind { title, subtitle, heading1, heading2, body, plain, right, table };
  Kind kind = Kind::body;
  std::string text;  // a line break inside is a new line in the same paragraph
  Table table;
};

struct Document {
  std::string title;   // the file's properties
  std::string author;  // 发文机关 / the unit
  std::vector<Block> blocks;

  Document& add(Block::Kind kind, std::string text) {
    blocks.push_back({kind, std::move(text), {}});
    return *this;
  }
  Document& add_table(Table table) {
    blocks.push_back({Block::Kind::table, {}, std::move(table)});
    return *this;
  }
};

// The .docx bytes. Text is escaped; characters XML 1.0 cannot hold are left out.
std::string write(Document const& document);

inline constexpr char const* content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

}  // namespace pufa::docx
