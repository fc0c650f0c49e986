// Review of the ledger and the study records: a record goes back to its owner for correction
// with a reason; the owner's next edit resubmits it.
#pragma once

#include <cstdint>
#include <string>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "registry/registry.hpp"
#include "registry/service.hpp"

namespace pufa::activity {

// Approves a record waiting for review (activity.review, in scope): 422 unless it is submitted.
registry::Record approve(db::Database& db, auth::Actor const& actor, registry::Registry const& registry, std::int64_t id);

// Returns the record (activity.review, in scope), audited with the reason.
registry::Record return_for_correction(db::Database& db, auth::Actor const& actor, registry::Registry const& registry,
                                       std::int64_t id, std::string const& reason);

// The hooks of a reviewed registry: counters follow every change, and a returned or approved
// record that is edited is submitted again (for review of the change).
registry::Hooks review_hooks(registry::Registry const& registry,
                             void (*count)(db::Connection&, registry::Record const&, int));

}  // namespace pufa::activity
