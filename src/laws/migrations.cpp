#include "laws/routes.hpp"

namespace pufa::laws {

std::vector<db::Migration> migrations() {
  return {
      {"laws", 1, "laws, versions, source files, structure and articles", R"sql(
CREATE TABLE laws (
  id {{pk}},
  title TEXT NOT NULL UNIQUE,
  short_title TEXT NOT NULL,
  category TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX laws_short_title ON laws (short_title);

CREATE TABLE law_versions (
  id {{pk}},
  law_id BIGINT NOT NULL REFERENCES laws (id),
  version_date TEXT NOT NULL,
  history TEXT NOT NULL,
  article_count BIGINT NOT NULL,
  imported_at BIGINT NOT NULL,
  UNIQUE (law_id, version_date)
);

CREATE TABLE law_sources (
  id {{pk}},
  version_id BIGINT NOT NULL REFERENCES law_versions (id),
  source TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  UNIQUE (version_id, source)
);

CREATE TABLE law_nodes (
  id {{pk}},
  version_id BIGINT NOT NULL REFERENCES law_versions (id),
  parent_id BIGINT REFERENCES law_nodes (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  depth INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX law_nodes_version ON law_nodes (version_id, ordinal);

CREATE TABLE law_articles (
  id {{pk}},
  version_id BIGINT NOT NULL REFERENCES law_versions (id),
  node_id BIGINT REFERENCES law_nodes (id),
  number INTEGER NOT NULL,
  suffix INTEGER NOT NULL,
  label TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (version_id, number, suffix)
);
CREATE INDEX law_articles_ordinal ON law_articles (version_id, ordinal);
)sql"},
  };
}

}  // namespace pufa::laws
