// The Lanxi demo's articles: a few per column, written for the demo. The 计划总结 article
// carries the disclosure metadata of the seed page (信息索引号 1133078173379010XA/2020-97511,
// 市司法局, 成文日期 2020-09-01, 发布时间 2020-08-10 18:12); its body summarises the figures
// of docs/DOMAIN.md in our own words. Deterministic: an article already there is skipped.
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/regions.hpp"
#include "base/time.hpp"
#include "content/disclosure.hpp"
#include "content/routes.hpp"
#include "content/sanitize.hpp"
#include "content/service.hpp"
#include "content/store.hpp"
#include "search/search.hpp"

namespace pufa::content {

namespace {

constexpr char const* demo_author = "市司法局普法办";

struct DemoCitation {
  char const* law;
  char const* number;
};

struct DemoArticle {
  char const* column;
  char const* title;
  char const* publisher;
  char const* written_on;    // "" → none
  char const* published_at;  // Asia/Shanghai
  std::int64_t visits;
  std::int64_t serial;       // 0 → the next of its year
  char const* summary;
  char const* body;
  char const* facts = "";
  char const* analysis = "";
  std::vector<DemoCitation> cited = {};
};

// In publishing order: the serials of a year follow it (the summary's number is fixed).
std::vector<DemoArticle> const& articles() {
  static std::vector<DemoArticle> const list = {
      {"plans", "兰溪市“七五”普法工作总结", "市司法局", "2020-09-01", "2020-08-10T18:12:00+08:00", 1286, 97511,
       "“七五”普法五年间，我市在责任落实、重点人群学法、基层阵地、民主法治村创建和宣传载体等方面的主要做法与成效。",
       "<p style=\"text-indent: 2em\">2016年至2020年是“七五”普法规划的实施期。五年来，全市各级各部门把法治宣传教育同依法治理结合起来，"
       "规划确定的目标任务基本完成。按照上级关于“七五”普法总结验收的部署，现将主要情况报告如下。</p>"
       "<h3>一、责任体系逐步健全</h3>"
       "<p style=\"text-indent: 2em\">全市落实“谁执法谁普法”“谁主管谁负责”普法责任制，各重点部门按责任清单逐项履职，年度工作要点分解到单位、年底考核。"
       "围绕宪法、青少年保护、企业风险防范、法治乡村、民法典等主题，先后组建9个专题普法讲师团，普法联络员和志愿者队伍不断充实。"
       "总结验收阶段，由市领导带队的4个检查组分赴4个乡镇街道和12家部门单位，通过听取汇报、查阅台账和实地查看进行检查。</p>"
       "<h3>二、重点人群学法用法</h3>"
       "<p style=\"text-indent: 2em\">领导干部和公务员学法形成常态，全市公务员每年参加学法用法考试；2018年起，新任市管领导干部须通过任前法律知识考试。"
       "2017年至2020年，各级“三长”累计开展学法说法讲法活动600余场。</p>"
       "<p style=\"text-indent: 2em\">学校法治教育做到计划、教材、课时、师资“四落实”：全市80所中小学校全部签订法律顾问合同，"
       "配备法治副校长68名，应配尽配，配备率100%；市青少年宫建成青少年法治教育基地。</p>"
       "<h3>三、基层法治阵地覆盖城乡</h3>"
       "<p style=\"text-indent: 2em\">16个乡镇街道全部建成宪法学习室。马涧镇马坞村、兰江街道青松社区建有宪法主题公园，永进社区建有民法典主题公园，"
       "云山小区的法治楼道、竹园社区的法治庭院、黄湓社区的法治长廊、和平社区的法治微小区各具特色，"
       "全市建成各类法治主题公园和活动场所10余处。每月8日、18日、28日为“公共法律服务日”，村（社区）法律顾问定期驻点服务。</p>"
       "<h3>四、民主法治村（社区）创建</h3>"
       "<p style=\"text-indent: 2em\">全市350个村（社区）中，已有国家级民主法治示范村1个、省级民主法治村（社区）19个、金华市级110个，亮牌提升工程实现全覆盖。</p>"
       "<h3>五、宣传载体推陈出新</h3>"
       "<p style=\"text-indent: 2em\">兰溪广播电台《阿荣说法》栏目自2005年开播以来坚持每周两期，是群众身边的“法律热线”；"
       "公共法律服务网、“兰溪普法”微信公众号和“之江法云”微信群构成“三合一”网上普法体系，“部门微普法”栏目和线上法律知识竞赛深受欢迎。</p>"
       "<h3>六、下一步打算</h3>"
       "<p style=\"text-indent: 2em\">我们将以编制“八五”普法规划为契机，完善普法责任制考核评价，推动普法与基层治理深度融合，让尊法学法守法用法成为全社会的自觉行动。</p>"
       "<p style=\"text-indent: 2em\">兰溪市普及法律常识办公室</p>"},

      {"notices", "关于公布2020年“公共法律服务日”服务安排的公告", "市司法局", "2020-04-27", "2020-04-28T09:30:00+08:00", 542, 0,
       "每月8日、18日、28日，各村（社区）法律顾问到村驻点，免费提供法律咨询。",
       "<p style=\"text-indent: 2em\">为方便群众就近获得法律服务，现将2020年“公共法律服务日”安排公告如下：</p>"
       "<ol><li>时间：每月8日、18日、28日（遇节假日顺延至下一个工作日）。</li>"
       "<li>地点：各村（社区）公共法律服务站点。</li>"
       "<li>内容：法律咨询、纠纷调解引导、法律援助申请指引、以案说法。</li></ol>"
       "<p style=\"text-indent: 2em\">服务免费。如需预约，可拨打所在乡镇街道司法所电话。</p>"},

      {"news", "“典”亮生活：我市启动民法典宣传“四大行动”", "市司法局", "", "2020-06-12T16:20:00+08:00", 873, 0,
       "民法典宣传进机关、进社区、进校园、进企业，全市同步开展“四大行动”。",
       "<p style=\"text-indent: 2em\">6月11日，我市“‘典’亮生活，与法同行”民法典宣传活动正式启动。按照工作方案，全市将在年内开展四项集中行动：</p>"
       "<ul><li><strong>领导干部带头学</strong>：把民法典列入党委（党组）理论学习中心组学习内容；</li>"
       "<li><strong>普法阵地亮起来</strong>：在永进社区建设民法典主题公园，在云山小区打造“法治楼道”；</li>"
       "<li><strong>讲师团送法下基层</strong>：民法典讲师团深入乡镇街道开展专题宣讲；</li>"
       "<li><strong>线上互动答起来</strong>：“兰溪普法”公众号推出民法典知识竞答。</li></ul>"
       "<p style=\"text-indent: 2em\">市司法局有关负责人表示，民法典与每个人的生活息息相关，要让群众听得懂、用得上。</p>"},

      {"news", "马涧杨梅节上的“法律赶集”", "马涧镇", "", "2020-06-20T11:05:00+08:00", 416, 0,
       "借杨梅节人气，律师和司法所工作人员在集市摆摊答疑。",
       "<p style=\"text-indent: 2em\">6月19日，马涧镇杨梅节现场多了一个特别的摊位。司法所工作人员和村法律顾问把“法律赶集”摆进了集市，"
       "围绕土地承包、农产品买卖合同、劳务报酬等果农关心的问题现场答疑，并发放民法典宣传手册。</p>"
       "<p style=\"text-indent: 2em\">“卖杨梅签合同要注意什么？”“帮工受伤谁负责？”一上午，摊位前接待咨询六十余人次。</p>"},

      {"dept", "守好“钱袋子”：识别五类常见电信网络诈骗", "市公安局", "", "2020-09-15T10:00:00+08:00", 965, 0,
       "刷单返利、冒充客服、虚假投资、冒充熟人、网络贷款，五类骗局的共同特点和防范要点。",
       "<p style=\"text-indent: 2em\">市公安局反诈中心梳理了近期我市高发的五类电信网络诈骗：</p>"
       "<ol><li>刷单返利：先小额返利取得信任，再诱导大额垫付；</li>"
       "<li>冒充电商客服：以退款、理赔为名索要验证码；</li>"
       "<li>虚假投资理财：以“内幕消息”“稳赚不赔”引诱下载陌生软件；</li>"
       "<li>冒充熟人、领导：通过社交软件借钱或要求转账；</li>"
       "<li>网络贷款：以“解冻费”“保证金”为由要求先交钱。</li></ol>"
       "<p style=\"text-indent: 2em\">记住“三不一多”：未知链接不点击，陌生来电不轻信，个人信息不透露，转账汇款多核实。如遇可疑情况，请拨打96110咨询。</p>"},

      {"notices", "关于组织参加2020年度全市公务员学法用法考试的通知", "市司法局", "2020-10-10", "2020-10-12T15:40:00+08:00", 1532, 0,
       "2020年度学法用法考试11月1日至15日在线进行，重点考查宪法和民法典。",
       "<p style=\"text-indent: 2em\">各乡镇人民政府、街道办事处，市级各部门：</p>"
       "<p style=\"text-indent: 2em\">根据公务员学法用法三年轮训安排，决定组织2020年度全市公务员学法用法考试。现将有关事项通知如下：</p>"
       "<h4>一、参考对象</h4><p>全市各级机关公务员和参照公务员法管理的工作人员。</p>"
       "<h4>二、考试时间和方式</h4><p>2020年11月1日至11月15日，登录普法平台在线考试，每人限考两次，取最高成绩。</p>"
       "<h4>三、考试内容</h4><p>宪法、民法典、行政处罚法等法律法规及党内法规，题型为单选题、多选题和判断题，满分100分，60分合格。</p>"
       "<h4>四、工作要求</h4><p>各单位要督促本单位人员按时参考，考试情况纳入年度普法责任制考核。</p>"
       "<p style=\"text-indent: 2em\">兰溪市司法局</p>"},

      {"dept", "网购遇到问题怎么办？市场监管局教您依法维权", "市市场监管局", "", "2020-11-09T09:00:00+08:00", 1104, 0,
       "“双十一”将至，市场监管局提醒：保留证据、用好七日无理由退货、及时投诉。",
       "<p style=\"text-indent: 2em\">“双十一”购物节临近，市市场监管局提醒广大消费者理性消费、依法维权：</p>"
       "<ul><li><strong>七日无理由退货</strong>：网购商品（定制、鲜活易腐等除外）自收货之日起七日内可无理由退货；</li>"
       "<li><strong>保存证据</strong>：截图保存商品页面、聊天记录和订单信息，收货时当面验货；</li>"
       "<li><strong>先协商后投诉</strong>：与商家协商不成的，可向平台申请介入，或拨打12345、登录全国12315平台投诉；</li>"
       "<li><strong>警惕虚假促销</strong>：先涨后降、虚构原价属于价格违法行为，可向市场监管部门举报。</li></ul>"},

      {"news", "我市举办2020年“宪法宣传周”系列活动", "市司法局", "", "2020-12-07T17:30:00+08:00", 688, 0,
       "12月4日前后，宪法宣誓、宪法主题公园打卡和宪法知识竞答在全市铺开。",
       "<p style=\"text-indent: 2em\">今年12月4日是第七个国家宪法日。12月1日至7日，我市组织开展“宪法宣传周”系列活动：</p>"
       "<ul><li>新任职国家工作人员在市人大常委会进行宪法宣誓；</li>"
       "<li>马坞村、青松社区宪法主题公园开展“宪法打卡”活动；</li>"
       "<li>各乡镇街道宪法学习室集中开放，组织村（社区）干部学习宪法；</li>"
       "<li>“兰溪普法”公众号推出宪法有奖知识竞答，参与近万人次。</li></ul>"},

      {"cases", "冲动离婚？法律给你三十天“冷静期”", "市司法局", "", "2021-01-20T10:00:00+08:00", 2317, 0,
       "协议离婚设三十日冷静期，任何一方不愿离婚的可以撤回申请。",
       "<p style=\"text-indent: 2em\">民法典施行后，协议离婚增加了“离婚冷静期”。我们通过一个真实改编的案例，讲讲冷静期怎么用。</p>",
       "2021年1月，兰江街道居民张某与丈夫李某因家务琐事争吵，一气之下共同到婚姻登记机关申请协议离婚。"
       "登记机关受理后告知双方：三十日内任何一方不愿意离婚的，可以撤回申请。其间，社区调解员和双方亲友多次上门劝和，"
       "李某主动承认错误，张某于第二十天向登记机关撤回了离婚申请。",
       "民法典第一千零七十七条规定，自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向登记机关撤回申请；"
       "期满后三十日内，双方应当亲自到登记机关申请发给离婚证，未申请的视为撤回离婚登记申请。"
       "冷静期只适用于协议离婚，不适用于诉讼离婚；存在家庭暴力等情形的，当事人可以直接向人民法院起诉离婚。"
       "本案中，张某在冷静期内撤回申请，婚姻关系继续有效。冷静期给了当事人慎重考虑的时间，避免“一时冲动、终身后悔”。",
       {{"民法典", "第一千零七十七条"}, {"民法典", "第一千零七十六条"}}},

      {"cases", "高楼坠物伤人，找不到扔东西的人谁来赔？", "市司法局", "", "2021-02-03T15:00:00+08:00", 1879, 0,
       "难以确定具体侵权人的，由可能加害的建筑物使用人给予补偿；物业未尽安全保障义务也要担责。",
       "<p style=\"text-indent: 2em\">“头顶上的安全”关系每一个人。本案讲的是高空坠物找不到具体侵权人时，法律如何分配责任。</p>",
       "某小区居民王某从楼下经过时，被楼上坠落的玻璃瓶砸伤头部，花去医疗费一万余元。公安机关调查后未能查明是哪一户抛掷。"
       "王某将该楼可能加害的住户和小区物业服务企业一并诉至法院。",
       "民法典第一千二百五十四条明确禁止从建筑物中抛掷物品。经调查难以确定具体侵权人的，除能够证明自己不是侵权人的外，"
       "由可能加害的建筑物使用人给予补偿；可能加害的建筑物使用人补偿后，有权向侵权人追偿。"
       "物业服务企业等建筑物管理人应当采取必要的安全保障措施防止此类情形发生，未采取的，应当依法承担未履行安全保障义务的侵权责任。"
       "本案中，能够证明事发时家中无人的住户不承担补偿责任；物业公司未按约定巡查、劝阻，承担相应责任。",
       {{"民法典", "第一千二百五十四条"}}},

      {"plans", "兰溪市2021年普法依法治理工作要点", "市司法局", "2021-03-05", "2021-03-10T16:00:00+08:00", 734, 0,
       "启动“八五”普法，深化民法典宣传，完善普法责任制，推进民主法治村（社区）创建。",
       "<p style=\"text-indent: 2em\">2021年是“八五”普法的开局之年。全市普法依法治理工作要点如下：</p>"
       "<ol><li>制定并实施“八五”普法规划，做好规划宣传解读；</li>"
       "<li>持续开展民法典“四大行动”，推动民法典进机关、进社区、进校园、进企业；</li>"
       "<li>修订普法责任清单，完善履职报告和考核评价；</li>"
       "<li>组织公务员学法用法考试和新任市管领导干部任前法律考试；</li>"
       "<li>深化民主法治村（社区）创建，培育“法律明白人”和“守法示范户”。</li></ol>"},
  };
  return list;
}

base::Millis at(char const* shanghai) {
  auto parsed = base::parse_iso8601(shanghai);
  if (!parsed) throw std::logic_error(std::string("demo time ") + shanghai);
  return *parsed;
}

}  // namespace

void load_demo(db::Connection& conn) {
  auto const root = auth::regions::root(conn);
  // The seed page's summary is 2020-97511: the year's numbering continues after it.
  store::reserve_serial(conn, bureau_code, 2020, 97510);
  for (auto const& demo : articles()) {
    if (store::has_article(conn, demo.column, demo.title)) continue;
    Article article;
    article.column = *store::column(conn, demo.column);
    article.region_id = root.id;
    article.region_path = root.path;
    article.author_name = demo_author;
    article.title = demo.title;
    article.summary = demo.summary;
    article.body_html = sanitize_html(demo.body);
    article.status = status::published;
    article.publisher = demo.publisher;
    if (*demo.written_on) article.written_on = demo.written_on;
    article.disclosure = disclosure_active;
    article.published_at = at(demo.published_at);
    auto const year = base::shanghai_year(*article.published_at);
    auto const serial = demo.serial ? demo.serial : store::next_serial(conn, bureau_code, year);
    if (demo.serial) store::reserve_serial(conn, bureau_code, year, demo.serial);
    article.index_no = format_index_no(bureau_code, year, serial);
    article.visits = demo.visits;
    if (article.is_case()) {
      article.case_facts = demo.facts;
      article.case_analysis = demo.analysis;
      for (auto const& cite : demo.cited) article.cited.push_back({cite.law, *laws::parse_article_ref(cite.number)});
    }
    article.created_at = article.updated_at = *article.published_at;
    article.id = store::insert_article(conn, article);
    store::replace_citations(conn, article.id, article.cited);
    search::upsert(conn, search_document(article));
  }
}

}  // namespace pufa::content
