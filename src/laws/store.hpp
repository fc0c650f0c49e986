// The laws area's SQL: the only place its tables are touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "laws/parser.hpp"

namespace pufa::laws::store {

struct Source {
  std::string name;  // path relative to the imported folder: 民法典/总则.md
  std::string sha256;
};

struct LawRow {
  std::int64_t id = 0;
  std::string title, short_title, category;
};

struct VersionRow {
  std::int64_t id = 0;
  std::string version_date;
  std::vector<std::string> history;
  std::int64_t article_count = 0;
  std::int64_t imported_at = 0;
};

struct NodeRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string kind, title;
  std::vector<std::string> paragraphs;
};

struct ArticleRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> node_id;
  ArticleRef ref;
  std::string label;
  std::int64_t ordinal = 0;
  std::vector<std::string> paragraphs;
};

enum class Outcome { unchanged, added, replaced };

// Stores one law version (all its source files) unless the same files are already stored.
Outcome save_version(db::Connection& conn, Law const& law, std::string const& short_title,
                     std::vector<Source> const& sources, std::int64_t now);

struct LawListItem {
  LawRow law;
  std::string version_date;
  std::int64_t article_count = 0;
};
// Every law with its latest version; `title_like` is a contains_pattern or empty.
std::vector<LawListItem> list_laws(db::Connection& conn, std::string const& title_like);

// By id (all digits), else by full or short title.
std::optional<LawRow> find_law(db::Connection& conn, std::string const& key);
std::optional<VersionRow> latest_version(db::Connection& conn, std::int64_t law_id);
std::vector<std::string> version_dates(db::Connection& conn, std::int64_t law_id);
// Versions dated in [from, to] (YYYY-MM-DD), with their law and whether an earlier version exists.
struct DatedVersion {
  LawRow law;
  std::string version_date;
  bool amends = false;
};
std::vector<DatedVersion> versions_between(db::Connection& conn, std::string const& from, std::string const& to);
std::vector<NodeRow> nodes(db::Connection& conn, std::int64_t version_id);
// Every article without its text (for ranges in the structure tree).
std::vector<ArticleRow> article_index(db::Connection& conn, std::int64_t version_id);
std::optional<ArticleRow> article(db::Connection& conn, std::int64_t version_id, ArticleRef ref);
// The article just before (-1) or after (+1) the given ordinal.
std::optional<ArticleRow> neighbour(db::Connection& conn, std::int64_t version_id,
                                    std::int64_t ordinal, int step);

}  // namespace pufa::laws::store
