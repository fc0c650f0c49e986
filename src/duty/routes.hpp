// The responsibility system (普法责任制): routes, migrations, demo data and the figures it adds
// to the overview.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "duty/reminders.hpp"
#include "quiz/sender.hpp"
#include "todo/todo.hpp"

namespace pufa::duty {

// Registers the area's to-do counts (lists to review or returned, tasks to answer or confirm).
// `sender`: the quiz's one-time-code sender, which 履职评议's public votes share (none: codes refused).
// `reminders`: where 催办 reminders go (none: recorded, not sent).
void add_routes(http::Router& router, db::Database& db, todo::Centre& todo, std::shared_ptr<quiz::OtpSender> sender = nullptr,
                std::shared_ptr<ReminderSender> reminders = nullptr);
std::vector<db::Migration> migrations();
// responsibility_units and duty_tasks_done_rate of a subtree, for GET /api/v1/stats/overview.
void add_overview(db::Connection& conn, std::string const& region_path, boost::json::object& out);
// The Lanxi demo: 2017–2020 work points, lists of the departments the seed names, answers from
// the ledger, two bulletins.
void load_demo(db::Connection& conn);

}  // namespace pufa::duty
