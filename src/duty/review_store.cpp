#include "duty/review_store.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace pufa::duty::store {

namespace json = boost::json;

namespace {

constexpr char const* round_select =
    "SELECT id, year, title, intro, status, weights, bands, opens_at, closes_at, exclude_flagged, published_at, results,"
    " vote_salt, region_path, created_at, updated_at FROM duty_review_rounds";

std::string weights_text(Weights const& w) {
  return json::serialize(json::object{{"crowd", w.crowd}, {"panel", w.panel}, {"members", w.members}});
}
std::string bands_text(Bands const& b) {
  return json::serialize(json::object{{"excellent", b.excellent}, {"good", b.good}, {"fair", b.fair}});
}

Round round_row(db::Row const& row) {
  Round r;
  r.id = row.i64("id");
  r.year = static_cast<int>(row.i64("year"));
  r.title = row.str("title");
  r.intro = row.str("intro");
  r.status = row.str("status");
  auto const weights = json::parse(row.str("weights"));
  r.weights = {static_cast<int>(weights.at("crowd").as_int64()), static_cast<int>(weights.at("panel").as_int64()),
               static_cast<int>(weights.at("members").as_int64())};
  auto const bands = json::parse(row.str("bands"));
  auto number = [&](char const* key) { return bands.at(key).is_double() ? bands.at(key).as_double() : static_cast<double>(bands.at(key).as_int64()); };
  r.bands = {number("excellent"), number("good"), number("fair")};
  r.opens_at = row.i64("opens_at");
  r.closes_at = row.i64("closes_at");
  r.exclude_flagged = row.i64("exclude_flagged") != 0;
  r.published_at = row.opt_i64("published_at");
  r.results = row.opt_str("results");
  r.vote_salt = row.str("vote_salt");
  r.region_path = row.str("region_path");
  r.created_at = row.i64("created_at");
  r.updated_at = row.i64("updated_at");
  return r;
}

}  // namespace

std::int64_t insert_round(db::Connection& conn, Round const& r, std::int64_t by) {
  return conn.insert(
      "INSERT INTO duty_review_rounds (year, title, intro, status, weights, bands, opens_at, closes_at, exclude_flagged,"
      " published_at, results, vote_salt, region_path, created_by, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.year, r.title, r.intro, r.status, weights_text(r.weights), bands_text(r.bands), r.opens_at, r.closes_at,
       r.exclude_flagged ? 1 : 0, r.published_at, r.results, r.vote_salt, r.region_path, by, r.created_at, r.updated_at});
}

void update_round(db::Connection& conn, Round const& r) {
  conn.exec(
      "UPDATE duty_review_rounds SET year = ?, title = ?, intro = ?, status = ?, weights = ?, bands = ?, opens_at = ?,"
      " closes_at = ?, exclude_flagged = ?, published_at = ?, results = ?, updated_at = ? WHERE id = ?",
      {r.year, r.title, r.intro, r.status, weights_text(r.weights), bands_text(r.bands), r.opens_at, r.closes_at,
       r.exclude_flagged ? 1 : 0, r.published_at, r.results, r.updated_at, r.id});
}

std::optional<Round> find_round(db::Connection& conn, std::int64_t id) {
  auto const rows = conn.query(std::string(round_select) + " WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return round_row(rows.front());
}

std::vector<Round> all_rounds(db::Connection& conn) {
  std::vector<Round> out;
  for (auto const& row : conn.query(std::string(round_select) + " ORDER BY year DESC, id DESC")) out.push_back(round_row(row));
  return out;
}

void set_entries(db::Connection& conn, std::int64_t round_id, std::vector<std::int64_t> const& unit_ids) {
  auto const current = entries(conn, round_id);
  for (auto const& e : current) {
    if (std::find(unit_ids.begin(), unit_ids.end(), e.unit_id) == unit_ids.end()) {
      conn.exec("DELETE FROM duty_review_entries WHERE id = ?", {e.id});
    }
  }
  for (auto unit : unit_ids) {
    if (std::none_of(current.begin(), current.end(), [&](Entry const& e) { return e.unit_id == unit; })) {
      conn.exec("INSERT INTO duty_review_entries (round_id, unit_id, report, video_url, attachments) VALUES (?, ?, '', '', '')",
                {round_id, unit});
    }
  }
}

std::vector<Entry> entries(db::Connection& conn, std::int64_t round_id) {
  std::vector<Entry> out;
  for (auto const& row : conn.query("SELECT id, round_id, unit_id, report, video_url, attachments, submitted_at FROM duty_review_entries"
                                    " WHERE round_id = ? ORDER BY id",
                                    {round_id})) {
    Entry e;
    e.id = row.i64("id");
    e.round_id = row.i64("round_id");
    e.unit_id = row.i64("unit_id");
    e.report = row.str("report");
    e.video_url = row.str("video_url");
    auto const ids = row.str("attachments");  // "1,2,3"
    for (std::size_t at = 0; at < ids.size();) {
      auto const comma = ids.find(',', at);
      e.attachment_ids.push_back(std::stoll(ids.substr(at, comma == std::string::npos ? std::string::npos : comma - at)));
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
    e.submitted_at = row.opt_i64("submitted_at");
    out.push_back(std::move(e));
  }
  return out;
}

void set_report(db::Connection& conn, std::int64_t entry_id, std::string const& report, std::string const& video_url,
                std::vector<std::int64_t> const& attachment_ids, std::int64_t by, base::Millis now) {
  std::string ids;
  for (auto id : attachment_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  conn.exec("UPDATE duty_review_entries SET report = ?, video_url = ?, attachments = ?, submitted_at = ?, submitted_by = ? WHERE id = ?",
            {report, video_url, ids, now, by, entry_id});
}

std::int64_t count_entries(db::Connection& conn, std::int64_t round_id) {
  return conn.query("SELECT COUNT(*) AS n FROM duty_review_entries WHERE round_id = ?", {round_id}).front().i64("n");
}

std::int64_t insert_sheet(db::Connection& conn, Sheet const& sheet, std::int64_t by) {
  json::array scores;
  for (auto const& [entry, score] : sheet.scores) scores.push_back({{"entry_id", entry}, {"score", score}});
  return conn.insert(
      "INSERT INTO duty_review_sheets (round_id, source, scorer, scores, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?)"
      " RETURNING id",
      {sheet.round_id, sheet.source, sheet.scorer, json::serialize(scores), by, sheet.entered_at});
}

std::vector<Sheet> sheets(db::Connection& conn, std::int64_t round_id) {
  std::vector<Sheet> out;
  for (auto const& row : conn.query("SELECT id, round_id, source, scorer, scores, entered_at FROM duty_review_sheets"
                                    " WHERE round_id = ? ORDER BY id",
                                    {round_id})) {
    Sheet s;
    s.id = row.i64("id");
    s.round_id = row.i64("round_id");
    s.source = row.str("source");
    s.scorer = row.str("scorer");
    s.entered_at = row.i64("entered_at");
    auto const parsed = json::parse(row.str("scores"));
    for (auto const& v : parsed.as_array()) {
      auto const& o = v.as_object();
      auto const& score = o.at("score");
      s.scores.emplace_back(o.at("entry_id").as_int64(), score.is_double() ? score.as_double() : static_cast<double>(score.as_int64()));
    }
    out.push_back(std::move(s));
  }
  return out;
}

void delete_sheet(db::Connection& conn, std::int64_t round_id, std::int64_t sheet_id) {
  conn.exec("DELETE FROM duty_review_sheets WHERE round_id = ? AND id = ?", {round_id, sheet_id});
}

void insert_code(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash, VoteCode const& code,
                 base::Millis now) {
  conn.exec("INSERT INTO duty_review_codes (round_id, phone_hash, salt, code_hash, expires_at, failures, used, created_at)"
            " VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
            {round_id, phone_hash, code.salt, code.code_hash, code.expires_at, now});
}

std::optional<VoteCode> latest_code(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash) {
  auto const rows = conn.query("SELECT id, salt, code_hash, expires_at, failures, used FROM duty_review_codes"
                               " WHERE round_id = ? AND phone_hash = ? ORDER BY id DESC LIMIT 1",
                               {round_id, phone_hash});
  if (rows.empty()) return std::nullopt;
  auto const& row = rows.front();
  return VoteCode{row.i64("id"), row.str("salt"), row.str("code_hash"), row.i64("expires_at"),
                  static_cast<int>(row.i64("failures")), row.i64("used") != 0};
}

void set_code_failures(db::Connection& conn, std::int64_t id, int failures) {
  conn.exec("UPDATE duty_review_codes SET failures = ? WHERE id = ?", {static_cast<std::int64_t>(failures), id});
}

void use_code(db::Connection& conn, std::int64_t id) { conn.exec("UPDATE duty_review_codes SET used = 1 WHERE id = ?", {id}); }

bool has_ballot(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash) {
  return conn.scalar("SELECT id FROM duty_review_ballots WHERE round_id = ? AND phone_hash = ?", {round_id, phone_hash}).has_value();
}

std::int64_t ballots_since(db::Connection& conn, std::int64_t round_id, base::Millis since,
                           std::optional<std::string> const& address_hash) {
  if (address_hash) {
    return conn.query("SELECT COUNT(*) AS n FROM duty_review_ballots WHERE round_id = ? AND address_hash = ? AND cast_at >= ?",
                      {round_id, *address_hash, since})
        .front()
        .i64("n");
  }
  return conn.query("SELECT COUNT(*) AS n FROM duty_review_ballots WHERE round_id = ? AND cast_at >= ?", {round_id, since})
      .front()
      .i64("n");
}

std::int64_t insert_ballot(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash,
                           std::string const& address_hash, std::string const& flag, base::Millis at) {
  return conn.insert("INSERT INTO duty_review_ballots (round_id, phone_hash, address_hash, flag, cast_at) VALUES (?, ?, ?, ?, ?)"
                     " RETURNING id",
                     {round_id, phone_hash, address_hash, flag, at});
}

void insert_mark(db::Connection& conn, std::int64_t ballot_id, std::int64_t entry_id, std::string const& mark) {
  conn.exec("INSERT INTO duty_review_marks (ballot_id, entry_id, mark) VALUES (?, ?, ?)", {ballot_id, entry_id, mark});
}

std::map<std::int64_t, Tally> tallies(db::Connection& conn, std::int64_t round_id, bool without_flagged) {
  std::map<std::int64_t, Tally> out;
  auto const rows = conn.query(std::string("SELECT m.entry_id, m.mark, COUNT(*) AS n FROM duty_review_marks m"
                                           " JOIN duty_review_ballots b ON b.id = m.ballot_id WHERE b.round_id = ?") +
                                   (without_flagged ? " AND b.flag = ''" : "") + " GROUP BY m.entry_id, m.mark",
                               {round_id});
  for (auto const& row : rows) {
    auto& tally = out[row.i64("entry_id")];
    auto const mark = row.str("mark");
    auto const n = row.i64("n");
    if (mark == "satisfied") tally.satisfied += n;
    else if (mark == "basic") tally.basic += n;
    else tally.unsatisfied += n;
  }
  return out;
}

std::int64_t count_ballots(db::Connection& conn, std::int64_t round_id) {
  return conn.query("SELECT COUNT(*) AS n FROM duty_review_ballots WHERE round_id = ?", {round_id}).front().i64("n");
}

std::map<std::string, std::int64_t> flag_counts(db::Connection& conn, std::int64_t round_id) {
  std::map<std::string, std::int64_t> out;
  for (auto const& row : conn.query("SELECT flag, COUNT(*) AS n FROM duty_review_ballots WHERE round_id = ? AND flag <> ''"
                                    " GROUP BY flag",
                                    {round_id})) {
    out[row.str("flag")] = row.i64("n");
  }
  return out;
}

std::vector<FlaggedBallot> flagged_ballots(db::Connection& conn, std::int64_t round_id, std::int64_t limit) {
  std::vector<FlaggedBallot> out;
  for (auto const& row : conn.query("SELECT id, flag, address_hash, cast_at FROM duty_review_ballots"
                                    " WHERE round_id = ? AND flag <> '' ORDER BY cast_at DESC, id DESC LIMIT ?",
                                    {round_id, limit})) {
    out.push_back({row.i64("id"), row.str("flag"), row.str("address_hash").substr(0, 8), row.i64("cast_at")});
  }
  return out;
}

}  // namespace pufa::duty::store
