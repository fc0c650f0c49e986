// Wall-clock time as milliseconds since the Unix epoch, and ISO-8601 UTC text on the wire.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pufa::base {

using Millis = std::int64_t;

// The platform's clock: the system clock plus an offset that tests move (`pufa serve --test-clock`,
// and unit tests through set_clock_offset), so deadlines are tested without sleeping.
Millis now_ms();
void set_clock_offset(Millis offset);
Millis clock_offset();

// "2020-09-01": a calendar date as every file and page writes it.
std::string date_text(int year, unsigned month, unsigned day);
std::string iso8601(Millis at);  // 2026-11-29T10:00:00Z
// Accepts 2026-11-29T10:00:00Z, 2026-11-29T10:00:00.123Z, +08:00 offsets and bare dates, of the
// years first_year to last_year only: a date typed as 0202-05-01 or 9999-12-31 is refused where
// it is read, not stored to upset every count and sort after it.
std::optional<Millis> parse_iso8601(std::string_view text);
inline constexpr int first_year = 1900;
inline constexpr int last_year = 2100;
// A calendar date YYYY-MM-DD (nothing after it) within those years.
bool is_date(std::string_view text);

inline constexpr Millis minute_ms = 60'000;
inline constexpr Millis hour_ms = 60 * minute_ms;
inline constexpr Millis day_ms = 24 * hour_ms;

// The calendar day in Asia/Shanghai (UTC+8 all year, no daylight saving since 1991):
// "2020-08-10". Publication dates, index-number years and the quiz's days are Shanghai days.
std::string shanghai_date(Millis at);
inline int shanghai_year(Millis at) { return std::stoi(shanghai_date(at).substr(0, 4)); }
// "2020-08-10 18:12": a moment as a person in Beijing reads it.
std::string shanghai_minute(Millis at);
// "2020-08-10 18:12:05": the same to the second (the audit log's exports).
std::string shanghai_second(Millis at);
inline constexpr Millis shanghai_offset_ms = 8 * hour_ms;

}  // namespace pufa::base
