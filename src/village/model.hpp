// 民主法治村(社区) as plain structs (docs/village.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"

namespace pufa::village {

inline constexpr std::string_view read_permission = "village.read";
inline constexpr std::string_view manage_permission = "village.manage";
inline constexpr std::string_view township_permission = "village.township";
inline constexpr std::string_view file_permission = "village.file";

// Levels from the highest; `none` is below them all.
int level_rank(std::string_view level);  // national 4 … county 1, none 0, unknown -1
bool valid_level(std::string_view level);

struct File {
  std::int64_t region_id = 0;
  std::string region_path;
  std::string level = "none";
  std::optional<int> named_year;
  std::optional<std::string> naming_doc;
  std::string plaque = "none";
  std::string history;
  base::Millis updated_at = 0;
};

struct Entry {
  std::int64_t id = 0, region_id = 0;
  std::string region_path, kind, on, title, detail, created_by_name;
  std::optional<std::int64_t> created_by;
};

struct Criterion {
  std::int64_t id = 0, set_id = 0;
  std::string part;
  int seq = 0;
  std::string title, standard;
  double points = 0;
  std::string rule;
  std::optional<std::string> source;
};

struct CriteriaSet {
  std::int64_t id = 0;
  std::string name;
  int version = 1;
  std::optional<std::int64_t> base_id;
  bool active = true;
  std::vector<Criterion> items;
};

struct Round {
  std::int64_t id = 0;
  int year = 0;
  std::string title, target_level;
  std::int64_t set_id = 0;
  std::string status;
  std::optional<std::string> apply_by, recommend_by, naming_doc, published_on;
  base::Millis created_at = 0;
};

using Scores = std::map<std::int64_t, double>;  // criterion id → score

struct Application {
  std::int64_t id = 0, round_id = 0, region_id = 0;
  std::string region_path, status, statement;
  Scores township_scores, county_scores;
  std::optional<double> township_total, county_total;
  std::optional<std::string> township_note, county_note;
  base::Millis created_at = 0;
};

struct Review {
  std::int64_t id = 0, region_id = 0;
  std::string region_path, trigger, description, opened_on, level_before, status;
  std::optional<std::string> decision, decision_note, decided_on;
};

}  // namespace pufa::village
