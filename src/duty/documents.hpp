// The area's Word documents (docx/docx.hpp): a bulletin as the 普法办 files it, and a unit's report.
#pragma once

#include <string>

#include "docx/docx.hpp"
#include "duty/model.hpp"

namespace pufa::duty {

// 标题, the day of the ranking, the remarks, the ranking table, how the score is made, the issuer and date.
std::string bulletin_docx(Bulletin const& bulletin);
// 标题, the body (a line "一、…" a heading, "（一）…" a second-level one, else a paragraph), the unit and date.
std::string report_docx(Report const& report);
// The same documents before they are written, for the PDF (pdf/pdf.hpp).
docx::Document bulletin_docx_document(Bulletin const& bulletin);
docx::Document report_docx_document(Report const& report);

}  // namespace pufa::duty
