#include "org/demo.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "auth/regions.hpp"
#include "base/sequence.hpp"
#include "org/entities.hpp"
#include "base/time.hpp"
#include "org/entities.hpp"

namespace pufa::org {

namespace {

// Townships and streets (DOMAIN.md) with how many villages/communities each holds (350 in all).
struct Township {
  char const* name;
  char const* short_name;
  int villages;
};
constexpr std::array<Township, 16> townships{{
    {"兰江街道", "兰江", 30}, {"云山街道", "云山", 22}, {"上华街道", "上华", 20}, {"永昌街道", "永昌", 24},
    {"赤溪街道", "赤溪", 18}, {"女埠街道", "女埠", 25}, {"游埠镇", "游埠", 30},   {"诸葛镇", "诸葛", 25},
    {"黄店镇", "黄店", 22},   {"香溪镇", "香溪", 22},   {"马涧镇", "马涧", 24},   {"梅江镇", "梅江", 26},
    {"横溪镇", "横溪", 20},   {"柏社乡", "柏社", 12},   {"灵洞乡", "灵洞", 16},   {"水亭畲族乡", "水亭", 14},
}};

// Villages and communities the seed names, where it puts them.
struct Named {
  char const* township;
  char const* name;
};
constexpr Named named_villages[] = {
    {"马涧镇", "马坞村"},   {"兰江街道", "青松社区"}, {"黄店镇", "黄店村"},   {"上华街道", "上华村"},
    {"兰江街道", "华丰社区"}, {"永昌街道", "永进社区"}, {"云山街道", "云山小区"}, {"云山街道", "竹园社区"},
    {"兰江街道", "黄湓社区"}, {"兰江街道", "和平社区"},
};

constexpr char const* departments[] = {
    "市委政法委", "市司法局", "市公安局", "市人民法院", "市人民检察院", "市教育局", "市人大法工委",
    "市市场监管局", "团市委", "市妇联", "市卫健局", "市人力社保局", "市民政局", "市自然资源和规划局",
    "市交通运输局", "市农业农村局", "市综合行政执法局", "市税务局", "市总工会", "市应急管理局"};
constexpr char const* enterprises[] = {"永联民爆", "浙能兰溪电厂", "兰溪市自来水有限公司", "兰溪市城市建设投资集团",
                                       "兰溪市农商银行"};
constexpr char const* firms[] = {"浙江兰江律师事务所", "浙江兰溪明德律师事务所", "浙江兰州律师事务所",
                                 "浙江诸葛律师事务所", "浙江兰溪正阳律师事务所", "浙江金衢律师事务所（兰溪）"};
struct TeamSeed {
  char const* name;
  char const* theme;
  char const* topics;
};
constexpr TeamSeed lecturer_teams[] = {
    {"宪法宣讲团", "宪法", "宪法与国家制度；宪法日专题；监察法"},
    {"青少年保护宣讲团", "青少年保护", "未成年人保护法；预防校园欺凌；网络安全"},
    {"企业风险防范宣讲团", "企业风险防范", "合同风险；劳动用工；《浙江省民营企业发展促进条例》"},
    {"法治乡村宣讲团", "法治乡村", "村规民约；土地承包；村社换届"},
    {"民法典宣讲团", "民法典", "婚姻家庭编；物权编；合同编"},
    {"禁毒宣讲团", "禁毒", "禁毒法；识毒防毒"},
    {"安全生产宣讲团", "安全生产", "安全生产法；消防安全"},
    {"婚姻家庭宣讲团", "婚姻家庭", "反家庭暴力法；赡养与继承"},
    {"扫黑除恶宣讲团", "扫黑除恶", "扫黑除恶专项斗争；反有组织犯罪法"},
};
struct PlaceSeed {
  char const* township;
  char const* village;
  char const* name;
  char const* type;
  char const* opened;
};
constexpr PlaceSeed places[] = {
    {"马涧镇", "马坞村", "马坞村宪法主题公园", "宪法主题公园", "2018-11-30"},
    {"兰江街道", "青松社区", "青松社区宪法主题公园", "宪法主题公园", "2019-12-02"},
    {"永昌街道", "永进社区", "永进社区民法典主题公园", "民法典主题公园", "2020-07-15"},
    {"云山街道", "云山小区", "云山小区法治楼道", "法治楼道", "2020-06-20"},
    {"兰江街道", "青松社区", "青松社区法治楼道", "法治楼道", "2019-05-18"},
    {"云山街道", "竹园社区", "竹园社区法治庭院", "法治庭院", "2019-09-10"},
    {"兰江街道", "黄湓社区", "黄湓社区法治长廊", "法治长廊", "2018-10-26"},
    {"兰江街道", "和平社区", "和平社区法治微小区", "法治微小区", "2020-05-28"},
    {"兰江街道", nullptr, "兰溪市青少年法治教育基地（市青少年宫）", "青少年法治教育基地", "2019-06-01"},
    {"上华街道", nullptr, "永联民爆法治书屋", "法治书屋", "2018-04-23"},
    {"女埠街道", nullptr, "女埠法治文化广场", "法治文化广场", "2017-09-15"},
};

constexpr char const* surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
constexpr char const* given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国海燕云飞晓东志文斌宇浩凯倩婷雪琳晨阳佳颖欣怡子轩梓涵俊杰嘉豪思远雨桐";
constexpr char const* village_first = "东西南北上下前后新大小石山塘溪桥岭坞湖枫柳桃杏竹梅高龙凤金青黄白洪方徐胡章叶郑童樟松";
constexpr char const* village_second = "头口坑源塘坞湾岗垄畈墩田园埠桥岭溪山家塔";

// UTF-8 Chinese characters of a literal, one string each.
std::vector<std::string> characters(char const* text) {
  std::vector<std::string> out;
  std::string_view rest = text;
  while (!rest.empty()) {
    out.emplace_back(rest.substr(0, 3));
    rest.remove_prefix(3);
  }
  return out;
}

class Builder {
 public:
  explicit Builder(db::Connection& conn) : conn_(conn), random_(20201204) {
    surnames_ = characters(surnames);
    given_ = characters(given);
  }

  void build() {
    auto const root = auth::regions::root(conn_);
    auth::regions::set_name(conn_, root.id, "330781", "兰溪市");
    root_ = root.id;
    build_regions();
    build_units();
    build_schools();
    build_people_and_teams();
    build_places();
    for (auto const& entity : entities()) auth::regions::fill_region_paths(conn_, entity.table);
  }

 private:
  std::int64_t region(std::int64_t parent, std::string const& code, std::string const& name) {
    return auth::regions::insert(conn_, parent, code, name);
  }

  void build_regions() {
    auto const first = characters(village_first);
    auto const second = characters(village_second);
    std::set<std::string> used;
    for (auto const& n : named_villages) used.insert(n.name);
    for (std::size_t t = 0; t < townships.size(); ++t) {
      auto const& town = townships[t];
      auto code = fmt::format("330781{:03}000", t + 1);
      auto const town_id = region(root_, code, town.name);
      township_ids_[town.name] = town_id;
      std::vector<std::string> names;
      for (auto const& n : named_villages) {
        if (std::string_view(n.township) == town.name) names.emplace_back(n.name);
      }
      bool const street = std::string_view(town.name).ends_with("街道");
      while (static_cast<int>(names.size()) < town.villages) {
        std::string name = first[random_.below(int(first.size()))] + second[random_.below(int(second.size()))];
        name += (street && random_.below(3) > 0) ? "社区" : "村";
        if (used.insert(name).second) names.push_back(name);
      }
      for (std::size_t v = 0; v < names.size(); ++v) {
        code = fmt::format("330781{:03}{:03}", t + 1, v + 1);
        auto const id = region(town_id, code, names[v]);
        village_ids_[std::string(town.name) + "/" + names[v]] = id;
        villages_.push_back(id);
        village_names_.push_back(names[v]);
      }
    }
  }

  std::int64_t unit(std::int64_t region_id, std::string const& name, char const* type,
                    char const* stage = nullptr) {
    return conn_.insert("INSERT INTO units (region_id, name, type, stage, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        {region_id, name, type, stage ? db::Param(stage) : db::Param(nullptr), now_, now_});
  }

  void build_units() {
    for (auto const* name : departments) departments_[name] = unit(root_, name, "department");
    unit(root_, "市公共法律服务中心", "legal_service");
    for (auto const& town : townships) {
      auto const id = township_ids_[town.name];
      std::string const suffix = std::string_view(town.name).ends_with("街道") ? "办事处" : "人民政府";
      township_offices_.push_back(unit(id, std::string(town.name) + suffix, "department"));
      justice_offices_.push_back(unit(id, std::string(town.short_name) + "司法所", "legal_service"));
      unit(id, std::string(town.name) + "公共法律服务工作站", "legal_service");
    }
    for (std::size_t i = 0; i < std::size(enterprises); ++i) {
      unit(township_ids_[i % 2 ? "兰江街道" : "上华街道"], enterprises[i], "enterprise");
    }
    // Each village's own committee: what a village operator's activities are held by.
    for (std::size_t v = 0; v < villages_.size(); ++v) {
      bool const community = village_names_[v].ends_with("社区");
      unit(villages_[v], village_names_[v] + (community ? "居民委员会" : "村民委员会"), "village_committee");
    }
    unit(root_, "兰溪广播电台", "media");
    unit(root_, "兰溪电视台", "media");
  }

  void build_schools() {
    struct CitySchool {
      char const* name;
      char const* stage;
      char const* township;
    };
    constexpr CitySchool city[] = {
        {"兰溪市第一中学", "senior", "云山街道"},     {"兰溪市第二中学", "senior", "兰江街道"},
        {"兰溪市第三中学", "senior", "上华街道"},     {"兰溪市实验中学", "junior", "兰江街道"},
        {"兰溪市实验小学", "primary", "兰江街道"},     {"兰溪市外国语学校", "nine_year", "云山街道"},
        {"兰溪市聚仁学校", "nine_year", "永昌街道"}, {"兰溪市职业中等专业学校", "vocational", "赤溪街道"},
        {"兰溪市技工学校", "vocational", "女埠街道"},     {"兰溪市培智学校", "special", "兰江街道"},
    };
    for (auto const& s : city) schools_.push_back(unit(township_ids_[s.township], s.name, "school", s.stage));
    constexpr char const* extra[] = {"第二小学", "实验小学", "第三小学"};
    for (auto const& town : townships) {
      auto const id = township_ids_[town.name];
      schools_.push_back(unit(id, std::string(town.short_name) + "中心小学", "school", "primary"));
      schools_.push_back(unit(id, std::string(town.short_name) + "初级中学", "school", "junior"));
    }
    for (int i = 0; schools_.size() < 80; ++i) {
      auto const& town = townships[i % townships.size()];
      schools_.push_back(unit(township_ids_[town.name], std::string(town.short_name) + extra[i / 16], "school", "primary"));
    }
  }

  std::string person_name() { return surnames_[random_.below(int(surnames_.size()))] + given_[random_.below(int(given_.size()))] +
                                     (random_.below(2) ? given_[random_.below(int(given_.size()))] : ""); }

  // Valid-format, fictitious: Lanxi's area code, a birth date, a serial, the GB 11643 check digit.
  std::string id_number(bool female) {
    int const year = 1960 + random_.below(40), month = 1 + random_.below(12), day = 1 + random_.below(28);
    int const serial = (random_.below(500) * 2) + (female ? 0 : 1);
    auto const body = fmt::format("330781{:04}{:02}{:02}{:03}", year, month, day, serial % 1000);
    constexpr int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * weights[i];
    std::string id = body.substr(0, 17);
    id += "10X98765432"[sum % 11];
    return id;
  }

  std::int64_t person(std::int64_t region_id, std::optional<std::int64_t> unit_id, std::string const& tags,
                      std::string const& posts) {
    bool const female = random_.below(2) == 0;
    std::string id = id_number(female);
    while (!ids_.insert(id).second) id = id_number(female);
    auto const phone = fmt::format("1700{:07}", 1000000 + next_phone_++);
    // Sealed as the registry writes them (the database never holds a number in clear).
    auto const& people = registry_of("people");
    return conn_.insert(
        "INSERT INTO people (region_id, name, gender, unit_id, posts, phone, id_number, id_number_index, tags,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {region_id, person_name(), female ? "female" : "male", unit_id, posts, people.seal("phone", phone),
         people.seal("id_number", id), registry::index_value(*people.entity().field("id_number"), id),
         "," + tags + ",", now_, now_});
  }

  std::int64_t region_of_unit(std::int64_t unit_id) { return *conn_.scalar("SELECT region_id FROM units WHERE id = ?", {unit_id}); }

  void build_people_and_teams() {
    // 68 vice-principals from the police, the court, the procuratorate and the justice offices;
    // 12 of them serve two schools, so all 80 schools have one.
    std::vector<std::int64_t> senders;
    for (int i = 0; i < 30; ++i) senders.push_back(departments_["市公安局"]);
    for (int i = 0; i < 12; ++i) senders.push_back(departments_["市人民法院"]);
    for (int i = 0; i < 10; ++i) senders.push_back(departments_["市人民检察院"]);
    for (auto office : justice_offices_) senders.push_back(office);
    std::vector<std::int64_t> vice_principals;
    for (auto sender : senders) {
      vice_principals.push_back(person(region_of_unit(sender), sender, "vice_principal", "法治副校长"));
    }
    for (std::size_t s = 0; s < schools_.size(); ++s) {
      auto const vp = vice_principals[s % vice_principals.size()];
      conn_.exec("INSERT INTO vice_principals (region_id, school_id, person_id, sending_unit_id, term_start, term_end,"
                 " created_at, updated_at) VALUES (?, ?, ?, ?, '2024-09-01', '2027-08-31', ?, ?)",
                 {region_of_unit(schools_[s]), schools_[s], vp, senders[s % senders.size()], now_, now_});
    }
    // 40 lawyers: one contract with every school and every village (一村居一法律顾问).
    std::vector<std::pair<std::int64_t, char const*>> advisors;
    for (int i = 0; i < 40; ++i) {
      auto const* firm = firms[i % std::size(firms)];
      advisors.emplace_back(person(root_, std::nullopt, "legal_advisor", std::string(firm) + " 律师"), firm);
    }
    std::size_t next = 0;
    for (auto school : schools_) {
      auto const& [advisor, firm] = advisors[next++ % advisors.size()];
      conn_.exec("INSERT INTO advisor_contracts (region_id, client_unit_id, advisor_id, firm, starts_on, ends_on,"
                 " created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01', '2027-12-31', ?, ?)",
                 {region_of_unit(school), school, advisor, firm, now_, now_});
    }
    for (auto village : villages_) {
      auto const& [advisor, firm] = advisors[next++ % advisors.size()];
      // 一村居一法律顾问 since the end of 2018: the villages' contracts run from 2019 (公共法律服务's 2020 days).
      conn_.exec("INSERT INTO advisor_contracts (region_id, client_region_id, advisor_id, firm, starts_on, ends_on,"
                 " created_at, updated_at) VALUES (?, ?, ?, ?, '2019-01-01', '2027-12-31', ?, ?)",
                 {village, village, advisor, firm, now_, now_});
    }
    // A liaison in every department and township office.
    for (auto const& [name, id] : departments_) person(root_, id, "liaison", "普法联络员");
    for (auto office : township_offices_) person(region_of_unit(office), office, "liaison", "普法联络员");
    // Mediators in every township; a 法律明白人 in every village, leaders and model households in some.
    for (auto const& town : townships) {
      for (int i = 0; i < 2; ++i) person(township_ids_[town.name], std::nullopt, "mediator", "人民调解员");
    }
    for (std::size_t v = 0; v < villages_.size(); ++v) {
      person(villages_[v], std::nullopt, "legal_literate", "村（社区）法律明白人");
      if (v % 3 == 0) person(villages_[v], std::nullopt, "rule_leader", "村（社区）干部");
      if (v % 3 == 1) person(villages_[v], std::nullopt, "model_household", "");
      if (v % 5 == 0) person(villages_[v], std::nullopt, "grid_worker", "专职网格员");
    }
    // Nine thematic lecturer teams of six, led by the first member.
    auto const justice = departments_["市司法局"];
    for (auto const& seed : lecturer_teams) {
      std::vector<std::int64_t> members;
      for (int m = 0; m < 6; ++m) {
        auto const* dept = departments[random_.below(int(std::size(departments)))];
        members.push_back(person(root_, departments_[dept], "lecturer", "普法讲师"));
      }
      auto const team = conn_.insert(
          "INSERT INTO teams (region_id, name, kind, theme, leader_id, topics, description, created_at, updated_at)"
          " VALUES (?, ?, 'lecturers', ?, ?, ?, ?, ?, ?) RETURNING id",
          {root_, seed.name, seed.theme, members.front(), seed.topics,
           std::string("兰溪市") + seed.theme + "专题普法讲师团", now_, now_});
      for (std::size_t m = 0; m < members.size(); ++m) {
        conn_.exec("INSERT INTO team_members (region_id, team_id, person_id, role, topics, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   {root_, team, members[m], m == 0 ? "leader" : "member", seed.topics, now_, now_});
      }
    }
    (void)justice;
    // 240 volunteers with their service hours, in one volunteer team.
    auto const volunteers_team = conn_.insert(
        "INSERT INTO teams (region_id, name, kind, theme, topics, description, created_at, updated_at)"
        " VALUES (?, '兰溪市普法志愿者服务队', 'volunteers', '普法志愿服务', '法律赶集；公共法律服务日', "
        "'招募普法志愿者开展普法志愿服务', ?, ?) RETURNING id",
        {root_, now_, now_});
    for (int i = 0; i < 240; ++i) {
      auto const& town = townships[i % townships.size()];
      auto const region = township_ids_[town.name];
      auto const id = person(region, std::nullopt, "volunteer", "普法志愿者");
      conn_.exec("INSERT INTO team_members (region_id, team_id, person_id, role, created_at, updated_at)"
                 " VALUES (?, ?, ?, 'member', ?, ?)", {root_, volunteers_team, id, now_, now_});
      int const records = 1 + random_.below(3);
      for (int r = 0; r < records; ++r) {
        auto const date = base::date_text(2017 + random_.below(4), static_cast<unsigned>(1 + random_.below(12)),
                                          static_cast<unsigned>(std::array{8, 18, 28}[random_.below(3)]));
        conn_.exec("INSERT INTO volunteer_hours (region_id, person_id, served_on, hours, description, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   {region, id, date, 1.0 + random_.below(6) * 0.5, "公共法律服务日普法宣传", now_, now_});
      }
    }
  }

  // `type` as the seed names it (宪法主题公园), stored as its code.
  void place(std::int64_t region, std::string const& name, char const* type, char const* opened) {
    auto const* choice = choices::place_type.read(type);
    conn_.exec("INSERT INTO places (region_id, name, type, opened_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
               {region, name, choice->code, opened, now_, now_});
  }

  void build_places() {
    for (auto const& town : townships) {
      place(township_ids_[town.name], std::string(town.name) + "宪法学习室", "constitution_room", "2019-12-04");
    }
    for (auto const& p : places) {
      auto const region = p.village ? village_ids_[std::string(p.township) + "/" + p.village] : township_ids_[p.township];
      place(region, p.name, p.type, p.opened);
    }
  }

  db::Connection& conn_;
  base::Sequence random_;
  base::Millis now_ = base::now_ms();
  std::int64_t root_ = 0;
  std::vector<std::string> surnames_, given_;
  std::map<std::string, std::int64_t> township_ids_, village_ids_, departments_;
  std::vector<std::int64_t> villages_, township_offices_, justice_offices_, schools_;
  std::vector<std::string> village_names_;  // beside villages_
  std::set<std::string> ids_;
  std::int64_t next_phone_ = 0;
};

}  // namespace

bool load_demo(db::Connection& conn) {
  if (conn.scalar("SELECT COUNT(*) AS n FROM units").value_or(0) > 0) return false;
  Builder(conn).build();
  return true;
}

}  // namespace pufa::org
