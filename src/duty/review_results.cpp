// 履职评议 scores: 群众测评 as the mean of the marks (满意 100, 基本满意 60, 不满意 0), 评审组 and 代表委员 as
// the mean of their sheets, the total as the weighted mean of the sources that have data, a grade by
// the round's bands, ranks by total (equal totals share a rank). One decimal throughout.
#include <algorithm>
#include <cmath>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "duty/review.hpp"

namespace pufa::duty {

namespace {

namespace json = boost::json;

double one_decimal(double value) { return std::round(value * 10.0) / 10.0; }

json::value optional_number(std::optional<double> const& v) { return v ? json::value(*v) : json::value(nullptr); }

}  // namespace

std::string grade_of(Bands const& bands, double score) {
  if (score >= bands.excellent) return "excellent";
  if (score >= bands.good) return "good";
  if (score >= bands.fair) return "fair";
  return "poor";
}

std::vector<Result> results_of(Round const& round, std::vector<Entry> const& entries,
                               std::map<std::int64_t, Tally> const& tallies, std::vector<Sheet> const& sheets) {
  std::vector<Result> out;
  for (auto const& entry : entries) {
    Result r{.entry_id = entry.id, .unit_id = entry.unit_id, .unit_name = entry.unit_name};
    if (auto const found = tallies.find(entry.id); found != tallies.end()) r.tally = found->second;
    if (r.tally.ballots() > 0) {
      r.crowd = one_decimal((100.0 * static_cast<double>(r.tally.satisfied) + 60.0 * static_cast<double>(r.tally.basic)) /
                            static_cast<double>(r.tally.ballots()));
    }
    double panel = 0, members = 0;
    for (auto const& sheet : sheets) {
      for (auto const& [id, score] : sheet.scores) {
        if (id != entry.id) continue;
        if (sheet.source == "panel") {
          panel += score;
          ++r.panel_sheets;
        } else {
          members += score;
          ++r.members_sheets;
        }
      }
    }
    if (r.panel_sheets) r.panel = one_decimal(panel / static_cast<double>(r.panel_sheets));
    if (r.members_sheets) r.members = one_decimal(members / static_cast<double>(r.members_sheets));
    double weighted = 0, weights = 0;
    for (auto const& [value, weight] : {std::pair{r.crowd, round.weights.crowd}, std::pair{r.panel, round.weights.panel},
                                        std::pair{r.members, round.weights.members}}) {
      if (!value || weight <= 0) continue;
      weighted += *value * weight;
      weights += weight;
    }
    if (weights > 0) {
      r.score = one_decimal(weighted / weights);
      r.grade = grade_of(round.bands, *r.score);
    }
    out.push_back(std::move(r));
  }
  std::vector<Result*> ranked;
  for (auto& r : out) {
    if (r.score) ranked.push_back(&r);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](Result const* a, Result const* b) { return *a->score > *b->score; });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    ranked[i]->rank = i > 0 && *ranked[i]->score == *ranked[i - 1]->score ? *ranked[i - 1]->rank : static_cast<int>(i + 1);
  }
  std::stable_sort(out.begin(), out.end(), [](Result const& a, Result const& b) {
    if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
    return a.rank && *a.rank < *b.rank;
  });
  return out;
}

std::string results_text(std::vector<Result> const& results) {
  json::array out;
  for (auto const& r : results) {
    out.push_back({{"entry_id", r.entry_id}, {"unit_id", r.unit_id}, {"unit_name", r.unit_name},
                   {"satisfied", r.tally.satisfied}, {"basic", r.tally.basic}, {"unsatisfied", r.tally.unsatisfied},
                   {"crowd", optional_number(r.crowd)}, {"panel", optional_number(r.panel)},
                   {"members", optional_number(r.members)}, {"score", optional_number(r.score)},
                   {"panel_sheets", r.panel_sheets}, {"members_sheets", r.members_sheets},
                   {"grade", r.grade ? json::value(*r.grade) : json::value(nullptr)},
                   {"rank", r.rank ? json::value(*r.rank) : json::value(nullptr)}});
  }
  return json::serialize(out);
}

std::vector<Result> results_from_text(std::string const& text) {
  std::vector<Result> out;
  auto const parsed = json::parse(text);
  auto number = [](json::value const& v) -> std::optional<double> {
    if (v.is_null()) return std::nullopt;
    return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64());
  };
  for (auto const& value : parsed.as_array()) {
    auto const& o = value.as_object();
    Result r;
    r.entry_id = o.at("entry_id").as_int64();
    r.unit_id = o.at("unit_id").as_int64();
    r.unit_name = std::string(o.at("unit_name").as_string());
    r.tally = {o.at("satisfied").as_int64(), o.at("basic").as_int64(), o.at("unsatisfied").as_int64()};
    r.crowd = number(o.at("crowd"));
    r.panel = number(o.at("panel"));
    r.members = number(o.at("members"));
    r.score = number(o.at("score"));
    r.panel_sheets = o.at("panel_sheets").as_int64();
    r.members_sheets = o.at("members_sheets").as_int64();
    if (o.at("grade").is_string()) r.grade = std::string(o.at("grade").as_string());
    if (o.at("rank").is_int64()) r.rank = static_cast<int>(o.at("rank").as_int64());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace pufa::duty
