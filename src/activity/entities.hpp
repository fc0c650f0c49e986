// The activity area's registries: the ledger, study records, channels and their items, and
// the editable dictionaries (themes, campaigns); the choice lists they use.
#pragma once

#include <span>
#include <string_view>

#include "registry/entity.hpp"
#include "registry/registry.hpp"

namespace pufa::activity {

std::span<registry::Entity const> entities();
registry::Registry const& registry_of(std::string_view name);

// The review status of a ledger record or study record.
inline constexpr std::string_view submitted = "submitted";
inline constexpr std::string_view returned = "returned";
inline constexpr std::string_view approved = "approved";

namespace choices {
extern registry::ChoiceList const audience;
extern registry::ChoiceList const six_place;
extern registry::ChoiceList const form;
extern registry::ChoiceList const study_kind;
extern registry::ChoiceList const channel_kind;
extern registry::ChoiceList const review_status;
extern registry::ChoiceList const dictionary;
}  // namespace choices

}  // namespace pufa::activity
