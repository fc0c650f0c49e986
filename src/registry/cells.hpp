// What the registry's export, template and import share about cells: the template's example
// values, how references are written when a name is not unique ("钟平（编号57）"), lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "registry/entity.hpp"

namespace pufa::registry {

// Columns the template shows and the import stores (not a status, not photos).
bool in_template(Field const& field);
std::string example_of(Field const& field);

// "钟平" + 57 → "钟平（编号57）", and back (the ASCII form "钟平(编号57)" too).
std::string qualified(std::string const& name, std::int64_t id);
std::pair<std::string, std::optional<std::int64_t>> split_qualifier(std::string const& text);

// "a、b，c,d" → {a, b, c, d}
std::vector<std::string> split_list(std::string const& text);
// A date as people type it into a text cell (2020-09-01, 2020/9/1, 2020.9.1, 2020年9月1日,
// 20200901) as YYYY-MM-DD; anything else as typed (it fails the caller's date check).
std::string date_from_text(std::string const& typed);

// Names of a refs field as read: joined by '\x1f'.
std::vector<std::string> split_names(std::string const& joined);

}  // namespace pufa::registry
