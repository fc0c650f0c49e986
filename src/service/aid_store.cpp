// The SQL of legal aid applications (service_aid); the rest of the area's tables are in store.cpp.
#include "base/sealed.hpp"
#include "service/store.hpp"
#include "service/store_sql.hpp"

namespace pufa::service::store {

namespace {

constexpr std::string_view aid_name = "service_aid.name", aid_id_number = "service_aid.id_number", aid_phone = "service_aid.phone",
                           aid_address = "service_aid.address", aid_opponent = "service_aid.opponent";

constexpr char const* aid_columns =
    "id, ref, token_hash, region_id, region_path, village_id, origin_kind, origin_id, referred_by, advisor_id, name, gender, id_number,"
    " phone, address, matter, opponent, facts, household_size, monthly_income, exemption, status, received_on, decide_by, decided_on,"
    " decided_by, refusal_reason, assign_by, assigned_on, lawyer, firm, lawyer_phone, closed_on, outcome, close_note, followed_up_on,"
    " follow_up_note, satisfaction, created_at, updated_at";

Aid aid_row(db::Row const& row) {
  Aid a;
  a.id = row.i64("id");
  a.ref = row.str("ref");
  a.token_hash = row.opt_str("token_hash");
  a.region_id = row.i64("region_id");
  a.region_path = row.str("region_path");
  a.village_id = row.opt_i64("village_id");
  a.origin_kind = row.opt_str("origin_kind");
  a.origin_id = row.opt_i64("origin_id");
  a.referred_by = row.opt_i64("referred_by");
  a.advisor_id = row.opt_i64("advisor_id");
  a.name = base::sealed::open(row.str("name"), aid_name);
  a.gender = row.str("gender");
  a.id_number = base::sealed::open(row.str("id_number"), aid_id_number);
  a.phone = base::sealed::open(row.str("phone"), aid_phone);
  a.address = base::sealed::open(row.str("address"), aid_address);
  a.matter = row.str("matter");
  if (auto const o = row.opt_str("opponent")) a.opponent = base::sealed::open(*o, aid_opponent);
  a.facts = row.str("facts");
  a.household_size = static_cast<int>(row.i64("household_size"));
  a.monthly_income = static_cast<int>(row.i64("monthly_income"));
  a.exemption = row.str("exemption");
  a.status = row.str("status");
  a.received_on = row.str("received_on");
  a.decide_by = row.str("decide_by");
  a.decided_on = row.opt_str("decided_on");
  a.decided_by = row.opt_i64("decided_by");
  a.refusal_reason = row.opt_str("refusal_reason");
  a.assign_by = row.opt_str("assign_by");
  a.assigned_on = row.opt_str("assigned_on");
  a.lawyer = row.opt_str("lawyer");
  a.firm = row.opt_str("firm");
  a.lawyer_phone = row.opt_str("lawyer_phone");
  a.closed_on = row.opt_str("closed_on");
  a.outcome = row.opt_str("outcome");
  a.close_note = row.opt_str("close_note");
  a.followed_up_on = row.opt_str("followed_up_on");
  a.follow_up_note = row.opt_str("follow_up_note");
  a.satisfaction = row.opt_str("satisfaction");
  a.created_at = row.i64("created_at");
  a.updated_at = row.i64("updated_at");
  return a;
}

}  // namespace

std::vector<Aid> aids(db::Connection& conn, AidFilter const& f, std::int64_t* total) {
  Where w;
  w.add("region_path LIKE ?", f.scope_path + "%");
  if (f.referred_by) w.add("referred_by = ?", *f.referred_by);
  if (f.status) w.add("status = ?", *f.status);
  if (f.from) w.add("received_on >= ?", *f.from);
  if (f.to) w.add("received_on <= ?", *f.to);
  if (f.open_only) w.raw("status IN ('submitted', 'approved', 'assigned')");
  if (f.overdue_on) {
    w.add("((status = 'submitted' AND decide_by < ?)", *f.overdue_on);
    w.sql += " OR (status = 'approved' AND assign_by < ?))";
    w.params.push_back(*f.overdue_on);
  }
  if (total) *total = count_of(conn, "service_aid", w);
  std::vector<Aid> out;
  for (auto row : conn.query(std::string("SELECT ") + aid_columns + " FROM service_aid" + w.sql +
                                 " ORDER BY received_on DESC, id DESC" + page_sql(f.limit, f.offset),
                             w.params)) {
    out.push_back(aid_row(row));
  }
  return out;
}

std::optional<Aid> aid(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(std::string("SELECT ") + aid_columns + " FROM service_aid WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return aid_row(rows.front());
}

std::optional<Aid> aid_by_ref(db::Connection& conn, std::string const& ref) {
  auto rows = conn.query(std::string("SELECT ") + aid_columns + " FROM service_aid WHERE ref = ?", {ref});
  if (rows.empty()) return std::nullopt;
  return aid_row(rows.front());
}

std::int64_t insert_aid(db::Connection& conn, Aid const& a) {
  return conn.insert(
      "INSERT INTO service_aid (ref, token_hash, region_id, region_path, village_id, origin_kind, origin_id, referred_by, advisor_id,"
      " name, gender, id_number, id_index, phone, address, matter, opponent, facts, household_size, monthly_income, exemption, status,"
      " received_on, decide_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " RETURNING id",
      {a.ref, a.token_hash, a.region_id, a.region_path, a.village_id, a.origin_kind, a.origin_id, a.referred_by, a.advisor_id,
       base::sealed::seal(a.name, aid_name), a.gender, base::sealed::seal(a.id_number, aid_id_number),
       base::sealed::blind_index(base::sealed::id_number_kind, a.id_number), base::sealed::seal(a.phone, aid_phone),
       base::sealed::seal(a.address, aid_address), a.matter,
       a.opponent ? db::Param(base::sealed::seal(*a.opponent, aid_opponent)) : db::Param(nullptr), a.facts, a.household_size,
       a.monthly_income, a.exemption, a.status, a.received_on, a.decide_by, a.created_at, a.updated_at});
}

void update_aid(db::Connection& conn, Aid const& a) {
  conn.exec("UPDATE service_aid SET status = ?, decided_on = ?, decided_by = ?, refusal_reason = ?, assign_by = ?, assigned_on = ?,"
            " lawyer = ?, firm = ?, lawyer_phone = ?, closed_on = ?, outcome = ?, close_note = ?, followed_up_on = ?, follow_up_note = ?,"
            " satisfaction = ?, updated_at = ? WHERE id = ?",
            {a.status, a.decided_on, a.decided_by, a.refusal_reason, a.assign_by, a.assigned_on, a.lawyer, a.firm, a.lawyer_phone,
             a.closed_on, a.outcome, a.close_note, a.followed_up_on, a.follow_up_note, a.satisfaction, a.updated_at, a.id});
}

std::map<std::string, std::int64_t> aid_status_counts(db::Connection& conn, std::string const& path) {
  std::map<std::string, std::int64_t> out;
  for (auto row : conn.query("SELECT status, COUNT(*) AS n FROM service_aid WHERE region_path LIKE ? GROUP BY status", {path + "%"})) {
    out[row.str("status")] = row.i64("n");
  }
  return out;
}

std::int64_t aids_with_prefix(db::Connection& conn, std::string const& prefix) {
  return conn.scalar("SELECT COUNT(*) FROM service_aid WHERE ref LIKE ?", {prefix + "%"}).value_or(0);
}

std::map<std::int64_t, Aid> aids_of(db::Connection& conn, std::string const& origin_kind, std::vector<std::int64_t> const& ids) {
  std::map<std::int64_t, Aid> out;
  if (ids.empty()) return out;
  std::string marks;
  std::vector<db::Param> params{origin_kind};
  for (auto id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  for (auto row : conn.query(std::string("SELECT ") + aid_columns + " FROM service_aid WHERE origin_kind = ? AND origin_id IN (" +
                                 marks + ")",
                             params)) {
    auto a = aid_row(row);
    out[*a.origin_id] = std::move(a);
  }
  return out;
}

std::int64_t reseal_aid(db::Connection& conn) {
  std::int64_t n = 0;
  auto const current = base::sealed::current_like();
  for (auto row : conn.query("SELECT id, name, id_number, phone, address, opponent FROM service_aid WHERE name NOT LIKE ?"
                             " OR id_number NOT LIKE ? OR phone NOT LIKE ? OR address NOT LIKE ? OR opponent NOT LIKE ?",
                             {current, current, current, current, current})) {
    auto const again = [](std::string const& stored, std::string_view context) {
      return base::sealed::seal(base::sealed::open(stored, context), context);
    };
    auto const opponent = row.opt_str("opponent");
    conn.exec("UPDATE service_aid SET name = ?, id_number = ?, phone = ?, address = ?, opponent = ? WHERE id = ?",
              {again(row.str("name"), aid_name), again(row.str("id_number"), aid_id_number), again(row.str("phone"), aid_phone),
               again(row.str("address"), aid_address), opponent ? db::Param(again(*opponent, aid_opponent)) : db::Param(nullptr),
               row.i64("id")});
    ++n;
  }
  return n;
}

}  // namespace pufa::service::store
