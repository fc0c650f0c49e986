// Checks and masks for personal data: 身份证号 (GB 11643), mainland mobile numbers, names.
#pragma once

#include <string>
#include <string_view>

namespace pufa::text {

enum class IdCheck { ok, wrong_length, bad_character, bad_date, bad_check_digit };

IdCheck check_id_number(std::string_view id);  // 18 characters, last may be X
bool is_mobile(std::string_view phone);        // 11 digits starting 1[3-9]

std::string mask_id_number(std::string_view id);  // 330781********1234
std::string mask_phone(std::string_view phone);   // 138****5678
// A person's name where a public page shows it: the surname kept, and for three characters or
// more the last as well (王*, 王*明, 欧**娜). Invalid UTF-8 gives "*".
std::string mask_name(std::string_view name);

}  // namespace pufa::text
