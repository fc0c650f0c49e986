// The activity area's registries: the ledger, study records, channels and their items, and
// the editable dictionaries (themes, campaigns).
#pragma once

#include <span>

#include "registry/registry.hpp"

namespace pufa::activity {

std::span<registry::Entity const> entities();
registry::Registry const& registry_of(std::string_view name);

inline constexpr std::string_view submitted = "已提交";
inline constexpr std::string_view returned = "已退回";

}  // namespace pufa::activity
