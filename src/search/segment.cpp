#include "search/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "search/dictionary.hpp"
#include "text/utf8.hpp"

namespace pufa::search {

namespace {

std::vector<std::string> split_spaces(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto const start = text.find_first_not_of(" \n\t", at);
    if (start == std::string_view::npos) break;
    auto end = text.find_first_of(" \n\t", start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    at = end;
  }
  return out;
}

bool is_han(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC); }

struct Lexicon {
  std::unordered_set<std::u32string> terms;
  std::size_t longest = 0;
  std::unordered_set<std::string> stops;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> synonyms;
};

std::u32string to_u32(std::string_view utf8) {
  auto const u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    auto const c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

Lexicon const& lexicon() {
  static Lexicon const built = [] {
    Lexicon lex;
    for (auto const& term : split_spaces(legal_terms())) {
      auto const u = to_u32(normalize(term));
      lex.longest = std::max(lex.longest, u.size());
      lex.terms.insert(u);
    }
    for (auto const& word : split_spaces(stop_words())) lex.stops.insert(normalize(word));
    for (auto const& [word, groups] : synonym_list()) {
      std::vector<std::vector<std::string>> parsed;
      for (auto const& group : split_spaces(groups)) {
        std::vector<std::string> alternatives;
        std::size_t at = 0;
        while (at <= group.size()) {
          auto const bar = std::min(group.find('|', at), group.size());
          if (bar > at) alternatives.push_back(normalize(group.substr(at, bar - at)));
          at = bar + 1;
        }
        parsed.push_back(std::move(alternatives));
      }
      lex.synonyms[normalize(word)] = std::move(parsed);
    }
    return lex;
  }();
  return built;
}

icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU word break iterator unavailable");
    return made;
  }();
  return *breaker;
}

struct Piece {
  std::string text;
  std::size_t start = 0, end = 0;  // code point offsets in the normalized text
  bool cjk = false;
  bool dictionary = false;  // from the legal-term dictionary
  bool run = false;         // single characters merged at query time
};

struct Segmented {
  std::vector<Piece> words;       // forward maximum match over ICU pieces
  std::vector<Piece> icu_pieces;  // ICU's own CJK words (index side: words alongside terms)
  std::vector<std::string> bigrams;
};

std::string utf8_of(std::u32string const& cps, std::size_t from, std::size_t to) {
  std::string out;
  for (auto i = from; i < to; ++i) text::append_utf8(out, static_cast<char32_t>(cps[i]));
  return out;
}

Segmented segment(std::string_view raw, bool want_bigrams, std::size_t longest_term = 64) {
  Segmented out;
  auto const normalized = normalize(raw);
  auto const u = icu::UnicodeString::fromUTF8(icu::StringPiece(normalized.data(), normalized.size()));
  std::u32string cps;
  std::vector<std::size_t> cp_at_unit(static_cast<std::size_t>(u.length()) + 1, 0);
  for (int32_t i = 0; i < u.length();) {
    auto const c = u.char32At(i);
    cp_at_unit[static_cast<std::size_t>(i)] = cps.size();
    if (U16_LENGTH(c) == 2) cp_at_unit[static_cast<std::size_t>(i) + 1] = cps.size();
    cps.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  cp_at_unit.back() = cps.size();
  std::vector<bool> boundary(cps.size() + 1, false);
  auto& breaker = word_breaker();
  breaker.setText(u);
  for (auto b = breaker.first(); b != icu::BreakIterator::DONE; b = breaker.next())
    boundary[cp_at_unit[static_cast<std::size_t>(b)]] = true;
  boundary.back() = true;

  auto const& lex = lexicon();
  auto const n = cps.size();
  std::size_t i = 0;
  while (i < n) {
    auto const c = static_cast<UChar32>(cps[i]);
    if (is_han(c)) {
      auto end = i;
      while (end < n && is_han(static_cast<UChar32>(cps[end]))) ++end;
      for (auto at = i; at < end;) {
        auto next = at + 1;
        while (next < end && !boundary[next]) ++next;
        std::size_t term = 0;
        for (auto len = std::min({lex.longest, end - at, longest_term}); len >= 2; --len) {
          if (lex.terms.contains(cps.substr(at, len))) {
            term = len;
            break;
          }
        }
        bool const use_term = term > 0 && term >= next - at;
        auto const stop = use_term ? at + term : next;
        out.words.push_back({utf8_of(cps, at, stop), at, stop, true, use_term});
        at = stop;
      }
      for (auto at = i; at < end;) {
        auto next = at + 1;
        while (next < end && !boundary[next]) ++next;
        if (next - at >= 2) out.icu_pieces.push_back({utf8_of(cps, at, next), at, next, true, false});
        at = next;
      }
      if (want_bigrams)
        for (auto at = i; at + 1 < end; ++at) out.bigrams.push_back(utf8_of(cps, at, at + 2));
      i = end;
    } else if (u_isalnum(c)) {
      auto end = i;
      while (end < n && u_isalnum(static_cast<UChar32>(cps[end])) &&
             !is_han(static_cast<UChar32>(cps[end])))
        ++end;
      out.words.push_back({utf8_of(cps, i, end), i, end, false, false});
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

template <class T>
void add_distinct(std::vector<std::string>& out, std::unordered_set<std::string>& seen, T&& word) {
  if (seen.insert(word).second) out.push_back(std::forward<T>(word));
}

}  // namespace

std::string normalize(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  auto const* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
  auto const source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  auto const folded = nfkc->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& piece : segment(text, false).words) out.push_back(std::move(piece.text));
  return out;
}

std::vector<std::string> parts_of(std::string_view word) {
  auto const length = length_of(word);
  if (length < 4 || !is_cjk_word(word)) return {};
  std::vector<std::string> out;
  auto const pieces = segment(word, false, length - 1).words;
  for (auto const& piece : pieces) {
    if (piece.end - piece.start == length) return {};
    if (piece.end - piece.start >= 2) out.push_back(piece.text);
  }
  if (out.size() < 2) return {};
  return out;
}

IndexTokens index_tokens(std::string_view text) {
  auto segmented = segment(text, true);
  IndexTokens out;
  std::unordered_set<std::string> seen;
  auto keep = [](Piece const& piece) { return !piece.cjk || piece.end - piece.start >= 2; };
  for (auto& piece : segmented.words)
    if (keep(piece)) add_distinct(out.words, seen, std::move(piece.text));
  for (auto& piece : segmented.icu_pieces) add_distinct(out.words, seen, std::move(piece.text));
  std::unordered_set<std::string> seen_bigrams;
  for (auto& bigram : segmented.bigrams) add_distinct(out.bigrams, seen_bigrams, std::move(bigram));
  return out;
}

std::vector<std::uint64_t> index_bigram_keys(std::string_view text) {
  auto const cps = to_u32(normalize(text));
  std::vector<std::uint64_t> out;
  bool previous_han = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    bool const han = is_han(static_cast<UChar32>(cps[i]));
    if (han && previous_han) out.push_back(pair_key(cps[i - 1], cps[i]));
    previous_han = han;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<std::uint64_t> pair_key_of(std::string_view token) {
  if (token.size() < 4 || token.size() > 8) return std::nullopt;
  auto const cps = to_u32(token);
  if (cps.size() != 2 || cps[0] < 0x80 || cps[1] < 0x80) return std::nullopt;
  return pair_key(cps[0], cps[1]);
}

std::vector<std::string> bigrams_of(std::string_view word) {
  auto const cps = to_u32(word);
  std::vector<std::string> out;
  if (cps.size() < 2) return out;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) out.push_back(utf8_of(cps, i, i + 2));
  return out;
}

std::size_t length_of(std::string_view text) {
  std::size_t n = 0;
  for (auto const c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

bool is_cjk_word(std::string_view word) {
  auto const cps = to_u32(word);
  return !cps.empty() && std::all_of(cps.begin(), cps.end(), [](char32_t c) {
    return is_han(static_cast<UChar32>(c));
  });
}

ParsedQuery parse_query(std::string_view query) {
  auto const& lex = lexicon();
  auto pieces = segment(query, false).words;
  // Stop words go first, so that "怎么" does not glue to its neighbour.
  std::vector<Piece> kept;
  for (auto& piece : pieces)
    if (!lex.stops.contains(piece.text)) kept.push_back(std::move(piece));
  // ICU leaves rare words as single characters (醉 驾); adjacent ones are one word to us.
  std::vector<Piece> merged;
  for (auto& piece : kept) {
    bool const single = piece.cjk && piece.end - piece.start == 1;
    if (single && !merged.empty()) {
      auto& last = merged.back();
      if (last.cjk && last.end == piece.start && (last.run || last.end - last.start == 1)) {
        last.text += piece.text;
        last.end = piece.end;
        last.run = true;
        continue;
      }
    }
    merged.push_back(std::move(piece));
  }
  // Single characters left over (盗窃罪 → 罪, 怎么写 → 写) match everything nearby: dropped,
  // unless the synonym list knows them or nothing else is left.
  bool const has_words = std::any_of(merged.begin(), merged.end(), [&](Piece const& piece) {
    return !piece.cjk || piece.end - piece.start >= 2;
  });
  ParsedQuery out;
  std::set<std::vector<std::string>> seen;
  auto add_group = [&](QueryGroup group) {
    if (group.alternatives.empty()) return;
    if (!seen.insert(group.alternatives).second) return;
    for (auto const& alternative : group.alternatives) group.parts.push_back(parts_of(alternative));
    out.groups.push_back(std::move(group));
  };
  for (auto const& piece : merged) {
    auto const synonym = lex.synonyms.find(piece.text);
    bool const single = piece.cjk && piece.end - piece.start == 1;
    if (single && has_words && synonym == lex.synonyms.end()) continue;
    if (std::find(out.terms.begin(), out.terms.end(), piece.text) == out.terms.end())
      out.terms.push_back(piece.text);
    if (synonym == lex.synonyms.end()) {
      add_group({piece.text, {piece.text}, {}});
      continue;
    }
    for (auto const& alternatives : synonym->second) add_group({piece.text, alternatives, {}});
  }
  return out;
}

}  // namespace pufa::search
