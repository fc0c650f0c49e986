// The SQL of 履职评议 (duty_review_* tables): part of the area's store.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "duty/review.hpp"

namespace pufa::duty::store {

std::int64_t insert_round(db::Connection& conn, Round const& round, std::int64_t by);
void update_round(db::Connection& conn, Round const& round);  // every field but the salt
std::optional<Round> find_round(db::Connection& conn, std::int64_t id);
std::vector<Round> all_rounds(db::Connection& conn);  // newest first

// Keeps the entries of units still named, adds the new ones, drops the rest (a draft's units).
void set_entries(db::Connection& conn, std::int64_t round_id, std::vector<std::int64_t> const& unit_ids);
std::vector<Entry> entries(db::Connection& conn, std::int64_t round_id);  // by id
void set_report(db::Connection& conn, std::int64_t entry_id, std::string const& report, std::string const& video_url,
                std::vector<std::int64_t> const& attachment_ids, std::int64_t by, base::Millis now);
std::int64_t count_entries(db::Connection& conn, std::int64_t round_id);

std::int64_t insert_sheet(db::Connection& conn, Sheet const& sheet, std::int64_t by);
std::vector<Sheet> sheets(db::Connection& conn, std::int64_t round_id);
void delete_sheet(db::Connection& conn, std::int64_t round_id, std::int64_t sheet_id);

struct VoteCode {
  std::int64_t id = 0;
  std::string salt, code_hash;
  base::Millis expires_at = 0;
  int failures = 0;
  bool used = false;
};
void insert_code(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash, VoteCode const& code,
                 base::Millis now);
std::optional<VoteCode> latest_code(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash);
void set_code_failures(db::Connection& conn, std::int64_t id, int failures);
void use_code(db::Connection& conn, std::int64_t id);

bool has_ballot(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash);
// Ballots of the round since `since`, all or from one address.
std::int64_t ballots_since(db::Connection& conn, std::int64_t round_id, base::Millis since,
                           std::optional<std::string> const& address_hash = std::nullopt);
std::int64_t insert_ballot(db::Connection& conn, std::int64_t round_id, std::string const& phone_hash,
                           std::string const& address_hash, std::string const& flag, base::Millis at);
void insert_mark(db::Connection& conn, std::int64_t ballot_id, std::int64_t entry_id, std::string const& mark);
// Marks per entry, flagged ballots left out when `without_flagged`.
std::map<std::int64_t, Tally> tallies(db::Connection& conn, std::int64_t round_id, bool without_flagged);
std::int64_t count_ballots(db::Connection& conn, std::int64_t round_id);
std::map<std::string, std::int64_t> flag_counts(db::Connection& conn, std::int64_t round_id);
std::vector<FlaggedBallot> flagged_ballots(db::Connection& conn, std::int64_t round_id, std::int64_t limit);

}  // namespace pufa::duty::store
