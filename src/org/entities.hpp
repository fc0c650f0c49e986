// The organisation area's registries, described once, and the choice lists they use.
#pragma once

#include <span>
#include <string_view>

#include "registry/entity.hpp"
#include "registry/registry.hpp"

namespace pufa::org {

std::span<registry::Entity const> entities();
registry::Registry const& registry_of(std::string_view name);
// Seals the registries' 身份证号 and phones written in clear or under an older field key (the
// upgrade's migration and `pufa keys rotate`); returns how many.
std::int64_t reseal(db::Connection& conn);

// Codes other areas and the counts use.
inline constexpr std::string_view school_type = "school";
inline constexpr std::string_view department_type = "department";

namespace choices {
extern registry::ChoiceList const unit_type;
extern registry::ChoiceList const school_stage;
extern registry::ChoiceList const gender;
extern registry::ChoiceList const person_tag;
extern registry::ChoiceList const team_kind;
extern registry::ChoiceList const team_role;
extern registry::ChoiceList const place_type;
}  // namespace choices

// References other areas' registries make to this one's tables.
namespace refs {
extern registry::Ref const units;
extern registry::Ref const schools;
extern registry::Ref const people;
extern registry::Ref const teams;
extern registry::Ref const places;
extern registry::Ref const users;
extern registry::Ref const photos;
}  // namespace refs

}  // namespace pufa::org
