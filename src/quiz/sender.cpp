#include "quiz/sender.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>

#include "text/personal.hpp"

namespace pufa::quiz {

void LogSender::send(std::string_view phone, std::string_view code, std::string_view quiz_title) {
  {
    std::lock_guard lock(mutex_);
    last_[std::string(phone)] = std::string(code);
  }
  // The phone is masked: the log is read by operators, the code is useless after 5 minutes.
  spdlog::info("quiz otp (log sender) phone={} code={} quiz=\"{}\"", text::mask_phone(phone), code,
               quiz_title);
}

std::optional<std::string> LogSender::last_code(std::string_view phone) const {
  std::lock_guard lock(mutex_);
  auto found = last_.find(phone);
  if (found == last_.end()) return std::nullopt;
  return found->second;
}

bool otp_echo_enabled() {
  auto const* value = std::getenv("PUFA_QUIZ_OTP_ECHO");
  return value && std::string_view(value) == "1";
}

}  // namespace pufa::quiz
