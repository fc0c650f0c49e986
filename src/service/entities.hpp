// The service area's registry: public legal service stations (docs/service.md, "Stations").
#pragma once

#include "registry/entity.hpp"
#include "registry/registry.hpp"

namespace pufa::service {

registry::Registry const& stations();

namespace choices {
extern registry::ChoiceList const station_level;
extern registry::ChoiceList const station_window;
}  // namespace choices

}  // namespace pufa::service
