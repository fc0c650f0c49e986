// The Lanxi demo: the 七五 score sheets for townships and departments (100 points, about 30 leaves each,
// with bonus and veto items, the leaves the ledger can answer scored from it), the 2020 七五 总结验收 as
// the seed has it — 4 groups led by city leaders visiting 4 townships and 12 departments — self-assessed,
// inspected, with rectifications, locked and published; the 八五 sheets ready for 2025; and this year's
// assessment in its self-assessment phase, which the demo inspector's group will visit.
#include <fmt/format.h>

#include "assess/common.hpp"
#include "assess/routes.hpp"
#include "assess/store.hpp"
#include "auth/accounts.hpp"
#include "auth/regions.hpp"
#include "base/sequence.hpp"

namespace pufa::assess {

namespace {

struct LeafSeed {
  char const* title;
  char const* standard;
  double points;
  char const* method;
  char const* evidence;
  char const* source = nullptr;  // a measure
  char const* filter = nullptr;  // six_place / theme / study_kind / form, as the source takes it
};

struct GroupSeed {
  char const* title;
  std::vector<LeafSeed> leaves;
};

using Tree = std::vector<std::pair<char const*, std::vector<GroupSeed>>>;  // level 1 → level 2 (a "" title: leaves directly)

Item leaf_of(LeafSeed const& s, std::string_view kind) {
  Item item{.kind = std::string(kind), .title = s.title, .standard = s.standard, .points = s.points, .method = s.method,
            .evidence = s.evidence};
  if (s.source) {
    Measure m{s.source};
    std::string_view const source = s.source;
    if (s.filter) {
      if (source == source::study_record) m.study_kind = s.filter;
      else if (std::string_view(s.filter) == "villages" || std::string_view(s.filter) == "communities" ||
               std::string_view(s.filter) == "schools" || std::string_view(s.filter) == "enterprises" ||
               std::string_view(s.filter) == "organs") m.six_place = s.filter;
      else if (std::string_view(s.filter) == "online") m.form = s.filter;
      else m.theme = s.filter;
    }
    item.measure = std::move(m);
    item.method = "auto";
  }
  return item;
}

std::vector<Item> items_of(Tree const& tree) {
  std::vector<Item> out;
  for (auto const& [title, groups] : tree) {
    std::string_view const t = title;
    auto const kind = t.starts_with("加分") ? item_kind::bonus : t.find("否决") != std::string_view::npos ? item_kind::veto : item_kind::normal;
    Item top{.kind = std::string(item_kind::group), .title = title};
    for (auto const& g : groups) {
      if (!*g.title) {
        for (auto const& l : g.leaves) top.children.push_back(leaf_of(l, kind));
        continue;
      }
      Item sub{.kind = std::string(item_kind::group), .title = g.title};
      for (auto const& l : g.leaves) sub.children.push_back(leaf_of(l, kind));
      for (auto const& c : sub.children) sub.points += c.kind == item_kind::normal ? c.points : 0;
      top.children.push_back(std::move(sub));
    }
    for (auto const& c : top.children) {
      if (c.kind == item_kind::group || c.kind == item_kind::normal) top.points += c.points;
    }
    out.push_back(std::move(top));
  }
  return out;
}

constexpr char const* cap = "，累计扣分不超过该项分值";

Tree township_tree() {
  static std::string const research = std::string("每年专题研究不少于2次，每少一次扣0.5分") + cap;
  static std::string const study = std::string("每年不少于4次，每少一次扣0.5分") + cap;
  static std::string const village = std::string("每年不少于3次，每少一次扣0.5分") + cap;
  static std::string const place = std::string("每年不少于2次，每少一次扣0.5分") + cap;
  return {
      {"组织领导",
       {{"",
         {{"成立普法依法治理领导小组，主要领导任组长，明确分管领导和专人负责", "未成立领导小组的不得分", 3, "ledger", "成立或调整领导小组的文件"},
          {"党委专题研究普法依法治理工作", research.c_str(), 4, "ledger", "会议纪要"},
          {"制定年度普法工作计划并按时报送", "未制定年度计划的不得分", 3, "ledger", "年度计划、报送记录"},
          {"普法工作经费列入财政预算并足额落实", "根据经费落实情况酌情扣分", 3, "report", "预算文件、支出凭证"},
          {"党委理论中心组集体学法", study.c_str(), 2, "auto", "学法记录", "study_record", "party_group"}}}}},
      {"工作落实",
       {{"法律六进",
         {{"法律进乡村：到村开展法治宣传", village.c_str(), 4, "auto", "活动台账", "activity", "villages"},
          {"法律进社区", place.c_str(), 3, "auto", "活动台账", "activity", "communities"},
          {"法律进学校", place.c_str(), 3, "auto", "活动台账", "activity", "schools"},
          {"法律进企业", place.c_str(), 3, "auto", "活动台账", "activity", "enterprises"},
          {"法律进机关", "每年不少于1次，每少一次扣0.5分，累计扣分不超过该项分值", 2, "auto", "活动台账", "activity", "organs"}}},
        {"重点内容宣传",
         {{"12·4 国家宪法日和宪法宣传周集中宣传", "每年不少于1次，每少一次扣1分，累计扣分不超过该项分值", 4, "auto", "活动台账、照片", "activity", "宪法"},
          {"民法典学习宣传", "不少于3次，每少一次扣1分，累计扣分不超过该项分值", 4, "auto", "活动台账", "activity", "民法典"},
          {"扫黑除恶专项斗争法治宣传", "未开展的不得分", 2, "auto", "活动台账", "activity", "扫黑除恶"},
          {"发布以案释法、普法宣传文章", "不少于5篇，每少一篇扣0.5分", 2, "auto", "门户文章", "article"}}},
        {"队伍与阵地",
         {{"组建普法讲师团和普法志愿者队伍并开展活动", "根据队伍活动情况酌情扣分", 2, "ledger", "队伍名册、活动记录"},
          {"法治文化阵地建设（宪法公园、法治长廊、法治楼道等）", "每个村（社区）至少1处，每缺一处扣0.5分，扣完为止", 3, "onsite", "实地查看阵地"},
          {"培育“法律明白人”", "每村（社区）不少于3名，每少一名扣0.2分，扣完为止", 3, "onsite", "法律明白人名册"}}}}},
      {"依法治理",
       {{"",
         {{"民主法治村（社区）创建", "每发现一个创建工作不达标的村扣1分，扣完为止", 6, "ledger", "创建档案"},
          {"一村（社区）一法律顾问全覆盖并按时服务", "未实现全覆盖的不得分", 4, "ledger", "顾问合同、服务日志"},
          {"矛盾纠纷排查化解，调解协议履行率", "达到95%，每低1个百分点扣0.5分，累计扣分不超过该项分值", 5, "report", "调解台账"},
          {"乡镇重大决策、规范性文件合法性审核", "每发现一件未经审核的扣1分，扣完为止", 5, "ledger", "合法性审核台账"},
          {"村规民约、居民公约修订完善", "根据修订和执行情况酌情扣分", 4, "onsite", "村规民约文本"},
          {"法治乡村建设示范点", "根据示范点建设情况酌情扣分", 6, "onsite", "示范点实地查看"}}}}},
      {"工作成效",
       {{"",
         {{"群众法治建设满意度测评", "满意率达到90%，每低1个百分点扣0.5分，累计扣分不超过该项分值", 8, "survey", "问卷调查结果"},
          {"普法工作宣传报道", "市级以上媒体报道不少于5篇，每少一篇扣0.5分", 4, "ledger", "报道截图"},
          {"工作总结、台账资料完整规范", "根据台账完整情况酌情扣分", 4, "ledger", "工作总结、台账"},
          {"干部学法考试合格率", "达到95%，每低1个百分点扣0.5分，累计扣分不超过该项分值", 4, "auto", "考试成绩", "exam_pass_rate"}}}}},
      {"加分项",
       {{"",
         {{"普法依法治理工作经验被省级以上推广", "每项加1分，最高加3分", 3, "report", "推广文件"},
          {"获评市级以上普法依法治理先进集体", "每获一次加1分，最高加2分", 2, "ledger", "表彰文件"}}}}},
      {"一票否决",
       {{"",
         {{"发生重大群体性事件、严重违法违纪案件并造成恶劣社会影响的", "", 0, "report", "相关通报"}}}}},
  };
}

Tree department_tree() {
  static std::string const research = std::string("每年专题研究不少于2次，每少一次扣0.5分") + cap;
  return {
      {"组织领导",
       {{"",
         {{"成立普法工作领导小组，明确责任科室和普法联络员", "未成立领导小组的不得分", 3, "ledger", "领导小组文件"},
          {"党组专题研究普法工作", research.c_str(), 4, "ledger", "会议纪要"},
          {"制定年度普法计划", "未制定年度计划的不得分", 3, "ledger", "年度计划"},
          {"普法责任清单任务完成", "完成率达到90%，每低1个百分点扣0.2分，累计扣分不超过该项分值", 5, "auto", "责任清单任务", "duty_done_rate"}}}}},
      {"学法用法",
       {{"",
         {{"党组理论中心组集体学法", "每年不少于4次，每少一次扣0.5分，累计扣分不超过该项分值", 5, "auto", "学法记录", "study_record", "party_group"},
          {"干部学法用法考试合格率", "达到95%，每低1个百分点扣0.5分，累计扣分不超过该项分值", 5, "auto", "考试成绩", "exam_pass_rate"},
          {"组织旁听庭审", "每年不少于1次，每少一次扣1分，累计扣分不超过该项分值", 4, "auto", "学法记录", "study_record", "court_hearing"},
          {"领导干部述职述法", "未开展述职述法的不得分", 3, "auto", "述法记录", "study_record", "duty_report"},
          {"新任领导干部任前考法", "根据落实情况酌情扣分", 3, "report", "考试记录"},
          {"执法人员法律知识培训", "每年不少于1次，每少一次扣0.5分，累计扣分不超过该项分值", 5, "ledger", "培训通知、签到"}}}}},
      {"谁执法谁普法",
       {{"",
         {{"面向社会开展本系统普法活动", "不少于20次，每少一次扣0.5分，累计扣分不超过该项分值", 8, "auto", "活动台账", "activity"},
          {"发布以案释法、普法文章", "不少于5篇，每少一篇扣1分，累计扣分不超过该项分值", 5, "auto", "门户文章", "article"},
          {"12·4 宪法宣传周活动", "每年不少于1次，每少一次扣1分，累计扣分不超过该项分值", 5, "auto", "活动台账", "activity", "宪法"},
          {"民法典学习宣传", "不少于3次，每少一次扣1分，累计扣分不超过该项分值", 4, "auto", "活动台账", "activity", "民法典"},
          {"行政执法公示、执法全过程记录", "每发现一处问题扣1分，扣完为止", 5, "onsite", "执法公示平台"},
          {"服务窗口、执法场所普法阵地", "根据阵地建设情况酌情扣分", 2, "onsite", "实地查看"},
          {"普法责任清单向社会公告", "未公告的不得分", 2, "ledger", "清单公告"},
          {"新媒体普法（线上推送）", "不少于10次，每少一次扣0.4分，累计扣分不超过该项分值", 4, "auto", "活动台账", "activity", "online"}}}}},
      {"工作成效",
       {{"",
         {{"服务对象法治满意度测评", "满意率达到90%，每低1个百分点扣0.5分，累计扣分不超过该项分值", 8, "survey", "问卷调查结果"},
          {"普法工作宣传报道", "市级以上媒体报道不少于5篇，每少一篇扣1分", 5, "ledger", "报道截图"},
          {"法治政府建设考核情况", "根据考核结果酌情扣分", 3, "report", "考核结果"},
          {"行政复议、行政诉讼被纠错情况", "每发现一件被纠错的扣1分，扣完为止", 3, "report", "复议诉讼台账"},
          {"年度普法工作总结按时报送", "未按时报送的不得分", 3, "ledger", "工作总结"},
          {"台账资料完整规范", "根据台账完整情况酌情扣分", 3, "ledger", "台账"}}}}},
      {"加分项",
       {{"",
         {{"普法工作创新做法被省级以上推广", "每项加1分，最高加3分", 3, "report", "推广文件"},
          {"获评市级以上普法先进集体", "每获一次加1分，最高加2分", 2, "ledger", "表彰文件"}}}}},
      {"一票否决",
       {{"",
         {{"本系统发生严重违法违纪案件、重大执法过错并造成恶劣影响的", "", 0, "report", "相关通报"}}}}},
  };
}

double total_points(std::vector<Item> const& items) {
  double total = 0;
  for (auto const& i : items) total += i.kind == item_kind::group ? total_points(i.children) : (i.kind == item_kind::normal ? i.points : 0);
  return total;
}

std::int64_t add_set(db::Connection& conn, std::string code, std::string name, std::string edition, std::string_view category,
                     Tree const& tree, std::string const& root_path, base::Millis at) {
  auto items = items_of(tree);
  IndicatorSet set{.code = std::move(code), .version = 1, .name = std::move(name), .edition = std::move(edition),
                   .category = std::string(category), .status = std::string(set_status::active), .total = total_points(items),
                   .bonus_cap = 5, .region_path = root_path, .created_at = at, .updated_at = at};
  set.id = store::insert_set(conn, set, 0);
  store::replace_items(conn, set.id, items);
  return set.id;
}

constexpr char const* townships[] = {"兰江街道办事处", "云山街道办事处", "上华街道办事处", "永昌街道办事处", "赤溪街道办事处",
                                     "女埠街道办事处", "游埠镇人民政府", "诸葛镇人民政府", "黄店镇人民政府", "香溪镇人民政府",
                                     "马涧镇人民政府", "梅江镇人民政府", "横溪镇人民政府", "柏社乡人民政府", "灵洞乡人民政府",
                                     "水亭畲族乡人民政府"};
constexpr char const* departments[] = {
    "市委政法委", "市司法局", "市公安局", "市人民法院", "市人民检察院", "市教育局", "市人大法工委",
    "市市场监管局", "团市委", "市妇联", "市卫健局", "市人力社保局", "市民政局", "市自然资源和规划局",
    "市交通运输局", "市农业农村局", "市综合行政执法局", "市税务局", "市总工会", "市应急管理局"};

struct Visit {
  char const* group;
  char const* leader;
  char const* township;
  char const* departments[3];
};
// The seed: 4 groups led by city leaders visited 4 townships and 12 departments.
constexpr Visit visits[] = {
    {"第一检查组", "市人大常委会副主任 周某某", "马涧镇人民政府", {"市公安局", "市教育局", "市市场监管局"}},
    {"第二检查组", "市政府副市长 陈某某", "诸葛镇人民政府", {"市人民法院", "市卫健局", "市人力社保局"}},
    {"第三检查组", "市政协副主席 王某某", "永昌街道办事处", {"市人民检察院", "市交通运输局", "市农业农村局"}},
    {"第四检查组", "市委常委、政法委书记 李某某", "女埠街道办事处", {"市综合行政执法局", "市民政局", "市应急管理局"}},
};

// A plausible entered score: the points less a few half-point deductions.
double entered(base::Sequence& random, Item const& leaf, int spread) {
  if (leaf.kind == item_kind::veto) return 0;
  auto const most = leaf.points;
  if (leaf.kind == item_kind::bonus) return random.below(3) == 0 ? std::min(most, 1.0) : 0;
  auto const steps = static_cast<double>(random.below(spread + 1)) * 0.5;
  return std::max(0.0, most - std::min(steps, most * 0.4));
}

}  // namespace

void load_demo(db::Connection& conn) {
  if (!store::all_sets(conn).empty()) return;
  auto const root = auth::regions::root(conn);
  auto const at = base::parse_iso8601("2020-06-15T02:00:00Z").value_or(0);
  auto const town7 = add_set(conn, "qiwu-township", "七五普法总结验收评分表（乡镇街道）", "七五", category::township, township_tree(), root.path, at);
  auto const dept7 = add_set(conn, "qiwu-department", "七五普法总结验收评分表（市级部门）", "七五", category::department, department_tree(), root.path, at);
  auto const later = base::parse_iso8601("2025-03-01T02:00:00Z").value_or(0);
  auto const town8 = add_set(conn, "bawu-township", "八五普法总结验收评分表（乡镇街道）", "八五", category::township, township_tree(), root.path, later);
  auto const dept8 = add_set(conn, "bawu-department", "八五普法总结验收评分表（市级部门）", "八五", category::department, department_tree(), root.path, later);

  // The 2020 七五 acceptance round.
  Round round{.year = 2020, .title = "2020年“七五”普法总结验收", .period_from = "2016-01-01", .period_to = "2020-12-31",
              .status = std::string(round_status::published),
              .phases = {{"self_assess", "2020-07-01", "2020-07-31"}, {"submission", "2020-08-01", "2020-09-15"},
                         {"inspection", "2020-10-10", "2020-11-20"}, {"review", "2020-11-21", "2020-12-10"},
                         {"publish", "2020-12-15", "2020-12-31"}},
              .region_path = root.path, .created_at = at, .updated_at = at};
  round.id = store::insert_round(conn, round, 0);
  std::vector<RoundUnit> units;
  for (auto const* name : townships) {
    if (auto const u = org::directory::unit_named(conn, name)) units.push_back({.unit_id = u->id, .set_id = town7, .category = std::string(category::township)});
  }
  for (auto const* name : departments) {
    if (auto const u = org::directory::unit_named(conn, name)) units.push_back({.unit_id = u->id, .set_id = dept7, .category = std::string(category::department)});
  }
  store::set_units(conn, round.id, units);
  auto stored = store::units(conn, round.id);
  name_units(conn, stored);
  auto round_unit = [&](char const* name) -> RoundUnit const* {
    for (auto const& u : stored) {
      if (u.unit_name == name) return &u;
    }
    return nullptr;
  };
  auto const leader_login = auth::accounts::id_of(conn, "jiancha");
  std::vector<Group> groups;
  for (std::size_t g = 0; g < std::size(visits); ++g) {
    Group group{.name = visits[g].group, .leader_name = visits[g].leader};
    if (g == 0 && leader_login) {
      group.leader_user_id = *leader_login;
      group.member_ids = {*leader_login};
    }
    if (auto const* u = round_unit(visits[g].township)) group.unit_ids.push_back(u->id);
    for (auto const* d : visits[g].departments) {
      if (auto const* u = round_unit(d)) group.unit_ids.push_back(u->id);
    }
    groups.push_back(std::move(group));
  }
  store::replace_groups(conn, round.id, groups);
  stored = store::units(conn, round.id);
  name_units(conn, stored);

  base::Sequence random(2020);
  std::map<std::int64_t, IndicatorSet> sets;
  sets.emplace(town7, load_set(conn, town7));
  sets.emplace(dept7, load_set(conn, dept7));
  auto const self_at = base::parse_iso8601("2020-09-10T08:00:00Z").value_or(0);
  auto const visit_at = base::parse_iso8601("2020-11-05T06:00:00Z").value_or(0);
  for (auto const& u : stored) {
    auto const& set = sets.at(u.set_id);
    for (auto const* leaf : leaves_of(set)) {
      if (leaf->measure) continue;  // scored from the records
      Score score{.round_unit_id = u.id, .item_id = leaf->id, .self = entered(random, *leaf, 1), .self_note = "详见台账"};
      store::save_self(conn, score, 0, self_at);
      if (u.group_id) {
        score.inspect = std::max(0.0, *score.self - (random.below(3) == 0 ? 0.5 : 0.0));
        if (leaf->kind == item_kind::veto) score.inspect = 0;
        score.inspect_note = *score.inspect < *score.self ? "实地查看，材料不全" : "";
        store::save_inspect(conn, score, 0, visit_at);
      }
    }
    store::set_report(conn, u.id,
                      fmt::format("{}“七五”普法工作自查报告\n一、基本情况\n五年来，{}认真落实“七五”普法规划，普法依法治理各项工作有序推进。\n"
                                  "二、主要做法\n（一）加强组织领导。（二）落实普法责任制。（三）深化法律六进。\n"
                                  "三、存在问题和下一步打算\n部分台账资料不够规范，下一步将加强整改。",
                                  u.unit_name, u.unit_name),
                      {});
    store::set_unit_status(conn, u.id, unit_status::submitted, std::nullopt, self_at);
    if (u.group_id) store::set_unit_status(conn, u.id, unit_status::confirmed, leader_login, visit_at + (24 * base::hour_ms));
  }
  // Rectifications raised on the visits: some closed, one returned, the rest open.
  int n = 0;
  for (auto const& u : stored) {
    if (!u.group_id) continue;
    auto const leaves = leaves_of(sets.at(u.set_id));
    auto const* leaf = leaves[static_cast<std::size_t>(n * 7 % static_cast<int>(leaves.size()))];
    Fix fix{.round_id = round.id, .round_unit_id = u.id, .item_id = leaf->id,
            .text = fmt::format("「{}」台账资料不完整，请补充并规范归档", leaf->title), .deadline = "2021-01-31",
            .raised_at = visit_at, .raised_by = leader_login.value_or(0)};
    fix.id = store::insert_fix(conn, fix);
    auto const state = n % 4;
    if (state != 3) {
      fix.status = fix_status::answered;
      fix.answer = "已补充相关材料并重新归档。";
      store::update_fix(conn, fix, 0, visit_at + 20 * (24 * base::hour_ms));
      if (state == 0 || state == 1) {
        fix.status = state == 0 ? fix_status::accepted : fix_status::returned;
        if (state == 1) fix.return_reason = "补充材料仍缺少会议纪要，请继续整改";
        store::update_fix(conn, fix, 0, visit_at + 30 * (24 * base::hour_ms));
      }
    }
    ++n;
  }
  auto frozen = round;
  frozen.status = std::string(round_status::review);
  store::set_results(conn, round.id, results_text(live_results(conn, frozen, store::units(conn, round.id))));
  round.locked_at = base::parse_iso8601("2020-12-10T02:00:00Z");
  round.published_at = base::parse_iso8601("2020-12-15T02:00:00Z");
  store::update_round(conn, round);

  // This year's assessment on the 八五 sheets, in its self-assessment phase: the demo liaisons' units,
  // visited later by the demo inspector's group.
  auto const now = base::now_ms();
  auto const year = std::stoi(base::shanghai_date(now).substr(0, 4));
  Round current{.year = year, .title = fmt::format("{}年度普法依法治理工作考核", year),
                .period_from = fmt::format("{}-01-01", year), .period_to = fmt::format("{}-12-31", year),
                .status = std::string(round_status::self_assess),
                .phases = {{"self_assess", fmt::format("{}-11-01", year), fmt::format("{}-12-10", year)},
                           {"inspection", fmt::format("{}-12-11", year), fmt::format("{}-12-20", year)},
                           {"review", fmt::format("{}-12-21", year), fmt::format("{}-12-25", year)},
                           {"publish", fmt::format("{}-12-28", year), fmt::format("{}-12-31", year)}},
                .region_path = root.path, .created_at = now, .updated_at = now};
  current.id = store::insert_round(conn, current, 0);
  std::vector<RoundUnit> now_units;
  for (auto const* name : {"马涧镇人民政府", "诸葛镇人民政府"}) {
    if (auto const u = org::directory::unit_named(conn, name)) now_units.push_back({.unit_id = u->id, .set_id = town8, .category = std::string(category::township)});
  }
  for (auto const* name : {"市公安局", "市教育局"}) {
    if (auto const u = org::directory::unit_named(conn, name)) now_units.push_back({.unit_id = u->id, .set_id = dept8, .category = std::string(category::department)});
  }
  store::set_units(conn, current.id, now_units);
  auto const current_units = store::units(conn, current.id);
  std::vector<Group> current_groups{{.name = "第一检查组", .leader_name = "市人大常委会副主任 周某某"}};
  if (leader_login) {
    current_groups[0].leader_user_id = *leader_login;
    current_groups[0].member_ids = {*leader_login};
  }
  for (auto const& u : current_units) current_groups[0].unit_ids.push_back(u.id);
  store::replace_groups(conn, current.id, current_groups);
}

}  // namespace pufa::assess
