// How an area describes a registry: its table, its fields (Chinese labels, kinds, bounds), the
// choice lists and references they use. The engine (registry.hpp) knows no area's table by name:
// everything it needs about another table comes from these descriptors as data.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace pufa::registry {

enum class Kind {
  text,
  choice,     // one code of `choices`
  number,     // decimal
  date,       // YYYY-MM-DD
  phone,      // mainland mobile, masked on output, sealed at rest
  id_number,  // 身份证号 (GB 11643), masked on output, sealed at rest, unique on the blind
              // index kept in the column <key>_index (base/sealed.hpp)
  tags,       // several codes of `choices`, stored ",a,b,"
  region,     // a node of the region tree (auth/regions.hpp)
  integer,    // whole number within [low, high] when high > low
  dict,       // a value of an area's editable dictionary (`dict`)
  ref,        // → a record of `ref`
  refs,       // several records of `ref`, stored ",3,7,"
};

// One choice: the code that is stored and travels on the wire, and its zh-CN label for files,
// messages and import (the web app labels codes from its locale files).
struct Choice {
  std::string_view code;
  std::string_view label;
};

// A named list of choices; GET /api/v1/choices serves every list a registry uses.
struct ChoiceList {
  std::string_view name;
  std::vector<Choice> items;

  Choice const* find(std::string_view code) const;
  // By code or by label (import takes what people type).
  Choice const* read(std::string_view text) const;
  std::string_view label(std::string_view code) const;  // the code itself when unknown
};

// The table a reference points to. Every table a registry refers to keeps region_id and
// region_path beside its rows (the scope of a reference is checked on them), an id, and the
// column shown as the record's name. `filter` is a constant condition on its rows ("type =
// 'school'"), `example` what the import template shows.
struct Ref {
  std::string_view table;
  std::string_view name = "name";
  std::string_view filter = {};
  std::string_view example = {};
};

// An editable list of values that an area keeps in its own table (activity themes); the area
// answers whether a value belongs to it. Values are data typed by coordinators, not codes.
struct Dictionary {
  std::string_view name;
  std::function<bool(db::Connection&, std::string_view value)> contains;
  std::string_view example = {};
};

struct Field {
  std::string_view key;    // JSON key and column
  std::string_view label;  // zh-CN: export header, messages
  Kind kind = Kind::text;
  bool required = false;
  std::size_t max = 100;  // characters, for text
  ChoiceList const* choices = nullptr;  // choice, tags
  bool filter = false;  // ?key= filters the list
  double low = 0, high = 0;  // bounds for numbers (when high > low)
  Ref const* ref = nullptr;              // ref, refs
  Dictionary const* dict = nullptr;      // dict
  bool range = false;     // dates: ?key_from=&key_to= filter the list
  bool shared = false;    // a reference that may point outside the caller's subtree (a city
                          // lecturer, lawyer or department serving a village)
  bool readonly = false;  // set by the area's own rules (a status), never from input
  std::string_view initial = {};  // readonly: the value a new record starts with
  bool sortable = true;   // ?sort=key (never for personal data: a sort order reveals values)
  // Import: other headers people write for this column (手机号码, 联系电话 …; excel.cpp adds the
  // usual ones by kind), and whether a column read from a file is stored at all (photos are
  // uploaded, not named: the export shows them, the import knows the column and leaves it).
  std::vector<std::string_view> aliases = {};
  bool imported = true;
};

struct Entity {
  std::string_view name;   // URL segment
  std::string_view table;
  std::string_view label;  // 人员 → export file 人员列表.xlsx
  std::vector<Field> fields;
  // Keys whose region places the record, first non-null wins: a region field's value, or
  // the region of the record a reference points to. None: a city-wide record (at the root).
  std::vector<std::string_view> region_from;
  std::string_view search_column = "name";  // what ?q= matches ("" for none)
  std::string_view default_sort = "-id";    // the list's order without ?sort= (ledgers: newest date first)
  std::string_view fixed_column = {};       // schools: type = school
  std::string_view fixed_value = {};
  bool importable = false;
  // At least one of these keys must be set (advisor contracts: a unit or a village).
  std::vector<std::string_view> one_of = {};
  // ?shared=1 lists the whole city, as candidates for shared references: only when the
  // entity is shareable, and with one of `shared_tags` when it has any (people: lecturer, …).
  bool shareable = false;
  // The table keeps who created each record (created_by): a ledger returned for correction goes
  // back to its author's to-do list, and ?mine=1 lists the caller's own records.
  bool owned = false;
  std::vector<std::string_view> shared_tags = {};

  Field const* field(std::string_view key) const;
  std::size_t index_of(std::string_view key) const;  // throws std::logic_error for an unknown key
};

bool is_reference(Kind kind);  // region, ref
bool is_sealed(Kind kind);     // phone, id_number: stored sealed, read opened
bool is_multi(Kind kind);      // tags, refs
// The JSON key of a reference's display name: unit_id → unit_name, lecturer_ids → lecturer_names.
std::string name_key(std::string_view key);

}  // namespace pufa::registry
