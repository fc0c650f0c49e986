// A deterministic pseudo-random sequence (a 64-bit LCG): the same seed gives the same demo and
// benchmark data on every machine. Not for anything secret: base/random.hpp is.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pufa::base {

class Sequence {
 public:
  explicit Sequence(std::uint64_t seed) : state_(seed) {}

  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  // 0 .. n-1
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
  template <class T, std::size_t N>
  T const& pick(T const (&items)[N]) {
    return items[below(static_cast<int>(N))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace pufa::base
