// One law text in the LawRefBook Markdown format (see /work/shared/data/laws/SOURCE.md) → Law.
// Pure: no I/O. Errors in the text are values (ParseError), not exceptions.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "laws/numerals.hpp"

namespace pufa::laws {

// A heading: 编, 分编, 章, 节, 序言, or 其他 (附则, 附件一 ...). Nodes are in document order,
// so a parent always comes before its children.
struct StructureNode {
  std::string kind;
  std::string title;                    // "第三章 家庭关系" (runs of spaces collapsed)
  int depth = 1;                        // 1 = the highest unit present in the law
  int parent = -1;                      // index into Law::nodes, -1 at the top
  std::vector<std::string> paragraphs;  // text under the heading that is not an article (序言)
};

struct Article {
  ArticleRef ref;
  std::string label;                    // as written: 第一千零七十七条
  int node = -1;                        // innermost heading, -1 when the law has none
  std::vector<std::string> paragraphs;  // the 款; the first without its label

  std::string text() const;  // paragraphs joined by '\n'
};

struct Law {
  std::string title;         // line 1
  std::string part;          // a second H1 (民法典 parts), else ""
  std::string category;      // folder name; set by the caller
  std::string version_date;  // YYYY-MM-DD; set by the caller or from the history
  std::vector<std::string> history;
  std::vector<std::string> preamble;  // paragraphs before the first heading and article
  std::vector<StructureNode> nodes;
  std::vector<Article> articles;

  // The titles from the top node down to `node` (empty for -1).
  std::vector<std::string> path(int node) const;
};

struct ParseError {
  int line = 0;  // 1-based
  std::string message;
};

std::variant<Law, ParseError> parse_law(std::string_view text);

// The latest date of the history lines as YYYY-MM-DD, skipping lines that only record when the
// law took effect ("2021年1月1日 施行"); "" when there is none.
std::string latest_history_date(std::vector<std::string> const& history);

// The version date in a file name: "行政处罚法(2021-01-22).md" → "2021-01-22", else "".
std::string date_in_file_name(std::string_view name);

// The split parts of one law (same title, sorted by their first article) as one Law: each part
// becomes a top 编 node ("第五编 婚姻家庭"; a part named 附则 stays 附则) over its own headings.
Law merge_parts(std::vector<Law> parts);

}  // namespace pufa::laws
