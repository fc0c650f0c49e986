// What other areas do with content: write a draft 以案释法 case inside their own transaction (the
// responsibility system turns imported penalty decisions into cases), publish one as of a day (the
// demo), and read the state of cases they made. The content tables are touched only by store.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/time.hpp"
#include "content/model.hpp"
#include "db/database.hpp"

namespace pufa::content::library {

struct CaseDraft {
  std::int64_t region_id = 0;
  std::string region_path;
  std::optional<std::int64_t> author_id;
  std::string author_name;
  std::string title, summary, publisher;
  std::vector<std::string> paragraphs;  // the body as plain text, one paragraph each (escaped here)
  std::string facts, analysis;
  std::vector<Citation> cited;  // articles the library holds (content checks a case's citations on edit)
};

// A draft in the 以案释法 column, written in the caller's transaction; the caller audits. Its id.
std::int64_t draft_case(db::Connection& conn, CaseDraft const& draft);

// Published as of `at` with the next 信息索引号 of that year, indexed for search (demo data).
void publish_as_of(db::Connection& conn, std::int64_t id, base::Millis at);

struct CaseState {
  std::string status, title;
  std::optional<std::string> published_on;  // Asia/Shanghai day, while published
};
// By id; an id content no longer holds (a deleted draft) is absent.
std::map<std::int64_t, CaseState> case_states(db::Connection& conn, std::vector<std::int64_t> const& ids);

// Published articles whose 发布机构 is `publisher` (a unit's own articles: evidence of its work), newest
// first; `title_like` a contains pattern or "".
struct Brief {
  std::int64_t id = 0;
  std::string title, publisher, status;
  std::optional<std::string> published_on;  // Asia/Shanghai day
};
std::vector<Brief> published_by(db::Connection& conn, std::string const& publisher, std::string const& title_like,
                                std::int64_t limit);
std::optional<Brief> brief(db::Connection& conn, std::int64_t id);

// An upload as another area may attach it (a 履职评议 report): its name and size, where it was uploaded,
// and the article it belongs to, if any.
struct Upload {
  AttachmentInfo info;
  std::string region_path;
  std::optional<std::int64_t> uploader_id;
  std::optional<std::int64_t> article_id;
};
std::optional<Upload> upload(db::Connection& conn, std::int64_t id);

}  // namespace pufa::content::library
