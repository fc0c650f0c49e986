// What the in-process benchmarks share: median and p99 of a function over several runs.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace pufa::bench {

struct Stats {
  double median, p99;  // milliseconds
};

template <class F>
Stats time_it(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto const start = std::chrono::steady_clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

}  // namespace pufa::bench
