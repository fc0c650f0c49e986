// The village area's use cases (docs/village.md). Each write: authorise → validate → load → one
// transaction { write; audit }. Routes parse, call these, render (view.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "http/error.hpp"
#include "todo/todo.hpp"
#include "village/model.hpp"

namespace pufa::village {

inline constexpr http::ErrorCode wrong_state{409, "wrong_state", "当前状态不允许此操作"};

// What the platform knows of a village in a year: what the criteria with a `source` read.
struct Live {
  int year = 0;
  std::int64_t activities = 0, legal_literate = 0, advisor_days = 0;
  std::string village_rules = "none";  // lawful | pending | none
};

struct FileRow {
  File f;
  std::string name, township_name;
  std::int64_t township_id = 0;
  bool under_review = false;
};
struct FilePage {
  std::vector<FileRow> items;
  std::int64_t total = 0;
};
struct FileQuery {
  std::optional<std::int64_t> region_id;
  std::optional<std::string> level, plaque, q;
  bool under_review = false;
  std::int64_t page = 1, page_size = 20;
};
struct AppRow {
  Application a;
  std::string village_name, township_name, round_title;
  int year = 0;
};
struct ReviewView {
  Review r;
  std::string village_name, township_name;
};
struct FileDetail {
  FileRow row;
  std::vector<Entry> entries;
  std::vector<ReviewView> reviews;
  std::vector<AppRow> applications;
  Live live;
};
struct FileInput {
  std::string level, plaque;
  std::optional<int> named_year;
  std::optional<std::string> naming_doc;
  std::string history;
};
struct EntryInput {
  std::string kind, on, title, detail;
};

struct CoverageRow {
  std::int64_t township_id = 0;
  std::string name;
  std::int64_t villages = 0, national = 0, provincial = 0, jinhua = 0, county = 0, none = 0;
  double named_rate = 0;
};
struct Coverage {
  std::vector<CoverageRow> rows;
  CoverageRow total;
};

struct SetView {
  CriteriaSet s;
  bool used = false;
  double points = 0;
};
struct SetInput {
  std::string name;
  std::vector<Criterion> items;
  std::optional<std::int64_t> base_id;
  bool active = true;
};

struct RoundView {
  Round r;
  std::string set_name;
  int set_version = 0;
  std::vector<AppRow> applications;
};
struct RoundInput {
  int year = 0;
  std::string title, target_level;
  std::int64_t set_id = 0;
  std::optional<std::string> apply_by, recommend_by;
};

struct SheetLine {
  Criterion c;
  std::optional<double> township_score, county_score;
  std::optional<std::string> live;  // what the source reads, in words ("本年普法活动 12 场")
};
struct Sheet {
  AppRow row;
  Round round;
  std::vector<SheetLine> lines;
  Live live;
};
struct ReviewInput {
  std::int64_t region_id = 0;
  std::string trigger, description, on;
};

class VillageService {
 public:
  explicit VillageService(db::Database& db) : db_(&db) {}

  FilePage files(auth::Actor const& actor, FileQuery const& q) const;
  FileDetail file(auth::Actor const& actor, std::int64_t region_id) const;
  FileDetail update_file(auth::Actor const& actor, std::int64_t region_id, FileInput in) const;
  FileDetail add_entry(auth::Actor const& actor, std::int64_t region_id, EntryInput in) const;
  Coverage coverage(auth::Actor const& actor) const;

  std::vector<SetView> sets(auth::Actor const& actor) const;
  SetView set(auth::Actor const& actor, std::int64_t id) const;
  SetView create_set(auth::Actor const& actor, SetInput in) const;
  SetView update_set(auth::Actor const& actor, std::int64_t id, SetInput in) const;

  std::vector<RoundView> rounds(auth::Actor const& actor) const;
  RoundView round(auth::Actor const& actor, std::int64_t id) const;
  RoundView create_round(auth::Actor const& actor, RoundInput in) const;
  RoundView start_review(auth::Actor const& actor, std::int64_t id) const;
  RoundView publish(auth::Actor const& actor, std::int64_t id, std::string naming_doc) const;
  Sheet apply(auth::Actor const& actor, std::int64_t round_id, std::int64_t region_id, std::string statement) const;
  Sheet sheet(auth::Actor const& actor, std::int64_t id) const;
  Sheet score_township(auth::Actor const& actor, std::int64_t id, Scores scores, std::string note, bool recommend) const;
  Sheet score_county(auth::Actor const& actor, std::int64_t id, Scores scores, std::string note, bool approve) const;

  std::vector<ReviewView> reviews(auth::Actor const& actor, std::optional<std::string> status) const;
  ReviewView open_review(auth::Actor const& actor, ReviewInput in) const;
  ReviewView decide_review(auth::Actor const& actor, std::int64_t id, std::string decision, std::string note) const;

  std::vector<todo::Item> todo(auth::Principal const& caller) const;
  static void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);

 private:
  db::Database* db_;
};

}  // namespace pufa::village
