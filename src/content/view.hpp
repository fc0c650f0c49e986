// Articles as JSON (docs/content.md, CONTRACTS "Content").
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>

#include "content/model.hpp"
#include "db/database.hpp"

namespace pufa::content {

boost::json::object column_json(Column const& column);
// The full article; `unflushed` views are added to the stored count. Citations are resolved
// against the law library here (law_id, url and text are null while it lacks the law).
boost::json::object article_json(db::Connection& conn, Article const& article, std::int64_t unflushed);
// A line of a public list: {id, title, published_at, summary, column}.
boost::json::object list_item_json(Article const& article);
// 首页 > section > column, as the portal shows above an article.
boost::json::array breadcrumbs(Column const& column);

}  // namespace pufa::content
