#include "content/disclosure.hpp"

#include <fmt/format.h>

namespace pufa::content {

std::string format_index_no(std::string_view code, int year, std::int64_t serial) {
  return fmt::format("{}/{:04}-{:05}", code, year, serial);
}

}  // namespace pufa::content
