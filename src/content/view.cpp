#include "content/view.hpp"

#include <boost/json/array.hpp>

#include "content/cite.hpp"

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

json::object citation_json(db::Connection& conn, Citation const& citation) {
  auto const number = laws::article_label(citation.ref);
  auto resolved = resolve(conn, citation);
  if (!resolved) {
    auto const law = law_key(citation.law);
    return {{"law", law}, {"law_id", nullptr}, {"number", number}, {"label", "《" + law + "》" + number},
            {"url", nullptr}, {"text", nullptr}};
  }
  return {{"law", resolved->law.short_title},
          {"law_id", resolved->law.id},
          {"law_title", resolved->law.title},
          {"number", resolved->article.label},
          {"label", "《" + resolved->law.short_title + "》" + resolved->article.label},
          {"url", law_article_url(resolved->law.id, citation.ref)},
          {"text", resolved->text}};
}

}  // namespace

json::object column_json(Column const& column) {
  return {{"code", column.code}, {"name", column.name}, {"section", column.section}, {"sort", column.sort}};
}

json::object article_json(db::Connection& conn, Article const& a, std::int64_t unflushed) {
  json::array attachments;
  for (auto const& file : a.attachments) {
    attachments.push_back(json::object{{"id", file.id},
                                       {"name", file.name},
                                       {"size", file.size},
                                       {"content_type", file.content_type},
                                       {"url", "/api/v1/attachments/" + std::to_string(file.id)}});
  }
  json::value case_value = nullptr;
  if (a.is_case()) {
    json::array cited;
    for (auto const& citation : a.cited) cited.push_back(citation_json(conn, citation));
    case_value = json::object{{"facts", a.case_facts.value_or("")},
                              {"analysis", a.case_analysis.value_or("")},
                              {"cited", std::move(cited)}};
  }
  json::object author{{"id", a.author_id ? json::value(*a.author_id) : json::value(nullptr)},
                      {"display_name", a.author_name}};
  return {{"id", a.id},
          {"column", column_json(a.column)},
          {"title", a.title},
          {"summary", a.summary},
          {"body_html", a.body_html},
          {"status", a.status},
          {"index_no", optional_text(a.index_no)},
          {"publisher", a.publisher},
          {"written_on", optional_text(a.written_on)},
          {"published_at", optional_time(a.published_at)},
          {"disclosure", a.disclosure},
          {"visits", a.visits + unflushed},
          {"author", std::move(author)},
          {"region_id", a.region_id},
          {"attachments", std::move(attachments)},
          {"case", std::move(case_value)},
          {"return_reason", optional_text(a.return_reason)},
          {"created_at", base::iso8601(a.created_at)},
          {"updated_at", base::iso8601(a.updated_at)}};
}

json::object list_item_json(Article const& a) {
  return {{"id", a.id},
          {"title", a.title},
          {"summary", a.summary},
          {"published_at", optional_time(a.published_at)},
          {"column", column_json(a.column)}};
}

json::array breadcrumbs(Column const& column) {
  return {json::object{{"label", "首页"}, {"url", "/"}}, json::object{{"label", column.section}},
          json::object{{"label", column.name}, {"url", "/columns/" + column.code}}};
}

}  // namespace pufa::content
