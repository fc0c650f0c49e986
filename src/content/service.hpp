// Content use cases in the house order: authorise → validate (the body sanitised before any
// transaction opens) → load → one db.write with its audit row (and the search index) inside. They
// return articles with their citations resolved against the law library; routes render them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "todo/todo.hpp"
#include "content/model.hpp"
#include "content/visits.hpp"
#include "db/database.hpp"
#include "search/search.hpp"

namespace pufa::content {

struct CaseInput {
  std::string facts, analysis;
  std::vector<Citation> cited;
};

struct ArticleInput {
  std::string column, title;
  std::optional<std::string> summary;
  std::string body_html;  // as sent; sanitised by the service
  std::optional<std::string> publisher, written_on, disclosure;
  std::vector<std::int64_t> attachment_ids;
  std::optional<CaseInput> case_input;
};

struct ListQuery {
  std::string column, status, q;
  bool mine = false;  // ?mine=1: the caller's own articles (a returned article's author)
  std::int64_t page = 1, page_size = 20;
};

struct FileDownload {
  std::string name, content_type, bytes;
};

class ContentService {
 public:
  // `four_eyes`: the author of an article may not publish it (four_eyes_publishing).
  ContentService(db::Database& db, std::filesystem::path uploads, std::shared_ptr<VisitCounter> visits,
                 bool four_eyes = false)
      : db_(&db), uploads_(std::move(uploads)), visits_(std::move(visits)), four_eyes_(four_eyes) {}

  // Staff (content.write; review and publishing content.publish), scoped by region.
  ArticlePage list(auth::Actor const& actor, ListQuery const& query) const;
  ArticleView get(auth::Actor const& actor, std::int64_t id) const;
  ArticleView create(auth::Actor const& actor, ArticleInput input) const;
  // Drafts and returned articles by their writers; an article under review by a reviewer
  // (content.publish), who may then publish it as edited.
  ArticleView update(auth::Actor const& actor, std::int64_t id, ArticleInput input) const;
  void remove(auth::Actor const& actor, std::int64_t id) const;
  ArticleView submit(auth::Actor const& actor, std::int64_t id) const;
  // Back to its author with a reason and comments on fields or paragraphs (content.publish).
  ArticleView send_back(auth::Actor const& actor, std::int64_t id, std::string const& reason,
                        std::vector<ReviewComment> const& comments) const;
  ArticleView publish(auth::Actor const& actor, std::int64_t id) const;
  ArticleView withdraw(auth::Actor const& actor, std::int64_t id) const;
  // The caller's to-do: articles waiting for review in scope (content.publish), and their own
  // articles returned for correction (content.write).
  std::vector<todo::Item> todo(auth::Principal const& caller) const;

  // Public (open): published articles only.
  std::vector<Column> columns() const;
  std::vector<HomeColumn> home() const;
  struct PublicPage {
    std::vector<Article> items;
    std::int64_t total = 0;
  };
  PublicPage public_list(std::string const& column, std::int64_t page, std::int64_t size) const;
  // Counts the visit.
  ArticleView public_article(std::int64_t id) const;
  std::string qr_svg(std::int64_t id, std::string const& base) const;

  // Attachments: `bytes` of the declared media type (checked against what the bytes are).
  AttachmentInfo upload(auth::Actor const& actor, std::string_view bytes, std::string_view declared,
                        std::optional<std::string> name) const;
  // Open when attached to a published article; otherwise content.write in scope.
  FileDownload download(auth::Principal const* caller, std::int64_t id) const;

 private:
  db::Database* db_;
  std::filesystem::path uploads_;
  std::shared_ptr<VisitCounter> visits_;
  bool four_eyes_ = false;
};

// What the search index holds of a published article (kind "case" for the cases column).
search::Document search_document(Article const& article);

// The public page of an article: <base>/articles/{id}.
std::string public_url(std::string const& base, std::int64_t id);

}  // namespace pufa::content
