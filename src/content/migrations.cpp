#include "content/routes.hpp"
#include "auth/regions.hpp"

namespace pufa::content {

std::vector<db::Migration> migrations() {
  return {
      {"content", 1, "columns, articles and cases, citations, attachments, index-number serials", R"sql(
CREATE TABLE content_columns (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  section TEXT NOT NULL,
  sort INTEGER NOT NULL
);
INSERT INTO content_columns (code, name, section, sort) VALUES
  ('news', '新闻动态', '普法动态', 1),
  ('dept', '部门微普法', '普法动态', 2),
  ('cases', '以案释法', '以案释法', 3),
  ('notices', '通知公告', '政务公开', 4),
  ('plans', '计划总结', '政务公开', 5);

CREATE TABLE content_articles (
  id {{pk}},
  column_code TEXT NOT NULL REFERENCES content_columns (code),
  region_id BIGINT NOT NULL REFERENCES regions (id),
  author_id BIGINT REFERENCES users (id),
  author_name TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body_html TEXT NOT NULL,
  status TEXT NOT NULL,
  publisher TEXT NOT NULL,
  written_on TEXT,
  disclosure TEXT NOT NULL,
  index_no TEXT UNIQUE,
  published_at BIGINT,
  visits BIGINT NOT NULL DEFAULT 0,
  return_reason TEXT,
  case_facts TEXT,
  case_analysis TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX content_articles_public ON content_articles (status, column_code, published_at);
CREATE INDEX content_articles_region ON content_articles (region_id, updated_at);

CREATE TABLE content_citations (
  article_id BIGINT NOT NULL REFERENCES content_articles (id),
  seq INTEGER NOT NULL,
  law TEXT NOT NULL,
  number INTEGER NOT NULL,
  suffix INTEGER NOT NULL,
  PRIMARY KEY (article_id, seq)
);

CREATE TABLE content_attachments (
  id {{pk}},
  article_id BIGINT REFERENCES content_articles (id),
  region_id BIGINT NOT NULL REFERENCES regions (id),
  uploader_id BIGINT REFERENCES users (id),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX content_attachments_article ON content_attachments (article_id);

CREATE TABLE content_index_serials (
  code TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_serial BIGINT NOT NULL,
  PRIMARY KEY (code, year)
);
)sql"},
      {"content", 2, "articles and attachments keep their region path; 公开方式 as codes", R"sql(
ALTER TABLE content_articles ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
ALTER TABLE content_attachments ADD COLUMN region_path TEXT NOT NULL DEFAULT '';
CREATE INDEX content_articles_region_path ON content_articles (region_path, updated_at);
UPDATE content_articles SET disclosure = 'active' WHERE disclosure = '主动公开';
UPDATE content_articles SET disclosure = 'on_request' WHERE disclosure = '依申请公开';
)sql", [](db::Connection& conn) {
         auth::regions::fill_region_paths(conn, "content_articles");
         auth::regions::fill_region_paths(conn, "content_attachments");
       }},
      {"content", 3, "the review history of articles, with reviewers' comments by field", R"sql(
CREATE TABLE content_reviews (
  id {{pk}},
  article_id BIGINT NOT NULL REFERENCES content_articles (id),
  step TEXT NOT NULL,
  user_id BIGINT,
  user_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  comments TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX content_reviews_article ON content_reviews (article_id, id);
)sql"},
  };
}

}  // namespace pufa::content
