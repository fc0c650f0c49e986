// Checks and masks for personal data: 身份证号 (GB 11643) and mainland mobile numbers.
#pragma once

#include <string>
#include <string_view>

namespace pufa::text {

enum class IdCheck { ok, wrong_length, bad_character, bad_date, bad_check_digit };

IdCheck check_id_number(std::string_view id);  // 18 characters, last may be X
bool is_mobile(std::string_view phone);        // 11 digits starting 1[3-9]

std::string mask_id_number(std::string_view id);  // 330781********1234
std::string mask_phone(std::string_view phone);   // 138****5678

}  // namespace pufa::text
