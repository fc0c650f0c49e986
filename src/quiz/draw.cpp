#include "quiz/draw.hpp"

#include <algorithm>

#include "base/random.hpp"

namespace pufa::quiz {

namespace {

// The first 16 hex digits of a sha256 as an unsigned 64-bit number.
std::uint64_t head64(std::string const& hex) {
  return std::stoull(hex.substr(0, 16), nullptr, 16);
}

}  // namespace

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

std::string pool_hash_of(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  std::string text;
  for (auto id : ids) text += (text.empty() ? "" : ",") + std::to_string(id);
  return base::sha256_hex(text);
}

std::string draw_seed_of(std::string_view server_seed, std::string_view pool_hash, std::string_view public_value) {
  return base::sha256_hex(std::string(server_seed) + ":" + std::string(pool_hash) + ":" + std::string(public_value));
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

}  // namespace pufa::quiz
