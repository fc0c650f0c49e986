#include "search/search.hpp"

namespace pufa::search {

std::vector<db::Migration> migrations() {
  return {
      {"search", 1, "search documents with their words, law names, full-text index", R"sql(
CREATE TABLE search_documents (
  id {{pk}},
  kind TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  law_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  heading TEXT NOT NULL,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  date TEXT NOT NULL,
  url TEXT NOT NULL,
  words TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);
CREATE INDEX search_documents_law ON search_documents (law_id, kind);

CREATE TABLE search_laws (
  law_id BIGINT PRIMARY KEY,
  title TEXT NOT NULL,
  short_title TEXT NOT NULL
);

{{sqlite:}}
CREATE VIRTUAL TABLE search_fts USING fts5 (tokens, detail = none);
{{:sqlite}}
{{postgresql:}}
ALTER TABLE search_documents ADD COLUMN tsv tsvector NOT NULL;
-- Without the pending list: with it every query scanned up to 4 MB of unmerged entries (50 ms).
CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv) WITH (fastupdate = off);
{{:postgresql}}
)sql"},
      {"search", 2, "in-memory index per node: generation and removed ids instead of FTS5/GIN", R"sql(
{{sqlite:}}
DROP TABLE search_fts;
-- AUTOINCREMENT: without it SQLite gives a replaced document the id of the one just deleted when
-- that was the highest, and the nodes' indexes would take the new document for the removed one.
CREATE TABLE search_documents_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  law_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  heading TEXT NOT NULL,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  date TEXT NOT NULL,
  url TEXT NOT NULL,
  words TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);
INSERT INTO search_documents_new (id, kind, ref_id, law_id, title, heading, section, body, date, url, words)
  SELECT id, kind, ref_id, law_id, title, heading, section, body, date, url, words FROM search_documents;
DROP TABLE search_documents;
ALTER TABLE search_documents_new RENAME TO search_documents;
CREATE INDEX search_documents_law ON search_documents (law_id, kind);
{{:sqlite}}
{{postgresql:}}
DROP INDEX search_documents_tsv;
ALTER TABLE search_documents DROP COLUMN tsv;
{{:postgresql}}
CREATE TABLE search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO search_state (id, generation) VALUES (1, 1);
CREATE TABLE search_removed (
  generation BIGINT NOT NULL,
  document_id BIGINT NOT NULL
);
CREATE INDEX search_removed_generation ON search_removed (generation);
)sql"},
  };
}

}  // namespace pufa::search
