#include "activity/review.hpp"

#include "activity/entities.hpp"
#include "activity/library.hpp"
#include "auth/audit.hpp"
#include "http/error.hpp"
#include "text/utf8.hpp"

namespace pufa::activity {

namespace {

// Tells the ledger's observers (activity/library.hpp) which unit's records of which year changed.
void tell(db::Connection& conn, registry::Registry const& registry, registry::Record const& record) {
  auto const& entity = registry.entity();
  bool const activity = entity.name == "activities";
  library::changed(conn, activity ? library::activity_kind : library::study_kind, record.value(entity, "unit_id"),
                   record.value(entity, activity ? "starts_on" : "held_on"));
}

}  // namespace

registry::Record approve(db::Database& db, auth::Actor const& actor, registry::Registry const& registry, std::int64_t id) {
  auto const& caller = actor.user();
  auto const name = std::string(registry.entity().name);
  auto const status = registry.entity().index_of("status");
  return db.write([&](db::Connection& conn) {
    auto const record = registry.load(conn, caller, id);
    if (record.values[status] != std::string(submitted))
      throw http::ApiError(http::AppError::unprocessable, "只有待审核的记录可以审核通过", "status");
    registry.set(conn, id, "status", approved);
    tell(conn, registry, record);
    auth::audit(conn, actor, name + ".approve", name, std::to_string(id));
    return *registry.find(conn, id);
  });
}

registry::Record return_for_correction(db::Database& db, auth::Actor const& actor, registry::Registry const& registry,
                                       std::int64_t id, std::string const& reason) {
  auto const& caller = actor.user();
  auto const name = std::string(registry.entity().name);
  return db.write([&](db::Connection& conn) {
    auto const record = registry.load(conn, caller, id);
    registry.set(conn, id, "status", returned);
    tell(conn, registry, record);
    registry.set(conn, id, "return_reason", reason);
    auth::audit(conn, actor, name + ".return", name, std::to_string(id), std::string(text::prefix_bytes(reason, 200)));
    return *registry.find(conn, id);
  });
}


registry::Hooks review_hooks(registry::Registry const& registry,
                             void (*count)(db::Connection&, registry::Record const&, int)) {
  auto const status = registry.entity().index_of("status");
  return {.changed = [&registry, count, status](db::Connection& conn, registry::Record const* before,
                                                registry::Record const* after) {
    if (before) count(conn, *before, -1);
    if (after) count(conn, *after, 1);
    if (before && after && (before->values[status] == std::string(returned) || before->values[status] == std::string(approved))) {
      registry.set(conn, after->id, "status", submitted);
      registry.set(conn, after->id, "return_reason", nullptr);
    }
    // Last: a corrected record is submitted again above, and counts again.
    if (before) tell(conn, registry, *before);
    if (after) tell(conn, registry, *after);
  }};
}

}  // namespace pufa::activity
