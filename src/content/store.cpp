#include "content/store.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace pufa::content::store {

namespace {

constexpr char const* article_select =
    "SELECT a.id, a.column_code, c.name AS column_name, c.section, c.sort, a.region_id, a.region_path, a.author_id,"
    " a.author_name, a.title, a.summary, a.body_html, a.status, a.publisher, a.written_on,"
    " a.disclosure, a.index_no, a.published_at, a.visits, a.return_reason, a.case_facts,"
    " a.case_analysis, a.created_at, a.updated_at"
    " FROM content_articles a JOIN content_columns c ON c.code = a.column_code";

Article article_row(db::Row const& row) {
  Article a;
  a.id = row.i64("id");
  a.column = {row.str("column_code"), row.str("column_name"), row.str("section"), static_cast<int>(row.i64("sort"))};
  a.region_id = row.i64("region_id");
  a.region_path = row.str("region_path");
  a.author_id = row.opt_i64("author_id");
  a.author_name = row.str("author_name");
  a.title = row.str("title");
  a.summary = row.str("summary");
  a.body_html = row.str("body_html");
  a.status = row.str("status");
  a.publisher = row.str("publisher");
  a.written_on = row.opt_str("written_on");
  a.disclosure = row.str("disclosure");
  a.index_no = row.opt_str("index_no");
  a.published_at = row.opt_i64("published_at");
  a.visits = row.i64("visits");
  a.return_reason = row.opt_str("return_reason");
  a.case_facts = row.opt_str("case_facts");
  a.case_analysis = row.opt_str("case_analysis");
  a.created_at = row.i64("created_at");
  a.updated_at = row.i64("updated_at");
  return a;
}

std::vector<AttachmentInfo> attachments_of(db::Connection& conn, std::int64_t article_id) {
  auto rows = conn.query(
      "SELECT id, name, content_type, size FROM content_attachments WHERE article_id = ? ORDER BY id",
      {article_id});
  std::vector<AttachmentInfo> out;
  for (auto row : rows) out.push_back({row.i64("id"), row.str("name"), row.str("content_type"), row.i64("size")});
  return out;
}

std::vector<Citation> citations_of(db::Connection& conn, std::int64_t article_id) {
  auto rows = conn.query("SELECT law, number, suffix FROM content_citations WHERE article_id = ? ORDER BY seq",
                         {article_id});
  std::vector<Citation> out;
  for (auto row : rows) {
    out.push_back({row.str("law"), {static_cast<int>(row.i64("number")), static_cast<int>(row.i64("suffix"))}});
  }
  return out;
}

}  // namespace

std::vector<Column> columns(db::Connection& conn) {
  auto rows = conn.query("SELECT code, name, section, sort FROM content_columns ORDER BY sort");
  std::vector<Column> out;
  for (auto row : rows) out.push_back({row.str("code"), row.str("name"), row.str("section"), static_cast<int>(row.i64("sort"))});
  return out;
}

std::optional<Column> column(db::Connection& conn, std::string const& code) {
  auto rows = conn.query("SELECT code, name, section, sort FROM content_columns WHERE code = ?", {code});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  return Column{row.str("code"), row.str("name"), row.str("section"), static_cast<int>(row.i64("sort"))};
}

std::int64_t insert_article(db::Connection& conn, Article const& a) {
  return conn.insert(
      "INSERT INTO content_articles (column_code, region_id, region_path, author_id, author_name, title, summary,"
      " body_html, status, publisher, written_on, disclosure, index_no, published_at, visits,"
      " return_reason, case_facts, case_analysis, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.column.code, a.region_id, a.region_path, a.author_id, a.author_name, a.title, a.summary, a.body_html, a.status,
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
  conn.exec("DELETE FROM content_reviews WHERE article_id = ?", {id});
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

std::vector<ArticleState> article_states(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::vector<ArticleState> out;
  constexpr std::size_t chunk = 500;
  for (std::size_t start = 0; start < ids.size(); start += chunk) {
    auto const end = std::min(ids.size(), start + chunk);
    std::string marks;
    std::vector<db::Param> params;
    for (auto i = start; i < end; ++i) {
      marks += i == start ? "?" : ", ?";
      params.emplace_back(ids[i]);
    }
    auto const rows = conn.query("SELECT id, status, title, published_at FROM content_articles WHERE id IN (" + marks + ")",
                                 std::span<db::Param const>(params));
    for (auto const& row : rows) {
      out.push_back({row.i64("id"), row.str("status"), row.str("title"), row.opt_i64("published_at")});
    }
  }
  return out;
}

namespace {

std::string article_where(ListFilter const& f, std::vector<db::Param>& params) {
  std::string where = " WHERE 1 = 1";
  if (!f.region_path.empty()) {
    where += " AND a.region_path LIKE ?";
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
  if (f.author_id) {
    where += " AND a.author_id = ?";
    params.emplace_back(*f.author_id);
  }
  if (f.publisher) {
    where += " AND a.publisher = ?";
    params.emplace_back(*f.publisher);
  }
  return where;
}

}  // namespace

std::int64_t count_articles(db::Connection& conn, ListFilter const& f) {
  std::vector<db::Param> params;
  auto const where = article_where(f, params);
  return conn.query("SELECT COUNT(*) AS n FROM content_articles a" + where, std::span<db::Param const>(params))
      .front()
      .i64("n");
}

ArticlePage list_articles(db::Connection& conn, ListFilter const& f) {
  std::vector<db::Param> params;
  auto const where = article_where(f, params);
  ArticlePage page;
  auto const count_sql = "SELECT COUNT(*) AS n FROM content_articles a" + where;
  page.total = conn.query(count_sql, std::span<db::Param const>(params)).front().i64("n");
  auto const order = f.newest_published_first ? " ORDER BY a.published_at DESC, a.id DESC"
                                              : " ORDER BY a.updated_at DESC, a.id DESC";
  params.emplace_back(f.limit);
  params.emplace_back(f.offset);
  auto rows = conn.query(std::string(article_select) + where + order + " LIMIT ? OFFSET ?",
                         std::span<db::Param const>(params));
  for (auto row : rows) page.items.push_back(article_row(row));
  return page;
}

std::int64_t insert_attachment(db::Connection& conn, Attachment const& a) {
  return conn.insert(
      "INSERT INTO content_attachments (article_id, region_id, region_path, uploader_id, name, content_type, size, path,"
      " sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.article_id, a.region_id, a.region_path, a.uploader_id, a.info.name, a.info.content_type, a.info.size, a.path,
       a.sha256, a.created_at});
}

std::optional<Attachment> attachment(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(
      "SELECT id, name, content_type, size, article_id, region_id, region_path, uploader_id, path, sha256, created_at"
      " FROM content_attachments WHERE id = ?",
      {id});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  Attachment a;
  a.info = {row.i64("id"), row.str("name"), row.str("content_type"), row.i64("size")};
  a.article_id = row.opt_i64("article_id");
  a.region_id = row.i64("region_id");
  a.region_path = row.str("region_path");
  a.uploader_id = row.opt_i64("uploader_id");
  a.path = row.str("path");
  a.sha256 = row.str("sha256");
  a.created_at = row.i64("created_at");
  return a;
}

void attach(db::Connection& conn, std::int64_t article_id, std::vector<std::int64_t> const& ids) {
  conn.exec("UPDATE content_attachments SET article_id = NULL WHERE article_id = ?", {article_id});
  for (auto const id : ids) conn.exec("UPDATE content_attachments SET article_id = ? WHERE id = ?", {article_id, id});
}

namespace {

// Every flush statement has this many (id, count) slots, so its SQL text is always the same
// (one prepared statement per connection); unused slots hold id 0, which matches no row.
constexpr std::size_t visit_slots = 32;

std::string const& visits_sql() {
  static std::string const sql = [] {
    std::string cases, ids;
    for (std::size_t i = 0; i < visit_slots; ++i) {
      cases += " WHEN ? THEN ?";
      ids += i ? ", ?" : "?";
    }
    return "UPDATE content_articles SET visits = visits + CASE id" + cases + " ELSE 0 END WHERE id IN (" + ids + ")";
  }();
  return sql;
}

}  // namespace

void add_visits(db::Connection& conn, std::vector<std::pair<std::int64_t, std::int64_t>> const& counts) {
  for (std::size_t start = 0; start < counts.size(); start += visit_slots) {
    std::vector<db::Param> params;
    std::vector<db::Param> ids;
    for (std::size_t i = start; i < start + visit_slots; ++i) {
      bool const used = i < counts.size();
      params.emplace_back(used ? counts[i].first : 0);
      params.emplace_back(used ? counts[i].second : 0);
      ids.emplace_back(used ? counts[i].first : 0);
    }
    params.insert(params.end(), ids.begin(), ids.end());
    conn.query(visits_sql(), std::span<db::Param const>(params));
  }
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

namespace {

std::string comments_text(std::vector<ReviewComment> const& comments) {
  boost::json::array out;
  for (auto const& c : comments) {
    boost::json::object item{{"field", c.field}, {"text", c.text}};
    if (c.paragraph) item["paragraph"] = *c.paragraph;
    out.push_back(std::move(item));
  }
  return boost::json::serialize(out);
}

std::vector<ReviewComment> comments_of(std::string const& text) {
  std::vector<ReviewComment> out;
  boost::system::error_code error;
  auto const value = boost::json::parse(text, error);
  if (error || !value.is_array()) return out;
  for (auto const& item : value.as_array()) {
    if (!item.is_object()) continue;
    auto const& o = item.as_object();
    ReviewComment c;
    if (auto const* f = o.if_contains("field"); f && f->is_string()) c.field = f->as_string();
    if (auto const* t = o.if_contains("text"); t && t->is_string()) c.text = t->as_string();
    if (auto const* p = o.if_contains("paragraph"); p && p->is_int64()) c.paragraph = static_cast<int>(p->as_int64());
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

void insert_review_step(db::Connection& conn, std::int64_t article_id, ReviewStep const& step) {
  conn.exec(
      "INSERT INTO content_reviews (article_id, step, user_id, user_name, reason, comments, at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {article_id, step.step, step.user_id, step.user_name, step.reason, comments_text(step.comments), step.at});
}

std::vector<ReviewStep> review_steps(db::Connection& conn, std::int64_t article_id) {
  std::vector<ReviewStep> out;
  auto const rows = conn.query(
      "SELECT step, user_id, user_name, reason, comments, at FROM content_reviews WHERE article_id = ? ORDER BY id",
      {article_id});
  for (auto row : rows) {
    out.push_back({row.str("step"), row.opt_i64("user_id"), row.str("user_name"), row.str("reason"),
                   comments_of(row.str("comments")), row.i64("at")});
  }
  return out;
}

}  // namespace pufa::content::store
