// One engine for the registries of every area. Each entity is described once (fields,
// Chinese labels, kinds, rules); the engine gives it validation, scope checks by the region
// tree, list filters, JSON, and the rows of its Excel export and import. Areas describe
// their entities and add routes; they do not write list or validation code of their own.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"

namespace pufa::registry {

enum class Kind {
  text,
  choice,     // one of `choices`
  number,     // decimal
  date,       // YYYY-MM-DD
  phone,      // mainland mobile, masked on output
  id_number,  // 身份证号 (GB 11643), masked on output, unique
  tags,       // several of `choices`, stored ",a,b,"
  region,     // → regions.id
  unit,       // → units.id
  school,     // → units.id of type 学校
  person,     // → people.id
  team,       // → teams.id
  user,       // → users.id (a login account)
  integer,    // whole number within [low, high] when high > low
  dict,       // a value of the editable dictionary `dict` (dictionary_items)
  ref,        // → `ref`.id, any table with a region_id and a name column
  refs,       // several ids of `ref`, stored ",3,7,"
};

struct Field {
  std::string_view key;    // JSON key and column
  std::string_view label;  // zh-CN: export header, messages
  Kind kind = Kind::text;
  bool required = false;
  std::size_t max = 100;  // characters, for text
  std::vector<std::string_view> choices = {};
  bool filter = false;  // ?key= filters the list
  double low = 0, high = 0;  // bounds for numbers (when high > low)
  std::string_view ref = {};           // ref/refs: the table referred to
  std::string_view ref_name = "name";  // ref/refs: its column shown as the name
  std::string_view dict = {};          // dict: the dictionary
  bool range = false;     // dates: ?key_from=&key_to= filter the list
  bool shared = false;    // a reference that may point outside the caller's subtree (a city
                          // lecturer, lawyer or department serving a village)
  bool readonly = false;  // set by the area's own rules (a status), never from input
};

struct Entity {
  std::string_view name;   // URL segment
  std::string_view table;
  std::string_view label;  // 人员 → export file 人员.xlsx
  std::vector<Field> fields;
  // Keys whose region places the record, first non-null wins: a region field's value, or
  // the region of the record a reference points to.
  std::vector<std::string_view> region_from;
  std::string_view search_column = "name";  // what ?q= matches ("" for none)
  std::string_view fixed_column = {};       // schools: type = 学校
  std::string_view fixed_value = {};
  bool importable = false;
  // At least one of these keys must be set (advisor contracts: a unit or a village).
  std::vector<std::string_view> one_of = {};
  // ?shared=1 lists the whole city, as candidates for shared references: only when the
  // entity is shareable, and with one of `shared_tags` when it has any (people: 讲师, 法律顾问).
  bool shareable = false;
  std::vector<std::string_view> shared_tags = {};

  Field const* field(std::string_view key) const;
};

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
};

class Registry {
 public:
  explicit Registry(Entity const& entity) : entity_(entity) {}
  Entity const& entity() const { return entity_; }

  std::vector<Record> list(db::Connection& conn, ListFilter const& filter) const;
  std::int64_t count(db::Connection& conn, ListFilter const& filter) const;
  // Throws not_found / out_of_scope.
  Record load(db::Connection& conn, auth::Principal const& caller, std::int64_t id) const;

  // Validates `body` (all fields on create; only the keys present on update) and writes.
  // Throws ApiError(validation_failed/out_of_scope) naming the field.
  std::int64_t create(db::Connection& conn, auth::Principal const& caller,
                      boost::json::object const& body) const;
  // `existing` comes from load(): the routes hold it already for the change hooks.
  void update(db::Connection& conn, auth::Principal const& caller, Record const& existing,
              boost::json::object const& body) const;
  void remove(db::Connection& conn, auth::Principal const& caller, Record const& existing) const;

  boost::json::object to_json(Record const& record, bool reveal) const;
  // Display text of each field for export (references by name, tags joined by 、).
  std::vector<std::string> to_row(Record const& record, bool reveal) const;

  // Turns an import row (text cells keyed by field) into a JSON body for create():
  // references are looked up by name (or code for regions) within the caller's scope.
  boost::json::object from_row(db::Connection& conn, auth::Principal const& caller,
                               std::vector<std::pair<Field const*, std::string>> const& cells) const;

 private:
  void resolve_names(db::Connection& conn, std::vector<Record>& records) const;
  std::string select_sql() const;
  std::string where_sql(ListFilter const& filter, std::vector<Cell>& params) const;
  Record read_record(db::Row const& row) const;
  std::vector<std::string> writable_columns() const;
  std::vector<Cell> validate(db::Connection& conn, auth::Principal const& caller,
                             boost::json::object const& body, Record const* existing,
                             std::int64_t& region_id) const;

  Entity const& entity_;
};

// The table a reference field points to, and the column shown as its name.
std::string table_of(Field const& field);
std::string name_column_of(Field const& field);

// Path and level of a region, for scope checks.
struct RegionRef {
  std::int64_t id;
  std::string path;
  std::string full_name;
};
std::optional<RegionRef> region_ref(db::Connection& conn, std::int64_t id);

// The ids along a region path, root first: "/1/5/23/" → {1, 5, 23}.
std::vector<std::int64_t> path_ids(std::string_view path);

}  // namespace pufa::registry
