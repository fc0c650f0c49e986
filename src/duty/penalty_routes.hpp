// The routes of 以案释法 from enforcement: /api/v1/duty/penalties (list, one, import, template).
#pragma once

#include "duty/service.hpp"
#include "http/router.hpp"

namespace pufa::duty {

void add_penalty_routes(http::Router& router, DutyService const& service);

}  // namespace pufa::duty
