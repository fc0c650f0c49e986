#include "base/time.hpp"
#include "search/search.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "http/error.hpp"
#include "http/json_input.hpp"
#include "search/index.hpp"
#include "search/rank.hpp"
#include "search/segment.hpp"
#include "search/store.hpp"
#include "text/utf8.hpp"

namespace pufa::search {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

namespace {

constexpr std::size_t max_query_characters = 100;
constexpr std::size_t candidate_cap = 120;  // documents re-ranked in C++ per query
// Fewer documents than this with every word: documents with some of the words are added,
// the rarest words first.
constexpr std::size_t enough_with_all = 60;
constexpr std::int64_t frequency_cap = 100'000;    // document frequencies are counted up to this
constexpr std::int64_t max_page_size = 50;
constexpr std::int64_t default_page_size = 10;
constexpr std::int64_t max_page = 1000;  // ranking beyond the first thousand pages means nothing

std::string join(std::vector<std::string> const& items) {
  std::string out;
  for (auto const& item : items) {
    if (!out.empty()) out += ' ';
    out += item;
  }
  return out;
}

Alternative alternative_of(std::string const& word,
                                  std::vector<std::string> const& parts = {}) {
  Alternative out{word, {}, parts};
  if (is_cjk_word(word) && length_of(word) >= 3) out.bigrams = bigrams_of(word);
  return out;
}

// Single CJK characters are not in the index: they rank but cannot retrieve.
bool retrievable(std::string const& word) { return !(is_cjk_word(word) && length_of(word) < 2); }


}  // namespace

std::shared_ptr<Index> make_index() { return std::make_shared<Index>(); }

void upsert(db::Connection& conn, Document const& document) {
  auto const body = index_tokens(document.body);
  store::upsert(conn, document, join(body.words));
}

void remove(db::Connection& conn, std::string_view kind, std::int64_t ref_id) {
  store::remove(conn, kind, ref_id);
}

void remove_law(db::Connection& conn, std::int64_t law_id) { store::remove_law(conn, law_id); }

std::int64_t count_law(db::Connection& conn, std::int64_t law_id) {
  return store::count_law(conn, law_id);
}

namespace {

void validate(Query const& query) {
  auto const length = text::utf8_length(query.q);
  if (!length || *length == 0)
    throw ApiError(AppError::validation_failed, "请输入搜索词", "q");
  if (*length > max_query_characters)
    throw ApiError(AppError::validation_failed, "搜索词不能超过 100 个字", "q");
  if (!query.kind.empty() && query.kind != "law" && query.kind != "article" && query.kind != "case")
    throw ApiError(AppError::validation_failed, "类型应为 law、article 或 case", "kind");
  if (!query.from.empty() && !base::is_date(query.from))
    throw ApiError(AppError::validation_failed, "起始日期应为 YYYY-MM-DD", "from");
  if (!query.to.empty() && !base::is_date(query.to))
    throw ApiError(AppError::validation_failed, "截止日期应为 YYYY-MM-DD", "to");
  if (query.page < 1 || query.page > max_page)
    throw ApiError(AppError::validation_failed, "页码超出范围", "page");
  if (query.size < 1 || query.size > max_page_size)
    throw ApiError(AppError::validation_failed, "每页条数应在 1 到 " + std::to_string(max_page_size) + " 之间", "page_size");
}

std::int64_t resolve_law(std::vector<store::LawName> const& laws, std::string const& key) {
  for (auto const& law : laws)
    if (std::to_string(law.law_id) == key || law.title == key || law.short_title == key)
      return law.law_id;
  throw ApiError(AppError::validation_failed, "未找到该法律", "law");
}

// The law a query names (民法典 离婚冷静期): the longest short title or title inside it
// (names and text normalized).
store::LawName const* named_law(std::vector<store::LawName> const& laws, std::string const& text) {
  store::LawName const* best = nullptr;
  std::size_t best_length = 0;
  for (auto const& law : laws) {
    for (auto const* name : {&law.title, &law.short_title}) {
      if (length_of(*name) >= 2 && name->size() > best_length &&
          text.find(*name) != std::string::npos) {
        best = &law;
        best_length = name->size();
      }
    }
  }
  return best;
}

}  // namespace

Results run(db::Connection& conn, Index& index, Query const& query) {
  validate(query);
  auto parsed = parse_query(query.q);
  Results results;
  results.terms = parsed.terms;
  auto const view = index.read(conn);
  Filter filter{query.kind, 0, query.from, query.to};
  if (!query.law.empty()) filter.law_id = resolve_law(view.laws(), query.law);
  // A query naming a law searches inside it; the name itself is then no longer a word to find.
  if (auto const* law = named_law(view.normalized_laws(), normalize(query.q)); law && filter.law_id == 0) {
    auto const& title = law->title;
    std::vector<QueryGroup> rest;
    for (auto const& group : parsed.groups)
      if (title.find(group.word) == std::string::npos) rest.push_back(group);
    if (!rest.empty()) {
      filter.law_id = law->law_id;
      parsed.groups = std::move(rest);
    }
  }
  if (parsed.groups.empty()) return results;

  Idf idf;
  std::vector<std::pair<std::int64_t, std::size_t>> rarity;  // (frequency, group)
  for (std::size_t g = 0; g < parsed.groups.size(); ++g) {
    std::int64_t rarest = view.documents();
    for (auto const& alternative : parsed.groups[g].alternatives) {
      auto const frequency = retrievable(alternative)
                                 ? view.frequency(alternative_of(alternative), frequency_cap)
                                 : view.documents() / 20;
      idf[alternative] = idf_of(view.documents(), frequency);
      if (retrievable(alternative)) rarest = std::min(rarest, frequency);
    }
    rarity.emplace_back(rarest, g);
  }
  std::sort(rarity.begin(), rarity.end());

  auto group_expression = [&](QueryGroup const& group) {
    std::vector<Alternative> out;
    for (std::size_t a = 0; a < group.alternatives.size(); ++a)
      if (retrievable(group.alternatives[a]))
        out.push_back(alternative_of(group.alternatives[a], group.parts[a]));
    return out;
  };
  // First the documents with every group, then those with the rarer groups, up to the cap.
  std::vector<std::uint32_t> slots;
  auto add = [&](Expression const& expression) {
    if (expression.empty() || slots.size() >= candidate_cap) return;
    // Enough for the cap after those already taken, which may match again.
    for (auto const slot : view.matching(expression, filter, candidate_cap)) {
      if (std::find(slots.begin(), slots.end(), slot) == slots.end()) slots.push_back(slot);
      if (slots.size() >= candidate_cap) break;
    }
  };
  Expression all;
  for (auto const& group : parsed.groups)
    if (auto expression = group_expression(group); !expression.empty()) all.push_back(expression);
  if (all.size() > 1) add(all);
  if (slots.size() < enough_with_all) {
    for (auto const& [frequency, g] : rarity)
      if (auto expression = group_expression(parsed.groups[g]); !expression.empty()) add({expression});
  }

  // Which candidates lack which alternatives, from the postings: the ranking then skips scanning
  // their bodies for them. Only for CJK words: their presence in the body implies their token or
  // all their bigrams (letters and digits inside longer runs are not tokens).
  std::sort(slots.begin(), slots.end());
  std::vector<std::vector<bool>> absent(slots.size());
  for (auto const& group : parsed.groups) {
    for (auto const& word : group.alternatives) {
      bool const known = is_cjk_word(word) && retrievable(word);
      auto const held = known ? view.holds(alternative_of(word), slots) : std::vector<bool>{};
      for (std::size_t i = 0; i < slots.size(); ++i) absent[i].push_back(known && !held[i]);
    }
  }
  std::vector<std::pair<double, std::uint32_t>> ranked;
  for (std::size_t i = 0; i < slots.size(); ++i)
    if (auto const s = score(view.candidate(slots[i]), parsed, idf, &absent[i]); s > 0)
      ranked.emplace_back(s, slots[i]);
  std::sort(ranked.begin(), ranked.end(), [](auto const& a, auto const& b) {
    if (a.first != b.first) return a.first > b.first;
    return a.second < b.second;  // slots are in id order
  });
  results.total = static_cast<std::int64_t>(ranked.size());
  auto const first = static_cast<std::size_t>((query.page - 1) * query.size);
  for (auto i = first; i < ranked.size() && i < first + static_cast<std::size_t>(query.size); ++i) {
    auto const& c = view.candidate(ranked[i].second);
    Hit hit;
    hit.snippet = snippet(c.body, parsed);
    hit.score = std::round(ranked[i].first * 1000.0) / 1000.0;
    hit.document = {c.kind, c.ref_id, c.law_id, c.title, c.heading, c.section, c.body, c.date, c.url};
    results.items.push_back(std::move(hit));
  }
  return results;
}

namespace {

http::Response search_route(db::Database& db, Index& index, http::Request& request) {
  auto const started = std::chrono::steady_clock::now();
  Query query;
  auto text = [&](std::string_view name) {
    return std::string(request.query_value(name).value_or(""));
  };
  query.q = text("q");
  auto const trimmed_start = query.q.find_first_not_of(" \t\r\n");
  query.q = trimmed_start == std::string::npos
                ? std::string()
                : query.q.substr(trimmed_start, query.q.find_last_not_of(" \t\r\n") - trimmed_start + 1);
  query.kind = text("kind");
  query.law = text("law");
  query.from = text("from");
  query.to = text("to");
  auto const page = http::page_of(request, max_page_size, default_page_size);
  query.page = page.page;
  query.size = page.size;
  auto const results = db.read([&](db::Connection& conn) { return run(conn, index, query); });
  json::array items;
  for (auto const& hit : results.items) {
    auto const& d = hit.document;
    items.push_back(json::object{{"kind", d.kind},
                                 {"id", d.ref_id},
                                 {"law_id", d.law_id},
                                 {"title", d.title},
                                 {"heading", d.heading},
                                 {"section", d.section},
                                 {"snippet", hit.snippet},
                                 {"date", d.date},
                                 {"url", d.url},
                                 {"score", hit.score}});
  }
  json::array terms;
  for (auto const& term : results.terms) terms.emplace_back(term);
  auto const took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
  return http::Response::ok(json::object{{"items", std::move(items)},
                                         {"total", results.total},
                                         {"took_ms", std::round(took.count() * 100.0) / 100.0},
                                         {"terms", std::move(terms)}});
}

}  // namespace

void add_routes(http::Router& router, db::Database& db) {
  auto index = make_index();
  router.add(
      http::Method::get, "/api/v1/search",
      [&db, index](http::Request& request) { return search_route(db, *index, request); },
      {.access = http::Access::open, .compute = true});
}

}  // namespace pufa::search
