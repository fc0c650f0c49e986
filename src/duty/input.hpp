// Request bodies of the duty routes read into use-case inputs: shapes, lengths and dates checked
// with field-named Chinese errors (400); what needs the database is checked by the use cases.
#pragma once

#include <boost/json/object.hpp>

#include "duty/service.hpp"
#include "http/request.hpp"

namespace pufa::duty {

PlanInput plan_input(boost::json::object const& body);
ListInput list_input(boost::json::object const& body, bool create);
AnswerInput answer_input(boost::json::object const& body);
BulletinInput bulletin_input(boost::json::object const& body);
int year_of(boost::json::object const& body);

}  // namespace pufa::duty
