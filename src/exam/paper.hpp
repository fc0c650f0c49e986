// The pure parts of an exam: stem normalisation, answers, grading, grade bands, and the
// deterministic paper draw (a seed and the exam's pools give the same paper on every server).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "exam/model.hpp"

namespace pufa::exam {

// The duplicate key of a stem: without spaces and punctuation, ASCII lower-cased, full-width
// letters and digits folded; long stems end in a hash so the key fits a b-tree index.
std::string stem_key(std::string_view stem);

// "A,c d" / "ACD" / ["A","C"] joined → sorted unique upper-case letters "ACD"; nullopt when a
// character is not a letter A–Z (separators , 、 space and ; are allowed).
std::optional<std::string> normalise_letters(std::string_view text);

// All or nothing: the given letters equal the correct ones.
bool answer_correct(std::string_view correct, std::string_view given);

// The first band whose minimum the score reaches (bands highest first); without bands,
// 合格 / 不合格 by the pass mark.
std::string grade_of(int score, int pass_mark, std::vector<GradeBand> const& bands);

// Shown letters and stored keys. An examinee sees the options of a paper item relabelled A, B, C …
// in the order shown (`order` holds the stored keys in that order, "CABD"); answers are stored
// under the question's own keys, so grading and the bank never see the shuffle. Both return
// nullopt for a letter the item does not have.
std::optional<std::string> keys_of_shown(std::string_view order, std::string_view shown);  // "AB" → "CA", sorted
std::string shown_of_keys(std::string_view order, std::string_view keys);                 // "AC" → "BC", sorted

// A paper as stored: "12:CABD:2,40:AB:2" (question id, option order, score).
std::string encode_paper(std::vector<PaperItem> const& paper);
std::optional<std::vector<PaperItem>> decode_paper(std::string_view text);

// A splitmix64 stream: the same seed gives the same sequence everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  std::size_t below(std::size_t n);  // 0 .. n-1

 private:
  std::uint64_t state_;
};

// The candidate questions of each rule, in id order.
struct RuleSet {
  std::vector<Rule> rules;
  std::vector<std::vector<std::int64_t>> pools;
};

// Everything a start needs, built once per exam version from the exam's frozen pool.
struct PaperPlan {
  bool fixed = false;
  std::vector<std::int64_t> fixed_ids;
  int score_each = 0;
  RuleSet defaults;
  std::map<std::string, RuleSet> by_rank;
  bool shuffle_questions = true;
  bool shuffle_options = true;
  std::unordered_map<std::int64_t, Question> questions;  // every question a paper may hold
};

// Index of the first rule the pools cannot be sure to fill when rules are drawn in order
// without repeating a question (a conservative bound: overlaps with earlier rules count as
// taken), or nullopt when every rule can be filled.
std::optional<std::size_t> unfillable_rule(RuleSet const& set);

// Candidates of `rule` among `questions` (id order).
std::vector<std::int64_t> pool_of(Rule const& rule, std::vector<Question const*> const& questions);

// The attempt's paper from its seed. Judge questions keep 正确/错误 in place.
std::vector<PaperItem> draw_paper(PaperPlan const& plan, std::string const& rank, std::uint64_t seed);

int total_score(std::vector<Rule> const& rules);

}  // namespace pufa::exam
