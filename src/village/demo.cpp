// The Lanxi demo of 民主法治村(社区): the 350 files with 1 national, 19 provincial and 110 Jinhua-level villages (one
// more provincial was 撤销 after a 复核), some county-level; the criteria set in the national guiding standard's five
// parts; a 2020 Jinhua round published and this year's open with 马坞村 scored by 马涧镇. Deterministic.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "auth/regions.hpp"
#include "calendar/library.hpp"
#include "village/common.hpp"
#include "village/routes.hpp"
#include "village/store.hpp"

namespace pufa::village {

namespace {

struct Item {
  char const* part;
  char const* title;
  char const* standard;
  double points;
  char const* rule;
  char const* source;
};

// Written for the demo after the national guiding standard (2021) and a county's copy of it.
constexpr std::array<Item, 15> items{{
    {"organisation", "村党组织", "村党组织领导核心作用发挥明显，“三会一课”制度落实。", 6, "制度未落实扣 2 分，班子不团结扣 2 分。", nullptr},
    {"organisation", "村务监督委员会", "村务监督委员会依法设立，有工作制度，监督记录完整。", 6, "未设立不得分；记录不全扣 2 分。", nullptr},
    {"organisation", "村干部无违法犯罪", "村“两委”班子成员无刑事犯罪记录，无涉黑涉恶问题。", 8, "有一人违法犯罪的，本部分不得分并启动复核。", nullptr},
    {"democracy", "依法选举", "村民委员会按期换届，选举程序合法。", 6, "未按期换届不得分。", nullptr},
    {"democracy", "四议两公开", "重大事项经“四议两公开”程序决策，有记录可查。", 8, "每缺一项程序扣 2 分。", nullptr},
    {"democracy", "村民代表会议", "村民代表会议每季度至少召开一次，到会达三分之二以上，决定经到会过半数通过。", 6, "每少一次扣 1.5 分。", nullptr},
    {"democracy", "村务公开", "村务、财务按时公开，群众满意。", 5, "未按季度公开扣 2 分。", nullptr},
    {"rule_of_law", "村规民约", "村规民约经合法性审核并经村民会议通过，内容合法、群众认可。", 8, "未经合法性审核扣 4 分。", "village_rules"},
    {"rule_of_law", "普法活动", "年度普法计划落实，每季度至少开展一次普法活动。", 8, "全年少于 4 次的，每少一次扣 2 分。", "activities"},
    {"rule_of_law", "法律明白人", "每村培养法律明白人不少于 3 名，发挥作用。", 6, "每少一名扣 2 分。", "legal_literate"},
    {"rule_of_law", "法律顾问", "一村一法律顾问，每月到村服务，服务日经核实。", 8, "核实服务日每少于标准一天扣 0.5 分。", "advisor_days"},
    {"rule_of_law", "矛盾纠纷化解", "人民调解组织健全，矛盾不出村，无越级上访。", 7, "发生越级集体访的扣 4 分。", nullptr},
    {"development", "经济社会和谐", "集体经济稳步发展，无重大安全事故和群体性事件。", 7, "发生重大事件的不得分。", nullptr},
    {"support", "组织保障", "创建工作有方案、有台账、有经费保障。", 5, "无台账扣 3 分。", nullptr},
    {"support", "法治阵地", "建有法治文化阵地（法治广场、法治长廊、法治书屋等）。", 6, "无阵地扣 4 分。", nullptr},
}};

}  // namespace

void load_demo(db::Connection& conn) {
  if (conn.scalar("SELECT COUNT(*) FROM village_files").value_or(0) > 0) return;
  auto const root = auth::regions::root(conn);
  auto const villages = auth::regions::at_level(conn, root.path, auth::regions::village_level);
  auto const mawu = auth::regions::by_code(conn, "330781011001");
  auto const this_year = std::stoi(today().substr(0, 4));
  // Levels by position: a national one, 20 provincial (one is revoked below), 110 Jinhua-level, 60 county-level.
  std::vector<std::string> levels(villages.size(), "none");
  int provincial = 0, jinhua = 0, county = 0;
  std::optional<std::size_t> revoked_at, complaint_at;
  for (std::size_t i = 0; i < villages.size(); ++i) {
    bool const is_mawu = mawu && villages[i].id == mawu->id;
    if (is_mawu) levels[i] = "county";
    else if (i == 40) levels[i] = "national";
    else if (i % 17 == 3 && provincial < 20) {
      levels[i] = "provincial";
      if (++provincial == 7) revoked_at = i;
    } else if (i % 3 == 1 && jinhua < 110) {
      levels[i] = "jinhua";
      if (++jinhua == 30) complaint_at = i;
    } else if (i % 5 == 2 && county < 60) {
      levels[i] = "county";
      ++county;
    }
  }
  // Top up to the seed's counts where the pattern fell short.
  for (std::size_t i = 0; i < villages.size(); ++i) {
    if (levels[i] != "none" || (mawu && villages[i].id == mawu->id)) continue;
    if (provincial < 20) {
      levels[i] = "provincial";
      ++provincial;
    } else if (jinhua < 110) {
      levels[i] = "jinhua";
      ++jinhua;
    }
  }
  for (std::size_t i = 0; i < villages.size(); ++i) {
    File f;
    f.region_id = villages[i].id;
    f.region_path = villages[i].path;
    f.level = levels[i];
    auto const year = f.level == "national" ? 2020 : 2016 + static_cast<int>(i % 5);
    if (f.level != "none") {
      f.named_year = year;
      f.naming_doc = f.level == "national"    ? "司法部 民政部 第八批全国民主法治示范村（社区）"
                     : f.level == "provincial" ? fmt::format("浙司〔{}〕{}号", year, 30 + i % 60)
                     : f.level == "jinhua"     ? fmt::format("金司〔{}〕{}号", year, 10 + i % 80)
                                               : fmt::format("兰司〔{}〕{}号", year, 5 + i % 40);
      f.plaque = "hung";
      f.history = fmt::format("{}年起开展民主法治村（社区）创建，{}年命名为{}。", year - 1, year, level_words(f.level));
    }
    store::upsert_file(conn, f, std::nullopt);
    if (f.level != "none") {
      store::insert_entry(conn, {.region_id = f.region_id, .region_path = f.region_path, .kind = "named", .on = fmt::format("{}-12-20", year),
                                 .title = fmt::format("{}年命名为{}", year, level_words(f.level)), .detail = *f.naming_doc,
                                 .created_by_name = "市司法局普法办"});
    }
  }
  // The criteria set.
  CriteriaSet set;
  set.name = "民主法治村（社区）创建评价标准（2021）";
  for (auto const& it : items) {
    Criterion c;
    c.part = it.part;
    c.title = it.title;
    c.standard = it.standard;
    c.points = it.points;
    c.rule = it.rule;
    if (it.source) c.source = it.source;
    set.items.push_back(std::move(c));
  }
  auto const set_id = store::insert_set(conn, set);
  auto const criteria = store::set(conn, set_id)->items;
  auto const scored = [&](std::size_t seed, double keep) {
    Scores s;
    for (std::size_t k = 0; k < criteria.size(); ++k) {
      auto const off = ((seed * 7 + k * 3) % 5) * 0.5;
      s[criteria[k].id] = std::max(0.0, std::floor((criteria[k].points * keep - off) * 2) / 2);  // half points, as scorers give
    }
    return s;
  };
  auto const total = [](Scores const& s) {
    double t = 0;
    for (auto const& [id, v] : s) t += v;
    return std::round(t * 10) / 10;
  };
  // 2020: a Jinhua round, published: the villages named that year approved, a few not recommended or rejected.
  Round r2020;
  r2020.year = 2020;
  r2020.title = "2020年度金华市级民主法治村（社区）创建评选";
  r2020.target_level = "jinhua";
  r2020.set_id = set_id;
  r2020.status = "published";
  r2020.apply_by = "2020-08-31";
  r2020.recommend_by = "2020-09-30";
  r2020.naming_doc = "金司〔2020〕61号";
  r2020.published_on = "2020-12-20";
  auto const round2020 = store::insert_round(conn, r2020, std::nullopt);
  int applied = 0;
  for (std::size_t i = 0; i < villages.size() && applied < 30; ++i) {
    bool const named = levels[i] == "jinhua" && 2016 + static_cast<int>(i % 5) == 2020;
    bool const tried = levels[i] == "county" && i % 4 == 0;
    if (!named && !tried) continue;
    ++applied;
    Application a;
    a.round_id = round2020;
    a.region_id = villages[i].id;
    a.region_path = villages[i].path;
    a.status = "applied";
    a.statement = "本村对照创建标准，健全村级组织，落实四议两公开，开展普法活动，建成法治文化阵地。";
    a.id = store::insert_application(conn, a);
    a.township_scores = scored(i, named ? 0.95 : 0.8);
    a.township_total = total(a.township_scores);
    a.township_note = named ? "同意推荐" : "部分指标未达标";
    a.status = named || i % 8 == 0 ? "recommended" : "not_recommended";
    if (a.status == "recommended") {
      a.county_scores = scored(i + 1, named ? 0.92 : 0.75);
      a.county_total = total(a.county_scores);
      a.county_note = named ? "审核通过" : "得分未达 85 分";
      a.status = named ? "approved" : "rejected";
    }
    store::update_application(conn, a, std::nullopt, std::nullopt);
  }
  // This year: a round open; 马坞村 applied and 马涧镇 has scored and recommended it; another village waits for its score.
  Round now;
  now.year = this_year;
  now.title = fmt::format("{}年度金华市级民主法治村（社区）创建评选", this_year);
  now.target_level = "jinhua";
  now.set_id = set_id;
  now.status = "open";
  now.apply_by = fmt::format("{}-12-31", this_year);
  now.recommend_by = fmt::format("{}-01-15", this_year + 1);
  auto const round_now = store::insert_round(conn, now, std::nullopt);
  if (mawu) {
    Application a;
    a.round_id = round_now;
    a.region_id = mawu->id;
    a.region_path = mawu->path;
    a.status = "applied";
    a.statement = "马坞村建成宪法主题公园，村规民约经马涧司法所审核，法律顾问每月到村服务，全年开展普法活动 12 场。";
    a.id = store::insert_application(conn, a);
    a.township_scores = scored(3, 0.96);
    a.township_total = total(a.township_scores);
    a.township_note = "创建台账齐全，同意推荐。";
    a.status = "recommended";
    store::update_application(conn, a, std::nullopt, std::nullopt);
    // A neighbour of 马坞村 in 马涧镇 applied and waits for the township's score.
    auto const parent = auth::regions::find(conn, *mawu->parent_id);
    for (auto const& v : auth::regions::at_level(conn, parent->path, auth::regions::village_level)) {
      auto const at = static_cast<std::size_t>(std::find_if(villages.begin(), villages.end(), [&](auto const& x) { return x.id == v.id; }) - villages.begin());
      if (v.id == mawu->id || levels[at] != "none") continue;
      store::insert_application(conn, {.round_id = round_now, .region_id = v.id, .region_path = v.path, .status = "applied",
                                       .statement = "本村已建立法治书屋，法律明白人 3 名，申请参加创建评选。"});
      break;
    }
  }
  // 复核: a provincial village revoked after its committee director's criminal case; a complaint under review.
  if (revoked_at) {
    auto const& v = villages[*revoked_at];
    auto const id = store::insert_review(conn, {.region_id = v.id, .region_path = v.path, .trigger = "negative_event",
                                                .description = "该村村委会主任因职务侵占罪被判处有期徒刑。", .opened_on = "2020-06-10",
                                                .level_before = "provincial", .status = "open"}, std::nullopt);
    auto r = *store::review(conn, id);
    r.status = "decided";
    r.decision = "revoke";
    r.decision_note = "经实地抽查和书面审查，村干部违法犯罪，不符合省级民主法治村条件，报请撤销。";
    r.decided_on = "2020-07-15";
    store::update_review(conn, r);
    auto f = *store::file(conn, v.id);
    f.level = "none";
    f.named_year.reset();
    f.naming_doc.reset();
    f.plaque = "removed";
    store::upsert_file(conn, f, std::nullopt);
    store::insert_entry(conn, {.region_id = v.id, .region_path = v.path, .kind = "review", .on = "2020-07-15",
                               .title = "复核结论：撤销省级民主法治村（社区）", .detail = r.decision_note.value_or(""),
                               .created_by_name = "市司法局普法办"});
  }
  if (complaint_at) {
    auto const& v = villages[*complaint_at];
    store::insert_review(conn, {.region_id = v.id, .region_path = v.path, .trigger = "complaint",
                                .description = "村民反映村务公开不及时，集体土地发包未经村民代表会议讨论。",
                                .opened_on = calendar::date_of(calendar::day_number(today()) - 20), .level_before = "jinhua", .status = "open"},
                         std::nullopt);
    store::insert_entry(conn, {.region_id = v.id, .region_path = v.path, .kind = "complaint", .on = calendar::date_of(calendar::day_number(today()) - 20),
                               .title = "启动复核", .detail = "村民反映村务公开不及时。", .created_by_name = "市司法局普法办"});
  }
}

}  // namespace pufa::village
