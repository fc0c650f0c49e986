#include "service/library.hpp"

#include "service/store.hpp"

namespace pufa::service::library {

std::map<std::int64_t, std::int64_t> verified_days(db::Connection& conn, std::string const& region_path, int year) {
  return store::verified_by_village(conn, region_path, year);
}

}  // namespace pufa::service::library
