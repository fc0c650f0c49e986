// The routes of 履职报告 / 述职述法 (/api/v1/duty/reports) and the area's Word files.
#pragma once

#include "duty/service.hpp"
#include "http/router.hpp"

namespace pufa::duty {

void add_report_routes(http::Router& router, DutyService const& service);

}  // namespace pufa::duty
