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
#include "search/rank.hpp"
#include "search/segment.hpp"
#include "search/store.hpp"

namespace pufa::search {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

namespace {

constexpr std::size_t max_query_characters = 100;
constexpr std::int64_t candidate_cap = 120;  // documents re-ranked in C++ per query
// Fewer documents than this with every word: documents with some of the words are added,
// the rarest words first.
constexpr std::size_t enough_with_all = 60;
constexpr std::int64_t frequency_cap = 100'000;    // document frequencies are counted up to this
constexpr std::int64_t max_page_size = 50;

std::string join(std::vector<std::string> const& items) {
  std::string out;
  for (auto const& item : items) {
    if (!out.empty()) out += ' ';
    out += item;
  }
  return out;
}

store::Alternative alternative_of(std::string const& word,
                                  std::vector<std::string> const& parts = {}) {
  store::Alternative out{word, {}, parts};
  if (is_cjk_word(word) && length_of(word) >= 3) out.bigrams = bigrams_of(word);
  return out;
}

// Single CJK characters are not in the index: they rank but cannot retrieve.
bool retrievable(std::string const& word) { return !(is_cjk_word(word) && length_of(word) < 2); }

bool valid_date(std::string const& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  auto const month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

class Cache {
 public:
  struct View {
    std::int64_t documents = 0;
    std::shared_ptr<std::vector<store::LawName> const> laws;        // as stored
    std::shared_ptr<std::vector<store::LawName> const> normalized;  // names normalized
  };

  // Called at the start of every search: a changed index (new max id) drops what was counted.
  View refresh(db::Connection& conn) {
    auto const generation = store::generation(conn);
    std::lock_guard lock(mutex_);
    if (generation != generation_) {
      generation_ = generation;
      documents_ = store::documents(conn);
      auto laws = store::laws(conn);
      auto normalized = laws;
      for (auto& law : normalized) {
        law.title = normalize(law.title);
        law.short_title = normalize(law.short_title);
      }
      laws_ = std::make_shared<std::vector<store::LawName> const>(std::move(laws));
      normalized_ = std::make_shared<std::vector<store::LawName> const>(std::move(normalized));
      frequencies_.clear();
    }
    return {documents_, laws_, normalized_};
  }

  std::int64_t frequency(db::Connection& conn, std::string const& word) {
    {
      std::lock_guard lock(mutex_);
      if (auto found = frequencies_.find(word); found != frequencies_.end()) return found->second;
    }
    auto const count =
        retrievable(word) ? store::count_matching(conn, {{alternative_of(word)}}, frequency_cap)
                          : documents_ / 20;
    std::lock_guard lock(mutex_);
    if (frequencies_.size() > 100'000) frequencies_.clear();
    frequencies_[word] = count;
    return count;
  }

 private:
  std::mutex mutex_;
  std::int64_t generation_ = -1;
  std::int64_t documents_ = 0;
  std::shared_ptr<std::vector<store::LawName> const> laws_ =
      std::make_shared<std::vector<store::LawName> const>();
  std::shared_ptr<std::vector<store::LawName> const> normalized_ = laws_;
  std::unordered_map<std::string, std::int64_t> frequencies_;
};

std::shared_ptr<Cache> make_cache() { return std::make_shared<Cache>(); }

void upsert(db::Connection& conn, Document const& document) {
  auto const body = index_tokens(document.body);
  auto tokens = body.words;
  tokens.insert(tokens.end(), body.bigrams.begin(), body.bigrams.end());
  for (auto const* field : {&document.title, &document.heading, &document.section}) {
    auto const extra = index_tokens(*field).words;
    tokens.insert(tokens.end(), extra.begin(), extra.end());
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  store::upsert(conn, document, join(body.words), join(tokens));
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
  auto const length = http::utf8_length(query.q);
  if (!length || *length == 0)
    throw ApiError(AppError::validation_failed, "请输入搜索词", "q");
  if (*length > max_query_characters)
    throw ApiError(AppError::validation_failed, "搜索词不能超过 100 个字", "q");
  if (!query.kind.empty() && query.kind != "law" && query.kind != "article" && query.kind != "case")
    throw ApiError(AppError::validation_failed, "类型应为 law、article 或 case", "kind");
  if (!query.from.empty() && !valid_date(query.from))
    throw ApiError(AppError::validation_failed, "起始日期应为 YYYY-MM-DD", "from");
  if (!query.to.empty() && !valid_date(query.to))
    throw ApiError(AppError::validation_failed, "截止日期应为 YYYY-MM-DD", "to");
  if (query.page < 1 || query.page > 1000)
    throw ApiError(AppError::validation_failed, "页码超出范围", "page");
  if (query.size < 1 || query.size > max_page_size)
    throw ApiError(AppError::validation_failed, "每页条数应在 1 到 50 之间", "size");
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

Results run(db::Connection& conn, Cache& cache, Query const& query) {
  validate(query);
  auto parsed = parse_query(query.q);
  Results results;
  results.terms = parsed.terms;
  auto const view = cache.refresh(conn);
  store::Filter filter{query.kind, 0, query.from, query.to};
  if (!query.law.empty()) filter.law_id = resolve_law(*view.laws, query.law);
  // A query naming a law searches inside it; the name itself is then no longer a word to find.
  if (auto const* law = named_law(*view.normalized, normalize(query.q)); law && filter.law_id == 0) {
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
    std::int64_t rarest = view.documents;
    for (auto const& alternative : parsed.groups[g].alternatives) {
      auto const frequency = cache.frequency(conn, alternative);
      idf[alternative] = idf_of(view.documents, frequency);
      if (retrievable(alternative)) rarest = std::min(rarest, frequency);
    }
    rarity.emplace_back(rarest, g);
  }
  std::sort(rarity.begin(), rarity.end());

  auto group_expression = [&](QueryGroup const& group) {
    std::vector<store::Alternative> out;
    for (std::size_t a = 0; a < group.alternatives.size(); ++a)
      if (retrievable(group.alternatives[a]))
        out.push_back(alternative_of(group.alternatives[a], group.parts[a]));
    return out;
  };
  // First the documents with every group, then those with the rarer groups, up to the cap.
  std::vector<std::int64_t> ids;
  auto add = [&](store::Expression const& expression) {
    if (expression.empty() || static_cast<std::int64_t>(ids.size()) >= candidate_cap) return;
    for (auto const id : store::matching_ids(conn, expression, filter,
                                             candidate_cap - static_cast<std::int64_t>(ids.size())))
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  store::Expression all;
  for (auto const& group : parsed.groups)
    if (auto expression = group_expression(group); !expression.empty()) all.push_back(expression);
  if (all.size() > 1) add(all);
  if (ids.size() < enough_with_all) {
    for (auto const& [frequency, g] : rarity)
      if (auto expression = group_expression(parsed.groups[g]); !expression.empty()) add({expression});
  }

  auto candidates = store::load(conn, ids);
  std::vector<std::pair<double, std::size_t>> ranked;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (auto const s = score(candidates[i], parsed, idf); s > 0) ranked.emplace_back(s, i);
  std::sort(ranked.begin(), ranked.end(), [&](auto const& a, auto const& b) {
    if (a.first != b.first) return a.first > b.first;
    return candidates[a.second].id < candidates[b.second].id;
  });
  results.total = static_cast<std::int64_t>(ranked.size());
  auto const first = static_cast<std::size_t>((query.page - 1) * query.size);
  for (auto i = first; i < ranked.size() && i < first + static_cast<std::size_t>(query.size); ++i) {
    auto& c = candidates[ranked[i].second];
    Hit hit;
    hit.snippet = snippet(c.body, parsed);
    hit.score = std::round(ranked[i].first * 1000.0) / 1000.0;
    hit.document = {c.kind, c.ref_id, c.law_id, c.title, c.heading, c.section, c.body, c.date, c.url};
    results.items.push_back(std::move(hit));
  }
  return results;
}

namespace {

http::Response search_route(db::Database& db, Cache& cache, http::Request& request) {
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
  query.page = http::query_int(request, "page").value_or(1);
  query.size = http::query_int(request, "size").value_or(10);
  auto const results = db.read([&](db::Connection& conn) { return run(conn, cache, query); });
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
  auto cache = make_cache();
  router.add(
      http::Method::get, "/api/v1/search",
      [&db, cache](http::Request& request) { return search_route(db, *cache, request); },
      {.access = http::Access::open});
}

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
  };
}

}  // namespace pufa::search
