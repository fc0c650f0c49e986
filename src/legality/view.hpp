// The legality area's JSON (docs/legality.md), and the request bodies it reads.
#pragma once

#include <boost/json/object.hpp>

#include "legality/service.hpp"

namespace pufa::legality {

boost::json::object submission_json(SubmissionView const& v, bool detail);
boost::json::object file_json(File const& f);
boost::json::object rules_json(RulesView const& v, bool detail);
boost::json::object case_json(CaseView const& v);
boost::json::object figures_json(Figures const& f);
boost::json::object case_figures_json(CaseFigures const& f);

// {"points": [{"text", "citations": [..]}]}; 400 naming points[i] for a wrong shape.
std::vector<Point> points_in(boost::json::object const& body);
std::vector<std::int64_t> file_ids_in(boost::json::object const& body);
CaseInput case_in(boost::json::object const& body);
RulesInput rules_in(boost::json::object const& body);

}  // namespace pufa::legality
