// The service area's routes under /api/v1/service, /api/v1/service_stations and /api/v1/public/service
// (docs/service.md).
#pragma once

#include <memory>
#include <vector>

#include <boost/json/object.hpp>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "quiz/sender.hpp"
#include "todo/todo.hpp"

namespace pufa::service {

std::vector<db::Migration> migrations();
void add_routes(http::Router& router, db::Database& db, std::shared_ptr<quiz::OtpSender> sender, todo::Centre& todo);
// GET /stats/overview's service figures.
void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);
// The Lanxi demo: stations, remote villages, 2019-2020 and this year's schedules, logs, bookings and call-backs.
void load_demo(db::Connection& conn);
// `pufa service remind`: the day-before reminders for bookings agreed for the day after `on` (Beijing); how many.
std::int64_t send_reminders(db::Database& db, std::shared_ptr<quiz::OtpSender> sender, std::string const& on);
// Re-seals the area's personal data (`pufa keys rotate`).
std::int64_t reseal(db::Connection& conn);

}  // namespace pufa::service
