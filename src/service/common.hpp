// What the service use cases share: who the caller is to this area, the names views show, the day's status.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/principal.hpp"
#include "db/database.hpp"
#include "org/directory.hpp"
#include "service/service.hpp"

namespace pufa::service {

[[noreturn]] void invalid(std::string message, std::string field);
std::string today();
std::string trimmed(std::string_view text);
std::string code_hash(std::string const& salt, std::string const& code);
std::string new_code();  // six digits

// Who reads: a staff member's subtree, or an advisor's own records (advisor_id set, path the root's).
struct Reader {
  std::string path;
  std::optional<std::int64_t> advisor_id;
};
// 403 without a service permission; an advisor without a person record: 403 naming why.
Reader reader_of(db::Connection& conn, auth::Principal const& caller, std::optional<std::int64_t> region_id);
// The advisor the caller is (service.log and a person whose login is the account), else 403.
org::directory::Person advisor_of(db::Connection& conn, auth::Principal const& caller);
bool can_read(auth::Principal const& caller);

// The status a day is shown with, as of today.
std::string shown_status(Day const& d, std::string const& today);

// Region and people names, each read once per page.
struct Names {
  explicit Names(db::Connection& c) : conn(c) {}
  db::Connection& conn;
  std::optional<auth::Region> const& region(std::int64_t id);
  std::string name_of(std::int64_t region_id);
  // The township above a village (the village itself at level 2).
  std::optional<auth::Region> township_of(std::int64_t region_id);
  std::string const& person(std::int64_t id);

 private:
  std::map<std::int64_t, std::optional<auth::Region>> regions_;
  std::map<std::int64_t, std::string> people_;
};

// `logs`: the day's log count when the caller has read it (a page's counts at once), else it is read here.
DayView day_view(Names& names, Day d, std::string const& today, std::optional<std::int64_t> logs = std::nullopt);

// A village (level 3) in the caller's subtree, else 404; not a village: 400 on `field`.
auth::Region village_in_scope(db::Connection& conn, auth::Principal const& caller, std::int64_t id, std::string const& field);

}  // namespace pufa::service
