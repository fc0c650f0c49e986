// Search at scale and its baselines, on a database where `pufa import laws` has run:
//
//   search_bench grow DB_URL FACTOR
//     adds FACTOR-1 copies of every law article in search_documents (law title suffixed by the
//     copy number, clauses lightly shuffled with a fixed seed), so 8,007 articles become
//     FACTOR × 8,007. Copies reuse the original's words (the same words in another order).
//   search_bench inprocess DB_URL QUERIES_TSV [SECONDS [QUERIES]]
//     Pufa's search without HTTP, one thread: index load time and memory, mean/p95 per query
//     (QUERIES: a fixed number instead of SECONDS, for `perf stat -e instructions:u`).
//   search_bench baseline DB_URL QUERIES_TSV [SECONDS]
//     the comparison the issue describes, on the same texts: SQLite FTS5 with the trigram
//     tokenizer, or PostgreSQL pg_trgm (GIN gin_trgm_ops, LIKE), each query word as a phrase,
//     all words required; prints recall@1/@10 against QUERIES_TSV and the p50/p95 latency of 16
//     threads querying in a loop for SECONDS (default 10).
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/areas.hpp"
#include "base/sequence.hpp"
#include "db/migrate.hpp"
#include "search/search.hpp"
#include "search/segment.hpp"
#include "search/store.hpp"

namespace {

using namespace pufa;
using Clock = std::chrono::steady_clock;

struct Expected {
  std::string law, label;
};
struct BenchQuery {
  std::string text;
  std::vector<Expected> expected;
};

std::vector<BenchQuery> load_queries(std::string const& path) {
  std::ifstream in(path);
  std::vector<BenchQuery> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto const tab = line.find('\t');
    BenchQuery query{line.substr(0, tab), {}};
    std::stringstream rest(line.substr(tab + 1));
    for (std::string item; std::getline(rest, item, '|');) {
      std::stringstream parts(item);
      Expected expected;
      parts >> expected.law >> expected.label;
      query.expected.push_back(expected);
    }
    out.push_back(std::move(query));
  }
  return out;
}

std::vector<std::string> split_clauses(std::string const& body) {
  std::vector<std::string> out;
  std::string const comma = "，";
  std::size_t at = 0;
  while (true) {
    auto const next = body.find(comma, at);
    if (next == std::string::npos) {
      out.push_back(body.substr(at));
      return out;
    }
    out.push_back(body.substr(at, next - at));
    at = next + comma.size();
  }
}

int grow(std::string const& url, int factor) {
  auto db = db::Database::open(url);
  db::migrate(*db, app::all_migrations());
  struct Row {
    search::Document document;
    std::string words;
  };
  auto const originals = db->read([](db::Connection& conn) {
    auto rows = conn.query(
        "SELECT ref_id, law_id, title, heading, section, body, date, url, words FROM search_documents"
        " WHERE kind = 'law' AND ref_id < 1000000000 ORDER BY id");
    std::vector<Row> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto row = rows.row(i);
      search::Document d{"law", row.i64("ref_id"), row.i64("law_id"), row.str("title"), row.str("heading"),
                         row.str("section"), row.str("body"), row.str("date"), row.str("url")};
      out.push_back({std::move(d), row.str("words")});
    }
    return out;
  });
  auto const& rows = originals;
  base::Sequence sequence(20261130);
  auto const started = Clock::now();
  for (int copy = 1; copy < factor; ++copy) {
    db->write([&](db::Connection& conn) {
      for (auto const& row : rows) {
        auto document = row.document;
        document.ref_id = 1'000'000'000LL + copy * 1'000'000LL + row.document.ref_id;
        document.law_id = row.document.law_id + copy * 100'000LL;
        document.title += "（汇编" + std::to_string(copy) + "）";
        auto clauses = split_clauses(document.body);
        if (clauses.size() > 2) {
          auto const a = static_cast<std::size_t>(sequence.below(static_cast<int>(clauses.size())));
          auto const b = static_cast<std::size_t>(sequence.below(static_cast<int>(clauses.size())));
          std::swap(clauses[a], clauses[b]);
        }
        document.body.clear();
        for (std::size_t i = 0; i < clauses.size(); ++i) document.body += (i ? "，" : "") + clauses[i];
        search::store::upsert(conn, document, row.words);
      }
    });
    if (copy % 10 == 0)
      std::fprintf(stderr, "copy %d/%d, %.0f s\n", copy, factor - 1,
                   std::chrono::duration<double>(Clock::now() - started).count());
  }
  auto const total = db->read([](db::Connection& conn) { return search::store::documents(conn); });
  std::printf("%lld documents in %.1f s\n", static_cast<long long>(total),
              std::chrono::duration<double>(Clock::now() - started).count());
  return 0;
}

std::string short_title(std::string title) {
  constexpr std::string_view prefix = "中华人民共和国";
  if (title.starts_with(prefix) && title.size() > prefix.size()) title.erase(0, prefix.size());
  return title;
}

// LIKE pattern for a word (the words hold letters, digits and CJK only).
std::string like_of(std::string const& word) { return "%" + word + "%"; }

struct Baseline {
  bool fts5;
  std::vector<db::Param> params(std::vector<std::string> const& words) const {
    if (fts5) {
      std::string match;
      for (auto const& word : words) match += (match.empty() ? "" : " AND ") + ("\"" + word + "\"");
      return {match};
    }
    std::vector<db::Param> out;
    for (std::size_t i = 0; i < 4; ++i) out.emplace_back(i < words.size() ? like_of(words[i]) : "%");
    return out;
  }
  std::string sql() const {
    if (fts5)
      return "SELECT d.title, d.heading FROM baseline_trigram JOIN search_documents d"
             " ON d.id = baseline_trigram.rowid WHERE baseline_trigram MATCH ? ORDER BY rank LIMIT 10";
    return "SELECT title, heading FROM search_documents WHERE body LIKE ? AND body LIKE ?"
           " AND body LIKE ? AND body LIKE ? LIMIT 10";
  }
};

int baseline(std::string const& url, std::string const& queries_path, int seconds) {
  auto db = db::Database::open(url, {.readers = 16});
  Baseline const base{db->engine() == db::Engine::sqlite};
  auto const build_started = Clock::now();
  db->write([&](db::Connection& conn) {
    if (base.fts5) {
      if (!conn.scalar("SELECT 1 FROM sqlite_master WHERE name = 'baseline_trigram'")) {
        conn.exec_script(
            "CREATE VIRTUAL TABLE baseline_trigram USING fts5 (body, tokenize = 'trigram');"
            "INSERT INTO baseline_trigram (rowid, body) SELECT id, body FROM search_documents;");
      }
    } else {
      conn.exec_script(
          "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
          "CREATE INDEX IF NOT EXISTS baseline_trgm ON search_documents USING gin (body gin_trgm_ops);");
    }
  });
  std::printf("%s baseline index ready in %.1f s\n", base.fts5 ? "FTS5 trigram" : "pg_trgm",
              std::chrono::duration<double>(Clock::now() - build_started).count());
  auto const queries = load_queries(queries_path);
  std::vector<std::vector<std::string>> words;
  for (auto const& query : queries) words.push_back(search::parse_query(query.text).terms);
  int top1 = 0, top10 = 0;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    auto rows = db->read([&](db::Connection& conn) {
      auto params = base.params(words[q]);
      return conn.query(base.sql(), std::span<db::Param const>(params));
    });
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto const law = short_title(rows.row(i).str_at(0)), label = rows.row(i).str_at(1);
      bool const hit = std::any_of(queries[q].expected.begin(), queries[q].expected.end(),
                                   [&](Expected const& e) { return e.law == law && e.label == label; });
      if (hit) {
        top10 += 1;
        top1 += i == 0;
        break;
      }
    }
  }
  auto const n = static_cast<double>(queries.size());
  std::printf("%zu queries: recall@1 %.3f, recall@10 %.3f\n", queries.size(), top1 / n, top10 / n);

  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      std::vector<double> mine;
      for (std::size_t i = static_cast<std::size_t>(t); !stop; ++i) {
        auto const& w = words[i % words.size()];
        auto const started = Clock::now();
        db->read([&](db::Connection& conn) {
          auto params = base.params(w);
          conn.query(base.sql(), std::span<db::Param const>(params));
        });
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop = true;
  for (auto& thread : threads) thread.join();
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double p) { return latencies[static_cast<std::size_t>(p * (latencies.size() - 1))]; };
  std::printf("16 threads, %d s: %zu queries, %.0f/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n", seconds,
              latencies.size(), latencies.size() / static_cast<double>(seconds), at(0.5), at(0.95),
              at(0.99));
  // Dropped again: the baseline must not slow the corpus growing or stay in the database.
  db->write([&](db::Connection& conn) {
    conn.exec_script(base.fts5 ? "DROP TABLE baseline_trigram" : "DROP INDEX baseline_trgm");
  });
  return 0;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto const seconds = [](timeval const& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long resident_mib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6)) / 1024;
  return 0;
}

// Pufa's own search in process, one thread: how long the in-memory index takes to load and how
// much memory it holds, then the mean and p95 time of search::run over the query list.
int inprocess(std::string const& url, std::string const& queries_path, int seconds,
              std::size_t count) {
  auto db = db::Database::open(url);
  auto const queries = load_queries(queries_path);
  auto index = search::make_index();
  auto const before = resident_mib();
  auto const load_started = Clock::now();
  db->read([&](db::Connection& conn) { return search::run(conn, *index, {.q = "法"}); });
  std::printf("index of %lld documents loaded in %.2f s, %ld MiB resident\n",
              static_cast<long long>(db->read([](db::Connection& conn) {
                return search::store::documents(conn);
              })),
              std::chrono::duration<double>(Clock::now() - load_started).count(),
              resident_mib() - before);
  std::vector<double> latencies;
  auto const cpu_started = cpu_seconds();
  auto const deadline = Clock::now() + std::chrono::seconds(seconds);
  std::int64_t ranked = 0;
  for (std::size_t i = 0; count ? i < count : Clock::now() < deadline; ++i) {
    auto const started = Clock::now();
    ranked += db->read([&](db::Connection& conn) {
      return search::run(conn, *index, {.q = queries[i % queries.size()].text});
    }).total;
    latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
  }
  double const cpu_per_query =
      (cpu_seconds() - cpu_started) * 1000.0 / static_cast<double>(latencies.size());
  double const mean = std::accumulate(latencies.begin(), latencies.end(), 0.0) /
                      static_cast<double>(latencies.size());
  std::sort(latencies.begin(), latencies.end());
  std::printf(
      "1 thread, %d s: %zu queries, %.0f ranked each, CPU %.3f ms per query; mean %.3f ms,"
      " p50 %.3f ms, p95 %.3f ms, max %.3f ms\n",
      seconds, latencies.size(), static_cast<double>(ranked) / static_cast<double>(latencies.size()),
      cpu_per_query, mean, latencies[latencies.size() / 2],
              latencies[static_cast<std::size_t>(0.95 * static_cast<double>(latencies.size() - 1))],
              latencies.back());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "grow") return grow(args[1], std::stoi(args[2]));
    if (args.size() >= 3 && args[0] == "baseline")
      return baseline(args[1], args[2], args.size() > 3 ? std::stoi(args[3]) : 10);
    if (args.size() >= 3 && args[0] == "inprocess")
      return inprocess(args[1], args[2], args.size() > 3 ? std::stoi(args[3]) : 5,
                       args.size() > 4 ? std::stoul(args[4]) : 0);
  } catch (std::exception const& error) {
    std::fprintf(stderr, "search_bench: %s\n", error.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: search_bench grow DB_URL FACTOR | baseline DB_URL QUERIES_TSV [SECONDS]"
               " | inprocess DB_URL QUERIES_TSV [SECONDS [QUERIES]]\n");
  return 2;
}
