#include "text/collate.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace pufa::text {

bool chinese_less(std::string_view a, std::string_view b) {
  thread_local std::unique_ptr<icu::Collator> const collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  if (!collator) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  auto const order = collator->compareUTF8(icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
                                           icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
  if (U_FAILURE(status) || order == UCOL_EQUAL) return a < b;
  return order == UCOL_LESS;
}

}  // namespace pufa::text
