// The SQL of the village area: the only place its tables are touched.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "village/model.hpp"

namespace pufa::village::store {

struct FileFilter {
  std::string scope_path;
  std::optional<std::int64_t> region_id;  // one village
  std::optional<std::string> level, plaque;
  bool under_review = false;
};
// The files of the subtree (villages without one are not listed: the demo and the loader give each village its file).
std::vector<File> files(db::Connection& conn, FileFilter const& f);
std::optional<File> file(db::Connection& conn, std::int64_t region_id);
void upsert_file(db::Connection& conn, File const& f, std::optional<std::int64_t> by);
// Level → villages of the subtree holding it.
std::map<std::string, std::int64_t> level_counts(db::Connection& conn, std::string const& path);

std::int64_t insert_entry(db::Connection& conn, Entry const& e);
std::vector<Entry> entries(db::Connection& conn, std::int64_t region_id);

std::vector<CriteriaSet> sets(db::Connection& conn);
std::optional<CriteriaSet> set(db::Connection& conn, std::int64_t id);
std::int64_t insert_set(db::Connection& conn, CriteriaSet const& s);
void replace_set(db::Connection& conn, CriteriaSet const& s);
bool set_used(db::Connection& conn, std::int64_t id);
int next_version(db::Connection& conn, std::int64_t base_id);

std::vector<Round> rounds(db::Connection& conn);
std::optional<Round> round(db::Connection& conn, std::int64_t id);
std::int64_t insert_round(db::Connection& conn, Round const& r, std::optional<std::int64_t> by);
void update_round(db::Connection& conn, Round const& r);

std::vector<Application> applications(db::Connection& conn, std::optional<std::int64_t> round_id, std::string const& path,
                                      std::optional<std::int64_t> region_id = std::nullopt);
std::optional<Application> application(db::Connection& conn, std::int64_t id);
std::int64_t insert_application(db::Connection& conn, Application const& a);
void update_application(db::Connection& conn, Application const& a, std::optional<std::int64_t> township_by,
                        std::optional<std::int64_t> county_by);

std::vector<Review> reviews(db::Connection& conn, std::string const& path, std::optional<std::string> const& status,
                            std::optional<std::int64_t> region_id = std::nullopt);
std::optional<Review> review(db::Connection& conn, std::int64_t id);
std::int64_t insert_review(db::Connection& conn, Review const& r, std::optional<std::int64_t> by);
void update_review(db::Connection& conn, Review const& r);

}  // namespace pufa::village::store
