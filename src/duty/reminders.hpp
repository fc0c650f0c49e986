// 催办: reminders of the tasks a unit still owes, to its liaisons, through a pluggable sender. A deployment
// gives the platform its channel (SMS, 浙政钉 …) through ReminderSender; the demo and the tests use
// OutboxReminders, a file of JSON lines (--reminder-outbox FILE). Without a sender reminders are recorded and
// the to-do list shows the tasks, but nothing is sent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

namespace pufa::duty {

struct Reminder {
  std::int64_t user_id = 0;
  std::string user_name;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string text;
};

class ReminderSender {
 public:
  virtual ~ReminderSender() = default;
  // Called after the reminder is recorded; must not block for long.
  virtual void send(Reminder const& reminder) = 0;
};

// One JSON line per reminder, {"at", "user_id", "user", "unit", "text"}, in a file only the server's user may read.
class OutboxReminders final : public ReminderSender {
 public:
  explicit OutboxReminders(std::filesystem::path path) : path_(std::move(path)) {}
  void send(Reminder const& reminder) override;

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
};

}  // namespace pufa::duty
