// Import rows into request bodies: references looked up by name within the caller's scope.
#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "registry/cells.hpp"
#include "registry/excel.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "xlsx/csv.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

namespace {

struct Candidate {
  std::int64_t id = 0;
  std::int64_t region_id = 0;
};

// The id of the one record the field can refer to that is called `text`: in the caller's
// subtree, or city-wide for a shared reference (a city lecturer, lawyer or department).
std::int64_t find_by_name(db::Connection& conn, auth::Principal const& caller, Field const& field,
                          std::string const& text) {
  std::vector<Candidate> found;
  auto const [name, id] = split_qualifier(text);
  if (field.kind == Kind::region) {
    for (auto const region : auth::regions::find_by_name(conn, caller.region_path, text)) found.push_back({region, region});
  } else {
    std::string sql = "SELECT id, region_id FROM " + std::string(field.ref->table) + " WHERE " +
                      std::string(field.ref->name) + " = ? AND region_path LIKE ?";
    if (!field.ref->filter.empty()) sql += " AND " + std::string(field.ref->filter);
    std::vector<db::Param> params{name, lookup_scope(field, caller) + "%"};
    if (id) {
      sql += " AND id = ?";
      params.emplace_back(*id);
    }
    for (auto row : conn.query(sql, params)) found.push_back({row.i64("id"), row.opt_i64("region_id").value_or(0)});
  }
  if (found.empty()) {
    throw ApiError(AppError::validation_failed, std::string(field.label) + "“" + text + "”不存在或不在您的管理范围内",
                   std::string(field.key));
  }
  if (found.size() > 1) {
    std::vector<std::int64_t> regions;
    for (auto const& c : found) regions.push_back(c.region_id);
    auto const places = auth::regions::full_names(conn, regions);
    std::string choices;
    for (std::size_t i = 0; i < found.size() && i < 5; ++i) {
      if (!choices.empty()) choices += "、";
      choices += qualified(name, found[i].id);
      if (auto p = places.find(found[i].region_id); p != places.end()) choices += "（" + p->second + "）";
    }
    throw ApiError(AppError::validation_failed,
                   std::string(field.label) + "“" + name + "”有重名，请写明是哪一位，如：" + choices,
                   std::string(field.key));
  }
  return found.front().id;
}

}  // namespace

boost::json::object Registry::from_row(db::Connection& conn, auth::Principal const& caller,
                                       std::vector<std::pair<Field const*, std::string>> const& cells) const {
  boost::json::object body;
  for (auto const& [field, text] : cells) {
    if (!field || text.empty()) continue;
    switch (field->kind) {
      case Kind::number: {
        char* end = nullptr;
        double const number = std::strtod(text.c_str(), &end);
        if (end && *end == '\0') body[field->key] = number;
        else body[field->key] = text;  // validation names it
        break;
      }
      case Kind::date: body[field->key] = text; break;  // read_import wrote it as YYYY-MM-DD
      case Kind::integer: {
        std::int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && end == text.data() + text.size()) body[field->key] = number;
        else body[field->key] = text;  // validation names it
        break;
      }
      case Kind::choice: {
        auto const* choice = field->choices->read(text);
        body[field->key] = choice ? std::string(choice->code) : text;  // validation names it
        break;
      }
      case Kind::refs: {
        boost::json::array ids;
        for (auto const& name : split_list(text)) ids.emplace_back(find_by_name(conn, caller, *field, name));
        body[field->key] = std::move(ids);
        break;
      }
      case Kind::tags: {
        boost::json::array tags;
        for (auto const& tag : split_list(text)) {
          auto const* choice = field->choices->read(tag);
          tags.emplace_back(choice ? std::string(choice->code) : tag);
        }
        body[field->key] = std::move(tags);
        break;
      }
      case Kind::region:
      case Kind::ref: body[field->key] = find_by_name(conn, caller, *field, text); break;
      default: body[field->key] = text;
    }
  }
  return body;
}

}  // namespace pufa::registry
