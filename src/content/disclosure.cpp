#include "content/disclosure.hpp"

#include <fmt/format.h>

#include "content/store.hpp"

namespace pufa::content {

std::string format_index_no(std::string_view code, int year, std::int64_t serial) {
  return fmt::format("{}/{:04}-{:05}", code, year, serial);
}

std::string assign_index_no(db::Connection& conn, int year) {
  return format_index_no(bureau_code, year, store::next_serial(conn, bureau_code, year));
}

}  // namespace pufa::content
