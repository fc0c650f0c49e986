#include "laws/store.hpp"

#include <algorithm>
#include <iterator>

#include "text/collate.hpp"

namespace pufa::laws::store {

namespace {

// The categories of the national law database in its order (the seven departments of the legal
// system, 民法典 after the constitutional laws, administrative regulations last); others after.
constexpr std::string_view category_order[] = {"宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法",
                                              "社会法", "刑法", "诉讼与非诉讼程序法", "行政法规", "地方性法规"};

std::size_t category_rank(std::string_view category) {
  auto const found = std::find(std::begin(category_order), std::end(category_order), category);
  return static_cast<std::size_t>(found - std::begin(category_order));
}

std::string join_lines(std::vector<std::string> const& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

std::vector<std::string> split_lines(std::string const& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t at = 0;
  while (true) {
    auto const end = text.find('\n', at);
    out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos) return out;
    at = end + 1;
  }
}

bool same_sources(db::Connection& conn, std::int64_t version_id,
                  std::vector<Source> const& sources) {
  auto rows = conn.query(
      "SELECT source, sha256 FROM law_sources WHERE version_id = ? ORDER BY source", {version_id});
  std::vector<std::pair<std::string, std::string>> stored, given;
  for (auto row : rows) stored.emplace_back(row.str("source"), row.str("sha256"));
  for (auto const& source : sources) given.emplace_back(source.name, source.sha256);
  std::sort(given.begin(), given.end());
  return stored == given;
}

void insert_content(db::Connection& conn, std::int64_t version_id, Law const& law,
                    std::vector<Source> const& sources) {
  for (auto const& source : sources) {
    conn.exec("INSERT INTO law_sources (version_id, source, sha256) VALUES (?, ?, ?)",
              {version_id, source.name, source.sha256});
  }
  std::vector<std::int64_t> node_ids;
  node_ids.reserve(law.nodes.size());
  for (std::size_t i = 0; i < law.nodes.size(); ++i) {
    auto const& node = law.nodes[i];
    std::optional<std::int64_t> parent;
    if (node.parent >= 0) parent = node_ids[static_cast<std::size_t>(node.parent)];
    node_ids.push_back(conn.insert(
        "INSERT INTO law_nodes (version_id, parent_id, kind, title, depth, ordinal, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {version_id, parent, node.kind, node.title, node.depth, static_cast<std::int64_t>(i),
         join_lines(node.paragraphs)}));
  }
  for (std::size_t i = 0; i < law.articles.size(); ++i) {
    auto const& article = law.articles[i];
    std::optional<std::int64_t> node;
    if (article.node >= 0) node = node_ids[static_cast<std::size_t>(article.node)];
    conn.exec(
        "INSERT INTO law_articles (version_id, node_id, number, suffix, label, ordinal, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {version_id, node, article.ref.number, article.ref.suffix, article.label,
         static_cast<std::int64_t>(i), article.text()});
  }
}

ArticleRow article_row(db::Row const& row) {
  return {row.i64("id"), row.opt_i64("node_id"),
          {static_cast<int>(row.i64("number")), static_cast<int>(row.i64("suffix"))},
          row.str("label"), row.i64("ordinal"), split_lines(row.str("text"))};
}

constexpr char const* article_columns =
    "SELECT id, node_id, number, suffix, label, ordinal, text FROM law_articles ";

}  // namespace

Outcome save_version(db::Connection& conn, Law const& law, std::string const& short_title,
                     std::vector<Source> const& sources, std::int64_t now) {
  auto law_id = conn.scalar("SELECT id FROM laws WHERE title = ?", {law.title});
  if (!law_id) {
    law_id = conn.insert(
        "INSERT INTO laws (title, short_title, category, created_at) VALUES (?, ?, ?, ?) RETURNING "
        "id",
        {law.title, short_title, law.category, now});
  }
  auto const version_id =
      conn.scalar("SELECT id FROM law_versions WHERE law_id = ? AND version_date = ?",
                  {*law_id, law.version_date});
  auto const count = static_cast<std::int64_t>(law.articles.size());
  if (version_id) {
    if (same_sources(conn, *version_id, sources)) return Outcome::unchanged;
    conn.exec("DELETE FROM law_articles WHERE version_id = ?", {*version_id});
    conn.exec("UPDATE law_nodes SET parent_id = NULL WHERE version_id = ?", {*version_id});
    conn.exec("DELETE FROM law_nodes WHERE version_id = ?", {*version_id});
    conn.exec("DELETE FROM law_sources WHERE version_id = ?", {*version_id});
    conn.exec(
        "UPDATE law_versions SET history = ?, article_count = ?, imported_at = ? WHERE id = ?",
        {join_lines(law.history), count, now, *version_id});
    insert_content(conn, *version_id, law, sources);
    return Outcome::replaced;
  }
  auto const id = conn.insert(
      "INSERT INTO law_versions (law_id, version_date, history, article_count, imported_at)"
      " VALUES (?, ?, ?, ?, ?) RETURNING id",
      {*law_id, law.version_date, join_lines(law.history), count, now});
  insert_content(conn, id, law, sources);
  return Outcome::added;
}

std::vector<LawListItem> list_laws(db::Connection& conn, std::string const& title_like) {
  constexpr char const* base =
      "SELECT l.id, l.title, l.short_title, l.category, v.version_date, v.article_count"
      " FROM laws l JOIN law_versions v ON v.law_id = l.id"
      " WHERE v.version_date = (SELECT MAX(w.version_date) FROM law_versions w WHERE w.law_id = "
      "l.id)";
  auto rows =
      title_like.empty()
          ? conn.query(std::string(base) + " ORDER BY l.category, l.title")
          : conn.query(std::string(base) +
                           " AND LOWER(l.title) LIKE ? ESCAPE '\\' ORDER BY l.category, l.title",
                       {title_like});
  std::vector<LawListItem> out;
  for (auto row : rows) {
    out.push_back({{row.i64("id"), row.str("title"), row.str("short_title"), row.str("category")},
                   row.str("version_date"), row.i64("article_count")});
  }
  // As the national database lists them: the Constitution first, then the categories of the
  // legal system in their usual order, each in pinyin order with its principal law first.
  auto const principal = [](LawRow const& law) {
    return law.title == law.category || law.title == "中华人民共和国" + law.category;
  };
  std::stable_sort(out.begin(), out.end(), [&](LawListItem const& a, LawListItem const& b) {
    auto const ra = category_rank(a.law.category), rb = category_rank(b.law.category);
    if (ra != rb) return ra < rb;
    if (a.law.category != b.law.category) return text::chinese_less(a.law.category, b.law.category);
    if (principal(a.law) != principal(b.law)) return principal(a.law);
    return text::chinese_less(a.law.title, b.law.title);
  });
  return out;
}

std::optional<LawRow> find_law(db::Connection& conn, std::string const& key) {
  bool const numeric =
      !key.empty() && key.size() <= 18 &&
      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  auto rows = numeric ? conn.query("SELECT id, title, short_title, category FROM laws WHERE id = ?",
                                   {std::stoll(key)})
                      : conn.query(
                            "SELECT id, title, short_title, category FROM laws WHERE title = ? OR "
                            "short_title = ?"
                            " ORDER BY id LIMIT 1",
                            {key, key});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return LawRow{row.i64("id"), row.str("title"), row.str("short_title"), row.str("category")};
}

std::optional<VersionRow> latest_version(db::Connection& conn, std::int64_t law_id) {
  auto rows = conn.query(
      "SELECT id, version_date, history, article_count, imported_at FROM law_versions"
      " WHERE law_id = ? ORDER BY version_date DESC LIMIT 1",
      {law_id});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return VersionRow{row.i64("id"), row.str("version_date"), split_lines(row.str("history")), row.i64("article_count"),
                    row.i64("imported_at")};
}

std::vector<std::string> version_dates(db::Connection& conn, std::int64_t law_id) {
  auto rows = conn.query(
      "SELECT version_date FROM law_versions WHERE law_id = ? ORDER BY version_date DESC",
      {law_id});
  std::vector<std::string> out;
  for (auto row : rows) out.push_back(row.str("version_date"));
  return out;
}

std::vector<DatedVersion> versions_between(db::Connection& conn, std::string const& from, std::string const& to) {
  auto rows = conn.query(
      "SELECT l.id, l.title, l.short_title, l.category, v.version_date,"
      " (SELECT COUNT(*) FROM law_versions e WHERE e.law_id = l.id AND e.version_date < v.version_date) AS earlier"
      " FROM law_versions v JOIN laws l ON l.id = v.law_id WHERE v.version_date >= ? AND v.version_date <= ?"
      " ORDER BY v.version_date, l.title",
      {from, to});
  std::vector<DatedVersion> out;
  for (auto row : rows) {
    out.push_back({{row.i64("id"), row.str("title"), row.str("short_title"), row.str("category")}, row.str("version_date"),
                   row.i64("earlier") > 0});
  }
  return out;
}

std::vector<NodeRow> nodes(db::Connection& conn, std::int64_t version_id) {
  auto rows = conn.query(
      "SELECT id, parent_id, kind, title, text FROM law_nodes WHERE version_id = ? ORDER BY "
      "ordinal",
      {version_id});
  std::vector<NodeRow> out;
  for (auto row : rows) {
    out.push_back({row.i64("id"), row.opt_i64("parent_id"), row.str("kind"), row.str("title"), split_lines(row.str("text"))});
  }
  return out;
}

std::vector<ArticleRow> article_index(db::Connection& conn, std::int64_t version_id) {
  auto rows = conn.query(
      "SELECT id, node_id, number, suffix, label, ordinal, '' AS text FROM law_articles"
      " WHERE version_id = ? ORDER BY ordinal",
      {version_id});
  std::vector<ArticleRow> out;
  for (auto row : rows) out.push_back(article_row(row));
  return out;
}

std::optional<ArticleRow> article(db::Connection& conn, std::int64_t version_id, ArticleRef ref) {
  auto rows = conn.query(
      std::string(article_columns) + "WHERE version_id = ? AND number = ? AND suffix = ?",
      {version_id, ref.number, ref.suffix});
  if (rows.empty()) return std::nullopt;
  return article_row(rows.front());
}

std::optional<ArticleRow> neighbour(db::Connection& conn, std::int64_t version_id,
                                    std::int64_t ordinal, int step) {
  auto rows = conn.query(std::string(article_columns) + "WHERE version_id = ? AND ordinal = ?",
                         {version_id, ordinal + step});
  if (rows.empty()) return std::nullopt;
  return article_row(rows.front());
}

}  // namespace pufa::laws::store
