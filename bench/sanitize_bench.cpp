// The rich-text sanitiser on worst-case bodies (issue #22): each 200 KB body built to make a
// scanner backtrack, timed against 200 KB of plain text in the same run. Linear means a ratio
// near 1 (markup costs a small constant more per byte); the quadratic comment scan it replaced
// took 6.5 s on <!----> against 13 ms of text (×500).
//
//   build/release/bench/sanitize_bench [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "content/sanitize.hpp"

namespace {

std::string repeat(std::string const& unit, std::size_t bytes = 200'000) {
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

double best_of(std::string const& body, int repeats) {
  double best = 1e9;
  for (int i = 0; i < repeats; ++i) {
    auto const started = std::chrono::steady_clock::now();
    auto const html = pufa::content::sanitize_html(body);
    auto const text = pufa::content::plain_text(html);
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    if (html.size() + text.size() == 1) std::puts("");  // keep the work
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  int const repeats = argc > 1 ? std::atoi(argv[1]) : 5;
  auto const reference = best_of(repeat("法治宣传进村入户。"), repeats);
  std::printf("%-14s %10s %8s\n", "body (200 KB)", "ms", "ratio");
  std::printf("%-14s %10.2f %8.2f\n", "plain text", reference, 1.0);
  double worst = 0;
  for (auto const* unit : {"<!---->", "<!--", "<!-- -", "-->", "<!-- --", "<svg>", "<math>", "<select>", "<![CDATA[",
                           "<a ", "<b x='", "&#x", "&amp", "<p>", "<div>", "</", "<!", "<?", "<script>",
                           "<td rowspan=9>", "<img src=/api/v1/attachments/1>"}) {
    auto const ms = best_of(repeat(unit), repeats);
    worst = std::max(worst, ms / reference);
    std::printf("%-14s %10.2f %8.2f\n", unit, ms, ms / reference);
  }
  std::printf("worst ratio %.2f\n", worst);
}
