// The demo's 行政处罚决定: what the city's enforcing departments decided in 2019–2020, as the
// provincial system publishes it, each drafted into a 以案释法 case (most 2020 cases published
// one to three weeks after the decision; the rest wait as drafts), so the lists' "以案释法" items
// are judged from them. A few cite regulations the law library does not hold (道路运输条例, 浙江省
// 规定), which the pages show unlinked.
#include <fmt/format.h>

#include "base/time.hpp"
#include "content/library.hpp"
#include "duty/basis.hpp"
#include "duty/penalties.hpp"
#include "duty/store.hpp"
#include "org/directory.hpp"

namespace pufa::duty {

namespace {

struct Kind {
  char const* unit;
  char const* prefix;  // 兰市监处罚〔{year}〕{n}号
  char const* offence;
  bool person;
  char const* facts;  // {party} {date}
  char const* basis;
  char const* penalty;
};

Kind const kinds[] = {
    {"市市场监管局", "兰市监处罚", "经营超过保质期的食品", false,
     "经查，当事人{party}于{date}在其经营场所货架上陈列销售超过保质期的预包装食品共计 23 件，货值金额 312 元，违法所得 46 元。",
     "《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款第（五）项",
     "没收超过保质期的食品 23 件，没收违法所得 46 元，罚款人民币 5000 元"},
    {"市市场监管局", "兰市监处罚", "未取得食品经营许可从事食品经营", false,
     "经查，当事人{party}自{date}起未取得食品经营许可证，在兰江街道经营熟食制品，至案发时经营额 8600 元。",
     "《中华人民共和国食品安全法》第三十五条第一款、第一百二十二条第一款",
     "没收违法所得 1200 元，罚款人民币 50000 元"},
    {"市市场监管局", "兰市监处罚", "销售不合格产品", false,
     "经查，当事人{party}于{date}销售的电热水壶经抽样检验，其“泄漏电流和电气强度”项目不合格，共销售 40 台。",
     "《中华人民共和国产品质量法》第三十九条、第五十条", "责令停止销售，没收不合格产品 12 台，罚款人民币 8000 元"},
    {"市市场监管局", "兰市监处罚", "发布虚假广告", false,
     "经查，当事人{party}于{date}起在其微信公众号发布“根治颈椎病、无效退款”等内容的保健器材广告。",
     "《中华人民共和国广告法》第二十八条第二款第（二）项、第五十五条第一款", "责令停止发布，罚款人民币 20000 元"},
    {"市市场监管局", "兰市监处罚", "小餐饮店未按规定登记", false,
     "经查，当事人{party}于{date}起经营小餐饮店，未按规定办理小餐饮店登记证。",
     "《浙江省食品小作坊小餐饮店小食杂店管理规定》第二十条、第三十五条", "责令改正，罚款人民币 2000 元"},
    {"市公安局", "兰公（治）行罚决字", "殴打他人", true,
     "{date}晚，违法行为人{party}在兰江街道某大排档因琐事与他人发生争执，用拳头殴打他人面部，致其轻微伤。",
     "《中华人民共和国治安管理处罚法》第四十三条第一款", "行政拘留五日，并处罚款人民币 200 元"},
    {"市公安局", "兰公（交）行罚决字", "饮酒后驾驶机动车", true,
     "{date}，违法行为人{party}饮酒后驾驶浙G牌小型轿车行经兰溪市丹溪大道，经呼气酒精检测，血液酒精含量为 46mg/100ml。",
     "《中华人民共和国道路交通安全法》第九十一条第一款", "暂扣机动车驾驶证六个月，罚款人民币 1500 元"},
    {"市公安局", "兰公（交）行罚决字", "未取得机动车驾驶证驾驶机动车", true,
     "{date}，违法行为人{party}未取得机动车驾驶证，驾驶二轮摩托车行经兰溪市女埠街道，被执勤民警查获。",
     "《中华人民共和国道路交通安全法》第十九条第一款、第九十九条第一款第（一）项", "罚款人民币 1000 元"},
    {"市公安局", "兰公（治）行罚决字", "盗窃", true,
     "{date}，违法行为人{party}在兰溪市某超市内窃取洗发水等商品，价值人民币 186 元，被当场抓获。",
     "《中华人民共和国治安管理处罚法》第四十九条", "行政拘留七日"},
    {"市卫健局", "兰卫医罚", "未取得医疗机构执业许可证擅自执业", true,
     "经查，{party}未取得《医疗机构执业许可证》，于{date}起在游埠镇某出租房内开展针灸、推拿等诊疗活动。",
     "《中华人民共和国基本医疗卫生与健康促进法》第三十八条第一款、第九十九条第一款",
     "没收违法所得 3600 元及药品、器械，罚款人民币 50000 元"},
    {"市卫健局", "兰卫传罚", "未按规定对医疗器械进行消毒", false,
     "{date}，执法人员对当事人{party}进行监督检查，发现其口腔科使用后的牙科手机未按规定进行灭菌处理。",
     "《中华人民共和国传染病防治法》第六十九条第（五）项", "警告，罚款人民币 5000 元"},
    {"市交通运输局", "兰交执罚", "未取得道路运输经营许可擅自从事道路运输经营", true,
     "{date}，执法人员在兰溪火车站检查时发现，{party}驾驶小型轿车未取得道路运输经营许可，擅自从事旅客运输经营。",
     "《中华人民共和国道路运输条例》第六十三条", "没收违法所得 80 元，罚款人民币 5000 元"},
    {"市应急管理局", "兰应急罚", "未按规定对从业人员进行安全生产教育和培训", false,
     "{date}，执法人员对当事人{party}检查时发现，其新进的 6 名从业人员未经安全生产教育和培训即上岗作业。",
     "《中华人民共和国安全生产法》第二十八条第一款、第九十七条第（三）项", "责令限期改正，罚款人民币 30000 元"},
    {"市自然资源和规划局", "兰自然资罚", "未经批准非法占用土地", true,
     "经查，{party}于{date}起未经批准，擅自占用马涧镇集体土地 168 平方米建造房屋。",
     "《中华人民共和国土地管理法》第四十四条第一款、第七十七条第一款",
     "责令退还非法占用的土地，限期拆除在非法占用的土地上新建的建筑物，并处罚款人民币 3360 元"},
};

constexpr char const* people = "王建国李秀英张伟刘洋陈杰杨帆黄磊赵敏吴刚周涛徐静孙浩马丽朱军胡斌郭强何芳高峰林海";
constexpr char const* firms[] = {"兰溪市百味食品店", "兰溪市兰江街道好又多超市", "兰溪市永昌电器商行", "浙江兰溪康宁保健器材有限公司",
                                 "兰溪市云山街道老味道小吃店", "兰溪市诸葛镇惠民超市", "兰溪市光明口腔诊所",
                                 "兰溪市鑫达机械制造有限公司", "兰溪市女埠街道阿明熟食店", "兰溪市上华街道鲜丰水果店"};

std::string person(int n) {
  // Two-character names from the list, taken in pairs of characters (each Chinese character is 3 bytes).
  std::string_view const all = people;
  auto const count = all.size() / 6;
  return std::string(all.substr(static_cast<std::size_t>(n) % count * 6, 6));
}

base::Millis at(std::string const& date, int hour) {
  return *base::parse_iso8601(fmt::format("{}T{:02}:00:00+08:00", date, hour));
}

std::string day_of(int year, int n) {
  auto const month = 1 + (n * 5) % 12;
  auto const day = 1 + (n * 7) % 27;
  return base::date_text(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::string fill(std::string text, std::string const& party, std::string const& date) {
  for (auto [key, value] : {std::pair<std::string, std::string>{"{party}", party}, {"{date}", date}}) {
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) text.replace(at, key.size(), value);
  }
  return text;
}

}  // namespace

void load_penalty_demo(db::Connection& conn) {
  int n = 0;
  std::map<std::string, int> serials;
  for (int year : {2019, 2020}) {
    // Each kind once in 2019, three times in 2020: 56 decisions.
    for (int round = 0; round < (year == 2019 ? 1 : 3); ++round) {
      for (std::size_t k = 0; k < std::size(kinds); ++k) {
        auto const& kind = kinds[k];
        auto const unit = org::directory::unit_named(conn, kind.unit);
        if (!unit) continue;
        ++n;
        Penalty p;
        auto& serial = serials[std::string(kind.prefix) + std::to_string(year)];
        p.doc_no = fmt::format("{}〔{}〕{}号", kind.prefix, year, 100 + (++serial) * 7);
        p.unit_id = unit->id;
        p.region_path = unit->region_path;
        p.enforcer = "兰溪" + unit->name;
        p.party = kind.person ? person(n) : firms[static_cast<std::size_t>(n) % std::size(firms)];
        p.party_kind = kind.person ? party_kind::person : party_kind::organisation;
        p.offence = kind.offence;
        auto const day = day_of(year, n);
        auto const written = fmt::format("{}年{}月{}日", day.substr(0, 4), std::stoi(day.substr(5, 2)), std::stoi(day.substr(8, 2)));
        p.facts = fill(kind.facts, p.party, written);
        p.basis = kind.basis;
        p.penalty = kind.penalty;
        p.decided_on = day;
        p.cited = parse_basis(p.basis).cited;
        p.imported_at = at(day, 16) + 2LL * 24 * 3600 * 1000;
        p.id = store::insert_penalty(conn, p);
        std::vector<content::Citation> cited;
        for (auto const& c : p.cited) cited.push_back({c.law, c.ref});
        auto const case_id = content::library::draft_case(conn, case_draft(p, *unit, std::nullopt, "普法联络员", cited));
        store::set_penalty_case(conn, p.id, case_id);
        // Two cases in three published, one to three weeks after the decision (not past the year's end).
        if (n % 3 != 0) {
          auto const published = at(day, 10) + static_cast<base::Millis>(7 + n % 15) * 24 * 3600 * 1000;
          if (base::shanghai_year(published) == year) content::library::publish_as_of(conn, case_id, published);
        }
      }
    }
  }
}

}  // namespace pufa::duty
