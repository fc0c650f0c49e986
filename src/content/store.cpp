#include "content/store.hpp"

namespace pufa::content::store {

namespace {

constexpr char const* article_select =
    "SELECT a.id, a.column_code, c.name, c.section, c.sort, a.region_id, r.path, a.author_id,"
    " a.author_name, a.title, a.summary, a.body_html, a.status, a.publisher, a.written_on,"
    " a.disclosure, a.index_no, a.published_at, a.visits, a.return_reason, a.case_facts,"
    " a.case_analysis, a.created_at, a.updated_at"
    " FROM content_articles a JOIN content_columns c ON c.code = a.column_code"
    " JOIN regions r ON r.id = a.region_id";

Article article_row(db::Row const& row) {
  Article a;
  a.id = row.i64(0);
  a.column = {row.str(1), row.str(2), row.str(3), static_cast<int>(row.i64(4))};
  a.region_id = row.i64(5);
  a.region_path = row.str(6);
  a.author_id = row.opt_i64(7);
  a.author_name = row.str(8);
  a.title = row.str(9);
  a.summary = row.str(10);
  a.body_html = row.str(11);
  a.status = row.str(12);
  a.publisher = row.str(13);
  a.written_on = row.opt_str(14);
  a.disclosure = row.str(15);
  a.index_no = row.opt_str(16);
  a.published_at = row.opt_i64(17);
  a.visits = row.i64(18);
  a.return_reason = row.opt_str(19);
  a.case_facts = row.opt_str(20);
  a.case_analysis = row.opt_str(21);
  a.created_at = row.i64(22);
  a.updated_at = row.i64(23);
  return a;
}

std::vector<AttachmentInfo> attachments_of(db::Connection& conn, std::int64_t article_id) {
  auto rows = conn.query(
      "SELECT id, name, content_type, size FROM content_attachments WHERE article_id = ? ORDER BY id",
      {article_id});
  std::vector<AttachmentInfo> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    out.push_back({row.i64(0), row.str(1), row.str(2), row.i64(3)});
  }
  return out;
}

std::vector<Citation> citations_of(db::Connection& conn, std::int64_t article_id) {
  auto rows = conn.query("SELECT law, number, suffix FROM content_citations WHERE article_id = ? ORDER BY seq",
                         {article_id});
  std::vector<Citation> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    out.push_back({row.str(0), {static_cast<int>(row.i64(1)), static_cast<int>(row.i64(2))}});
  }
  return out;
}

}  // namespace

std::vector<Column> columns(db::Connection& conn) {
  auto rows = conn.query("SELECT code, name, section, sort FROM content_columns ORDER BY sort");
  std::vector<Column> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto row = rows.row(i);
    out.push_back({row.str(0), row.str(1), row.str(2), static_cast<int>(row.i64(3))});
  }
  return out;
}

std::optional<Column> column(db::Connection& conn, std::string const& code) {
  auto rows = conn.query("SELECT code, name, section, sort FROM content_columns WHERE code = ?", {code});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Column{row.str(0), row.str(1), row.str(2), static_cast<int>(row.i64(3))};
}

std::int64_t insert_article(db::Connection& conn, Article const& a) {
  return conn.insert(
      "INSERT INTO content_articles (column_code, region_id, author_id, author_name, title, summary,"
      " body_html, status, publisher, written_on, disclosure, index_no, published_at, visits,"
      " return_reason, case_facts, case_analysis, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.column.code, a.region_id, a.author_id, a.author_name, a.title, a.summary, a.body_html, a.status,
       a.publisher, a.written_on, a.disclosure, a.index_no, a.published_at, a.visits, a.return_reason,
       a.case_facts, a.case_analysis, a.created_at, a.updated_at});
}

void update_article(db::Connection& conn, Article const& a) {
  conn.exec(
      "UPDATE content_articles SET column_code = ?, title = ?, summary = ?, body_html = ?, publisher = ?,"
      " written_on = ?, disclosure = ?, case_facts = ?, case_analysis = ?, updated_at = ? WHERE id = ?",
      {a.column.code, a.title, a.summary, a.body_html, a.publisher, a.written_on, a.disclosure, a.case_facts,
       a.case_analysis, a.updated_at, a.id});
}

void set_status(db::Connection& conn, std::int64_t id, std::string_view status,
                std::optional<std::string> const& reason, base::Millis now) {
  conn.exec("UPDATE content_articles SET status = ?, return_reason = ?, updated_at = ? WHERE id = ?",
            {status, reason, now, id});
}

void set_published(db::Connection& conn, std::int64_t id, std::string const& index_no,
                   base::Millis published_at, base::Millis now) {
  conn.exec(
      "UPDATE content_articles SET status = ?, index_no = ?, published_at = ?, return_reason = NULL,"
      " updated_at = ? WHERE id = ?",
      {status::published, index_no, published_at, now, id});
}

void delete_article(db::Connection& conn, std::int64_t id) {
  conn.exec("DELETE FROM content_citations WHERE article_id = ?", {id});
  conn.exec("UPDATE content_attachments SET article_id = NULL WHERE article_id = ?", {id});
  conn.exec("DELETE FROM content_articles WHERE id = ?", {id});
}

void replace_citations(db::Connection& conn, std::int64_t id, std::vector<Citation> const& cited) {
  conn.exec("DELETE FROM content_citations WHERE article_id = ?", {id});
  for (std::size_t i = 0; i < cited.size(); ++i) {
    conn.exec("INSERT INTO content_citations (article_id, seq, law, number, suffix) VALUES (?, ?, ?, ?, ?)",
              {id, static_cast<std::int64_t>(i), cited[i].law, cited[i].ref.number, cited[i].ref.suffix});
  }
}

std::optional<Article> article(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string(article_select) + " WHERE a.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto out = article_row(rows.front());
  out.cited = citations_of(conn, id);
  out.attachments = attachments_of(conn, id);
  return out;
}

bool has_article(db::Connection& conn, std::string const& column, std::string const& title) {
  return conn.scalar("SELECT id FROM content_articles WHERE column_code = ? AND title = ?", {column, title})
      .has_value();
}

ArticlePage list_articles(db::Connection& conn, ListFilter const& f) {
  std::string where = " WHERE 1 = 1";
  std::vector<db::Param> params;
  if (!f.region_path.empty()) {
    where += " AND r.path LIKE ?";
    params.emplace_back(f.region_path + "%");
  }
  if (!f.column.empty()) {
    where += " AND a.column_code = ?";
    params.emplace_back(f.column);
  }
  if (!f.status.empty()) {
    where += " AND a.status = ?";
    params.emplace_back(f.status);
  }
  if (!f.title_like.empty()) {
    where += " AND LOWER(a.title) LIKE ? ESCAPE '\\'";
    params.emplace_back(f.title_like);
  }
  ArticlePage page;
  auto const count_sql = "SELECT COUNT(*) FROM content_articles a JOIN regions r ON r.id = a.region_id" + where;
  page.total = conn.query(count_sql, std::span<db::Param const>(params)).front().i64(0);
  auto const order = f.newest_published_first ? " ORDER BY a.published_at DESC, a.id DESC"
                                              : " ORDER BY a.updated_at DESC, a.id DESC";
  params.emplace_back(f.limit);
  params.emplace_back(f.offset);
  auto rows = conn.query(std::string(article_select) + where + order + " LIMIT ? OFFSET ?",
                         std::span<db::Param const>(params));
  for (std::size_t i = 0; i < rows.size(); ++i) page.items.push_back(article_row(rows.row(i)));
  return page;
}

std::int64_t insert_attachment(db::Connection& conn, Attachment const& a) {
  return conn.insert(
      "INSERT INTO content_attachments (article_id, region_id, uploader_id, name, content_type, size, path,"
      " sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.article_id, a.region_id, a.uploader_id, a.info.name, a.info.content_type, a.info.size, a.path,
       a.sha256, a.created_at});
}

std::optional<Attachment> attachment(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(
      "SELECT t.id, t.name, t.content_type, t.size, t.article_id, t.region_id, r.path, t.uploader_id,"
      " t.path, t.sha256, t.created_at FROM content_attachments t JOIN regions r ON r.id = t.region_id"
      " WHERE t.id = ?",
      {id});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  Attachment a;
  a.info = {row.i64(0), row.str(1), row.str(2), row.i64(3)};
  a.article_id = row.opt_i64(4);
  a.region_id = row.i64(5);
  a.region_path = row.str(6);
  a.uploader_id = row.opt_i64(7);
  a.path = row.str(8);
  a.sha256 = row.str(9);
  a.created_at = row.i64(10);
  return a;
}

void attach(db::Connection& conn, std::int64_t article_id, std::vector<std::int64_t> const& ids) {
  conn.exec("UPDATE content_attachments SET article_id = NULL WHERE article_id = ?", {article_id});
  for (auto const id : ids) conn.exec("UPDATE content_attachments SET article_id = ? WHERE id = ?", {article_id, id});
}

std::int64_t next_serial(db::Connection& conn, std::string_view code, int year) {
  return *conn.scalar(
      "INSERT INTO content_index_serials (code, year, last_serial) VALUES (?, ?, 1)"
      " ON CONFLICT (code, year) DO UPDATE SET last_serial = content_index_serials.last_serial + 1"
      " RETURNING last_serial",
      {code, year});
}

void reserve_serial(db::Connection& conn, std::string_view code, int year, std::int64_t serial) {
  conn.exec(
      "INSERT INTO content_index_serials (code, year, last_serial) VALUES (?, ?, ?)"
      " ON CONFLICT (code, year) DO UPDATE SET last_serial = excluded.last_serial"
      " WHERE content_index_serials.last_serial < excluded.last_serial",
      {code, year, serial});
}

}  // namespace pufa::content::store
