#include "duty/documents.hpp"

#include <fmt/format.h>

#include "base/time.hpp"
#include "docx/docx.hpp"

namespace pufa::duty {

namespace {

using Kind = docx::Block::Kind;

std::string chinese_day(std::string const& iso) {
  return fmt::format("{}年{}月{}日", iso.substr(0, 4), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

constexpr std::string_view numerals[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"};

Kind kind_of_line(std::string_view line) {
  for (auto n : numerals) {
    if (line.starts_with(n)) return Kind::heading1;
  }
  if (line.starts_with("（") && line.find("）") != std::string_view::npos && line.find("）") < 12) return Kind::heading2;
  return Kind::body;
}

}  // namespace

docx::Document bulletin_docx_document(Bulletin const& bulletin) {
  docx::Document doc{.title = bulletin.title, .author = "兰溪市普法办"};
  doc.add(Kind::title, bulletin.title);
  doc.add(Kind::subtitle, fmt::format("（统计截至{}）", chinese_day(bulletin.as_of)));
  if (!bulletin.remarks.empty()) doc.add(Kind::body, bulletin.remarks);
  docx::Table table{.header = {"名次", "单位", "任务数", "按时完成", "逾期完成", "逾期未完成", "进行中", "得分"},
                    .widths = {6, 20, 8, 9, 9, 10, 8, 8}};
  for (auto const& r : bulletin.rows) {
    table.rows.push_back({std::to_string(r.rank), r.unit_name, std::to_string(r.tasks), std::to_string(r.on_time),
                          std::to_string(r.late), std::to_string(r.overdue), std::to_string(r.open), fmt::format("{:.1f}", r.score)});
  }
  doc.add_table(std::move(table));
  doc.add(Kind::body, "得分 =（按时完成 + 0.5 × 逾期完成）÷ 任务数 × 100，完成情况由平台按各单位台账记录自动判定，印发后排名不再改变。");
  doc.add(Kind::right, "兰溪市普法办\n" + chinese_day(base::shanghai_date(bulletin.issued_at)));
  return doc;
}

docx::Document report_docx_document(Report const& report) {
  docx::Document doc{.title = report.title, .author = report.unit_name};
  doc.add(Kind::title, report.title);
  std::size_t start = 0;
  while (start < report.body.size()) {
    auto end = report.body.find('\n', start);
    if (end == std::string::npos) end = report.body.size();
    auto const line = std::string_view(report.body).substr(start, end - start);
    if (!line.empty()) doc.add(kind_of_line(line), std::string(line));
    start = end + 1;
  }
  auto const day = report.submitted_at ? *report.submitted_at : report.updated_at;
  doc.add(Kind::right, report.unit_name + "\n" + chinese_day(base::shanghai_date(day)));
  return doc;
}

std::string bulletin_docx(Bulletin const& bulletin) { return docx::write(bulletin_docx_document(bulletin)); }
std::string report_docx(Report const& report) { return docx::write(report_docx_document(report)); }

}  // namespace pufa::duty
