// The HTTP routes every registry gets: list, export, template, import, read, create, update,
// delete; with the area's permissions and hooks. And GET /api/v1/choices: every choice list the
// registries use, as codes with their zh-CN labels (the web app labels codes from its locales).
#pragma once

#include <string>

#include "db/database.hpp"
#include "http/router.hpp"
#include "registry/service.hpp"

namespace pufa::registry {

struct RouteSettings {
  std::string read_permission;
  std::string write_permission;
  Hooks hooks = {};
};

inline constexpr std::size_t import_body_limit = 10 * 1024 * 1024;
inline constexpr std::int64_t max_list_page = 100;

void add_routes(http::Router& router, db::Database& db, Registry const& registry, RouteSettings settings);
// GET /api/v1/choices, once per router, after the registries' routes.
void add_choice_routes(http::Router& router);

// The list query of a request (?region_id, shared, q, tag, sort, the entity's filter keys, date
// ranges, page, page_size), checked against the entity: 400 naming the parameter.
ListQuery list_query(Registry const& registry, http::Request const& request);

}  // namespace pufa::registry
