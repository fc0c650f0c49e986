// How a one-time code reaches a participant. The platform talks to an SMS gateway through
// this interface; the demo and the tests use LogSender, which writes the code to the server
// log and remembers the last code per phone.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace pufa::quiz {

class OtpSender {
 public:
  virtual ~OtpSender() = default;
  // Called after the code is stored; must not block for long (queue real SMS elsewhere).
  virtual void send(std::string_view phone, std::string_view code, std::string_view quiz_title) = 0;
};

class LogSender final : public OtpSender {
 public:
  void send(std::string_view phone, std::string_view code, std::string_view quiz_title) override;
  std::optional<std::string> last_code(std::string_view phone) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string, std::less<>> last_;
};

// PUFA_QUIZ_OTP_ECHO=1 (only that value) makes POST /otp return the code as dev_code, for
// demos and load tests without an SMS gateway. Off by default; never set it in production.
bool otp_echo_enabled();

}  // namespace pufa::quiz
