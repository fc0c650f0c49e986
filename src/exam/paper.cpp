#include "exam/paper.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "base/random.hpp"
#include "text/utf8.hpp"

namespace pufa::exam {

namespace {

using text::append_utf8;
using text::next_code_point;

bool ignorable(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0x80);
  return cp == 0xA0 || cp == 0xB7 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFEFF;
}

char32_t fold(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return U'0' + (cp - 0xFF10);
  if (cp >= 0xFF21 && cp <= 0xFF3A) return U'a' + (cp - 0xFF21);
  if (cp >= 0xFF41 && cp <= 0xFF5A) return U'a' + (cp - 0xFF41);
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  return cp;
}

constexpr std::size_t max_key_bytes = 1000;

}  // namespace

std::string stem_key(std::string_view stem) {
  std::string out;
  for (std::size_t at = 0; at < stem.size();) {
    auto const cp = next_code_point(stem, at);
    if (!ignorable(cp)) append_utf8(out, fold(cp));
  }
  if (out.size() > max_key_bytes) {
    auto const hash = base::sha256_hex(out);
    std::size_t cut = max_key_bytes - 100;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "#" + hash;
  }
  return out;
}

std::optional<std::string> normalise_letters(std::string_view text) {
  std::set<char> letters;
  for (std::size_t at = 0; at < text.size();) {
    auto const cp = next_code_point(text, at);
    if (cp == ' ' || cp == ',' || cp == ';' || cp == 0x3001 || cp == 0xFF0C || cp == 0xFF1B || cp == '\t') continue;
    auto const folded = fold(cp);
    if (folded < 'a' || folded > 'z') return std::nullopt;
    letters.insert(static_cast<char>(folded - 32));
  }
  return std::string(letters.begin(), letters.end());
}

std::optional<std::string> keys_of_shown(std::string_view order, std::string_view shown) {
  std::string out;
  for (char letter : shown) {
    auto const index = static_cast<std::size_t>(letter - 'A');
    if (letter < 'A' || index >= order.size()) return std::nullopt;
    out += order[index];
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string shown_of_keys(std::string_view order, std::string_view keys) {
  std::string out;
  for (char key : keys) {
    if (auto at = order.find(key); at != std::string_view::npos) out += static_cast<char>('A' + at);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool answer_correct(std::string_view correct, std::string_view given) {
  return !given.empty() && correct == given;
}

std::string grade_of(int score, int pass_mark, std::vector<GradeBand> const& bands) {
  for (auto const& band : bands) {
    if (score >= band.min) return band.label;
  }
  if (bands.empty() && score >= pass_mark) return "合格";
  return "不合格";
}

std::string encode_paper(std::vector<PaperItem> const& paper) {
  std::string out;
  for (auto const& item : paper) {
    if (!out.empty()) out += ',';
    out += std::to_string(item.question_id) + ':' + item.order + ':' + std::to_string(item.score);
  }
  return out;
}

std::optional<std::vector<PaperItem>> decode_paper(std::string_view text) {
  std::vector<PaperItem> out;
  while (!text.empty()) {
    auto const comma = text.find(',');
    auto part = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    auto const first = part.find(':');
    auto const second = part.find(':', first == std::string_view::npos ? 0 : first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
    PaperItem item;
    item.order = std::string(part.substr(first + 1, second - first - 1));
    auto id = part.substr(0, first);
    auto score = part.substr(second + 1);
    if (std::from_chars(id.data(), id.data() + id.size(), item.question_id).ec != std::errc{}) return std::nullopt;
    if (std::from_chars(score.data(), score.data() + score.size(), item.score).ec != std::errc{}) return std::nullopt;
    out.push_back(std::move(item));
  }
  return out;
}

std::uint64_t Rng::next() {
  state_ += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::size_t Rng::below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

std::optional<std::size_t> unfillable_rule(RuleSet const& set) {
  for (std::size_t i = 0; i < set.rules.size(); ++i) {
    auto const& pool = set.pools[i];
    std::size_t taken = 0;
    for (std::size_t j = 0; j < i; ++j) {
      std::vector<std::int64_t> common;
      std::set_intersection(pool.begin(), pool.end(), set.pools[j].begin(), set.pools[j].end(),
                            std::back_inserter(common));
      taken += std::min<std::size_t>(common.size(), static_cast<std::size_t>(set.rules[j].count));
    }
    if (pool.size() < taken + static_cast<std::size_t>(set.rules[i].count)) return i;
  }
  return std::nullopt;
}

std::vector<std::int64_t> pool_of(Rule const& rule, std::vector<Question const*> const& questions) {
  std::vector<std::int64_t> out;
  for (auto const* q : questions) {
    if (q->type != rule.type) continue;
    if (rule.difficulty != 0 && q->difficulty != rule.difficulty) continue;
    if (!rule.tag.empty() && std::find(q->tags.begin(), q->tags.end(), rule.tag) == q->tags.end()) continue;
    out.push_back(q->id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

int total_score(std::vector<Rule> const& rules) {
  int total = 0;
  for (auto const& rule : rules) total += rule.count * rule.score;
  return total;
}

std::vector<PaperItem> draw_paper(PaperPlan const& plan, std::string const& rank, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<PaperItem> paper;
  if (plan.fixed) {
    for (auto id : plan.fixed_ids) paper.push_back({id, "", plan.score_each});
  } else {
    auto found = plan.by_rank.find(rank);
    auto const& set = found == plan.by_rank.end() ? plan.defaults : found->second;
    std::set<std::int64_t> used;
    for (std::size_t r = 0; r < set.rules.size(); ++r) {
      std::vector<std::int64_t> candidates;
      candidates.reserve(set.pools[r].size());
      for (auto id : set.pools[r]) {
        if (!used.contains(id)) candidates.push_back(id);
      }
      auto const want = std::min<std::size_t>(candidates.size(), static_cast<std::size_t>(set.rules[r].count));
      for (std::size_t i = 0; i < want; ++i) {  // a partial Fisher–Yates shuffle
        std::swap(candidates[i], candidates[i + rng.below(candidates.size() - i)]);
        used.insert(candidates[i]);
        paper.push_back({candidates[i], "", set.rules[r].score});
      }
    }
  }
  if (plan.shuffle_questions) {
    for (std::size_t i = paper.size(); i > 1; --i) std::swap(paper[i - 1], paper[rng.below(i)]);
  }
  for (auto& item : paper) {
    auto const& question = plan.questions.at(item.question_id);
    for (auto const& option : question.options) item.order += option.key;
    if (plan.shuffle_options && question.type != "judge") {
      for (std::size_t i = item.order.size(); i > 1; --i) std::swap(item.order[i - 1], item.order[rng.below(i)]);
    }
  }
  return paper;
}

}  // namespace pufa::exam
