// The region tree (市 → 乡镇街道 → 村(社区)): the read interface every area uses, and the use
// cases that change it. The tree is the auth area's because a user's scope is a node of it
// (Principal::covers); every other area places its records on it by region_id and keeps the
// node's path beside it (region_path), so scope filters need no join. Regions never move: there
// is no way to change a region's parent, so a stored path stays true.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "db/database.hpp"

namespace pufa::auth::regions {

inline constexpr int city_level = 1;
inline constexpr int township_level = 2;
inline constexpr int village_level = 3;

// "马涧镇 马坞村" for a village, the name alone above it.
std::string full_name(Region const& region, std::string const& parent_name);

std::optional<Region> find(db::Connection& conn, std::int64_t id);
std::optional<Region> by_code(db::Connection& conn, std::string const& code);
Region root(db::Connection& conn);
// The subtree at `path` (itself included), by level then code.
std::vector<Region> under(db::Connection& conn, std::string const& path);
std::vector<Region> at_level(db::Connection& conn, std::string const& path, int level);
std::int64_t count_at_level(db::Connection& conn, std::string const& path, int level);
// Full names of the given ids (ids that do not exist are left out).
std::map<std::int64_t, std::string> full_names(db::Connection& conn, std::vector<std::int64_t> const& ids);
// Ids in `path`'s subtree whose full name, short name or code is `text` ("马涧镇 马坞村", "马坞村",
// "330781011001").
std::vector<std::int64_t> find_by_name(db::Connection& conn, std::string const& path, std::string const& text);

// The subtree a request asks for (?region_id=), checked against the caller's scope: 400 for an
// unknown region, 403 outside the scope; the caller's own subtree without one.
std::string scope_path(db::Connection& conn, Principal const& caller, std::optional<std::int64_t> region_id);

// Sets region_path from region_id on the rows of an area's `table` that have none yet (a migration
// that adds the column, a loader that inserts rows itself). The area names its own table.
void fill_region_paths(db::Connection& conn, std::string_view table);

// Use cases (org.write within the caller's subtree); audited.
Region create(db::Database& db, Actor const& actor, std::int64_t parent_id, std::string const& code,
              std::string const& name);
Region rename(db::Database& db, Actor const& actor, std::int64_t id, std::string const& code,
              std::string const& name);
// For loaders that own a transaction (the demo): no checks, no audit.
std::int64_t insert(db::Connection& conn, std::optional<std::int64_t> parent_id, std::string const& code,
                    std::string const& name);
void set_name(db::Connection& conn, std::int64_t id, std::string const& code, std::string const& name);

}  // namespace pufa::auth::regions
