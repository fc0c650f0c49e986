// Who sits exams: accounts come from auth's directory, units' names from org's, and the exam
// area keeps each examinee's unit and rank.
#include <algorithm>

#include "auth/audit.hpp"
#include "auth/directory.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"
#include "org/directory.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

namespace {

Examinee examinee_of(auth::directory::Member const& member, store::Profile const& profile,
                     std::map<std::int64_t, std::string> const& unit_names) {
  Examinee out;
  out.user_id = member.id;
  out.username = member.username;
  out.display_name = member.display_name;
  out.region_id = member.region_id;
  out.region_path = member.region_path;
  out.region_name = member.region_name;
  out.unit_id = profile.unit_id;
  if (profile.unit_id) {
    if (auto found = unit_names.find(*profile.unit_id); found != unit_names.end()) out.unit_name = found->second;
  }
  out.rank = profile.rank;
  out.roles = member.roles;
  return out;
}

}  // namespace

std::optional<Examinee> examinee(db::Connection& conn, std::int64_t user_id) {
  auto member = auth::directory::member(conn, user_id);
  if (!member) return std::nullopt;
  auto const profile = store::profile(conn, user_id);
  std::map<std::int64_t, std::string> names;
  if (profile.unit_id) names = org::directory::unit_names(conn, {*profile.unit_id});
  return examinee_of(*member, profile, names);
}

void for_each_examinee(db::Connection& conn, std::string const& region_path,
                       std::function<void(Examinee&&)> const& each) {
  auth::directory::for_each_page(conn, region_path, [&](std::vector<auth::directory::Member> const& page) {
    std::vector<std::int64_t> ids;
    for (auto const& member : page) ids.push_back(member.id);
    auto const profiles = store::profiles(conn, ids);
    std::vector<std::int64_t> units;
    for (auto const& [id, profile] : profiles) {
      if (profile.unit_id) units.push_back(*profile.unit_id);
    }
    auto const names = org::directory::unit_names(conn, units);
    for (auto const& member : page) {
      if (member.disabled) continue;
      auto found = profiles.find(member.id);
      each(examinee_of(member, found == profiles.end() ? store::Profile{} : found->second, names));
    }
  });
}

std::vector<Examinee> ExamService::examinees(auth::Principal const& caller, std::optional<std::int64_t> unit_id,
                                             std::string const& q) {
  std::vector<Examinee> out;
  db_.read([&](db::Connection& conn) {
    for_each_examinee(conn, caller.region_path, [&](Examinee&& e) {
      if (unit_id && e.unit_id != unit_id) return;
      if (!q.empty() && e.display_name.find(q) == std::string::npos && e.username.find(q) == std::string::npos) return;
      if (std::find(e.roles.begin(), e.roles.end(), "examinee") == e.roles.end() && !e.unit_id) return;
      out.push_back(std::move(e));
    });
  });
  return out;
}

Examinee ExamService::set_examinee(auth::Actor const& actor, std::int64_t user_id, std::optional<std::int64_t> unit_id,
                                   std::string rank) {
  auto const& caller = actor.user();
  return db_.write([&](db::Connection& conn) {
    auto who = examinee(conn, user_id);
    if (!who) throw ApiError(AppError::not_found, "用户不存在");
    if (!caller.covers(who->region_path)) throw ApiError(AppError::out_of_scope);
    if (unit_id && !org::directory::unit(conn, *unit_id)) throw ApiError(AppError::validation_failed, "单位不存在", "unit_id");
    store::set_examinee(conn, user_id, unit_id, rank, base::now_ms());
    auth::audit(conn, actor, "exam.examinee.update", "user", std::to_string(user_id), rank);
    return *examinee(conn, user_id);
  });
}

}  // namespace pufa::exam
