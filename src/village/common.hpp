// What the village use cases share: names, the live figures, who may read.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "db/database.hpp"
#include "village/service.hpp"

namespace pufa::village {

[[noreturn]] void invalid(std::string message, std::string field);
std::string today();
std::string trimmed(std::string_view text);
void require_reader(auth::Principal const& caller);
std::string_view level_words(std::string_view level);

struct Names {
  explicit Names(db::Connection& c) : conn(c) {}
  db::Connection& conn;
  std::optional<auth::Region> const& region(std::int64_t id);
  std::string name_of(std::int64_t id);
  std::optional<auth::Region> township_of(std::int64_t id);

 private:
  std::map<std::int64_t, std::optional<auth::Region>> regions_;
};

FileRow file_row(Names& names, File f, bool under_review);
AppRow app_row(Names& names, Application a, std::map<std::int64_t, Round> const& rounds);
ReviewView review_view(Names& names, Review r);

// The live figures of every village of the subtree in a year.
std::map<std::int64_t, Live> live_figures(db::Connection& conn, std::string const& path, int year);
// The file of a village in the caller's subtree (a level-3 region without a file gets an empty one); else 404.
File load_file(db::Connection& conn, auth::Principal const& caller, std::int64_t region_id);

}  // namespace pufa::village
