#include "content/view.hpp"

namespace pufa::content {

namespace json = boost::json;

namespace {

json::value optional_text(std::optional<std::string> const& text) {
  if (!text) return nullptr;
  return json::value(*text);
}

json::value optional_time(std::optional<base::Millis> const& at) {
  if (!at) return nullptr;
  return json::value(base::iso8601(*at));
}

json::object citation_json(CitationView const& view) {
  auto const number = laws::article_label(view.citation.ref);
  if (!view.article) {
    auto const law = laws::library::law_key(view.citation.law);
    return {{"law", law}, {"law_id", nullptr}, {"number", number}, {"label", "《" + law + "》" + number},
            {"url", nullptr}, {"text", nullptr}};
  }
  auto const& article = *view.article;
  return {{"law", article.law.short_title},
          {"law_id", article.law.id},
          {"law_title", article.law.title},
          {"number", article.label},
          {"label", "《" + article.law.short_title + "》" + article.label},
          {"url", article.url()},
          {"text", article.text()}};
}

}  // namespace

json::object column_json(Column const& column) {
  return {{"code", column.code}, {"name", column.name}, {"section", column.section}, {"sort", column.sort}};
}

json::object attachment_json(AttachmentInfo const& file) {
  return {{"id", file.id},
          {"name", file.name},
          {"size", file.size},
          {"content_type", file.content_type},
          {"url", "/api/v1/attachments/" + std::to_string(file.id)}};
}

json::object article_json(ArticleView const& view, bool with_body) {
  auto const& a = view.article;
  json::array attachments;
  for (auto const& file : a.attachments) attachments.push_back(attachment_json(file));
  json::value case_value = nullptr;
  if (a.is_case()) {
    json::array cited;
    for (auto const& citation : view.cited) cited.push_back(citation_json(citation));
    case_value = json::object{{"facts", a.case_facts.value_or("")},
                              {"analysis", a.case_analysis.value_or("")},
                              {"cited", std::move(cited)}};
  }
  json::object author{{"id", a.author_id ? json::value(*a.author_id) : json::value(nullptr)},
                      {"display_name", a.author_name}};
  json::object out{{"id", a.id},
                   {"column", column_json(a.column)},
                   {"title", a.title},
                   {"summary", a.summary},
                   {"status", a.status},
                   {"index_no", optional_text(a.index_no)},
                   {"publisher", a.publisher},
                   {"written_on", optional_text(a.written_on)},
                   {"published_at", optional_time(a.published_at)},
                   {"disclosure", a.disclosure},
                   {"visits", view.visits},
                   {"author", std::move(author)},
                   {"region_id", a.region_id},
                   {"attachments", std::move(attachments)},
                   {"case", std::move(case_value)},
                   {"return_reason", optional_text(a.return_reason)},
                   {"created_at", base::iso8601(a.created_at)},
                   {"updated_at", base::iso8601(a.updated_at)}};
  if (with_body) out["body_html"] = a.body_html;
  if (with_body) {
    auto comments_json = [](std::vector<ReviewComment> const& comments) {
      json::array items;
      for (auto const& c : comments) {
        items.push_back({{"field", c.field},
                         {"paragraph", c.paragraph ? json::value(*c.paragraph) : json::value(nullptr)},
                         {"text", c.text}});
      }
      return items;
    };
    json::array history;
    for (auto const& step : view.history) {
      history.push_back({{"step", step.step},
                         {"user", {{"id", step.user_id ? json::value(*step.user_id) : json::value(nullptr)},
                                   {"display_name", step.user_name}}},
                         {"reason", step.reason},
                         {"comments", comments_json(step.comments)},
                         {"at", base::iso8601(step.at)}});
    }
    out["review_comments"] = comments_json(view.comments);
    out["history"] = std::move(history);
  }
  return out;
}

json::object public_article_json(ArticleView const& view, std::string const& public_url) {
  auto out = article_json(view);
  out.erase("author");  // staff names stay in the staff pages
  out.erase("return_reason");
  out.erase("review_comments");
  out.erase("history");
  out["breadcrumbs"] = breadcrumbs(view.article.column);
  out["qr_url"] = "/api/v1/public/articles/" + std::to_string(view.article.id) + "/qr.svg";
  out["public_url"] = public_url;
  return out;
}

json::object list_item_json(Article const& a) {
  return {{"id", a.id},
          {"title", a.title},
          {"summary", a.summary},
          {"published_at", optional_time(a.published_at)},
          {"column", column_json(a.column)}};
}

json::array breadcrumbs(Column const& column) {
  return {json::object{{"kind", "home"}, {"url", "/"}}, json::object{{"kind", "section"}, {"label", column.section}},
          json::object{{"kind", "column"}, {"label", column.name}, {"url", "/columns/" + column.code}}};
}

}  // namespace pufa::content
