// The assessment area's JSON (codes on the wire, UTC instants, Shanghai dates), and request bodies read
// into use-case inputs with field-named Chinese errors (400); what needs the database the use cases check.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "assess/service.hpp"

namespace pufa::assess {

boost::json::object set_json(IndicatorSet const& set, bool with_items);
boost::json::object round_json(RoundView const& view);
boost::json::object summary_json(RoundSummary const& summary);
boost::json::object sheet_json(SheetView const& view);
boost::json::object gap_json(Gap const& gap);
boost::json::object fix_json(Fix const& fix);
boost::json::object evidence_json(EvidenceRef const& ref);
boost::json::object ranked_json(Ranked const& ranked);
boost::json::object group_json(Group const& group, std::string const& member_names);

SetInput set_input(boost::json::object const& body);
RoundInput round_input(boost::json::object const& body);
LeafInput leaf_input(boost::json::object const& body, bool inspection);
std::vector<GroupInput> groups_input(boost::json::object const& body);
std::vector<std::pair<std::string, std::int64_t>> evidence_input(boost::json::object const& body);
std::vector<std::int64_t> id_list(boost::json::object const& body, std::string_view key, std::string_view label);
// A Shanghai date, "2020-12-31"; 400 naming `field` otherwise.
std::string date_value(boost::json::value const& value, std::string const& field, std::string_view label);

}  // namespace pufa::assess
