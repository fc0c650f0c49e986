#include "search/rank.hpp"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_set>

namespace pufa::search {

namespace {

// The text with ASCII letters lowered (queries are case-folded); no copy when there are none.
std::string_view ascii_lower(std::string const& text, std::string& storage) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return text;
  storage = text;
  for (auto& c : storage)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return storage;
}

// memmem: a two-way search, much faster than std::string::find on UTF-8 Chinese, whose lead
// bytes repeat on every character.
std::size_t find_from(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.empty() || from > haystack.size()) return std::string_view::npos;
  // Titles and headings are short: a plain scan beats memmem's set-up there.
  if (haystack.size() - from < 64) return haystack.find(needle, from);
  auto const* found = static_cast<char const*>(
      memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size()));
  return found ? static_cast<std::size_t>(found - haystack.data()) : std::string_view::npos;
}

std::vector<std::size_t> find_all(std::string_view haystack, std::string_view needle) {
  std::vector<std::size_t> out;
  for (auto at = find_from(haystack, needle, 0); at != std::string_view::npos;
       at = find_from(haystack, needle, at + needle.size()))
    out.push_back(at);
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return find_from(haystack, needle, 0) != std::string_view::npos;
}

// `word` is one of the space-separated words.
bool has_word(std::string_view words, std::string_view word) {
  for (auto at = find_from(words, word, 0); at != std::string_view::npos;
       at = find_from(words, word, at + 1)) {
    auto const end = at + word.size();
    if ((at == 0 || words[at - 1] == ' ') && (end == words.size() || words[end] == ' ')) return true;
  }
  return false;
}

enum class Definition { none, weak, strong };

// Whether one of the occurrences of `word` at `positions` reads as its definition.
Definition definition_at(std::string_view body, std::vector<std::size_t> const& positions,
                         std::string_view word) {
  auto result = Definition::none;
  for (auto const at : positions) {
    if (at + word.size() > body.size()) continue;
    auto const before = body.substr(0, at), after = body.substr(at + word.size());
    for (std::string_view tail : {"是指", "”是指", "，是指", "”，是指", ",是指", "”, 是指"})
      if (after.starts_with(tail)) return Definition::strong;
    if (before.ends_with("所称") || before.ends_with("所称“")) return Definition::strong;
    if (before.ends_with("称") || after.starts_with("，指") || after.starts_with("为"))
      result = Definition::weak;
  }
  return result;
}

struct Span {
  std::size_t at, length, group;
};

// The smallest byte window holding one span of each group that has spans.
std::size_t smallest_window(std::vector<Span> spans, std::size_t groups) {
  std::sort(spans.begin(), spans.end(), [](Span const& a, Span const& b) { return a.at < b.at; });
  std::size_t highest = 0;
  for (auto const& span : spans) highest = std::max(highest, span.group);
  std::vector<int> inside(highest + 1, 0);  // spans of each group in the window
  std::size_t present = 0;                  // groups with at least one
  std::size_t best = std::string::npos, left = 0;
  for (std::size_t right = 0; right < spans.size(); ++right) {
    if (inside[spans[right].group]++ == 0) ++present;
    while (present == groups) {
      auto const end = spans[right].at + spans[right].length;
      best = std::min(best, end - spans[left].at);
      if (--inside[spans[left].group] == 0) --present;
      ++left;
    }
  }
  return best;
}

void escape_into(std::string& out, std::string_view text) {
  for (auto const c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
}

}  // namespace

double idf_of(std::int64_t documents, std::int64_t matching) {
  auto const n = static_cast<double>(std::max<std::int64_t>(documents, 1));
  auto const m = static_cast<double>(std::clamp<std::int64_t>(matching, 0, documents));
  return std::log(1.0 + (n - m + 0.5) / (m + 0.5));
}

bool defines(std::string_view body, std::string const& word) {
  return definition_at(body, find_all(body, word), word) == Definition::strong;
}

double score(Candidate const& candidate, ParsedQuery const& query, Idf const& idf,
             std::vector<bool> const* absent) {
  if (query.groups.empty()) return 0;
  std::string storage[4];
  auto const lower = [&](std::string const& text, std::string& into) {
    return candidate.lowercase ? std::string_view(text) : ascii_lower(text, into);
  };
  auto const body = lower(candidate.body, storage[0]);
  auto const title = lower(candidate.title, storage[1]);
  auto const section = lower(candidate.section, storage[2]);
  auto const heading = lower(candidate.heading, storage[3]);
  std::string_view const words(candidate.words);
  double total = 0, idf_total = 0, word_length = 0;
  std::size_t matched = 0;
  std::vector<Span> spans;
  std::size_t flat = 0;  // the alternative's number across groups (for `absent`)
  for (std::size_t g = 0; g < query.groups.size(); ++g) {
    auto const& group = query.groups[g];
    double best = 0, group_idf = 0;
    std::vector<std::size_t> best_positions;
    std::size_t best_length = 0;
    for (std::size_t a = 0; a < group.alternatives.size(); ++a, ++flat) {
      auto const& alternative = group.alternatives[a];
      bool const lacks = absent && flat < absent->size() && (*absent)[flat];
      auto const found = idf.find(alternative);
      double const weight = found == idf.end() ? 8.0 : found->second;
      group_idf = std::max(group_idf, weight);
      double const own = alternative == group.word ? 1.0 : 0.85;
      auto positions = lacks ? std::vector<std::size_t>{} : find_all(body, alternative);
      auto const definition = definition_at(body, positions, alternative);
      auto length = alternative.size();
      double s = lacks ? 0.0 : has_word(words, alternative) ? 1.0 : positions.empty() ? 0.0 : 0.7;
      if (s == 0 && a < group.parts.size() && !group.parts[a].empty()) {
        // Said with words in between (夫妻的共同财产): all parts, close together.
        std::vector<Span> part_spans;
        for (std::size_t p = 0; p < group.parts[a].size(); ++p)
          for (auto const at : find_all(body, group.parts[a][p]))
            part_spans.push_back({at, group.parts[a][p].size(), p});
        auto const window = smallest_window(part_spans, group.parts[a].size());
        if (window != std::string::npos) {
          s = window <= alternative.size() * 2 ? 0.6 : 0.35;
          for (auto const& span : part_spans)
            if (span.group == 0) positions.push_back(span.at);
          length = group.parts[a][0].size();
        }
      }
      if (s > 0 && positions.size() > 1)
        s += 0.25 * std::log2(static_cast<double>(std::min<std::size_t>(positions.size(), 8)));
      if (contains(title, alternative)) s += 0.8;
      if (contains(section, alternative)) s += 0.5;
      if (contains(heading, alternative)) s += 0.5;
      switch (definition) {
        case Definition::strong: s += 1.5; break;
        case Definition::weak: s += 0.3; break;
        case Definition::none: break;
      }
      s *= weight * own;
      if (s > best) {
        best = s;
        best_positions = std::move(positions);
        best_length = length;
      }
    }
    idf_total += group_idf;
    if (best <= 0) continue;
    ++matched;
    total += best;
    word_length += static_cast<double>(best_length);
    for (auto const at : best_positions) spans.push_back({at, best_length, g});
  }
  if (matched == 0) return 0;
  double const coverage = static_cast<double>(matched) / static_cast<double>(query.groups.size());
  double result = total * (0.25 + 0.75 * coverage * coverage);
  std::vector<bool> in_body(query.groups.size(), false);
  for (auto const& span : spans) in_body[span.group] = true;
  auto const groups_in_body = static_cast<std::size_t>(std::count(in_body.begin(), in_body.end(), true));
  if (groups_in_body >= 2) {
    auto const window = smallest_window(spans, groups_in_body);
    double const closeness = word_length / std::max(static_cast<double>(window), word_length);
    result += 1.5 * closeness * coverage * (idf_total / static_cast<double>(query.groups.size()));
  }
  double const characters = static_cast<double>(body.size()) / 3.0;
  return result / (1.0 + 0.05 * std::log1p(characters / 150.0));
}

std::string snippet(std::string const& raw, ParsedQuery const& query, std::size_t width) {
  std::string storage;
  auto const body = ascii_lower(raw, storage);
  std::vector<std::size_t> starts;  // byte offset of each code point
  for (std::size_t i = 0; i < body.size(); ++i)
    if ((static_cast<unsigned char>(body[i]) & 0xC0) != 0x80) starts.push_back(i);
  auto const n = starts.size();
  auto cp_of = [&](std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) -
                                    starts.begin());
  };
  std::vector<Span> spans;  // in code points
  for (std::size_t g = 0; g < query.groups.size(); ++g) {
    auto const& group = query.groups[g];
    std::vector<std::string> needles = group.alternatives;
    for (auto const& parts : group.parts) needles.insert(needles.end(), parts.begin(), parts.end());
    for (auto const& needle : needles) {
      for (auto const at : find_all(body, needle)) {
        auto const from = cp_of(at);
        spans.push_back({from, cp_of(at + needle.size()) - from, g});
      }
    }
  }
  std::size_t begin = 0;
  if (!spans.empty() && n > width) {
    std::size_t best_groups = 0, best_count = 0;
    for (auto const& anchor : spans) {
      auto const start = anchor.at > 10 ? std::min(anchor.at - 10, n - width) : 0;
      std::unordered_set<std::size_t> groups;
      std::size_t count = 0;
      for (auto const& span : spans) {
        if (span.at >= start && span.at + span.length <= start + width) {
          groups.insert(span.group);
          ++count;
        }
      }
      if (groups.size() > best_groups || (groups.size() == best_groups && count > best_count) ||
          (groups.size() == best_groups && count == best_count && start < begin)) {
        best_groups = groups.size();
        best_count = count;
        begin = start;
      }
    }
  }
  auto const end = std::min(n, begin + width);
  std::vector<bool> marked(n, false);
  for (auto const& span : spans)
    for (auto i = span.at; i < span.at + span.length && i < n; ++i) marked[i] = true;
  auto byte_of = [&](std::size_t cp) { return cp < n ? starts[cp] : raw.size(); };
  std::string out;
  if (begin > 0) out += "…";
  for (auto i = begin; i < end;) {
    auto j = i;
    while (j < end && marked[j] == marked[i]) ++j;
    std::string_view piece(raw.data() + byte_of(i), byte_of(j) - byte_of(i));
    if (marked[i]) out += "<mark>";
    escape_into(out, piece);
    if (marked[i]) out += "</mark>";
    i = j;
  }
  if (end < n) out += "…";
  return out;
}

}  // namespace pufa::search
