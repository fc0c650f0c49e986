#include "search/store.hpp"

#include <algorithm>

namespace pufa::search::store {

namespace {

bool sqlite(db::Connection& conn) { return conn.engine() == db::Engine::sqlite; }

// Tokens hold letters, digits and CJK only; quotes are dropped all the same.
std::string quoted(std::string const& token, char quote) {
  std::string out(1, quote);
  for (auto const c : token)
    if (c != '"' && c != '\'' && c != '\\') out += c;
  return out + quote;
}

std::string render(Expression const& expression, bool fts5) {
  char const quote = fts5 ? '"' : '\'';
  std::string const and_ = fts5 ? " AND " : " & ", or_ = fts5 ? " OR " : " | ";
  std::string out;
  for (std::size_t g = 0; g < expression.size(); ++g) {
    if (g > 0) out += and_;
    out += '(';
    for (std::size_t a = 0; a < expression[g].size(); ++a) {
      auto const& alternative = expression[g][a];
      if (a > 0) out += or_;
      out += quoted(alternative.word, quote);
      if (!alternative.bigrams.empty()) {
        out += or_ + "(";
        for (std::size_t b = 0; b < alternative.bigrams.size(); ++b)
          out += (b > 0 ? and_ : std::string()) + quoted(alternative.bigrams[b], quote);
        out += ')';
      }
      if (!alternative.parts.empty()) {
        out += or_ + "(";
        for (std::size_t b = 0; b < alternative.parts.size(); ++b)
          out += (b > 0 ? and_ : std::string()) + quoted(alternative.parts[b], quote);
        out += ')';
      }
    }
    out += ')';
  }
  return out;
}

constexpr char const* filter_sql =
    " AND (? = '' OR d.kind = ?) AND (? = 0 OR d.law_id = ?)"
    " AND (? = '' OR d.date >= ?) AND (? = '' OR d.date <= ?) LIMIT ?";

}  // namespace

void upsert(db::Connection& conn, Document const& document, std::string const& words,
            std::string const& tokens) {
  remove(conn, document.kind, document.ref_id);
  if (sqlite(conn)) {
    auto const id = conn.insert(
        "INSERT INTO search_documents (kind, ref_id, law_id, title, heading, section, body, date,"
        " url, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {document.kind, document.ref_id, document.law_id, document.title, document.heading,
         document.section, document.body, document.date, document.url, words});
    conn.exec("INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)", {id, tokens});
  } else {
    conn.exec(
        "INSERT INTO search_documents (kind, ref_id, law_id, title, heading, section, body, date,"
        " url, words, tsv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?))",
        {document.kind, document.ref_id, document.law_id, document.title, document.heading,
         document.section, document.body, document.date, document.url, words, tokens});
  }
  if (document.kind == "law" && document.law_id != 0) {
    std::string short_title = document.title;
    constexpr std::string_view prefix = "中华人民共和国";
    if (short_title.starts_with(prefix) && short_title.size() > prefix.size())
      short_title.erase(0, prefix.size());
    conn.exec(
        "INSERT INTO search_laws (law_id, title, short_title) VALUES (?, ?, ?)"
        " ON CONFLICT (law_id) DO UPDATE SET title = excluded.title,"
        " short_title = excluded.short_title",
        {document.law_id, document.title, short_title});
  }
}

void remove(db::Connection& conn, std::string_view kind, std::int64_t ref_id) {
  if (sqlite(conn)) {
    conn.exec(
        "DELETE FROM search_fts WHERE rowid IN"
        " (SELECT id FROM search_documents WHERE kind = ? AND ref_id = ?)",
        {kind, ref_id});
  }
  conn.exec("DELETE FROM search_documents WHERE kind = ? AND ref_id = ?", {kind, ref_id});
}

void remove_law(db::Connection& conn, std::int64_t law_id) {
  if (sqlite(conn)) {
    conn.exec(
        "DELETE FROM search_fts WHERE rowid IN"
        " (SELECT id FROM search_documents WHERE kind = 'law' AND law_id = ?)",
        {law_id});
  }
  conn.exec("DELETE FROM search_documents WHERE kind = 'law' AND law_id = ?", {law_id});
}

std::int64_t count_law(db::Connection& conn, std::int64_t law_id) {
  return conn.scalar("SELECT COUNT(*) FROM search_documents WHERE kind = 'law' AND law_id = ?",
                     {law_id})
      .value_or(0);
}

std::int64_t generation(db::Connection& conn) {
  return conn.scalar("SELECT COALESCE(MAX(id), 0) FROM search_documents").value_or(0);
}

std::int64_t documents(db::Connection& conn) {
  return conn.scalar("SELECT COUNT(*) FROM search_documents").value_or(0);
}

std::int64_t count_matching(db::Connection& conn, Expression const& expression, std::int64_t cap) {
  if (sqlite(conn)) {
    return conn
        .scalar("SELECT COUNT(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)",
                {render(expression, true), cap})
        .value_or(0);
  }
  return conn
      .scalar(
          "SELECT COUNT(*) FROM (SELECT 1 FROM search_documents"
          " WHERE tsv @@ to_tsquery('simple', ?) LIMIT ?) t",
          {render(expression, false), cap})
      .value_or(0);
}

std::vector<std::int64_t> matching_ids(db::Connection& conn, Expression const& expression,
                                       Filter const& filter, std::int64_t limit) {
  auto const fts5 = sqlite(conn);
  bool const unfiltered =
      filter.kind.empty() && filter.law_id == 0 && filter.from.empty() && filter.to.empty();
  if (fts5 && unfiltered) {
    // The full-text index alone, without a row lookup per match.
    auto rows = conn.query("SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?",
                           {render(expression, true), limit});
    std::vector<std::int64_t> out;
    out.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows.row(i).i64(0));
    return out;
  }
  // With a law, its articles (by index) are checked against the match set, rather than every
  // match looked up for its law.
  if (fts5 && filter.law_id != 0) {
    auto rows = conn.query(
        "SELECT d.id FROM search_documents d WHERE d.law_id = ? AND d.id IN"
        " (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)"
        " AND (? = '' OR d.kind = ?) AND (? = '' OR d.date >= ?) AND (? = '' OR d.date <= ?)"
        " ORDER BY d.id LIMIT ?",
        {filter.law_id, render(expression, true), filter.kind, filter.kind, filter.from, filter.from,
         filter.to, filter.to, limit});
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows.row(i).i64(0));
    return out;
  }
  std::string const sql =
      fts5 ? std::string("SELECT d.id FROM search_fts JOIN search_documents d ON d.id = "
                         "search_fts.rowid WHERE search_fts MATCH ?") +
                 filter_sql
           : std::string("SELECT d.id FROM search_documents d WHERE d.tsv @@ to_tsquery('simple', ?)") +
                 filter_sql;
  auto rows = conn.query(sql, {render(expression, fts5), filter.kind, filter.kind, filter.law_id,
                               filter.law_id, filter.from, filter.from, filter.to, filter.to, limit});
  std::vector<std::int64_t> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows.row(i).i64(0));
  return out;
}

std::vector<Candidate> load(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  // Fixed-size chunks keep the number of distinct prepared statements at one.
  constexpr std::size_t chunk = 32;
  static std::string const sql = [] {
    std::string s =
        "SELECT id, kind, ref_id, law_id, title, heading, section, body, date, url, words"
        " FROM search_documents WHERE id IN (";
    for (std::size_t i = 0; i < chunk; ++i) s += i ? ", ?" : "?";
    return s + ")";
  }();
  std::vector<Candidate> out;
  out.reserve(ids.size());
  for (std::size_t at = 0; at < ids.size(); at += chunk) {
    std::vector<db::Param> params;
    for (std::size_t i = 0; i < chunk; ++i)
      params.emplace_back(at + i < ids.size() ? ids[at + i] : std::int64_t{0});
    auto rows = conn.query(sql, std::span<db::Param const>(params));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto row = rows.row(i);
      out.push_back({row.i64(0), row.str(1), row.i64(2), row.i64(3), row.str(4), row.str(5),
                     row.str(6), row.str(7), row.str(8), row.str(9), row.str(10)});
    }
  }
  return out;
}

std::vector<LawName> laws(db::Connection& conn) {
  auto rows = conn.query("SELECT law_id, title, short_title FROM search_laws ORDER BY law_id");
  std::vector<LawName> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    out.push_back({row.i64(0), row.str(1), row.str(2)});
  }
  return out;
}

}  // namespace pufa::search::store
