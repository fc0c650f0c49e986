// Chinese segmentation for the index and for queries: NFKC + case folding, ICU's word break
// iterator (its CJK dictionary), merged by forward maximum match against the legal-term
// dictionary, plus overlapping CJK bigrams for recall. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pufa::search {

// NFKC with case folding (full-width → half-width, 'A' → 'a'), as UTF-8.
std::string normalize(std::string_view text);

// The words of a text in order (after normalize): CJK words of any length, and runs of letters
// or digits. Punctuation and spaces are dropped.
std::vector<std::string> words(std::string_view text);
// The smaller words inside a word, by ICU and dictionary terms shorter than the word itself;
// empty when it does not split into two or more words of 2+ characters.
std::vector<std::string> parts_of(std::string_view word);

// What the index stores for a text: distinct words (single CJK characters left out) and
// distinct overlapping bigrams of each CJK run.
struct IndexTokens {
  std::vector<std::string> words;
  std::vector<std::string> bigrams;
};
IndexTokens index_tokens(std::string_view text);
// Two characters as one number: how the in-memory index keys a CJK bigram or any other token of
// exactly two non-ASCII characters (a two-character word and its bigram are one token).
constexpr std::uint64_t pair_key(char32_t a, char32_t b) {
  return (static_cast<std::uint64_t>(a) << 21) | static_cast<std::uint64_t>(b);
}
// index_tokens(text).bigrams as distinct sorted keys, without the word segmentation (no ICU break
// iterator): what an index rebuilt from stored bodies needs.
std::vector<std::uint64_t> index_bigram_keys(std::string_view text);
// The key of a token of exactly two non-ASCII characters; nullopt for any other token.
std::optional<std::uint64_t> pair_key_of(std::string_view token);

// The overlapping bigrams of a CJK word ("冷静期" → 冷静, 静期); empty for shorter words.
std::vector<std::string> bigrams_of(std::string_view word);

// Code points in valid UTF-8 (invalid bytes count one each).
std::size_t length_of(std::string_view text);
bool is_cjk_word(std::string_view word);

// A query: each group is one thing the user asked for, matched when any alternative matches.
struct QueryGroup {
  std::string word;                       // as segmented from the query
  std::vector<std::string> alternatives;  // word itself first unless a synonym replaced it
  // For each alternative of 4+ characters: its smaller words (夫妻共同财产 → 夫妻 共同 财产), which
  // match text that says it with words between (夫妻的共同财产); else empty.
  std::vector<std::vector<std::string>> parts;
};
struct ParsedQuery {
  std::vector<std::string> terms;  // the words the user typed, stop words dropped
  std::vector<QueryGroup> groups;
};
// Segments, drops stop words, merges runs of single CJK characters ("醉","驾" → 醉驾), expands
// synonyms, and drops the single characters left (盗窃罪 → 盗窃) unless nothing else remains.
ParsedQuery parse_query(std::string_view query);

}  // namespace pufa::search
