#include "base/time.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>

namespace pufa::base {

namespace {
std::atomic<Millis> offset_ms{0};
}  // namespace

Millis now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() +
         offset_ms.load(std::memory_order_relaxed);
}

void set_clock_offset(Millis offset) { offset_ms.store(offset, std::memory_order_relaxed); }
Millis clock_offset() { return offset_ms.load(std::memory_order_relaxed); }

std::string date_text(int year, unsigned month, unsigned day) { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string iso8601(Millis at) {
  using namespace std::chrono;
  sys_days const day = floor<days>(sys_time<milliseconds>(milliseconds(at)));
  year_month_day const date(day);
  auto const in_day = milliseconds(at) - duration_cast<milliseconds>(day.time_since_epoch());
  hh_mm_ss<milliseconds> const clock(in_day);
  return fmt::format("{}T{:02}:{:02}:{:02}Z", date_text(int(date.year()), unsigned(date.month()), unsigned(date.day())),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::string shanghai_date(Millis at) { return iso8601(at + shanghai_offset_ms).substr(0, 10); }

std::string shanghai_minute(Millis at) {
  auto const text = iso8601(at + shanghai_offset_ms);
  return text.substr(0, 10) + " " + text.substr(11, 5);
}

std::string shanghai_second(Millis at) {
  auto const text = iso8601(at + shanghai_offset_ms);
  return text.substr(0, 10) + " " + text.substr(11, 8);
}

bool is_date(std::string_view text) { return text.size() == 10 && parse_iso8601(text).has_value(); }

std::optional<Millis> parse_iso8601(std::string_view text) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) ||
      text[7] != '-' || !digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  year_month_day const date{year(y), month(unsigned(mo)), day(unsigned(d))};
  if (!date.ok() || y < first_year || y > last_year) return std::nullopt;
  std::size_t at = 10;
  Millis offset = 0;
  if (at < text.size()) {
    if ((text[at] != 'T' && text[at] != ' ') || !digits(text, at + 1, 2, h) ||
        text.size() < at + 6 || text[at + 3] != ':' || !digits(text, at + 4, 2, mi)) {
      return std::nullopt;
    }
    at += 6;
    if (at < text.size() && text[at] == ':') {
      if (!digits(text, at + 1, 2, s)) return std::nullopt;
      at += 3;
    }
    if (at < text.size() && text[at] == '.') {
      ++at;
      int scale = 100;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        ms += (text[at] - '0') * scale;
        scale /= 10;
        ++at;
      }
    }
    if (h > 23 || mi > 59 || s > 60) return std::nullopt;
    if (at < text.size()) {
      if (text[at] == 'Z' && at + 1 == text.size()) {
        ++at;
      } else if ((text[at] == '+' || text[at] == '-') && text.size() == at + 6 &&
                 text[at + 3] == ':') {
        int oh = 0, om = 0;
        if (!digits(text, at + 1, 2, oh) || !digits(text, at + 4, 2, om)) return std::nullopt;
        offset = (oh * 60 + om) * minute_ms * (text[at] == '+' ? 1 : -1);
        at = text.size();
      } else {
        return std::nullopt;
      }
    }
  }
  if (at != text.size()) return std::nullopt;
  Millis const base = duration_cast<milliseconds>(sys_days(date).time_since_epoch()).count();
  return base + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset;
}

}  // namespace pufa::base
