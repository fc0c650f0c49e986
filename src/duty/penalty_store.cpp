// The SQL of duty_penalties (declared in store.hpp with the rest of the area's store).
#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "duty/store.hpp"

namespace pufa::duty::store {

namespace json = boost::json;

namespace {

constexpr char const* penalty_select =
    "SELECT id, doc_no, unit_id, region_path, enforcer, party, party_kind, offence, facts, basis, penalty, decided_on,"
    " cited, case_id, imported_by, imported_at FROM duty_penalties";

std::string cited_text(std::vector<CitedArticle> const& cited) {
  json::array out;
  for (auto const& c : cited) out.push_back({{"law", c.law}, {"number", c.ref.number}, {"suffix", c.ref.suffix}});
  return json::serialize(out);
}

std::vector<CitedArticle> cited_of(std::string const& text) {
  std::vector<CitedArticle> out;
  auto const parsed = json::parse(text);
  for (auto const& value : parsed.as_array()) {
    auto const& o = value.as_object();
    out.push_back({std::string(o.at("law").as_string()),
                   {static_cast<int>(o.at("number").as_int64()), static_cast<int>(o.at("suffix").as_int64())}});
  }
  return out;
}

Penalty penalty_row(db::Row const& row) {
  Penalty p;
  p.id = row.i64("id");
  p.doc_no = row.str("doc_no");
  p.unit_id = row.i64("unit_id");
  p.region_path = row.str("region_path");
  p.enforcer = row.str("enforcer");
  p.party = row.str("party");
  p.party_kind = row.str("party_kind");
  p.offence = row.str("offence");
  p.facts = row.str("facts");
  p.basis = row.str("basis");
  p.penalty = row.str("penalty");
  p.decided_on = row.str("decided_on");
  p.cited = cited_of(row.str("cited"));
  p.case_id = row.opt_i64("case_id");
  p.imported_by = row.opt_i64("imported_by");
  p.imported_at = row.i64("imported_at");
  return p;
}

std::string penalty_where(PenaltyFilter const& f, std::vector<db::Param>& params) {
  std::string where = " WHERE region_path LIKE ?";
  params.emplace_back(f.region_path + "%");
  if (f.unit_id) {
    where += " AND unit_id = ?";
    params.emplace_back(*f.unit_id);
  }
  if (f.year) {
    where += " AND decided_on >= ? AND decided_on <= ?";
    params.emplace_back(std::to_string(*f.year) + "-01-01");
    params.emplace_back(std::to_string(*f.year) + "-12-31");
  }
  if (!f.doc_no_like.empty()) {
    where += " AND LOWER(doc_no) LIKE ? ESCAPE '\\'";
    params.emplace_back(f.doc_no_like);
  }
  return where;
}

// "?, ?, ?" for `count` values.
std::string marks(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

constexpr std::size_t chunk = 500;

}  // namespace

std::int64_t insert_penalty(db::Connection& conn, Penalty const& p) {
  return conn.insert(
      "INSERT INTO duty_penalties (doc_no, unit_id, region_path, enforcer, party, party_kind, offence, facts, basis,"
      " penalty, decided_on, cited, case_id, imported_by, imported_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.doc_no, p.unit_id, p.region_path, p.enforcer, p.party, p.party_kind, p.offence, p.facts, p.basis, p.penalty,
       p.decided_on, cited_text(p.cited), p.case_id, p.imported_by, p.imported_at});
}

void set_penalty_case(db::Connection& conn, std::int64_t id, std::int64_t case_id) {
  conn.exec("UPDATE duty_penalties SET case_id = ? WHERE id = ?", {case_id, id});
}

std::vector<std::string> stored_doc_nos(db::Connection& conn, std::vector<std::string> const& doc_nos) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < doc_nos.size(); start += chunk) {
    auto const end = std::min(doc_nos.size(), start + chunk);
    std::vector<db::Param> params(doc_nos.begin() + static_cast<std::ptrdiff_t>(start),
                                  doc_nos.begin() + static_cast<std::ptrdiff_t>(end));
    auto const rows = conn.query("SELECT doc_no FROM duty_penalties WHERE doc_no IN (" + marks(end - start) + ")",
                                 std::span<db::Param const>(params));
    for (auto const& row : rows) out.push_back(row.str("doc_no"));
  }
  return out;
}

std::vector<Penalty> penalties(db::Connection& conn, PenaltyFilter const& filter) {
  std::vector<db::Param> params;
  auto sql = std::string(penalty_select) + penalty_where(filter, params) +
             " ORDER BY decided_on DESC, id DESC LIMIT ? OFFSET ?";
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  std::vector<Penalty> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(penalty_row(row));
  return out;
}

std::int64_t count_penalties(db::Connection& conn, PenaltyFilter const& filter) {
  std::vector<db::Param> params;
  auto const sql = "SELECT COUNT(*) AS n FROM duty_penalties" + penalty_where(filter, params);
  return conn.query(sql, std::span<db::Param const>(params)).front().i64("n");
}

std::optional<Penalty> penalty(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(penalty_select) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return penalty_row(rows.front());
}

std::vector<std::pair<std::int64_t, std::int64_t>> penalty_cases(db::Connection& conn, std::vector<std::int64_t> const& unit_ids) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (std::size_t start = 0; start < unit_ids.size(); start += chunk) {
    auto const end = std::min(unit_ids.size(), start + chunk);
    std::vector<db::Param> params(unit_ids.begin() + static_cast<std::ptrdiff_t>(start),
                                  unit_ids.begin() + static_cast<std::ptrdiff_t>(end));
    auto const rows = conn.query("SELECT unit_id, case_id FROM duty_penalties WHERE case_id IS NOT NULL AND unit_id IN (" +
                                     marks(end - start) + ")",
                                 std::span<db::Param const>(params));
    for (auto const& row : rows) out.emplace_back(row.i64("unit_id"), row.i64("case_id"));
  }
  return out;
}

}  // namespace pufa::duty::store
