// One engine for the registries of every area. Each entity is described once (entity.hpp); the
// engine gives it validation with field-named Chinese errors, scope checks by the region tree,
// list filters, JSON, and the rows of its Excel export and import. Areas describe their entities
// and add what is particular to them; the use cases over a registry are in service.hpp.
//
// Every registry table has region_id and region_path (the placing node's path, kept with the row:
// regions never move), so a scope filter is `region_path LIKE 'caller-path%'` without a join.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "registry/entity.hpp"

namespace pufa::registry {

// A stored value ready to bind: text, number or null.
using Cell = db::Param;

struct ListFilter {
  std::string region_path;  // subtree (already checked against the caller's scope)
  std::string q;
  std::string tag;
  std::vector<std::pair<Field const*, std::string>> equals;  // ?key=value filters
  struct Range {
    Field const* field;
    std::string from, to;  // inclusive; either may be empty
  };
  std::vector<Range> ranges;
  std::string sort = "-id";
  std::optional<std::int64_t> created_by;  // owned entities: one author's records
  std::int64_t after_id = 0;  // keyset paging for bulk reads (with sort "id")
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

// A record as read: id, region and one cell per field, plus display names of references.
struct Record {
  std::int64_t id = 0;
  std::int64_t region_id = 0;
  std::string region_name;  // "马涧镇 马坞村"
  std::string region_path;
  std::vector<std::optional<std::string>> values;  // by field index, text form
  std::vector<std::optional<std::string>> names;   // by field index, references only;
                                                   // refs: the names joined by '\x1f'
  std::optional<std::int64_t> created_by;          // owned entities
  std::optional<std::string> const& value(Entity const& entity, std::string_view key) const {
    return values[entity.index_of(key)];
  }
};

// Where a record sits in the tree.
struct Place {
  std::int64_t region_id = 0;
  std::string region_path;
};

// A validated body: one cell per field (readonly ones null) and where the record sits.
struct Prepared {
  std::vector<Cell> cells;
  Place place;
  std::optional<std::int64_t> owner;  // owned entities, on create: the author
};

class Registry {
 public:
  explicit Registry(Entity const& entity) : entity_(entity) {}
  Entity const& entity() const { return entity_; }

  std::vector<Record> list(db::Connection& conn, ListFilter const& filter) const;
  std::int64_t count(db::Connection& conn, ListFilter const& filter) const;
  std::optional<Record> find(db::Connection& conn, std::int64_t id) const;
  // find() in the caller's scope: throws not_found for a record that is missing or outside it.
  Record load(db::Connection& conn, auth::Principal const& caller, std::int64_t id) const;

  // Validates `body` (all fields on create; only the keys present on update, `existing` set) and
  // places the record. Throws ApiError(validation_failed/out_of_scope/conflict) naming the field.
  Prepared prepare(db::Connection& conn, auth::Principal const& caller, boost::json::object const& body,
                   Record const* existing) const;
  std::int64_t insert(db::Connection& conn, Prepared const& prepared) const;
  void update(db::Connection& conn, std::int64_t id, Prepared const& prepared) const;
  // Throws ApiError(conflict) when another record still refers to it.
  void remove(db::Connection& conn, std::int64_t id) const;
  // Seals personal data written before sealing or under an older key (and fills the blind
  // index): at start and after `pufa keys rotate`. Returns the values re-sealed.
  std::int64_t reseal(db::Connection& conn) const;
  // A personal-data field's value as stored (for loaders that write rows themselves).
  std::string seal(std::string_view key, std::string_view plain) const;
  // Sets a readonly field (a status) of a record.
  void set(db::Connection& conn, std::int64_t id, std::string_view key, Cell value) const;

  boost::json::object to_json(Record const& record, bool reveal) const;
  // Display text of each field for export (references by name, codes by label, tags joined by 、).
  std::vector<std::string> to_row(Record const& record, bool reveal) const;

  // Turns an import row (text cells keyed by field) into a JSON body for prepare(): references
  // are looked up by name (or code for regions) within the caller's scope, choices by label.
  boost::json::object from_row(db::Connection& conn, auth::Principal const& caller,
                               std::vector<std::pair<Field const*, std::string>> const& cells) const;

 private:
  void resolve_names(db::Connection& conn, std::vector<Record>& records) const;
  std::string select_sql() const;
  std::string where_sql(ListFilter const& filter, std::vector<Cell>& params) const;
  Record read_record(db::Row const& row) const;

  Entity const& entity_;
};

// The blind index of a sealed field's value (a 身份证号's is kept in <key>_index).
std::string index_value(Field const& field, std::string_view plain);

// The ids along a region path, root first: "/1/5/23/" → {1, 5, 23}.
std::vector<std::int64_t> path_ids(std::string_view path);
// ",3,7," → {3, 7}
std::vector<std::int64_t> ids_of(std::string_view stored);

}  // namespace pufa::registry
