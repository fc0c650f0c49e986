// Government-disclosure metadata: the 信息索引号 "<unified social credit code>/<year>-<serial>"
// (e.g. 1133078173379010XA/2020-97511) and the Asia/Shanghai dates shown beside it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/time.hpp"
#include "db/database.hpp"

namespace pufa::content {

// 兰溪市司法局, the portal's publisher: every index number on this portal carries its code.
inline constexpr std::string_view bureau_name = "市司法局";
inline constexpr std::string_view bureau_code = "1133078173379010XA";

// "1133078173379010XA/2020-97511"; serials below 10000 are written with five digits (00042).
std::string format_index_no(std::string_view code, int year, std::int64_t serial);

// Asia/Shanghai (UTC+8 all year, no daylight saving since 1991).
int shanghai_year(base::Millis at);
std::string shanghai_date(base::Millis at);  // 2020-08-10

// The next serial of (code, year): one more than the stored counter (1 for a new year).
// Call inside the publishing transaction.
std::int64_t next_serial(db::Connection& conn, std::string_view code, int year);
// Raises the stored counter to at least `serial` (demo data carrying historical numbers).
void reserve_serial(db::Connection& conn, std::string_view code, int year, std::int64_t serial);

}  // namespace pufa::content
