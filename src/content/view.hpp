// Articles as JSON (docs/content.md): rendering only; the use cases resolved everything.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "content/model.hpp"

namespace pufa::content {

boost::json::object column_json(Column const& column);
boost::json::object attachment_json(AttachmentInfo const& file);
// The full article (staff pages; `with_body` false in lists).
boost::json::object article_json(ArticleView const& view, bool with_body = true);
// The article as the portal shows it: no author or return reason, with its breadcrumbs, QR code
// address and public URL.
boost::json::object public_article_json(ArticleView const& view, std::string const& public_url);
// A line of a public list: {id, title, published_at, summary, column}.
boost::json::object list_item_json(Article const& article);
// 首页 > section > column, as the portal shows above an article ("kind" home/section/column; the
// home's label comes from the portal's locale).
boost::json::array breadcrumbs(Column const& column);

}  // namespace pufa::content
