// The Lanxi demo of 合法性审核: 2019-2020 reviews for every township's government by its 司法所 and for
// the departments by the bureau (some late, some 修改后合法, a few 不合法, some with material asked for),
// a 村规民约 for each of the 350 villages with reviews for most, and 复议 / 诉讼 cases of the departments.
// Deterministic: the same rows on every load.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "auth/regions.hpp"
#include "calendar/library.hpp"
#include "legality/common.hpp"
#include "legality/routes.hpp"
#include "legality/store.hpp"

namespace pufa::legality {

namespace {

struct Draft {
  char const* kind;
  char const* title;  // {} is the township's name
  char const* basis;
  char const* change;  // 修改后合法: the change asked
  char const* change_cited;
  char const* wrong;  // 不合法: why
  char const* wrong_cited;
};

constexpr std::array<Draft, 8> township_drafts{{
    {"normative", "{}农村生活垃圾分类管理办法", "《浙江省生活垃圾管理条例》",
     "第十二条对未分类投放者“处以 50 元至 200 元罚款”，属于设定行政处罚，规范性文件不得设定，建议删除或改为依照上位法规定处理。", "《行政处罚法》第十六条",
     "办法第八条、第十二条自行设定罚款和“暂扣三轮车”，规范性文件不得设定行政处罚和行政强制措施。", "《行政处罚法》第十六条"},
    {"major_decision", "{}美丽城镇建设三年行动方案", "《重大行政决策程序暂行条例》",
     "方案未附公众参与和风险评估的情况，建议补充征求意见、风险评估材料后提交集体讨论。", "",
     "方案涉及征收集体土地，未经法定审批程序即确定补偿标准，超越镇人民政府权限。", "《民法典》第二百四十三条"},
    {"contract", "{}农贸市场委托经营管理协议", "《民法典》合同编",
     "第九条违约责任约定不对等，第十四条争议解决条款约定由镇政府单方认定，建议改为协商或提交仲裁、诉讼解决。", "《民法典》第五百零九条",
     "协议将镇人民政府的行政执法权委托给企业行使，违反法律规定。", "《行政处罚法》第二十条"},
    {"normative", "{}村级小微权力清单管理办法", "《中华人民共和国村民委员会组织法》",
     "第六条要求村民“须经镇政府同意”方可召开村民会议，与村民自治规定不符，建议删除。", "《村民委员会组织法》第二十一条", nullptr, nullptr},
    {"enforcement", "{}违法建筑拆除决定（{}号）", "《中华人民共和国城乡规划法》",
     "决定书未告知当事人申请行政复议和提起行政诉讼的途径和期限，建议补充。", "《行政强制法》第三十七条",
     "强制拆除前未经催告和公告程序，直接作出强制拆除决定。", "《行政强制法》第四十四条"},
    {"major_decision", "{}集镇污水管网改造工程实施方案", "《重大行政决策程序暂行条例》",
     "资金来源表述不明确，建议写明财政预算安排和审议程序。", "", nullptr, nullptr},
    {"contract", "{}闲置校舍租赁合同", "《民法典》合同编",
     "租赁期限约定为三十年，超过法定最长期限，建议改为二十年以内。", "《民法典》第七百零五条", nullptr, nullptr},
    {"other", "{}关于规范民宿经营的通知", "《浙江省民宿管理办法》",
     "通知要求民宿经营者“先取得镇政府备案许可”，属于增设行政许可，建议改为告知备案。", "《行政许可法》第十七条",
     "通知自行设定民宿经营许可并收取保证金，没有法律依据。", "《行政许可法》第十七条"},
}};

constexpr std::array<Draft, 5> department_drafts{{
    {"normative", "兰溪市{}行政执法公示制度实施办法", "《浙江省行政程序办法》", "第十条公示期限与上位法规定不一致，建议修改为二十个工作日内公示。", "",
     nullptr, nullptr},
    {"normative", "兰溪市{}行政处罚裁量基准", "《中华人民共和国行政处罚法》",
     "基准对“首次轻微违法”未规定不予处罚的情形，建议补充。", "《行政处罚法》第三十三条", nullptr, nullptr},
    {"contract", "兰溪市{}政府购买服务合同", "《民法典》合同编", "付款条件与验收标准未对应，建议细化验收标准。", "《民法典》第五百一十条", nullptr,
     nullptr},
    {"major_decision", "兰溪市{}专项资金管理办法", "《重大行政决策程序暂行条例》", "申报条件中限定本地企业，涉嫌排除、限制竞争，建议删除。", "", nullptr,
     nullptr},
    {"enforcement", "兰溪市{}重大行政执法决定（{}号）", "《中华人民共和国行政处罚法》", "决定书未载明听证权利的告知情况，建议补充。",
     "《行政处罚法》第六十三条", nullptr, nullptr},
}};

constexpr char const* reviewed_departments[] = {"市市场监管局", "市自然资源和规划局", "市综合行政执法局", "市农业农村局", "市卫健局", "市教育局"};

constexpr char const* material_notes[] = {"请补充起草说明和征求意见情况", "请补充集体讨论的会议纪要", "请补充风险评估报告",
                                          "请补充相对人陈述申辩材料"};

struct Rng {
  std::uint64_t state;
  int below(int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  }
};

class Loader {
 public:
  explicit Loader(db::Connection& conn)
      : conn_(conn), cal_(calendar::Calendar::load(conn, 2018, std::max(2022, std::stoi(today().substr(0, 4)) + 1))) {}

  void run() {
    root_ = auth::regions::root(conn_);
    auto const townships = auth::regions::at_level(conn_, root_.path, auth::regions::township_level);
    for (int year : {2019, 2020}) {
      for (std::size_t t = 0; t < townships.size(); ++t) township_year(townships[t], static_cast<int>(t), year);
      departments_year(year);
    }
    village_rules(townships);
    cases();
    open_now(townships);
  }

 private:
  db::Connection& conn_;
  calendar::Calendar cal_;
  auth::Region root_;
  Rng rng_{20191204};
  std::map<std::pair<std::int64_t, int>, int> seq_;  // (office, year) → the last opinion number
  std::vector<std::int64_t> department_reviews_;

  std::string working_day(int year, int day_of_year) {
    auto d = calendar::date_of(calendar::day_number(fmt::format("{}-01-01", year)) + day_of_year);
    while (!cal_.is_working_day(d)) d = calendar::date_of(calendar::day_number(d) + 1);
    return d;
  }

  void event(std::int64_t id, char const* kind, std::string note, std::string by, std::string const& day, int minutes) {
    auto const at = *base::parse_iso8601(day + "T09:00:00+08:00") + minutes * base::minute_ms;
    store::insert_event(conn_, {id, kind, std::move(note), std::move(by), 0, at});
  }

  // One submission through its steps, as of the end of 2020.
  std::int64_t review(Submission s, auth::Region const& office, Draft const* draft, std::string const& submitter, int rules_case = -1) {
    auto const name = reviewer_name(office);
    s.reviewer_region_id = office.id;
    s.reviewer_path = office.path;
    s.due_on = cal_.add_working_days(s.submitted_on, 5);
    s.created_at = s.updated_at = *base::parse_iso8601(s.submitted_on + "T09:00:00+08:00");
    auto const roll = rng_.below(100);
    bool const material = roll % 5 == 0;
    std::string material_on, supplied_on;
    if (material) {
      material_on = cal_.add_working_days(s.submitted_on, 2);
      auto const left = cal_.working_days_between(material_on, s.due_on);
      supplied_on = cal_.add_working_days(material_on, 2 + rng_.below(4));
      s.due_on = cal_.add_working_days(supplied_on, left);
      s.material_note = material_notes[rng_.below(4)];
    }
    bool const late = rng_.below(100) < 12;
    auto const from = material ? supplied_on : s.submitted_on;
    auto const limit = cal_.working_days_between(from, s.due_on);
    s.issued_on = cal_.add_working_days(from, late ? limit + 1 + rng_.below(4) : 1 + rng_.below(std::max(1, limit)));
    int const pick = rules_case >= 0 ? rules_case : rng_.below(100);
    bool const unlawful = draft && draft->wrong && pick < 9;
    bool const changes = !unlawful && draft && draft->change && pick < 42;
    s.conclusion = std::string(unlawful ? conclusion::unlawful : changes ? conclusion::lawful_with_changes : conclusion::lawful);
    if (unlawful) s.points.push_back({draft->wrong, *draft->wrong_cited ? std::vector<std::string>{draft->wrong_cited} : std::vector<std::string>{}});
    if (changes) s.points.push_back({draft->change, *draft->change_cited ? std::vector<std::string>{draft->change_cited} : std::vector<std::string>{}});
    auto const year = std::stoi(s.issued_on->substr(0, 4));
    s.opinion_year = year;
    s.opinion_seq = ++seq_[{office.id, year}];
    s.opinion_no = fmt::format("{}司审〔{}〕{}号", short_name(office), year, *s.opinion_seq);
    s.status = std::string(status::issued);
    if (rng_.below(100) < 88) {
      s.status = std::string(status::closed);
      s.adoption = unlawful ? "withdrawn" : changes ? "with_changes" : "as_reviewed";
      s.adopted_on = cal_.add_working_days(*s.issued_on, 3 + rng_.below(15));
      if (*s.adopted_on > "2020-12-31") s.adopted_on = "2020-12-31";
      if (*s.adopted_on < *s.issued_on) s.adopted_on = s.issued_on;
      s.adoption_note = unlawful ? "已按审核意见停止出台" : changes ? "已按审核意见修改，经班子会议审议通过" : "经班子会议审议通过";
    }
    auto const id = store::insert_submission(conn_, s);
    store::update_submission(conn_, [&] {
      auto copy = s;
      copy.id = id;
      return copy;
    }());
    event(id, "submitted", "", submitter, s.submitted_on, 0);
    if (material) {
      event(id, "material_requested", *s.material_note, name, material_on, 90);
      event(id, "material_supplied", "已补充", submitter, supplied_on, 60);
    }
    event(id, "issued", *s.opinion_no + " " + conclusion_words(*s.conclusion), name, *s.issued_on, 240);
    if (s.adoption) event(id, "adopted", adoption_words(*s.adoption), submitter, *s.adopted_on, 120);
    return id;
  }

  void township_year(auth::Region const& town, int t, int year) {
    std::optional<org::directory::Unit> government;
    for (auto const& unit : org::directory::units_under(conn_, town.path, 200)) {
      if (unit.region_id == town.id && (unit.name.ends_with("人民政府") || unit.name.ends_with("办事处"))) government = unit;
    }
    if (!government) return;
    int const count = 3 + (t * 7 + year) % 4;
    for (int i = 0; i < count; ++i) {
      auto const& draft = township_drafts[static_cast<std::size_t>((t + i * 3 + year) % township_drafts.size())];
      Submission s;
      s.unit_id = government->id;
      s.kind = draft.kind;
      s.title = std::string(draft.kind) == "enforcement" ? fmt::format(fmt::runtime(draft.title), town.name, fmt::format("{}-{:03}", year, 10 + i * 7 + t))
                                                           : fmt::format(fmt::runtime(draft.title), town.name);
      if (i > 0 && s.title.find("办法") != std::string::npos) s.title += fmt::format("（{}年修订）", year);
      s.basis = draft.basis;
      s.summary = "经镇（街道）党政班子会议研究，拟提交审议，现送合法性审核。";
      s.region_id = town.id;
      s.region_path = town.path;
      s.year = year;
      s.submitted_on = working_day(year, 20 + (i * 331 / count + t * 5) % 320);
      review(std::move(s), town, &draft, government->name);
    }
  }

  void departments_year(int year) {
    int i = 0;
    for (auto const* name : reviewed_departments) {
      auto const unit = org::directory::unit_named(conn_, name);
      if (!unit) continue;
      for (int k = 0; k < 2; ++k, ++i) {
        auto const& draft = department_drafts[static_cast<std::size_t>((i + year) % department_drafts.size())];
        auto const short_unit = std::string(name).substr(std::string("市").size());
        Submission s;
        s.unit_id = unit->id;
        s.kind = draft.kind;
        s.title = std::string(draft.kind) == "enforcement" ? fmt::format(fmt::runtime(draft.title), short_unit, fmt::format("{}-{:03}", year, 3 + i))
                                                             : fmt::format(fmt::runtime(draft.title), short_unit);
        s.basis = draft.basis;
        s.summary = "经局务会议研究，现送合法性审核。";
        s.region_id = unit->region_id;
        s.region_path = unit->region_path;
        s.year = year;
        s.submitted_on = working_day(year, 30 + (i * 53) % 300);
        department_reviews_.push_back(review(std::move(s), root_, &draft, unit->name));
      }
    }
  }

  void village_rules(std::vector<auth::Region> const& townships) {
    static constexpr Draft rules_draft{"village_rules", "", "《中华人民共和国村民委员会组织法》第二十七条",
                                       "第十条“不赡养老人的，取消其家庭的各项福利待遇”的表述过宽，建议改为依照法律规定处理。", "《村民委员会组织法》第二十七条",
                                       "第八条规定对乱倒垃圾者“罚款 100 元”，第十一条规定“外嫁女不再享受村集体经济分配”，侵犯村民合法财产权利。",
                                       "《村民委员会组织法》第二十七条"};
    int n = 0;
    for (auto const& town : townships) {
      for (auto const& village : auth::regions::at_level(conn_, town.path, auth::regions::village_level)) {
        ++n;
        bool const community = village.name.ends_with("社区");
        VillageRules r;
        r.region_id = village.id;
        r.region_path = village.path;
        r.title = village.name + (community ? "居民公约" : "村规民约");
        r.text = rules_text(village.name, community);
        r.adopted_on = working_day(2018 + n % 3, 40 + (n * 29) % 280);
        r.version = 1;
        r.created_at = r.updated_at = *base::parse_iso8601(r.adopted_on + "T10:00:00+08:00");
        auto const rules_id = store::insert_rules(conn_, r, std::nullopt);
        // 马坞村's is left unreviewed: the demo's village operator sends it.
        if (village.name == "马坞村" || n % 5 == 0) continue;
        Submission s;
        s.village_rules_id = rules_id;
        s.rules_version = 1;
        s.kind = std::string(kind::village_rules);
        s.title = r.title;
        s.basis = rules_draft.basis;
        s.summary = "经村民会议讨论通过，现报镇（街道）合法性审核。";
        s.region_id = village.id;
        s.region_path = village.path;
        auto const year = r.adopted_on < "2019-01-01" ? 2019 : std::stoi(r.adopted_on.substr(0, 4));
        s.year = year;
        s.submitted_on = working_day(year, 60 + (n * 17) % 250);
        // About one in eight asked for changes, a few found unlawful (fines and 外嫁女 clauses).
        int const pick = n % 97 == 3 ? 0 : (n % 8 == 1 ? 20 : 99);
        review(std::move(s), town, &rules_draft, village.name + (community ? "居民委员会" : "村民委员会"), pick);
      }
    }
  }

  // What waits today: 马涧镇's two drafts (one in review, one waiting for material), 游埠镇's one past its
  // days, and a department's at the bureau, dated from the day of the load.
  void open_now(std::vector<auth::Region> const& townships) {
    auto const now = today();
    auto back = [&](int working_days) {
      auto d = calendar::day_number(now);
      for (int n = 0; n < working_days;) {
        --d;
        if (cal_.is_working_day(calendar::date_of(d))) ++n;
      }
      return calendar::date_of(d);
    };
    struct Open {
      char const* township;  // nullptr: a department at the bureau
      char const* unit;
      char const* kind;
      char const* title;
      int days_ago;
      char const* material;
    };
    static constexpr Open open[] = {
        {"马涧镇", "马涧镇人民政府", "major_decision", "马涧镇杨梅产业高质量发展扶持办法", 2, nullptr},
        {"马涧镇", "马涧镇人民政府", "contract", "马涧镇农村饮用水站委托运维协议", 3, "请补充受托企业资质证明和报价文件"},
        {"游埠镇", "游埠镇人民政府", "normative", "游埠镇古镇保护区经营秩序管理规定", 8, nullptr},
        {nullptr, "市市场监管局", "normative", "兰溪市市场监管局轻微违法行为不予处罚清单", 1, nullptr},
    };
    for (auto const& o : open) {
      auto const unit = org::directory::unit_named(conn_, o.unit);
      if (!unit) continue;
      auto const region = auth::regions::find(conn_, unit->region_id);
      auto office = root_;
      if (o.township) {
        auto const found = std::find_if(townships.begin(), townships.end(), [&](auto const& t) { return t.name == o.township; });
        if (found == townships.end()) continue;
        office = *found;
      }
      Submission s;
      s.unit_id = unit->id;
      s.kind = o.kind;
      s.title = o.title;
      s.basis = "";
      s.summary = "经班子会议研究，现送合法性审核。";
      s.region_id = region->id;
      s.region_path = region->path;
      s.reviewer_region_id = office.id;
      s.reviewer_path = office.path;
      s.status = std::string(status::reviewing);
      s.submitted_on = back(o.days_ago);
      s.year = std::stoi(s.submitted_on.substr(0, 4));
      s.due_on = cal_.add_working_days(s.submitted_on, 5);
      s.created_at = s.updated_at = *base::parse_iso8601(s.submitted_on + "T09:00:00+08:00");
      if (o.material) {
        s.status = std::string(status::material_requested);
        s.paused_on = back(1);
        s.days_left_at_pause = cal_.working_days_between(*s.paused_on, s.due_on);
        s.material_note = o.material;
      }
      auto const id = store::insert_submission(conn_, s);
      s.id = id;
      store::update_submission(conn_, s);
      event(id, "submitted", "", unit->name, s.submitted_on, 0);
      if (o.material) event(id, "material_requested", o.material, reviewer_name(office), *s.paused_on, 60);
    }
  }

  static std::string rules_text(std::string const& name, bool community) {
    auto const who = community ? "居民" : "村民";
    return fmt::format(
        "为推进{name}自治、法治、德治相结合，根据《中华人民共和国宪法》《中华人民共和国{law}》等法律法规，经{who}会议讨论通过，制定本{kind}。\n"
        "第一条 {who}应当学法、知法、守法，自觉维护社会秩序，依法表达诉求，不信谣、不传谣。\n"
        "第二条 弘扬尊老爱幼、邻里和睦的良好风尚，子女应当履行赡养老人的义务，夫妻地位平等，反对家庭暴力。\n"
        "第三条 移风易俗，红事新办、白事简办，不大操大办，不铺张浪费，不搞封建迷信活动。\n"
        "第四条 爱护公共设施和环境卫生，生活垃圾分类投放，不乱堆乱放、不乱搭乱建，不焚烧秸秆。\n"
        "第五条 建房应当依法申请、按批建设，不占用耕地和公共道路。\n"
        "第六条 邻里之间发生纠纷，应当协商解决，也可以申请人民调解委员会调解，或者依法申请仲裁、提起诉讼。\n"
        "第七条 积极参加{org}选举和民主议事，依法行使选举权、知情权、参与权和监督权。\n"
        "第八条 遵守本{kind}的，{org}予以表扬；违反的，由{org}批评教育、督促改正；违反法律法规的，依法报请有关部门处理。\n"
        "第九条 本{kind}由{org}负责解释，自{who}会议通过之日起施行。",
        fmt::arg("name", name), fmt::arg("law", community ? "城市居民委员会组织法" : "村民委员会组织法"), fmt::arg("who", who),
        fmt::arg("kind", community ? "公约" : "村规民约"), fmt::arg("org", community ? "居民委员会" : "村民委员会"));
  }

  void cases() {
    static constexpr char const* causes[] = {"不服行政处罚决定", "不服政府信息公开答复", "不服行政许可决定", "要求履行法定职责", "不服行政强制措施",
                                             "不服工伤认定决定"};
    static constexpr char const* bodies[] = {"市市场监管局", "市公安局", "市自然资源和规划局", "市综合行政执法局", "市人力社保局", "市交通运输局"};
    static constexpr char const* applicants[] = {"王建国", "李秀英", "张伟", "刘芳", "陈明", "兰溪某建材有限公司", "杨光", "赵丽", "黄志强", "周敏"};
    static constexpr char const* reconsideration_outcomes[] = {"upheld", "upheld", "upheld", "rejected", "revoked", "confirmed_illegal",
                                                               "withdrawn", "upheld", "changed", "terminated"};
    static constexpr char const* lawsuit_outcomes[] = {"upheld", "upheld", "rejected", "upheld", "revoked", "withdrawn", "upheld", "confirmed_illegal"};
    int n = 0;
    for (int year : {2019, 2020}) {
      for (int i = 0; i < 20; ++i, ++n) {
        bool const lawsuit = i % 5 >= 3;
        auto const unit = org::directory::unit_named(conn_, bodies[(i * 7 + year) % 6]);
        if (!unit) continue;
        Case c;
        c.kind = std::string(lawsuit ? case_kind::litigation : case_kind::reconsideration);
        c.case_no = lawsuit ? fmt::format("（{}）浙0781行初{}号", year, 20 + n * 3) : fmt::format("兰政复〔{}〕{}号", year, 5 + i * 2);
        c.unit_id = unit->id;
        c.region_path = unit->region_path;
        c.cause = causes[(i + year) % 6];
        c.applicant = applicants[(n * 3) % 10];
        c.filed_on = working_day(year, 15 + i * 16);
        bool const pending = year == 2020 && i >= 18;
        if (!pending) {
          c.closed_on = cal_.add_working_days(c.filed_on, lawsuit ? 60 + i : 35 + i);
          c.outcome = lawsuit ? lawsuit_outcomes[(i + n) % 8] : reconsideration_outcomes[(i + n) % 10];
          if (*c.closed_on > "2020-12-31") c.closed_on = "2020-12-30";
        }
        if (lawsuit) c.head_appeared = (i + n) % 4 != 0;
        // Two of the bureau's reviewed documents were later corrected in 复议.
        if (!lawsuit && c.outcome && corrected_outcome(*c.outcome) && !department_reviews_.empty() && n % 2 == 0) {
          c.submission_id = department_reviews_[static_cast<std::size_t>(n) % department_reviews_.size()];
        }
        c.note = "";
        c.year = year;
        c.created_at = c.updated_at = *base::parse_iso8601(c.filed_on + "T10:00:00+08:00");
        store::insert_case(conn_, c, std::nullopt);
      }
    }
  }
};

}  // namespace

void load_demo(db::Connection& conn) {
  if (conn.scalar("SELECT id FROM legality_submissions LIMIT 1")) return;
  Loader(conn).run();
}

}  // namespace pufa::legality
