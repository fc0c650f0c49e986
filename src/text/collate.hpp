// Chinese order for what people scan by eye (law titles, unit names): pinyin, as a dictionary
// or a government list sorts, from ICU's zh collator (one per thread).
#pragma once

#include <string_view>

namespace pufa::text {

// True when `a` sorts before `b` in pinyin order (ties: code point order).
bool chinese_less(std::string_view a, std::string_view b);

}  // namespace pufa::text
