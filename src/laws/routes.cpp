#include "laws/routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>

#include "http/error.hpp"
#include "laws/numerals.hpp"
#include "laws/store.hpp"

namespace pufa::laws {

using http::ApiError;
using http::AppError;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::size_t max_query_bytes = 400;  // about 100 Chinese characters

json::array strings(std::vector<std::string> const& values) {
  json::array out;
  for (auto const& value : values) out.emplace_back(value);
  return out;
}

json::object law_json(store::LawRow const& law) {
  return {{"id", law.id},
          {"title", law.title},
          {"short_title", law.short_title},
          {"category", law.category}};
}

json::value article_ref_json(std::optional<store::ArticleRow> const& article) {
  if (!article) return nullptr;
  return json::object{
      {"label", article->label}, {"number", article->ref.number}, {"suffix", article->ref.suffix}};
}

struct Found {
  store::LawRow law;
  store::VersionRow version;
};

Found load_law(db::Connection& conn, std::string const& key) {
  auto law = store::find_law(conn, key);
  if (!law) throw ApiError(AppError::not_found, "未找到该法律");
  auto version = store::latest_version(conn, law->id);
  if (!version) throw ApiError(AppError::not_found, "该法律尚无文本");
  return {std::move(*law), std::move(*version)};
}

// The headings as a tree; each node with the labels of its first and last article.
json::array structure_tree(std::vector<store::NodeRow> const& nodes,
                           std::vector<store::ArticleRow> const& articles) {
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < nodes.size(); ++i) index[nodes[i].id] = i;
  std::vector<std::optional<std::pair<std::size_t, std::size_t>>> range(nodes.size());
  for (std::size_t a = 0; a < articles.size(); ++a) {
    for (auto node = articles[a].node_id; node; node = nodes[index.at(*node)].parent_id) {
      auto& r = range[index.at(*node)];
      r = r ? std::make_pair(r->first, a) : std::make_pair(a, a);
    }
  }
  std::vector<json::object> built(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    auto& node = built[i];
    node = {{"kind", nodes[i].kind}, {"title", nodes[i].title}, {"children", json::array{}}};
    if (!nodes[i].paragraphs.empty()) node["paragraphs"] = strings(nodes[i].paragraphs);
    if (range[i]) {
      node["first_article"] = article_ref_json(articles[range[i]->first]);
      node["last_article"] = article_ref_json(articles[range[i]->second]);
    }
  }
  // Children come after their parent, so fold from the end.
  json::array roots;
  for (std::size_t i = nodes.size(); i-- > 0;) {
    auto& children =
        nodes[i].parent_id ? built[index.at(*nodes[i].parent_id)]["children"].as_array() : roots;
    children.insert(children.begin(), std::move(built[i]));
  }
  return roots;
}

Response list(db::Database& db, Request& request) {
  auto const q = std::string(request.query_value("q").value_or(""));
  if (q.size() > max_query_bytes)
    throw ApiError(AppError::validation_failed, "搜索词过长", "q");
  auto items = db.read([&](db::Connection& conn) {
    return store::list_laws(conn, q.empty() ? std::string() : http::contains_pattern(q));
  });
  json::array out;
  for (auto const& item : items) {
    auto law = law_json(item.law);
    law["version_date"] = item.version_date;
    law["articles"] = item.article_count;
    out.push_back(std::move(law));
  }
  return Response::ok({{"items", std::move(out)}, {"total", items.size()}});
}

Response show(db::Database& db, Request& request) {
  auto body = db.read([&](db::Connection& conn) {
    auto found = load_law(conn, request.params.at("law"));
    auto const nodes = store::nodes(conn, found.version.id);
    auto const articles = store::article_index(conn, found.version.id);
    json::object version{{"version_date", found.version.version_date},
                         {"history", strings(found.version.history)},
                         {"articles", found.version.article_count}};
    return json::object{{"law", law_json(found.law)},
                        {"version", std::move(version)},
                        {"versions", strings(store::version_dates(conn, found.law.id))},
                        {"structure", structure_tree(nodes, articles)}};
  });
  return Response::ok(body);
}

Response article(db::Database& db, Request& request) {
  auto const ref = parse_article_ref(request.params.at("number"));
  if (!ref)
    throw ApiError(AppError::validation_failed, "条号应为 1077、第1077条或第一千零七十七条",
                   "number");
  auto body = db.read([&](db::Connection& conn) {
    auto found = load_law(conn, request.params.at("law"));
    auto item = store::article(conn, found.version.id, *ref);
    if (!item)
      throw ApiError(AppError::not_found, found.law.short_title + "没有" + article_label(*ref));
    std::vector<std::string> path;
    if (item->node_id) {
      auto const nodes = store::nodes(conn, found.version.id);
      std::map<std::int64_t, store::NodeRow const*> by_id;
      for (auto const& node : nodes) by_id[node.id] = &node;
      for (auto node = item->node_id; node; node = by_id.at(*node)->parent_id)
        path.insert(path.begin(), by_id.at(*node)->title);
    }
    std::string text;
    for (std::size_t i = 0; i < item->paragraphs.size(); ++i)
      text += (i ? "\n" : "") + item->paragraphs[i];
    json::object article{{"label", item->label},
                         {"number", item->ref.number},
                         {"suffix", item->ref.suffix},
                         {"text", text},
                         {"paragraphs", strings(item->paragraphs)},
                         {"path", strings(path)}};
    return json::object{
        {"law", law_json(found.law)},
        {"version_date", found.version.version_date},
        {"article", std::move(article)},
        {"previous", article_ref_json(store::neighbour(conn, found.version.id, item->ordinal, -1))},
        {"next", article_ref_json(store::neighbour(conn, found.version.id, item->ordinal, 1))}};
  });
  return Response::ok(body);
}

}  // namespace

void add_routes(http::Router& router, db::Database& db) {
  router.add(http::Method::get, "/api/v1/laws",
             [&db](Request& request) { return list(db, request); }, {.access = http::Access::open});
  router.add(http::Method::get, "/api/v1/laws/{law}",
             [&db](Request& request) { return show(db, request); }, {.access = http::Access::open});
  router.add(http::Method::get, "/api/v1/laws/{law}/articles/{number}",
             [&db](Request& request) { return article(db, request); },
             {.access = http::Access::open});
}

}  // namespace pufa::laws
