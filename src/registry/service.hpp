// The use cases over one registry, in the house order: authorise (the route's permission, then
// scope) → validate → load → one transaction { write; the area's hooks; audit }. Routes parse a
// request into these calls and render what they return; the CLI and tests call them directly.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "registry/registry.hpp"

namespace pufa::registry {

// A list request as the route parsed it (fields already checked against the entity).
struct ListQuery {
  std::optional<std::int64_t> region_id;  // a subtree inside the caller's scope
  bool shared = false;                    // the whole city: candidates for a shared reference
  bool mine = false;                      // owned entities: the caller's own records
  std::string q;
  std::string tag;
  std::vector<std::pair<Field const*, std::string>> equals;
  std::vector<ListFilter::Range> ranges;
  std::string sort = "-id";
  std::int64_t page = 1;
  std::int64_t page_size = 20;
};

// Records of another registry shown with one record (a school's vice-principals).
struct Related {
  std::string key;
  Registry const* registry = nullptr;
  std::vector<Record> records;
};

struct Hooks {
  // Inside the write's transaction, after a create or update and before a delete commits:
  // `before` is null on create, `after` null on delete (counters, workflow state).
  std::function<void(db::Connection&, Record const* before, Record const* after)> changed = {};
  std::function<std::vector<Related>(db::Connection&, auth::Principal const&, Record const&)> related = {};
};

struct Detail {
  Record record;
  std::vector<Related> related;
};

class Records {
 public:
  Records(db::Database& db, Registry const& registry, Hooks hooks = {})
      : db_(db), registry_(registry), hooks_(std::move(hooks)) {}
  Registry const& registry() const { return registry_; }

  struct Page {
    std::vector<Record> items;
    std::int64_t total = 0;
  };
  Page list(auth::Actor const& actor, ListQuery const& query) const;
  // `reveal` (personal data unmasked) needs pii.read and is audited.
  Detail get(auth::Actor const& actor, std::int64_t id, bool reveal) const;
  Record create(auth::Actor const& actor, boost::json::object const& body) const;
  Record update(auth::Actor const& actor, std::int64_t id, boost::json::object const& body) const;
  void remove(auth::Actor const& actor, std::int64_t id) const;
  // All rows or none. A row with a 系统编号 updates that record (in the caller's scope), others
  // are created. Throws ApiError(import_failed) with "rows": [{row, field, message}] for every
  // failed row, and "sheet".
  struct ImportResult {
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t examples = 0;  // template example rows left out
    std::string sheet;
    std::size_t header_row = 1;
  };
  ImportResult import(auth::Actor const& actor, std::string_view bytes) const;
  // The rows of an upload that would fail, as a workbook to fix and import again (nothing is
  // written); the header only when every row would pass.
  std::string failed_rows(auth::Actor const& actor, std::string_view bytes) const;
  // The list as .xlsx (at most max_export_rows), audited; `reveal` needs pii.read.
  std::string export_xlsx(auth::Actor const& actor, ListQuery query, bool reveal) const;

 private:
  ListFilter filter_of(db::Connection& conn, auth::Principal const& caller, ListQuery const& query) const;
  std::string action(std::string_view verb) const;
  struct Attempt;
  Record create_checked(auth::Actor const& actor, boost::json::object const& body) const;
  Record update_checked(auth::Actor const& actor, std::int64_t id, boost::json::object const& body) const;
  // 429 past 10 refusals of an already registered 身份证号 in an hour, per user (an oracle's bound).
  void check_refusals(auth::Principal const& caller) const;
  void count_refusals(auth::Principal const& caller, int count) const;  // in one write
  Attempt attempt(auth::Actor const& actor, std::string_view bytes, bool commit) const;

  db::Database& db_;
  Registry const& registry_;
  Hooks hooks_;
};

// 403 unless the caller holds pii.read (asked for personal data unmasked).
void require_reveal(auth::Principal const& caller);

}  // namespace pufa::registry
