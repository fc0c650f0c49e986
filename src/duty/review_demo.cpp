// The demo of 履职评议: the 2020 round of the twelve departments (reports, 360 ballots of the public
// over two weeks — thirty from one address in five minutes flagged and left out at publication —,
// five panel and three deputies' sheets, published with grades), and a round of this year open for
// votes on the portal.
#include <fmt/format.h>

#include "base/random.hpp"
#include "duty/review.hpp"
#include "duty/review_store.hpp"
#include "auth/regions.hpp"
#include "org/directory.hpp"

namespace pufa::duty {

namespace {

base::Millis shanghai(std::string const& when) { return *base::parse_iso8601(when + "+08:00"); }

// A small deterministic generator: the demo is the same on every load.
struct Dice {
  std::uint64_t state = 20201201;
  int below(int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  }
};

std::string report_of(std::string const& unit, int year) {
  return fmt::format(
      "{0}{1}年度普法责任制履职报告\n一、主要做法：落实“谁执法谁普法”责任，制定年度普法责任清单并按季度推进；结合执法办案开展以案释法，"
      "在窗口、网站和微信公众号开展法治宣传。\n二、取得成效：全年开展主题普法活动，党组理论中心组按季度学法，干部职工参加年度学法考试。\n"
      "三、存在不足和下一步打算：普法针对性有待加强，下一步将围绕民法典和行业法律法规开展精准普法。",
      unit, year);
}

}  // namespace

void load_review_demo(db::Connection& conn, std::vector<char const*> const& units) {
  std::vector<std::int64_t> unit_ids;
  std::vector<std::string> names;
  for (auto const* name : units) {
    if (auto unit = org::directory::unit_named(conn, name)) {
      unit_ids.push_back(unit->id);
      names.emplace_back(name);
    }
  }
  if (unit_ids.empty()) return;
  Dice dice;

  // 2020: published.
  Round round{.year = 2020, .title = "2020年度普法责任制履职评议",
              .intro = "对照各单位普法责任清单，采取群众测评、评审组评分和人大代表政协委员评分相结合的方式，评议各单位2020年度普法履职情况。"};
  round.opens_at = shanghai("2020-12-01T00:00:00");
  round.closes_at = shanghai("2020-12-16T00:00:00");
  round.vote_salt = base::random_hex(16);
  round.region_path = auth::regions::root(conn).path;
  round.created_at = round.updated_at = shanghai("2020-11-20T10:00:00");
  round.status = review_status::open;
  round.id = store::insert_round(conn, round, 0);
  store::set_entries(conn, round.id, unit_ids);
  auto entries = store::entries(conn, round.id);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    entries[i].unit_name = names[i];
    store::set_report(conn, entries[i].id, report_of(names[i], 2020),
                      i % 3 == 0 ? fmt::format("https://www.lanxi.gov.cn/video/pufa2020-{}.mp4", i + 1) : "", {}, 0,
                      shanghai("2020-11-28T16:00:00") + static_cast<base::Millis>(i) * 3600'000);
  }
  // How residents see each department: from 0.55 to 0.9 satisfied.
  auto quality = [&](std::size_t i) { return 55 + static_cast<int>((i * 29) % 36); };
  for (int b = 0; b < 360; ++b) {
    auto const at = round.opens_at + static_cast<base::Millis>(b) * (14LL * 24 * 3600'000 / 360) + dice.below(600'000);
    auto const ballot = store::insert_ballot(conn, round.id, base::sha256_hex(round.vote_salt + ":demo-phone-" + std::to_string(b)),
                                             base::sha256_hex(round.vote_salt + ":demo-address-" + std::to_string(b)), "", at);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (dice.below(10) == 0) continue;  // a unit the voter does not know
      auto const roll = dice.below(100);
      auto const mark = roll < quality(i) ? "satisfied" : roll < quality(i) + 30 ? "basic" : "unsatisfied";
      store::insert_mark(conn, ballot, entries[i].id, mark);
    }
  }
  // Thirty ballots from one address in five minutes, all for the last department: the sixth on are flagged.
  auto const burst_at = shanghai("2020-12-10T21:30:00");
  auto const address = base::sha256_hex(round.vote_salt + ":demo-burst-address");
  for (int b = 0; b < 30; ++b) {
    auto const ballot = store::insert_ballot(conn, round.id, base::sha256_hex(round.vote_salt + ":burst-phone-" + std::to_string(b)),
                                             address, b >= 5 ? std::string(ballot_flag::address_burst) : "", burst_at + b * 10'000);
    store::insert_mark(conn, ballot, entries.back().id, "satisfied");
  }
  char const* const panel[] = {"评审组 王建华", "评审组 李晓梅", "评审组 张志远", "评审组 陈思敏", "评审组 周国平"};
  char const* const members[] = {"人大代表 吴卫东", "政协委员 郑丽华", "人大代表 何文斌"};
  auto sheet_of = [&](std::string const& source, std::string const& scorer, base::Millis at) {
    Sheet sheet{.round_id = round.id, .source = source, .scorer = scorer, .entered_at = at};
    for (std::size_t i = 0; i < entries.size(); ++i) {
      sheet.scores.emplace_back(entries[i].id, 70 + quality(i) / 4 + dice.below(60) / 10.0);
    }
    store::insert_sheet(conn, sheet, 0);
  };
  for (auto const* scorer : panel) sheet_of("panel", scorer, shanghai("2020-12-18T15:00:00"));
  for (auto const* scorer : members) sheet_of("members", scorer, shanghai("2020-12-18T16:00:00"));
  round.exclude_flagged = true;
  round.results = results_text(results_of(round, entries, store::tallies(conn, round.id, true), store::sheets(conn, round.id)));
  round.status = review_status::published;
  round.published_at = round.updated_at = shanghai("2020-12-25T10:00:00");
  store::update_round(conn, round);

  // This year's: open for the public's votes on the portal.
  auto const now = base::now_ms();
  auto const year = base::shanghai_year(now);
  Round current{.year = year, .title = fmt::format("{}年度普法责任制履职评议", year),
                .intro = "请对各单位本年度普法履职情况作出评价。每个手机号可参加一次，手机号只用于发送验证码和防止重复投票，不会公开或另作他用。"};
  current.opens_at = now - 24 * 3600'000LL;
  current.closes_at = now + 45 * 24 * 3600'000LL;
  current.vote_salt = base::random_hex(16);
  current.region_path = round.region_path;
  current.created_at = current.updated_at = current.opens_at;
  current.status = review_status::open;
  current.id = store::insert_round(conn, current, 0);
  store::set_entries(conn, current.id, unit_ids);
  auto const open_entries = store::entries(conn, current.id);
  for (std::size_t i = 0; i < open_entries.size() && i < 8; ++i) {
    store::set_report(conn, open_entries[i].id, report_of(names[i], year), "", {}, 0, current.opens_at);
  }
}

}  // namespace pufa::duty
