// The deterministic parts of the public quiz: each participant's daily questions, the prize
// draw from a committed seed, and Asia/Shanghai calendar days. Pure functions, so a unit test
// and the published verify script (tests/support/quiz-draw-verify.mjs) can re-run them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"

namespace pufa::quiz {


// `count` of `question_ids` (any order in, sorted internally) chosen by a partial Fisher–Yates
// shuffle seeded with sha256("<quiz>:<participant>:<day>"): the same participant sees the same
// questions all day, on every node, without storing them.
std::vector<std::int64_t> daily_questions(std::int64_t quiz_id, std::int64_t participant_id,
                                          std::string_view day,
                                          std::vector<std::int64_t> question_ids,
                                          std::size_t count);

// commitment = sha256 of the seed's 64 lower-case hex characters (as ASCII text).
std::string commitment_of(std::string_view seed_hex);

// The fair draw (pufa-draw-2): the pool's hash is sha256 of its ids sorted ascending and joined
// with commas ("3,8,15"), and the draw's seed is
// sha256("<server seed hex>:<pool hash>:<public value>") — the server's committed secret, the pool
// fixed after the close and a public value nobody knew before it (docs/quiz.md).
std::string pool_hash_of(std::vector<std::int64_t> ids);
std::string draw_seed_of(std::string_view server_seed, std::string_view pool_hash, std::string_view public_value);

// The winners: `qualified` sorted ascending by id; for i = 0 .. k-1,
// r_i = first 8 bytes (big-endian) of sha256("<seed hex>:<i>"), j = i + r_i mod (n - i),
// swap(list[i], list[j]); the winners are list[0..k) in that order (k = min(count, n)).
std::vector<std::int64_t> draw_winners(std::string_view seed_hex,
                                       std::vector<std::int64_t> qualified, std::size_t count);

}  // namespace pufa::quiz
