// Four years (2017-2020) of Lanxi's legal-education work: the ledger with the campaigns the
// seed names on their dates, 600+ 三长学法说法讲法 sessions, and the channels with 阿荣说法 on air
// twice a week since 2005. Deterministic; a second run changes nothing.
#pragma once

#include "db/database.hpp"

namespace pufa::activity {

bool load_demo(db::Connection& conn);

}  // namespace pufa::activity
