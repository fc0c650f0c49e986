#include "exam/quiz_draw.hpp"

#include <algorithm>
#include <cstdio>

#include "base/random.hpp"

namespace pufa::exam::quiz {

namespace {

constexpr base::Millis shanghai_offset_ms = 8 * base::hour_ms;
constexpr base::Millis day_ms = 24 * base::hour_ms;

// The first 16 hex digits of a sha256 as an unsigned 64-bit number.
std::uint64_t head64(std::string const& hex) {
  return std::stoull(hex.substr(0, 16), nullptr, 16);
}

// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
std::string civil_date(std::int64_t days) {
  days += 719468;
  auto const era = (days >= 0 ? days : days - 146096) / 146097;
  auto const doe = days - era * 146097;
  auto const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  auto const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  auto const mp = (5 * doy + 2) / 153;
  auto const d = doy - (153 * mp + 2) / 5 + 1;
  auto const m = mp < 10 ? mp + 3 : mp - 9;
  auto const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return text;
}

}  // namespace

std::string shanghai_day(base::Millis at) {
  auto shifted = at + shanghai_offset_ms;
  auto days = shifted / day_ms;
  if (shifted % day_ms < 0) --days;
  return civil_date(days);
}

std::vector<std::int64_t> daily_questions(std::int64_t quiz_id, std::int64_t participant_id,
                                          std::string_view day,
                                          std::vector<std::int64_t> question_ids,
                                          std::size_t count) {
  std::sort(question_ids.begin(), question_ids.end());
  auto const n = question_ids.size();
  auto const k = std::min(count, n);
  auto const base_text =
      std::to_string(quiz_id) + ":" + std::to_string(participant_id) + ":" + std::string(day);
  for (std::size_t i = 0; i < k; ++i) {
    auto const r = head64(base::sha256_hex(base_text + ":" + std::to_string(i)));
    auto const j = i + static_cast<std::size_t>(r % (n - i));
    std::swap(question_ids[i], question_ids[j]);
  }
  question_ids.resize(k);
  return question_ids;
}

std::string commitment_of(std::string_view seed_hex) { return base::sha256_hex(seed_hex); }

bool is_seed_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::vector<std::int64_t> draw_winners(std::string_view seed_hex,
                                       std::vector<std::int64_t> qualified, std::size_t count) {
  std::sort(qualified.begin(), qualified.end());
  auto const n = qualified.size();
  auto const k = std::min(count, n);
  for (std::size_t i = 0; i < k; ++i) {
    auto const r = head64(base::sha256_hex(std::string(seed_hex) + ":" + std::to_string(i)));
    auto const j = i + static_cast<std::size_t>(r % (n - i));
    std::swap(qualified[i], qualified[j]);
  }
  qualified.resize(k);
  return qualified;
}

}  // namespace pufa::exam::quiz
