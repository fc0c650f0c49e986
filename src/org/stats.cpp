#include "org/stats.hpp"

namespace pufa::org {

namespace {

struct Count {
  char const* key;
  char const* sql;  // parameters: region path prefix, then `today` where marked
  bool dated;
};

// Records in force: a term or contract without an end, or ending today or later.
constexpr Count counts[] = {
    {"townships", "SELECT COUNT(*) FROM regions r WHERE r.level = 2 AND r.path LIKE ?", false},
    {"villages", "SELECT COUNT(*) FROM regions r WHERE r.level = 3 AND r.path LIKE ?", false},
    {"units", "SELECT COUNT(*) FROM units t JOIN regions r ON r.id = t.region_id WHERE r.path LIKE ?", false},
    {"schools", "SELECT COUNT(*) FROM units t JOIN regions r ON r.id = t.region_id"
                " WHERE t.type = '学校' AND r.path LIKE ?", false},
    {"schools_with_vice_principal",
     "SELECT COUNT(DISTINCT t.school_id) FROM vice_principals t JOIN regions r ON r.id = t.region_id"
     " WHERE r.path LIKE ? AND (t.term_end IS NULL OR t.term_end >= ?)", true},
    {"vice_principals",
     "SELECT COUNT(DISTINCT t.person_id) FROM vice_principals t JOIN regions r ON r.id = t.region_id"
     " WHERE r.path LIKE ? AND (t.term_end IS NULL OR t.term_end >= ?)", true},
    {"schools_with_advisor",
     "SELECT COUNT(DISTINCT t.client_unit_id) FROM advisor_contracts t"
     " JOIN units u ON u.id = t.client_unit_id JOIN regions r ON r.id = t.region_id"
     " WHERE u.type = '学校' AND r.path LIKE ? AND (t.ends_on IS NULL OR t.ends_on >= ?)", true},
    {"villages_with_advisor",
     "SELECT COUNT(DISTINCT t.client_region_id) FROM advisor_contracts t"
     " JOIN regions r ON r.id = t.region_id"
     " WHERE t.client_region_id IS NOT NULL AND r.path LIKE ? AND (t.ends_on IS NULL OR t.ends_on >= ?)", true},
    {"people", "SELECT COUNT(*) FROM people t JOIN regions r ON r.id = t.region_id WHERE r.path LIKE ?", false},
    {"lecturer_teams", "SELECT COUNT(*) FROM teams t JOIN regions r ON r.id = t.region_id"
                       " WHERE t.kind = '讲师团' AND r.path LIKE ?", false},
    {"places", "SELECT COUNT(*) FROM places t JOIN regions r ON r.id = t.region_id WHERE r.path LIKE ?", false},
    {"township_constitution_rooms",
     "SELECT COUNT(*) FROM places t JOIN regions r ON r.id = t.region_id"
     " WHERE t.type = '宪法学习室' AND r.level = 2 AND r.path LIKE ?", false},
    {"volunteers", "SELECT COUNT(*) FROM people t JOIN regions r ON r.id = t.region_id"
                   " WHERE t.tags LIKE '%,志愿者,%' AND r.path LIKE ?", false},
    {"legal_advisors", "SELECT COUNT(*) FROM people t JOIN regions r ON r.id = t.region_id"
                       " WHERE t.tags LIKE '%,法律顾问,%' AND r.path LIKE ?", false},
};

}  // namespace

boost::json::object overview(db::Connection& conn, std::string const& region_path,
                             std::string const& today) {
  boost::json::object out;
  std::string const prefix = region_path + "%";
  for (auto const& count : counts) {
    auto value = count.dated ? conn.scalar(count.sql, {prefix, today}) : conn.scalar(count.sql, {prefix});
    out[count.key] = value.value_or(0);
  }
  return out;
}

}  // namespace pufa::org
