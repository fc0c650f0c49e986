// The organisation area's registries, described once.
#pragma once

#include <span>

#include "registry/registry.hpp"

namespace pufa::org {

using registry::Entity;

std::span<registry::Entity const> entities();
Entity const& entity(std::string_view name);

inline constexpr std::string_view school_type = "学校";

}  // namespace pufa::org
