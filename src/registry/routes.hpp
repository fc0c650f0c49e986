// The HTTP routes every registry gets: list, export, template, import, read, create,
// update, delete; with the area's permissions and hooks.
#pragma once

#include <functional>
#include <string>

#include "db/database.hpp"
#include "http/router.hpp"
#include "registry/registry.hpp"

namespace pufa::registry {

struct RouteSettings {
  std::string read_permission;
  std::string write_permission;
  // Inside the write's transaction, after a create or update and before a delete commits:
  // `before` is null on create, `after` null on delete (counters, workflow state).
  std::function<void(db::Connection&, Record const* before, Record const* after)> changed = {};
  // Adds to one item's JSON (a school's vice-principals).
  std::function<void(db::Connection&, auth::Principal const&, Record const&, boost::json::object&, bool reveal)>
      decorate = {};
};

inline constexpr std::size_t import_body_limit = 10 * 1024 * 1024;

void add_routes(http::Router& router, db::Database& db, Registry const& registry, RouteSettings settings);

// The subtree a request asks for with ?region_id=, checked against the caller's scope
// (400 for an unknown region, 403 outside the scope); the caller's own subtree without it.
std::string region_path_of(db::Connection& conn, auth::Principal const& caller,
                           http::Request const& request);

// The list filters of a request (?region_id, q, sort, the entity's filter keys, date ranges).
ListFilter filter_of(db::Connection& conn, auth::Principal const& caller, Registry const& registry,
                     http::Request const& request);

}  // namespace pufa::registry
