#include "content/disclosure.hpp"

#include <cstdio>

namespace pufa::content {

std::string format_index_no(std::string_view code, int year, std::int64_t serial) {
  char tail[40];
  std::snprintf(tail, sizeof tail, "/%04d-%05lld", year, static_cast<long long>(serial));
  return std::string(code) + tail;
}

}  // namespace pufa::content
