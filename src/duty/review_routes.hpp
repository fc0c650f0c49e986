// The routes of 履职评议: /api/v1/duty/reviews (staff) and /api/v1/public/duty/reviews (the public's
// page and votes).
#pragma once

#include <memory>

#include "db/database.hpp"
#include "http/router.hpp"
#include "quiz/sender.hpp"

namespace pufa::duty {

void add_review_routes(http::Router& router, db::Database& db, std::shared_ptr<quiz::OtpSender> sender);

}  // namespace pufa::duty
