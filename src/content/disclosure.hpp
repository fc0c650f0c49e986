// Government-disclosure metadata: the 信息索引号 "<unified social credit code>/<year>-<serial>"
// (e.g. 1133078173379010XA/2020-97511) and the Asia/Shanghai dates shown beside it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>


namespace pufa::content {

// 兰溪市司法局, the portal's publisher: every index number on this portal carries its code.
inline constexpr std::string_view bureau_name = "市司法局";
inline constexpr std::string_view bureau_code = "1133078173379010XA";

// "1133078173379010XA/2020-97511"; serials below 10000 are written with five digits (00042).
std::string format_index_no(std::string_view code, int year, std::int64_t serial);

// The serial counters per (code, year) are in store.hpp (next_serial, reserve_serial).

}  // namespace pufa::content

namespace pufa::db {
class Connection;
}

namespace pufa::content {

// The next 信息索引号 of the bureau for `year`, inside the caller's publishing transaction: other
// areas that publish on the portal (responsibility lists) number their documents in the same
// series as articles.
std::string assign_index_no(db::Connection& conn, int year);

}  // namespace pufa::content
