// How a one-time code reaches a participant. A deployment gives the platform an SMS gateway
// through this interface; without one, codes are refused (503) rather than written anywhere.
// A code is never written to the server log. The demo and the tests use OutboxSender, which
// appends each message to a file of its own (what a gateway would have been handed), enabled
// only by the sms_outbox setting (--sms-outbox FILE).
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

namespace pufa::quiz {

class OtpSender {
 public:
  virtual ~OtpSender() = default;
  // Called after the code is stored; must not block for long (queue real SMS elsewhere).
  virtual void send(std::string_view phone, std::string_view code, std::string_view quiz_title) = 0;
  // A notice to a resident (a booking confirmed, a reminder the day before): no code in it. A gateway that sends
  // codes only leaves it out.
  virtual void notify(std::string_view /*phone*/, std::string_view /*text*/) {}
};

// One JSON line per message, {"at", "phone", "code", "quiz"}, in a file only the server's user
// may read (0600). For demos and tests: it stands in for the gateway.
class OutboxSender final : public OtpSender {
 public:
  explicit OutboxSender(std::filesystem::path path);
  void send(std::string_view phone, std::string_view code, std::string_view quiz_title) override;
  // {"at", "phone", "text"}.
  void notify(std::string_view phone, std::string_view text) override;

 private:
  void append(std::string const& line, std::string_view phone, char const* what);
  std::filesystem::path path_;
  std::mutex mutex_;
};

// PUFA_QUIZ_OTP_ECHO=1 (only that value) makes POST /otp return the code as dev_code, for
// load tests without an SMS gateway. Off by default; never set it in production.
bool otp_echo_enabled();

}  // namespace pufa::quiz
