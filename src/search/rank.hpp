// Ranking and snippets over candidates the index returned: pure functions, no I/O, so that both
// engines rank the same candidates the same way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/segment.hpp"

namespace pufa::search {

struct Candidate {
  std::int64_t id = 0;  // search_documents.id
  std::string kind;
  std::int64_t ref_id = 0, law_id = 0;
  std::string title, heading, section, body, date, url;
  std::string words;  // the body's distinct words, space-separated (exact-word matches)
  // True when title, heading, section and body hold no ASCII capitals (the index checks once;
  // otherwise score() lowers them for every query).
  bool lowercase = false;
};

// Inverse document frequency of each alternative of the query (missing → treated as rare).
using Idf = std::unordered_map<std::string, double>;
double idf_of(std::int64_t documents, std::int64_t matching);

// The score of one candidate: the IDF of each matched group (an exact word token counts more
// than the same characters found inside other words), title/section/heading boosts, a boost
// where the text defines the word ("X是指", "本法所称X"), times coverage (groups matched), plus
// proximity (the smallest window holding one match of each matched group), over a mild length
// norm. 0 when nothing matches.
// `absent` (optional; one flag per alternative of the query, group by group): alternatives the
// index knows the body does not hold, whose scans of the body are skipped.
double score(Candidate const& candidate, ParsedQuery const& query, Idf const& idf,
             std::vector<bool> const* absent = nullptr);

// About `width` characters of the body around its densest matches, HTML-escaped, matches in
// <mark>…</mark>, "…" where text was cut.
std::string snippet(std::string const& body, ParsedQuery const& query, std::size_t width = 80);

// True when `body` defines `word`: "word是指", "“word”，是指", "本法所称word", "所称word".
bool defines(std::string_view body, std::string const& word);

}  // namespace pufa::search
