#include "search/store.hpp"

#include <algorithm>
#include <atomic>

namespace pufa::search::store {

namespace {

// Every change to the index bumps the one generation row first: on PostgreSQL its row lock
// makes index writers take turns, so ids and generations become visible in the order they
// were given and a node that has read generation G has seen every document id up to G's.
std::atomic<std::uint64_t> writes_here{0};

void bump(db::Connection& conn) {
  writes_here.fetch_add(1, std::memory_order_acq_rel);
  conn.exec("UPDATE search_state SET generation = generation + 1 WHERE id = 1");
}

// Records the ids about to be deleted, for the nodes' in-memory indexes, then deletes them.
void erase(db::Connection& conn, std::string_view where, std::initializer_list<db::Param> params) {
  std::vector<db::Param> const both(params);
  conn.query(
      "INSERT INTO search_removed (generation, document_id)"
      " SELECT (SELECT generation FROM search_state WHERE id = 1), id FROM search_documents WHERE " +
          std::string(where),
      std::span<db::Param const>(both));
  conn.query("DELETE FROM search_documents WHERE " + std::string(where),
             std::span<db::Param const>(both));
}

Candidate candidate_of(db::Row const& row) {
  return {row.i64("id"),      row.str("kind"),    row.i64("ref_id"), row.i64("law_id"),
          row.str("title"),    row.str("heading"), row.str("section"), row.str("body"),
          row.str("date"),     row.str("url"),     row.str("words")};
}

}  // namespace

std::uint64_t local_writes() { return writes_here.load(std::memory_order_acquire); }

void upsert(db::Connection& conn, Document const& document, std::string const& words) {
  bump(conn);
  erase(conn, "kind = ? AND ref_id = ?", {document.kind, document.ref_id});
  conn.exec(
      "INSERT INTO search_documents (kind, ref_id, law_id, title, heading, section, body, date,"
      " url, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {document.kind, document.ref_id, document.law_id, document.title, document.heading,
       document.section, document.body, document.date, document.url, words});
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
  bump(conn);
  erase(conn, "kind = ? AND ref_id = ?", {kind, ref_id});
}

void remove_law(db::Connection& conn, std::int64_t law_id) {
  bump(conn);
  erase(conn, "kind = 'law' AND law_id = ?", {law_id});
}

std::int64_t count_law(db::Connection& conn, std::int64_t law_id) {
  return conn.scalar("SELECT COUNT(*) AS n FROM search_documents WHERE kind = 'law' AND law_id = ?",
                     {law_id})
      .value_or(0);
}

std::int64_t generation(db::Connection& conn) {
  return conn.scalar("SELECT generation FROM search_state WHERE id = 1").value_or(0);
}

std::int64_t documents(db::Connection& conn) {
  return conn.scalar("SELECT COUNT(*) AS n FROM search_documents").value_or(0);
}

std::vector<Candidate> documents_after(db::Connection& conn, std::int64_t after_id,
                                       std::int64_t limit) {
  auto rows = conn.query(
      "SELECT id, kind, ref_id, law_id, title, heading, section, body, date, url, words"
      " FROM search_documents WHERE id > ? ORDER BY id LIMIT ?",
      {after_id, limit});
  std::vector<Candidate> out;
  out.reserve(rows.size());
  for (auto row : rows) out.push_back(candidate_of(row));
  return out;
}

std::vector<std::int64_t> removed_since(db::Connection& conn, std::int64_t generation) {
  auto rows = conn.query("SELECT document_id FROM search_removed WHERE generation > ?", {generation});
  std::vector<std::int64_t> out;
  out.reserve(rows.size());
  for (auto row : rows) out.push_back(row.i64("document_id"));
  return out;
}

std::vector<LawName> laws(db::Connection& conn) {
  auto rows = conn.query("SELECT law_id, title, short_title FROM search_laws ORDER BY law_id");
  std::vector<LawName> out;
  for (auto row : rows) {
    out.push_back({row.i64("law_id"), row.str("title"), row.str("short_title")});
  }
  return out;
}

}  // namespace pufa::search::store
