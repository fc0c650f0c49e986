// What the records say for a leaf's measure (数据自动), read through the owners' interfaces: the
// ledger (counted from the responsibility system's digests of it, duty/library.hpp; the records behind
// a figure from activity/library.hpp), articles (content/library.hpp), exam sittings (exam/library.hpp)
// and responsibility tasks (duty/library.hpp). A Counter reads each source once for all the units
// of a round, so scoring 400 units' sheets costs a handful of reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "assess/model.hpp"
#include "db/database.hpp"
#include "org/directory.hpp"

namespace pufa::assess {

// 422 naming `field` when the measure's source, form, 法律六进 place or study kind is not a known
// code, or its theme is not in the activity-theme dictionary.
void check_measure(db::Connection& conn, Measure const& measure, std::string const& field);
// "法律六进·民法典 主题活动", for sheets and files.
std::string measure_words(Measure const& measure);

class Counter {
 public:
  // The records dated in [from, to] (Shanghai dates); rates of tasks judged as of `today`.
  Counter(db::Connection& conn, std::vector<org::directory::Unit> units, std::string from, std::string to,
          std::string today, std::string region_path);

  // Counts the ledger measures among these for every unit in one pass over the period's records (a round's
  // sheets, before their leaves are scored); found() then answers them without reading again.
  void expect(std::vector<Measure> const& measures);
  Found found(Measure const& measure, std::int64_t unit_id);
  // The records behind a unit's figure (newest first, at most `limit`), to open from the sheet.
  std::vector<EvidenceRef> records(Measure const& measure, std::int64_t unit_id, std::size_t limit = 50);

 private:
  struct Fact {
    std::int64_t unit_id = 0;
    std::string day;
    std::optional<std::string> theme, form, six_place, study_kind;
  };
  struct Sat {
    std::string day;
    std::int64_t sat = 0, passed = 0;
  };
  std::vector<Fact> const& facts(std::string const& kind);
  std::vector<int> years() const;
  int year_index(std::string const& day) const;

  db::Connection& conn_;
  std::vector<org::directory::Unit> units_;
  std::string from_, to_, today_, region_path_;
  std::map<std::string, std::vector<Fact>> facts_;  // by kind, by unit
  std::map<std::string, std::unordered_map<std::int64_t, std::vector<double>>> counted_;  // measure → unit → per year
  std::map<std::int64_t, std::vector<std::string>> articles_;  // unit → days published
  std::map<std::int64_t, std::vector<Sat>> sittings_;
  std::optional<std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>>> tasks_;  // unit → per year (tasks, done)
};

}  // namespace pufa::assess
