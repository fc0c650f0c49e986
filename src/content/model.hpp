// Plain records of the content area: columns, articles (and cases), attachments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"
#include "laws/library.hpp"
#include "laws/numerals.hpp"

namespace pufa::content {

// Workflow: draft → review → published → withdrawn; review → returned (with a reason) → review.
namespace status {
inline constexpr std::string_view draft = "draft";
inline constexpr std::string_view review = "review";
inline constexpr std::string_view published = "published";
inline constexpr std::string_view returned = "returned";
inline constexpr std::string_view withdrawn = "withdrawn";
}  // namespace status

inline constexpr std::string_view cases_column = "cases";
// 公开方式, as codes: 主动公开 (active) or 依申请公开 (on request).
inline constexpr std::string_view disclosure_active = "active";
inline constexpr std::string_view disclosure_on_request = "on_request";

struct Column {
  std::string code, name, section;
  int sort = 0;
};

// An article of a law cited by a case, as the author named it; resolved against the law
// library when shown, so a case may be stored before the library is imported.
struct Citation {
  std::string law;  // 民法典, 中华人民共和国民法典
  laws::ArticleRef ref;
};

struct AttachmentInfo {
  std::int64_t id = 0;
  std::string name, content_type;
  std::int64_t size = 0;
};

struct Attachment {
  AttachmentInfo info;
  std::optional<std::int64_t> article_id;
  std::int64_t region_id = 0;
  std::string region_path;
  std::optional<std::int64_t> uploader_id;
  std::string path;  // relative to the uploads folder
  std::string sha256;
  base::Millis created_at = 0;
};

struct Article {
  std::int64_t id = 0;
  Column column;
  std::int64_t region_id = 0;
  std::string region_path;
  std::optional<std::int64_t> author_id;
  std::string author_name;
  std::string title, summary, body_html;
  std::string status{status::draft};
  std::string publisher;                 // 发布机构
  std::optional<std::string> written_on; // 成文日期 YYYY-MM-DD
  std::string disclosure{disclosure_active};
  std::optional<std::string> index_no;   // 信息索引号, assigned on publishing
  std::optional<base::Millis> published_at;
  std::int64_t visits = 0;               // as stored (the counter adds the unflushed views)
  std::optional<std::string> return_reason;
  std::optional<std::string> case_facts, case_analysis;
  std::vector<Citation> cited;
  std::vector<AttachmentInfo> attachments;
  base::Millis created_at = 0;
  base::Millis updated_at = 0;

  bool is_case() const { return column.code == cases_column; }
};

// A reviewer's comment on one field of an article; for the body, on one paragraph of it (the
// index of a top-level block of body_html, from 0), so the author sees it where it applies.
struct ReviewComment {
  std::string field;  // title, summary, body_html, publisher, written_on, disclosure, case_facts, case_analysis
  std::optional<int> paragraph;
  std::string text;
};
inline constexpr std::string_view comment_fields[] = {"title", "summary", "body_html", "publisher", "written_on",
                                                      "disclosure", "case_facts", "case_analysis", "attachments"};

// One step of an article's review, kept for good: submit, return (a reason and comments), edit
// (a reviewer's change while it was under review), publish, withdraw.
struct ReviewStep {
  std::string step;
  std::optional<std::int64_t> user_id;
  std::string user_name;
  std::string reason;
  std::vector<ReviewComment> comments;
  base::Millis at = 0;
};

// A citation as the library resolves it: the article, or none while the library lacks it.
struct CitationView {
  Citation citation;
  std::optional<laws::library::Article> article;
};

// An article as the use cases hand it out: citations resolved, visits counted up to now.
struct ArticleView {
  Article article;
  std::vector<CitationView> cited;
  std::int64_t visits = 0;
  std::vector<ReviewStep> history;       // oldest first; filled for one article's staff view
  std::vector<ReviewComment> comments;   // of the return that sent it back (status returned)
};

struct ArticlePage {
  std::vector<ArticleView> items;  // without bodies, citations and attachments
  std::int64_t total = 0;
};

// The portal's home: each column with its latest published articles.
struct HomeColumn {
  Column column;
  std::vector<Article> items;
};

}  // namespace pufa::content
