// Rules over records (what counts as done), read from and written to JSON, checked against the
// ledger's dictionaries, and judged for one unit from the ledger's records (activity/library.hpp).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "duty/model.hpp"

namespace pufa::duty {

// From a request body's "rule" (absent or null: manual). 400 naming `field`.kind, .min … for a
// wrong shape; 422 for an unknown form, 法律六进 or study-kind code.
Rule rule_of(boost::json::value const* value, std::string const& field);
// 422 naming `field`.theme when the theme is not in the activity-theme dictionary (inside the
// write: the dictionary is data).
void check_rule(db::Connection& conn, Rule const& rule, std::string const& field);
boost::json::object rule_json(Rule const& rule);
// Stored as compact JSON text.
std::string rule_text(Rule const& rule);
Rule rule_from_text(std::string const& text);
// "≥ 2 项「民法典」主题活动", for files and bulletins.
std::string rule_words(Rule const& rule);

// The state of a task now (`today` a Shanghai date): rule tasks from the records, manual ones
// from their status and deadline.
// One task, with the matching records (newest 20) to show.
Progress judge(db::Connection& conn, Task const& task, std::string const& today);
// Many tasks in one read per (kind, year) of the units' records (lists, bulletins, the overview);
// the progress carries no records (a single task's read shows them). In the order of `tasks`.
std::vector<Progress> judge_many(db::Connection& conn, std::vector<Task> const& tasks, std::string const& today);

}  // namespace pufa::duty
