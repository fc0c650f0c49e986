#include "content/library.hpp"

#include "content/disclosure.hpp"
#include "content/service.hpp"
#include "content/store.hpp"
#include "search/search.hpp"

namespace pufa::content::library {

namespace {

std::string escaped(std::string const& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::int64_t draft_case(db::Connection& conn, CaseDraft const& draft) {
  Article article;
  article.column = *store::column(conn, std::string(cases_column));
  article.region_id = draft.region_id;
  article.region_path = draft.region_path;
  article.author_id = draft.author_id;
  article.author_name = draft.author_name;
  article.title = draft.title;
  article.summary = draft.summary;
  for (auto const& paragraph : draft.paragraphs) article.body_html += "<p>" + escaped(paragraph) + "</p>";
  article.status = status::draft;
  article.publisher = draft.publisher;
  article.disclosure = disclosure_active;
  article.case_facts = draft.facts;
  article.case_analysis = draft.analysis;
  article.cited = draft.cited;
  article.created_at = article.updated_at = base::now_ms();
  auto const id = store::insert_article(conn, article);
  store::replace_citations(conn, id, article.cited);
  return id;
}

void publish_as_of(db::Connection& conn, std::int64_t id, base::Millis at) {
  auto const year = base::shanghai_year(at);
  store::set_published(conn, id, format_index_no(bureau_code, year, store::next_serial(conn, bureau_code, year)), at, at);
  if (auto article = store::article(conn, id)) search::upsert(conn, search_document(*article));
}

std::map<std::int64_t, CaseState> case_states(db::Connection& conn, std::vector<std::int64_t> const& ids) {
  std::map<std::int64_t, CaseState> out;
  for (auto const& row : store::article_states(conn, ids)) {
    CaseState state{row.status, row.title, std::nullopt};
    if (row.status == status::published && row.published_at) state.published_on = base::shanghai_date(*row.published_at);
    out.emplace(row.id, std::move(state));
  }
  return out;
}

namespace {

Brief brief_of(Article const& a) {
  Brief b{a.id, a.title, a.publisher, a.status, std::nullopt};
  if (a.published_at) b.published_on = base::shanghai_date(*a.published_at);
  return b;
}

}  // namespace

std::vector<Brief> published_by(db::Connection& conn, std::string const& publisher, std::string const& title_like,
                                std::int64_t limit) {
  store::ListFilter filter{.status = std::string(status::published), .title_like = title_like, .newest_published_first = true,
                           .limit = limit};
  filter.publisher = publisher;
  std::vector<Brief> out;
  for (auto const& a : store::list_articles(conn, filter).items) out.push_back(brief_of(a));
  return out;
}

std::optional<Brief> brief(db::Connection& conn, std::int64_t id) {
  auto const article = store::article(conn, id);
  if (!article) return std::nullopt;
  return brief_of(*article);
}

std::optional<Upload> upload(db::Connection& conn, std::int64_t id) {
  auto const file = store::attachment(conn, id);
  if (!file) return std::nullopt;
  return Upload{file->info, file->region_path, file->uploader_id, file->article_id};
}

}  // namespace pufa::content::library
