// Content use cases in the house order: authorise → validate → one db.write with its audit
// row (and the search index) inside. Results are rendered to JSON inside the same transaction,
// since a case's citations are resolved against the law library as they are shown.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "content/model.hpp"
#include "content/visits.hpp"
#include "db/database.hpp"
#include "http/request.hpp"
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
  std::int64_t page = 1, size = 20;
};

struct FileDownload {
  std::string name, content_type, bytes;
};

class ContentService {
 public:
  ContentService(db::Database& db, std::filesystem::path uploads, std::shared_ptr<VisitCounter> visits)
      : db_(&db), uploads_(std::move(uploads)), visits_(std::move(visits)) {}

  // Staff (content.write; review and publishing content.publish), scoped by region.
  boost::json::object list(auth::Principal const& caller, ListQuery const& query) const;
  boost::json::object get(auth::Principal const& caller, std::int64_t id) const;
  boost::json::object create(http::Request const& request, auth::Principal const& caller, ArticleInput input) const;
  boost::json::object update(http::Request const& request, auth::Principal const& caller, std::int64_t id,
                             ArticleInput input) const;
  void remove(http::Request const& request, auth::Principal const& caller, std::int64_t id) const;
  boost::json::object submit(http::Request const& request, auth::Principal const& caller, std::int64_t id) const;
  boost::json::object send_back(http::Request const& request, auth::Principal const& caller, std::int64_t id,
                                std::string const& reason) const;
  boost::json::object publish(http::Request const& request, auth::Principal const& caller, std::int64_t id) const;
  boost::json::object withdraw(http::Request const& request, auth::Principal const& caller, std::int64_t id) const;

  // Public (open): published articles only.
  boost::json::object columns() const;
  boost::json::object home() const;
  boost::json::object public_list(std::string const& column, std::int64_t page, std::int64_t size) const;
  // Counts the visit; `base` is the portal's origin for the article's public URL.
  boost::json::object public_article(std::int64_t id, std::string const& base) const;
  std::string qr_svg(std::int64_t id, std::string const& base) const;

  // Attachments.
  boost::json::object upload(http::Request const& request, auth::Principal const& caller,
                             std::optional<std::string> name) const;
  // Open when attached to a published article; otherwise content.write in scope.
  FileDownload download(auth::Principal const* caller, std::int64_t id) const;

 private:
  db::Database* db_;
  std::filesystem::path uploads_;
  std::shared_ptr<VisitCounter> visits_;
};

// What the search index holds of a published article (kind "case" for the cases column).
search::Document search_document(Article const& article);

// The public page of an article: <base>/articles/{id}.
std::string public_url(std::string const& base, std::int64_t id);

}  // namespace pufa::content
