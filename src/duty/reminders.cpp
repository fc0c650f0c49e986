// 催办: the coordinator reminds every unit of the year that still owes tasks (open, overdue or returned, as
// judged now), once a day per unit; each of the unit's liaisons gets the reminder through the sender.
#include "duty/reminders.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "auth/audit.hpp"
#include "auth/directory.hpp"
#include "base/time.hpp"
#include "duty/common.hpp"
#include "duty/judged.hpp"
#include "duty/service.hpp"
#include "duty/store.hpp"

namespace pufa::duty {

void OutboxReminders::send(Reminder const& reminder) {
  boost::json::object line{{"at", base::iso8601(base::now_ms())}, {"user_id", reminder.user_id}, {"user", reminder.user_name},
                           {"unit", reminder.unit_name}, {"text", reminder.text}};
  auto const text = boost::json::serialize(line) + "\n";
  std::lock_guard lock(mutex_);
  int const fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  bool const written = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (fd >= 0) ::close(fd);
  if (written) spdlog::info("duty reminder to user {} (outbox)", reminder.user_id);
  else spdlog::error("duty reminder to user {} could not be written to the outbox {}", reminder.user_id, path_.string());
}

ReminderRun DutyService::remind(auth::Actor const& actor, int year) const {
  auto const& caller = actor.user();
  require_manage(caller);
  auto const now = base::now_ms();
  auto const day = base::shanghai_date(now);
  std::vector<Reminder> outgoing;
  // Who owes what and who hears of it, judged in a read: the writer holds only the rows it writes.
  struct Planned {
    ReminderRun::Unit line;
    std::vector<Reminder> reminders;
  };
  auto const plan = db_.read([&](db::Connection& conn) {
    struct Owed {
      std::int64_t open = 0, overdue = 0;
      std::optional<std::string> next;  // the nearest deadline not passed
    };
    std::map<std::int64_t, Owed> owed;
    for (auto const& view : judged_tasks(conn, caller.region_path, year, day)) {
      auto const& state = view.progress.state;
      if (state != "open" && state != "overdue" && state != "returned") continue;
      auto& o = owed[view.task.unit_id];
      ++o.open;
      if (state == "overdue") ++o.overdue;
      if (state != "overdue" && view.task.deadline && (!o.next || *view.task.deadline < *o.next)) o.next = view.task.deadline;
    }
    // The liaisons: bound to the unit, else (unbound) those whose region is the unit's.
    std::map<std::int64_t, std::vector<auth::directory::Member>> bound;
    std::map<std::string, std::vector<auth::directory::Member>> by_region;
    auth::directory::for_each_member(conn, caller.region_path, [&](auth::directory::Member const& m) {
      if (m.disabled || !m.has_role("unit_operator")) return;
      if (m.unit_id) bound[*m.unit_id].push_back(m);
      else by_region[m.region_path].push_back(m);
    });
    std::vector<Planned> out;
    for (auto const& [unit_id, o] : owed) {
      auto const unit = org::directory::unit(conn, unit_id);
      if (!unit) continue;
      auto const& recipients = bound.contains(unit_id) ? bound[unit_id] : by_region[unit->region_path];
      auto text = fmt::format("【兰溪普法】{}：您单位{}年度尚有 {} 项普法责任任务未完成", unit->name, year, o.open);
      if (o.overdue) text += fmt::format("，其中 {} 项已逾期", o.overdue);
      if (o.next) text += fmt::format("，最近的完成时限为 {}", *o.next);
      text += "。请登录普法依法治理工作平台“任务落实”处理。";
      Planned p{{unit_id, unit->name, o.open, o.overdue, static_cast<std::int64_t>(recipients.size()), false}, {}};
      for (auto const& m : recipients) p.reminders.push_back({m.id, m.display_name, unit_id, unit->name, text});
      out.push_back(std::move(p));
    }
    return out;
  });
  auto run = db_.write([&](db::Connection& conn) {
    ReminderRun out;
    for (auto const& p : plan) {
      auto line = p.line;
      if (store::reminded_on(conn, line.unit_id, day)) {  // checked in the write: two presses remind once
        line.already_today = true;
        line.recipients = 0;
      } else {
        store::insert_reminder(conn, line.unit_id, year, day, line.open, line.overdue, line.recipients, caller.user_id, now);
        outgoing.insert(outgoing.end(), p.reminders.begin(), p.reminders.end());
      }
      out.units.push_back(std::move(line));
    }
    auth::audit(conn, actor, "duty.remind", "duty_reminder", std::to_string(year), fmt::format("{} 人", outgoing.size()));
    return out;
  });
  if (reminders_) {
    for (auto const& r : outgoing) reminders_->send(r);  // after the commit: nothing is sent unrecorded
    run.sent = static_cast<std::int64_t>(outgoing.size());
  }
  run.channel = reminders_ != nullptr;
  return run;
}

}  // namespace pufa::duty
