// Tasks judged in bulk, and the ranking a bulletin freezes (tasks.cpp).
#pragma once

#include <string>
#include <vector>

#include "db/database.hpp"
#include "duty/service.hpp"

namespace pufa::duty {

// Every task of the year in the subtree, judged from the records as of `today` (a Shanghai date).
std::vector<TaskView> judged_tasks(db::Connection& conn, std::string const& region_path, int year, std::string const& today);
// The tasks an issued plan's points make (lead and co-units of every point and date node), and
// those a published list's items make; tasks of points or items gone are deleted.
void sync_plan_tasks(db::Connection& conn, Plan const& plan, base::Millis now);
void sync_list_tasks(db::Connection& conn, DutyList const& list, base::Millis now);
// A bulletin's frozen ranking as stored (JSON).
std::string rows_text(std::vector<BulletinRow> const& rows);
// Units ranked by score (on time + half of late, over tasks), then fewer overdue; ties share a rank.
std::vector<BulletinRow> rank_units(std::vector<TaskView> const& tasks);

}  // namespace pufa::duty
