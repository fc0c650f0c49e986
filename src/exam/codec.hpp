// Exams as JSON: the request body read and validated (shape and bounds; references are the
// service's), and the stored/returned form. The store keeps grade bands, eligibility and the
// paper rule as this JSON text.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "exam/model.hpp"

namespace pufa::exam {

// Throws ApiError(validation_failed) naming the field ("paper.rules[1].count").
Exam exam_from_json(boost::json::object const& body);

boost::json::array bands_json(std::vector<GradeBand> const& bands);
boost::json::object eligibility_json(Eligibility const& eligibility);
boost::json::object paper_json(PaperSpec const& paper);
boost::json::object exam_json(Exam const& exam, base::Millis now);

// Back from the stored text (written by the functions above).
std::vector<GradeBand> bands_from_text(std::string const& text);
Eligibility eligibility_from_text(std::string const& text);
PaperSpec paper_from_text(std::string const& text);

std::string rule_label(Rule const& rule);  // 单选题，标签「民法典」，难度 3
char const* type_label(std::string_view type);

}  // namespace pufa::exam
