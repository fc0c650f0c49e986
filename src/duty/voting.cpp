// 履职评议, the public's side: one ballot per phone per round, after a one-time code sent through the
// quiz's sender and limited like the quiz's (per phone, per address). No phone and no address is stored
// in the clear: the round's salt hashes both. Signs of vote stuffing flag a ballot for the coordinator
// (kept and counted unless the coordinator leaves flagged ballots out when publishing).
#include <fmt/format.h>

#include <algorithm>

#include "auth/audit.hpp"
#include "auth/rate_limit.hpp"
#include "base/random.hpp"
#include "base/sealed.hpp"
#include "duty/review.hpp"
#include "duty/review_store.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

namespace {

constexpr int code_max_failures = 5;
constexpr int phone_daily_codes = 5;
constexpr int address_codes = 20;  // per 10 minutes
constexpr base::Millis address_window_ms = 10 * base::minute_ms;
// Stuffing: the 6th ballot from one address within 10 minutes, or the 21st ballot of the round within a minute.
constexpr std::int64_t address_burst_ballots = 5;
constexpr base::Millis address_burst_ms = 10 * base::minute_ms;
constexpr std::int64_t round_burst_ballots = 20;
constexpr base::Millis round_burst_ms = base::minute_ms;

std::string salted(Round const& round, std::string const& value) { return base::sha256_hex(round.vote_salt + ":" + value); }
std::string code_hash(std::string const& salt, std::string const& code) { return base::sha256_hex(salt + ":" + code); }

std::string new_code() {
  auto const value = std::stoull(base::random_hex(4), nullptr, 16) % 1'000'000;
  auto text = std::to_string(value);
  return std::string(6 - text.size(), '0') + text;
}

Round voting_round(db::Connection& conn, std::int64_t id, base::Millis now) {
  auto round = store::find_round(conn, id);
  if (!round || round->status == review_status::draft) throw ApiError(AppError::not_found, "评议不存在");
  if (round->status != review_status::open || now < round->opens_at || now >= round->closes_at) throw ApiError(voting_closed);
  return std::move(*round);
}

}  // namespace

ReviewService::CodeOutcome ReviewService::request_code(auth::Actor const& actor, std::int64_t id, std::string const& phone) const {
  if (!sender_) throw ApiError(AppError::unavailable, "短信验证码服务尚未配置，暂时无法获取验证码，请联系主办单位");
  auto const now = base::now_ms();
  auto const code = new_code();
  auto const by_phone = "review.phone:" + base::sealed::blind_index(base::sealed::phone_kind, phone);
  auto const by_address = "review.ip:" + actor.ip;
  struct Outcome {
    base::Millis wait_ms = 0;
    std::string title;
  };
  auto const outcome = db_.write([&](db::Connection& conn) {
    auto const round = voting_round(conn, id, now);
    auto const phone_hash = salted(round, phone);
    if (store::has_ballot(conn, id, phone_hash)) throw ApiError(already_voted, {}, "phone");
    auth::rate_limit::lock(conn, by_phone, now);
    auth::rate_limit::lock(conn, by_address, now);
    auto const phone_events = auth::rate_limit::events(conn, by_phone, now - base::day_ms);
    auto const address_events = auth::rate_limit::events(conn, by_address, now - address_window_ms);
    auto const wait = std::max(auth::rate_limit::wait(phone_events, {{1, vote_code_gap_ms}, {phone_daily_codes, base::day_ms}}, now),
                               auth::rate_limit::wait(address_events, {{address_codes, address_window_ms}}, now));
    if (wait > 0) return Outcome{wait, {}};
    auth::rate_limit::record(conn, by_phone, now, base::day_ms);
    auth::rate_limit::record(conn, by_address, now, base::day_ms);
    store::VoteCode stored;
    stored.salt = base::random_hex(16);
    stored.code_hash = code_hash(stored.salt, code);
    stored.expires_at = now + vote_code_ttl_ms;
    store::insert_code(conn, id, phone_hash, stored, now);
    auth::audit(conn, actor, "duty.review.code", "duty_review", std::to_string(id));
    return Outcome{0, round.title};
  });
  if (outcome.wait_ms > 0) return {outcome.wait_ms, {}};
  sender_->send(phone, code, outcome.title);  // after the commit: a code is never sent unstored
  return {0, code};
}

std::int64_t ReviewService::vote(auth::Actor const& actor, std::int64_t id, std::string const& phone, std::string const& code,
                                 std::vector<Mark> const& marks) const {
  auto const now = base::now_ms();
  enum class Result { ok, wrong, dead };
  // A wrong code is committed (it burns a try), so the refusal is thrown after the write.
  auto const result = db_.write([&](db::Connection& conn) {
    auto const round = voting_round(conn, id, now);
    auto const phone_hash = salted(round, phone);
    if (store::has_ballot(conn, id, phone_hash)) throw ApiError(already_voted, {}, "phone");
    auto const entries = store::entries(conn, id);
    for (std::size_t i = 0; i < marks.size(); ++i) {
      if (std::none_of(entries.begin(), entries.end(), [&](Entry const& e) { return e.id == marks[i].entry_id; })) {
        throw ApiError(AppError::validation_failed, "所评单位不是本次评议的参评单位", fmt::format("marks[{}].entry_id", i));
      }
    }
    auto stored = store::latest_code(conn, id, phone_hash);
    if (!stored || stored->used || stored->expires_at <= now || stored->failures >= code_max_failures) return Result::dead;
    if (!base::constant_time_equal(code_hash(stored->salt, code), stored->code_hash)) {
      store::set_code_failures(conn, stored->id, stored->failures + 1);
      return Result::wrong;
    }
    store::use_code(conn, stored->id);
    auto const address_hash = salted(round, actor.ip);
    std::string flag;
    if (store::ballots_since(conn, id, now - address_burst_ms, address_hash) >= address_burst_ballots) {
      flag = ballot_flag::address_burst;
    } else if (store::ballots_since(conn, id, now - round_burst_ms) >= round_burst_ballots) {
      flag = ballot_flag::phone_burst;
    }
    auto const ballot = store::insert_ballot(conn, id, phone_hash, address_hash, flag, now);
    for (auto const& mark : marks) store::insert_mark(conn, ballot, mark.entry_id, mark.mark);
    auth::audit(conn, actor, "duty.review.vote", "duty_review", std::to_string(id), flag);
    return Result::ok;
  });
  if (result == Result::wrong) throw ApiError(code_invalid, "验证码不正确，请核对短信中的 6 位数字", "code");
  if (result == Result::dead) throw ApiError(code_invalid, {}, "code");
  return static_cast<std::int64_t>(marks.size());
}

}  // namespace pufa::duty
