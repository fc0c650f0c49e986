// 履职评议, the staff's side: the coordinator sets a round up (units, weights, bands, the voting
// window), opens it, enters the panels' sheets, closes and publishes it (results frozen); a liaison
// submits its unit's report while the round is open. Each write: authorise → validate → load → one
// transaction with its audit row.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/audit.hpp"
#include "base/random.hpp"
#include "content/library.hpp"
#include "duty/common.hpp"
#include "duty/review.hpp"
#include "duty/review_store.hpp"
#include "duty/service.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

namespace {

Round load(db::Connection& conn, std::int64_t id) {
  auto round = store::find_round(conn, id);
  if (!round) throw ApiError(AppError::not_found, "评议不存在");
  return std::move(*round);
}

std::vector<Entry> named_entries(db::Connection& conn, std::int64_t round_id) {
  auto entries = store::entries(conn, round_id);
  for (auto& e : entries) {
    for (auto id : e.attachment_ids) {
      if (auto const file = content::library::upload(conn, id)) e.attachments.push_back(file->info);
    }
  }
  std::vector<std::int64_t> ids;
  for (auto const& e : entries) ids.push_back(e.unit_id);
  auto const names = names_of(conn, ids);
  for (auto& e : entries) {
    if (auto const found = names.find(e.unit_id); found != names.end()) e.unit_name = found->second;
  }
  return entries;
}

// The coordinator sees the rounds of their subtree; a liaison those its units take part in.
bool sees(db::Connection& conn, auth::Principal const& caller, Round const& round, std::vector<Entry> const& entries) {
  if (caller.has(manage)) return caller.covers(round.region_path);
  return std::any_of(entries.begin(), entries.end(), [&](Entry const& e) {
    auto const unit = org::directory::unit(conn, e.unit_id);
    return unit && acts_for(caller, *unit);
  });
}


std::vector<Result> live_results(db::Connection& conn, Round const& round, std::vector<Entry> const& entries) {
  return results_of(round, entries, store::tallies(conn, round.id, round.exclude_flagged), store::sheets(conn, round.id));
}

bool editable(Round const& round) { return round.status == review_status::draft || round.status == review_status::open; }

RoundView view_of(db::Connection& conn, auth::Principal const* caller, Round round) {
  RoundView view;
  view.entries = named_entries(conn, round.id);
  for (auto const& e : view.entries) {
    bool can = false;
    if (caller && editable(round)) {
      auto const unit = org::directory::unit(conn, e.unit_id);
      can = unit && acts_for(*caller, *unit);
    }
    view.can_edit.push_back(can);
  }
  // Live results are the staff's; the public sees the frozen ones once published.
  if (round.results) view.results = results_from_text(*round.results);
  else if (caller) view.results = live_results(conn, round, view.entries);
  if (caller && caller->has(manage)) {  // the sheets and the stuffing flags are the coordinator's
    view.sheets = store::sheets(conn, round.id);
    view.ballots = store::count_ballots(conn, round.id);
    view.by_flag = store::flag_counts(conn, round.id);
    for (auto const& [flag, n] : view.by_flag) view.flagged += n;
    view.recent_flagged = store::flagged_ballots(conn, round.id, 50);
  }
  view.round = std::move(round);
  return view;
}

void audit(db::Connection& conn, auth::Actor const& actor, std::string action, std::int64_t id, std::string detail = {}) {
  auth::audit(conn, actor, std::move(action), "duty_review", std::to_string(id), std::move(detail));
}

void require_status(Round const& round, std::initializer_list<std::string_view> allowed, char const* message) {
  if (std::find(allowed.begin(), allowed.end(), round.status) == allowed.end()) throw ApiError(wrong_state, message);
}

void check_units(db::Connection& conn, auth::Principal const& caller, std::vector<std::int64_t> const& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    require_unit(caller, unit_or_fail(conn, ids[i], fmt::format("unit_ids[{}]", i)));
  }
}

}  // namespace

std::vector<RoundSummary> ReviewService::rounds(auth::Actor const& actor) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.read([&](db::Connection& conn) {
    std::vector<RoundSummary> out;
    for (auto& round : store::all_rounds(conn)) {
      auto const entries = store::entries(conn, round.id);
      if (!sees(conn, caller, round, entries)) continue;
      auto const ballots = store::count_ballots(conn, round.id);
      out.push_back({std::move(round), static_cast<std::int64_t>(entries.size()), ballots});
    }
    return out;
  });
}

RoundView ReviewService::round(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.read([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!sees(conn, caller, round, store::entries(conn, id))) throw ApiError(AppError::out_of_scope);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::create(auth::Actor const& actor, RoundInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    check_units(conn, caller, input.unit_ids);
    Round round{.year = input.year, .title = input.title, .intro = input.intro, .weights = input.weights,
                .bands = input.bands, .opens_at = input.opens_at, .closes_at = input.closes_at};
    round.vote_salt = base::random_hex(16);
    round.region_path = caller.region_path;
    round.created_at = round.updated_at = base::now_ms();
    round.id = store::insert_round(conn, round, caller.user_id);
    store::set_entries(conn, round.id, input.unit_ids);
    audit(conn, actor, "duty.review.create", round.id, round.title);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::update(auth::Actor const& actor, std::int64_t id, RoundInput input) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
    require_status(round, {review_status::draft, review_status::open}, "已结束的评议不能修改");
    if (round.status == review_status::open) {
      // Voting has begun: the units, weights, bands and opening stay as the voters saw them.
      auto entries = store::entries(conn, id);
      std::vector<std::int64_t> units;
      for (auto const& e : entries) units.push_back(e.unit_id);
      auto sorted = input.unit_ids;
      std::sort(sorted.begin(), sorted.end());
      std::sort(units.begin(), units.end());
      if (sorted != units || input.year != round.year || input.opens_at != round.opens_at ||
          input.weights.crowd != round.weights.crowd || input.weights.panel != round.weights.panel ||
          input.weights.members != round.weights.members || input.bands.excellent != round.bands.excellent ||
          input.bands.good != round.bands.good || input.bands.fair != round.bands.fair) {
        throw ApiError(wrong_state, "测评已开始：只能修改标题、说明和截止时间");
      }
    } else {
      check_units(conn, caller, input.unit_ids);
      store::set_entries(conn, id, input.unit_ids);
      round.year = input.year;
      round.weights = input.weights;
      round.bands = input.bands;
      round.opens_at = input.opens_at;
    }
    round.title = input.title;
    round.intro = input.intro;
    round.closes_at = input.closes_at;
    round.updated_at = base::now_ms();
    store::update_round(conn, round);
    audit(conn, actor, "duty.review.update", id, round.title);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::open(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
    require_status(round, {review_status::draft}, "只有草稿状态的评议可以开始");
    if (store::count_entries(conn, id) == 0) throw ApiError(AppError::validation_failed, "请先选择参评单位", "unit_ids");
    round.status = review_status::open;
    round.updated_at = base::now_ms();
    store::update_round(conn, round);
    audit(conn, actor, "duty.review.open", id);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::close(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
    require_status(round, {review_status::open}, "只有测评中的评议可以结束");
    round.status = review_status::closed;
    round.updated_at = base::now_ms();
    store::update_round(conn, round);
    audit(conn, actor, "duty.review.close", id);
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::publish(auth::Actor const& actor, std::int64_t id, bool exclude_flagged) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
    require_status(round, {review_status::closed}, "请先结束测评再发布结果");
    round.exclude_flagged = exclude_flagged;
    round.results = results_text(live_results(conn, round, named_entries(conn, id)));
    round.status = review_status::published;
    round.published_at = round.updated_at = base::now_ms();
    store::update_round(conn, round);
    audit(conn, actor, "duty.review.publish", id, exclude_flagged ? "剔除疑似刷票" : "");
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::submit_report(auth::Actor const& actor, std::int64_t id, std::int64_t entry_id, std::string report,
                                       std::string video_url, std::vector<std::int64_t> attachment_ids) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    auto const entries = store::entries(conn, id);
    auto const entry = std::find_if(entries.begin(), entries.end(), [&](Entry const& e) { return e.id == entry_id; });
    if (entry == entries.end()) throw ApiError(AppError::not_found, "参评单位不存在");
    require_unit(caller, unit_or_fail(conn, entry->unit_id, "entry_id"));
    require_status(round, {review_status::draft, review_status::open}, "测评已结束，不能再修改述职报告");
    if (attachment_ids.size() > 10) throw ApiError(AppError::validation_failed, "附件不能超过 10 个", "attachment_ids");
    for (std::size_t i = 0; i < attachment_ids.size(); ++i) {
      auto const file = content::library::upload(conn, attachment_ids[i]);
      bool const kept = std::find(entry->attachment_ids.begin(), entry->attachment_ids.end(), attachment_ids[i]) != entry->attachment_ids.end();
      if (!file || (!kept && (file->uploader_id != caller.user_id || file->article_id))) {
        throw ApiError(AppError::validation_failed, "附件不存在或不能使用", fmt::format("attachment_ids[{}]", i));
      }
    }
    store::set_report(conn, entry_id, report, video_url, attachment_ids, caller.user_id, base::now_ms());
    audit(conn, actor, "duty.review.report", id, std::to_string(entry_id));
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::add_sheet(auth::Actor const& actor, std::int64_t id, Sheet sheet) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
    require_status(round, {review_status::open, review_status::closed}, "只有测评中或已结束（未发布）的评议可以录入评分表");
    auto const entries = store::entries(conn, id);
    for (std::size_t i = 0; i < sheet.scores.size(); ++i) {
      auto const entry = sheet.scores[i].first;
      if (std::none_of(entries.begin(), entries.end(), [&](Entry const& e) { return e.id == entry; })) {
        throw ApiError(AppError::unprocessable, "评分表中的单位不是本次评议的参评单位", fmt::format("scores[{}].entry_id", i));
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (sheet.scores[j].first == entry) throw ApiError(AppError::validation_failed, "同一单位只能评一次分", fmt::format("scores[{}].entry_id", i));
      }
    }
    if (sheet.scores.size() != entries.size()) {
      throw ApiError(AppError::validation_failed, fmt::format("评分表须为全部 {} 个参评单位打分", entries.size()), "scores");
    }
    sheet.round_id = id;
    sheet.entered_at = base::now_ms();
    auto const sheet_id = store::insert_sheet(conn, sheet, caller.user_id);
    audit(conn, actor, "duty.review.sheet", id, fmt::format("{} {} #{}", sheet.source, sheet.scorer, sheet_id));
    return view_of(conn, &caller, std::move(round));
  });
}

RoundView ReviewService::remove_sheet(auth::Actor const& actor, std::int64_t id, std::int64_t sheet_id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (!caller.covers(round.region_path)) throw ApiError(AppError::out_of_scope);
    require_status(round, {review_status::open, review_status::closed}, "结果已发布，评分表不能删除");
    auto const all = store::sheets(conn, id);
    if (std::none_of(all.begin(), all.end(), [&](Sheet const& s) { return s.id == sheet_id; })) {
      throw ApiError(AppError::not_found, "评分表不存在");
    }
    store::delete_sheet(conn, id, sheet_id);
    audit(conn, actor, "duty.review.sheet_delete", id, std::to_string(sheet_id));
    return view_of(conn, &caller, std::move(round));
  });
}

std::vector<Round> ReviewService::public_rounds() const {
  return db_.read([&](db::Connection& conn) {
    std::vector<Round> out;
    for (auto& round : store::all_rounds(conn)) {
      if (round.status == review_status::open || round.status == review_status::published) out.push_back(std::move(round));
    }
    return out;
  });
}

RoundView ReviewService::public_round(std::int64_t id) const {
  return db_.read([&](db::Connection& conn) {
    auto round = load(conn, id);
    if (round.status != review_status::open && round.status != review_status::published) {
      throw ApiError(AppError::not_found, "评议不存在");
    }
    return view_of(conn, nullptr, std::move(round));
  });
}

}  // namespace pufa::duty
