#include "quiz/sender.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include "base/time.hpp"
#include "text/personal.hpp"

namespace pufa::quiz {

OutboxSender::OutboxSender(std::filesystem::path path) : path_(std::move(path)) {
  if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path());
  int const fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot open the SMS outbox " + path_.string());
  ::close(fd);
}

void OutboxSender::send(std::string_view phone, std::string_view code, std::string_view quiz_title) {
  boost::json::object line{{"at", base::iso8601(base::now_ms())}, {"phone", phone}, {"code", code}, {"quiz", quiz_title}};
  append(boost::json::serialize(line) + "\n", phone, "quiz otp");
}

void OutboxSender::notify(std::string_view phone, std::string_view text) {
  boost::json::object line{{"at", base::iso8601(base::now_ms())}, {"phone", phone}, {"text", text}};
  append(boost::json::serialize(line) + "\n", phone, "notice");
}

void OutboxSender::append(std::string const& text, std::string_view phone, char const* what) {
  std::lock_guard lock(mutex_);
  int const fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  bool const written = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  if (fd >= 0) ::close(fd);
  // The log says that a message went out, never its code or its text.
  if (written) spdlog::info("{} sent to {} (outbox)", what, text::mask_phone(phone));
  else spdlog::error("{} for {} could not be written to the outbox {}", what, text::mask_phone(phone), path_.string());
}

bool otp_echo_enabled() {
  auto const* value = std::getenv("PUFA_QUIZ_OTP_ECHO");
  return value && std::string_view(value) == "1";
}

}  // namespace pufa::quiz
