// The content area's SQL: the only place its tables are touched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.hpp"
#include "db/database.hpp"

namespace pufa::content::store {

std::vector<Column> columns(db::Connection& conn);
std::optional<Column> column(db::Connection& conn, std::string const& code);

std::int64_t insert_article(db::Connection& conn, Article const& article);
// The editable fields (column, title, summary, body, publisher, written_on, disclosure, case).
void update_article(db::Connection& conn, Article const& article);
void set_status(db::Connection& conn, std::int64_t id, std::string_view status,
                std::optional<std::string> const& reason, base::Millis now);
void set_published(db::Connection& conn, std::int64_t id, std::string const& index_no,
                   base::Millis published_at, base::Millis now);
void delete_article(db::Connection& conn, std::int64_t id);
void replace_citations(db::Connection& conn, std::int64_t id, std::vector<Citation> const& cited);

// With its column, region path, citations and attachments.
std::optional<Article> article(db::Connection& conn, std::int64_t id);
bool has_article(db::Connection& conn, std::string const& column, std::string const& title);
// The status, title and publication time of many articles (ids content no longer holds are absent).
struct ArticleState {
  std::int64_t id = 0;
  std::string status, title;
  std::optional<base::Millis> published_at;
};
std::vector<ArticleState> article_states(db::Connection& conn, std::vector<std::int64_t> const& ids);

struct ListFilter {
  std::string region_path;  // "" → every region
  std::string column, status;
  std::string title_like;   // contains_pattern or ""
  std::optional<std::int64_t> author_id;
  std::optional<std::string> publisher;  // 发布机构, exactly
  bool newest_published_first = false;  // else the latest change first
  std::int64_t offset = 0, limit = 20;
};
struct ArticlePage {
  std::vector<Article> items;  // without citations and attachments
  std::int64_t total = 0;
};
ArticlePage list_articles(db::Connection& conn, ListFilter const& filter);
std::int64_t count_articles(db::Connection& conn, ListFilter const& filter);

std::int64_t insert_attachment(db::Connection& conn, Attachment const& attachment);
std::optional<Attachment> attachment(db::Connection& conn, std::int64_t id);
// Makes `ids` (in this order) the article's attachments; others it had are detached.
void attach(db::Connection& conn, std::int64_t article_id, std::vector<std::int64_t> const& ids);

// The review steps of an article, oldest first; a step appended in the write that takes it.
void insert_review_step(db::Connection& conn, std::int64_t article_id, ReviewStep const& step);
std::vector<ReviewStep> review_steps(db::Connection& conn, std::int64_t article_id);

// Adds counted views to articles: (article id, views) pairs, in statements of a fixed shape.
void add_visits(db::Connection& conn, std::vector<std::pair<std::int64_t, std::int64_t>> const& counts);

// 信息索引号 serials per (publisher code, year). next_serial: one more than the stored counter
// (1 for a new year), one statement; call inside the publishing transaction. reserve_serial
// raises the counter to at least `serial` (demo data carrying historical numbers).
std::int64_t next_serial(db::Connection& conn, std::string_view code, int year);
void reserve_serial(db::Connection& conn, std::string_view code, int year, std::int64_t serial);

}  // namespace pufa::content::store
