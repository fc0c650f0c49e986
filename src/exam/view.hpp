// The exam area's records as JSON (docs/exam.md): rendering only.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <vector>

#include "exam/service.hpp"

namespace pufa::exam {

boost::json::array options_json(std::vector<Option> const& options, std::string const& order = {});
boost::json::array letters_json(std::string const& letters);
// A question's law reference with the article it resolves to (null members while the library lacks it).
boost::json::value law_json(std::string const& text, std::map<std::string, LawLink> const& links);
boost::json::object question_json(Question const& q, std::map<std::string, LawLink> const& links);
boost::json::object bank_json(Bank const& b);
boost::json::object attempt_json(Attempt const& a);
boost::json::object exam_brief(Exam const& e, base::Millis now);
boost::json::object started_json(Started const& s);
boost::json::object result_json(ResultRow const& r);
boost::json::object stats_row_json(StatsRow const& s);
boost::json::object examinee_json(Examinee const& e);
boost::json::value opt_time(std::optional<base::Millis> at);
std::vector<std::string> law_refs(std::vector<Question> const& questions);

}  // namespace pufa::exam
