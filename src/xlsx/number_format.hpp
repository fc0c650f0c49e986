// Excel number formats: what a numeric cell looked like on the user's screen. Imports read the
// display, not the stored double: a cell formatted yyyy"年"m"月"d"日" holds 44197 but shows
// 2021年1月1日, "9:00" is 0.375 underneath, "50%" is 0.5 and a code formatted 0000000000 shows its
// leading zeros.
#pragma once

#include <string>
#include <string_view>

namespace pufa::xlsx {

struct NumberFormat {
  enum class Kind {
    general,   // General (and anything we do not render): Excel's 15 significant digits
    text,      // "@": the user asked for text; a number stored there shows as General
    number,    // 0, 0.00, #,##0, 0000000000, 0"元"
    percent,   // 0%, 0.00%
    fraction,  // # ?/?
    date,      // y, m, d and no time
    time,      // h, m, s and no date
    datetime,  // both
  };
  Kind kind = Kind::general;
  std::string code;  // the format code ("" for General)

  bool is_temporal() const { return kind == Kind::date || kind == Kind::time || kind == Kind::datetime; }
};

// The format of a built-in id (0–58, the zh-CN variants of 14, 22 and 27–58) or of a custom
// code from styles.xml.
NumberFormat builtin_format(int id);
NumberFormat custom_format(std::string code);

// The value as Excel shows it in that format. date1904: the workbook counts days from 1904.
std::string render_number(double value, NumberFormat const& format, bool date1904);

// A temporal value as Pufa stores it: "2021-01-01", "09:00" (":ss" when the format shows
// seconds), "2021-01-01 09:00"; "" when it is not a day Excel can show.
std::string iso_of(double value, NumberFormat const& format, bool date1904);

}  // namespace pufa::xlsx
