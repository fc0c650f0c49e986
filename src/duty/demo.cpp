// The Lanxi demo of the responsibility system: the 2017–2020 work points with their publicity
// days, the 2020 responsibility lists of twelve departments the seed names (one revised after
// publication, one waiting for review, one returned), manual tasks answered from the ledger (some
// late, some missing), and two 2020 bulletins ranked as the records stood on their days.
#include <fmt/format.h>

#include "activity/library.hpp"
#include "base/time.hpp"
#include "content/disclosure.hpp"
#include "duty/common.hpp"
#include "duty/digest.hpp"
#include "duty/judged.hpp"
#include "duty/penalties.hpp"
#include "duty/review.hpp"
#include "duty/routes.hpp"
#include "duty/store.hpp"
#include "duty/view.hpp"
#include "org/directory.hpp"

namespace pufa::duty {

namespace {

struct PointSeed {
  char const* kind;
  char const* section;
  char const* text;
  char const* day;  // MM-DD for date nodes
  char const* lead;
  std::vector<char const*> co;
  char const* deadline;  // MM-DD
  Rule rule;
};

Rule activities(std::int64_t min, char const* theme = nullptr, char const* period = "year") {
  Rule rule;
  rule.kind = rule_kind::activity;
  rule.min = min;
  rule.period = period;
  if (theme) rule.theme = theme;
  return rule;
}

Rule studies(std::int64_t min, char const* kind, char const* period = "year") {
  Rule rule;
  rule.kind = rule_kind::study_record;
  rule.min = min;
  rule.period = period;
  rule.study_kind = kind;
  return rule;
}

Rule manual() { return {}; }

std::vector<char const*> const key_departments{"市公安局", "市教育局", "市司法局", "市市场监管局", "市卫健局", "团市委",
                                               "市妇联", "市人民法院", "市人民检察院", "市人力社保局", "市交通运输局",
                                               "市农业农村局"};

std::vector<PointSeed> points_of(int year) {
  std::vector<PointSeed> out{
      {"point", "一、深入学习宣传习近平法治思想和宪法", "组织开展宪法宣传周和“12·4”国家宪法日系列活动", nullptr, "市司法局",
       {"市教育局", "团市委"}, "12-31", activities(2, "宪法")},
      {"point", "二、落实国家工作人员学法用法制度", "落实党委（党组）理论中心组学法，全年不少于 2 次", nullptr, "市司法局",
       {"市公安局", "市教育局", "市市场监管局", "市卫健局"}, "12-31", studies(2, "party_group")},
      {"point", "二、落实国家工作人员学法用法制度", "领导干部年度述职述法，报送述法报告", nullptr, "市委政法委",
       {"市公安局", "市教育局", "市司法局", "市市场监管局", "市卫健局", "市人民法院"}, "12-15", manual()},
      {"point", "三、分类推进群体普法", "开展青少年法治教育和未成年人保护宣传", nullptr, "团市委", {"市教育局", "市妇联"},
       "11-30", activities(2, "未成年人保护")},
      {"point", "三、分类推进群体普法", "开展扫黑除恶专项斗争法治宣传", nullptr, "市公安局", {"市人民检察院", "市人民法院"},
       "10-31", activities(2, "扫黑除恶")},
      {"point", "四、推进依法治理", "开展安全生产法治宣传进企业", nullptr, "市人力社保局", {"市交通运输局"}, "09-30",
       activities(1, "安全生产")},
      {"date_node", "重要时间节点", "“3·15”国际消费者权益日：消费维权法律宣传", "03-15", "市市场监管局", {"市司法局"}, nullptr,
       manual()},
      {"date_node", "重要时间节点", "“4·15”全民国家安全教育日：国家安全法宣传", "04-15", "市公安局", {"市司法局"}, nullptr,
       manual()},
      {"date_node", "重要时间节点", "“6·26”国际禁毒日：禁毒法宣传", "06-26", "市公安局", {"市卫健局", "市教育局"}, nullptr,
       activities(1, "禁毒")},
      {"date_node", "重要时间节点", "“12·4”国家宪法日：宪法集中宣传", "12-04", "市司法局", {"市人民法院", "市人民检察院"}, nullptr,
       activities(1, "宪法")},
      {"theme", "专项主题", "“法律六进”主题宣传", nullptr, nullptr, {}, nullptr, manual()},
      {"theme", "专项主题", "“三长学法说法讲法”活动", nullptr, nullptr, {}, nullptr, manual()},
  };
  if (year == 2020) {
    out.push_back({"point", "一、深入学习宣传习近平法治思想和宪法", "开展民法典“四大行动”集中宣传", nullptr, "市司法局",
                   {"市人民法院", "市妇联"}, "06-30", activities(2, "民法典")});
    out.push_back({"point", "四、推进依法治理", "开展疫情防控法治宣传", nullptr, "市卫健局", {}, "06-30",
                   activities(2, "疫情防控")});
    out.push_back({"theme", "专项主题", "民法典“四大行动”", nullptr, nullptr, {}, nullptr, manual()});
  }
  return out;
}

struct ListSeed {
  char const* unit;
  char const* leader;
  char const* office;
  char const* laws;
  char const* theme;
  char const* audience;
};

// One line per department: the laws it publicises (谁执法谁普法) and the theme its records carry.
ListSeed const list_seeds[] = {
    {"市公安局", "副局长 陈建华", "法制大队", "治安管理处罚法、道路交通安全法、反有组织犯罪法", "扫黑除恶", "辖区群众、驾驶人"},
    {"市教育局", "副局长 周丽萍", "政策法规科", "未成年人保护法、预防未成年人犯罪法、教育法", "未成年人保护", "中小学生、家长、教师"},
    {"市司法局", "副局长 徐志强", "普法与依法治理科", "宪法、民法典、人民调解法", "宪法", "全市干部群众"},
    {"市市场监管局", "副局长 方晓东", "法规科", "消费者权益保护法、食品安全法、产品质量法", "企业风险防范", "经营户、消费者"},
    {"市卫健局", "副局长 吴美琴", "政策法规科", "基本医疗卫生与健康促进法、传染病防治法", "疫情防控", "医务人员、群众"},
    {"团市委", "副书记 郑一鸣", "青少年权益部", "未成年人保护法、预防未成年人犯罪法", "未成年人保护", "青少年"},
    {"市妇联", "副主席 王秀英", "权益部", "反家庭暴力法、妇女权益保障法、民法典", "婚姻家庭", "妇女、家庭"},
    {"市人民法院", "副院长 李国强", "研究室", "民法典、民事诉讼法", "民法典", "诉讼参与人、群众"},
    {"市人民检察院", "副检察长 张卫东", "法律政策研究室", "刑法、监察法", "监察法", "国家工作人员"},
    {"市人力社保局", "副局长 何建军", "法规科", "劳动合同法、保障农民工工资支付条例", "企业风险防范", "企业职工、外来务工人员"},
    {"市交通运输局", "副局长 蒋志明", "法规科", "道路运输条例、安全生产法", "安全生产", "运输企业、驾驶员"},
    {"市农业农村局", "副局长 叶林", "法规科", "农村土地承包法、种子法", "乡村振兴", "农民、农业经营主体"},
};

// How many 以案释法 cases an enforcing department's list asks for in 2020 (0: not an enforcing one).
std::int64_t case_targets(std::string_view unit) {
  if (unit == "市市场监管局") return 8;
  if (unit == "市公安局") return 6;
  if (unit == "市卫健局") return 4;
  if (unit == "市交通运输局") return 2;
  return 0;
}

base::Millis at(std::string const& date) { return *base::parse_iso8601(date + "T10:00:00+08:00"); }

class Loader {
 public:
  explicit Loader(db::Connection& conn) : conn_(conn) {}

  std::int64_t unit(char const* name) {
    auto const found = org::directory::unit_named(conn_, name);
    return found ? found->id : 0;
  }

  void plans() {
    for (int year = 2017; year <= 2020; ++year) {
      auto const issued = at(fmt::format("{}-02-20", year));
      auto const id = store::insert_plan(conn_, year, fmt::format("兰溪市{}年普法依法治理工作要点", year), 0, issued);
      std::vector<Point> points;
      int seq = 0;
      for (auto const& seed : points_of(year)) {
        Point point;
        point.seq = ++seq;
        point.kind = seed.kind;
        point.section = seed.section;
        point.text = seed.text;
        if (seed.day) point.day = fmt::format("{}-{}", year, seed.day);
        if (seed.lead) point.lead_unit_id = unit(seed.lead);
        for (auto const* co : seed.co) point.co_unit_ids.push_back(unit(co));
        if (seed.deadline) point.deadline = fmt::format("{}-{}", year, seed.deadline);
        point.rule = seed.rule;
        points.push_back(std::move(point));
      }
      store::save_points(conn_, id, std::move(points));
      store::set_plan_issued(conn_, id, issued);
      sync_plan_tasks(conn_, *store::plan(conn_, id), issued);
    }
  }

  void lists() {
    int n = 0;
    for (auto const& seed : list_seeds) {
      ++n;
      auto const found = org::directory::unit_named(conn_, seed.unit);
      if (!found) continue;
      DutyList list;
      list.unit_id = found->id;
      list.unit_name = found->name;
      list.year = 2020;
      list.region_id = found->region_id;
      list.region_path = found->region_path;
      auto const created = at("2020-03-02");
      list.id = store::insert_list(conn_, list, 0, created);
      std::vector<ListItem> items;
      items.push_back({.seq = 1, .content = fmt::format("宣传{}", seed.laws), .laws = seed.laws, .leader = seed.leader,
                       .owner = "普法联络员", .office = seed.office, .audience = seed.audience, .carrier = "窗口、微信公众号、进村入企",
                       .measures = "结合执法办案开展以案释法，发放宣传资料", .standard = "全年开展主题普法活动不少于 3 次",
                       .deadline = "2020-12-31", .rule = activities(3, seed.theme)});
      items.push_back({.seq = 2, .content = "落实党组理论中心组学法", .laws = "宪法、民法典", .leader = seed.leader,
                       .owner = "办公室主任", .office = "办公室", .audience = "本单位干部职工", .carrier = "中心组学习会",
                       .measures = "每季度专题学法一次", .standard = "每季度中心组学法不少于 1 次", .deadline = "2020-12-31",
                       .rule = studies(1, "party_group", "quarter")});
      items.push_back({.seq = 3, .content = "编制并公开本单位普法责任清单和年度普法计划", .laws = "", .leader = seed.leader,
                       .owner = "普法联络员", .office = seed.office, .audience = "社会公众", .carrier = "政务公开",
                       .measures = "在政府信息公开平台公开", .standard = "3 月底前公开并报送市普法办", .deadline = "2020-03-31",
                       .rule = manual()});
      if (auto const cases = case_targets(seed.unit)) {  // 谁执法谁普法: the enforcing departments
        Rule rule;
        rule.kind = rule_kind::legal_case;
        rule.min = cases;
        items.push_back({.seq = 4, .content = "落实“谁执法谁普法”，结合执法办案开展以案释法", .laws = seed.laws,
                         .leader = seed.leader, .owner = "法制员", .office = seed.office, .audience = seed.audience,
                         .carrier = "门户网站以案释法栏目", .measures = "从本单位行政处罚案件中选取典型案例，释法说理后公开发布",
                         .standard = fmt::format("全年发布以案释法案例不少于 {} 篇", cases), .deadline = "2020-12-31", .rule = rule});
      }
      list.items = store::save_items(conn_, list.id, std::move(items));
      if (n == 12) {  // 市农业农村局: waiting for review
        list.status = list_status::submitted;
        store::set_list_state(conn_, list, created);
        continue;
      }
      if (n == 11) {  // 市交通运输局: back for correction
        list.status = list_status::returned;
        list.return_reason = "请补充“4·15”“6·26”等重要时间节点的宣传安排，并明确责任处室";
        store::set_list_state(conn_, list, created);
        continue;
      }
      publish(list, at("2020-03-20"), "");
      if (n == 1) {  // 市公安局 revised after publication
        list.items[0].standard = "全年开展主题普法活动不少于 4 次，其中以案释法不少于 2 次";
        list.items[0].rule = activities(4, seed.theme);
        list.version = 2;
        list.change_reason = "根据市普法办意见，提高扫黑除恶主题宣传频次";
        list.items = store::save_items(conn_, list.id, list.items);
        publish(list, at("2020-06-15"), *list.change_reason);
      }
    }
  }

  void publish(DutyList& list, base::Millis when, std::string const& reason) {
    ListVersion version{list.version, reason, content::assign_index_no(conn_, 2020), when};
    link_laws(conn_, list.items);
    store::insert_version(conn_, list.id, version, snapshot_text(list, version), 0);
    list.status = list_status::published;
    list.published_version = list.version;
    store::set_list_state(conn_, list, when);
    sync_list_tasks(conn_, list, when);
  }

  // Manual tasks: most answered with a record of their own (confirmed), some late, some never.
  void answers() {
    std::size_t n = 0;
    for (auto const& view : judged_tasks(conn_, "/", 2020, "2020-01-01")) {
      auto const& task = view.task;
      if (task.rule.kind != rule_kind::manual) continue;
      ++n;
      if (n % 5 == 0) continue;  // never answered
      auto const records = activity_of(task.unit_id);
      std::vector<Evidence> evidence;
      if (records) evidence.push_back({"activity", *records, {}, {}, {}});
      auto const day = task.deadline ? *task.deadline : std::string("2020-12-31");
      // Every fourth answered a week after its deadline.
      auto const when = at(day) + (n % 4 == 0 ? 7 : -3) * 24LL * 3600 * 1000;
      store::answer_task(conn_, task.id, "已按要求完成，佐证见所附台账记录", evidence, 0, when);
      if (n % 7 != 0) store::decide_task(conn_, task.id, task_status::done, std::nullopt, 0, when + 24LL * 3600 * 1000);
    }
  }

  std::optional<std::int64_t> activity_of(std::int64_t unit_id) {
    activity::library::Criteria criteria{.kind = "activity", .unit_id = unit_id, .from = "2020-01-01", .to = "2020-12-31"};
    auto const found = activity::library::matching(conn_, criteria, 1);
    if (found.empty()) return std::nullopt;
    return found.front().id;
  }

  void bulletins() {
    struct Seed {
      char const* as_of;
      char const* title;
      char const* remarks;
    };
    Seed const seeds[] = {
        {"2020-07-10", "2020年上半年普法责任制落实情况通报",
         "上半年各单位按清单推进普法工作，民法典集中宣传和疫情防控法治宣传进展较快；部分单位中心组学法未按季度落实，请对照清单抓紧整改。"},
        {"2021-01-10", "2020年度普法责任制落实情况通报",
         "全年任务完成情况按台账记录自动计算，逾期完成按一半计分。请排名靠后的单位于1月底前报送整改情况。"},
    };
    int serial = 0;
    for (auto const& seed : seeds) {
      Bulletin bulletin;
      bulletin.year = 2020;
      bulletin.serial = ++serial;
      bulletin.title = seed.title;
      bulletin.as_of = seed.as_of;
      bulletin.is_public = true;
      bulletin.remarks = seed.remarks;
      bulletin.issued_at = at(seed.as_of);
      bulletin.rows = rank_units(judged_tasks(conn_, "/", 2020, seed.as_of));
      store::insert_bulletin(conn_, bulletin, rows_text(bulletin.rows), 0);
    }
  }

 private:
  db::Connection& conn_;
};

}  // namespace

void load_demo(db::Connection& conn) {
  if (store::plan_of_year(conn, 2020)) return;
  digest::rebuild_all(conn);  // the ledger's demo was written directly, past the change observer
  load_penalty_demo(conn);  // before the lists: their 以案释法 items are judged from the cases
  Loader loader(conn);
  loader.plans();
  loader.lists();
  loader.answers();
  loader.bulletins();
  load_review_demo(conn, key_departments);
}

}  // namespace pufa::duty
