#include "activity/demo.hpp"

#include <array>
#include <chrono>
#include <map>
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "activity/counters.hpp"
#include "activity/entities.hpp"
#include "auth/regions.hpp"
#include "base/sequence.hpp"
#include "base/time.hpp"
#include "org/directory.hpp"
#include "org/entities.hpp"

namespace pufa::activity {

namespace {

constexpr char const* themes[] = {"宪法", "民法典", "未成年人保护", "扫黑除恶", "企业风险防范", "禁毒", "安全生产",
                                  "婚姻家庭", "乡村振兴", "监察法", "党内法规"};
constexpr char const* audiences[] = {"领导干部", "公务员", "青少年", "群众", "企业职工", "老年人", "妇女儿童", "农民"};
constexpr char const* six_places[] = {"机关", "乡村", "社区", "学校", "企业", "单位"};
constexpr char const* forms[] = {"讲座", "法律赶集", "文艺演出", "以案释法", "模拟法庭", "知识竞赛", "线上推送",
                                 "法律咨询", "培训", "展览"};
constexpr char const* radio_topics[] = {"邻里纠纷怎么调", "土地承包那些事", "婚前财产如何约定", "拖欠工资怎么办",
                                        "电信诈骗防范", "交通事故责任认定", "老人赡养义务", "网购维权", "房屋租赁合同",
                                        "民间借贷风险", "遗嘱与继承", "校园欺凌说法", "工伤认定", "物业纠纷",
                                        "消费者权益保护", "宅基地使用权"};
constexpr char const* study_topics[] = {"学习宪法修正案", "学习民法典", "学习监察法", "学习行政处罚法", "学习优化营商环境条例",
                                        "学习未成年人保护法", "学习疫情防控相关法律法规", "学习扫黑除恶相关法律"};

struct Event {
  char const* date;
  char const* title;
  char const* theme;
  char const* campaign;
  char const* form;
  char const* township;  // nullptr: the city
  int participants;
};

// The campaigns and events the seed names, on their dates.
constexpr Event events[] = {
    {"2017-12-04", "“全城点亮宪法日”主题活动", "宪法", "全城点亮宪法日", "展览", nullptr, 3000},
    {"2018-12-03", "宪法宣传周启动仪式", "宪法", "宪法宣传周", "法律咨询", nullptr, 1200},
    {"2018-12-04", "宪法宣传周·宪法进机关", "宪法", "宪法宣传周", "讲座", nullptr, 400},
    {"2018-12-05", "宪法宣传周·宪法进校园", "宪法", "宪法宣传周", "知识竞赛", "兰江街道", 800},
    {"2019-12-04", "“宪法历程健步走”活动", "宪法", "宪法历程健步走", "其他", nullptr, 1500},
    {"2020-02-20", "“疫情防控 法治同行”专项法治宣传", "疫情防控", "疫情防控 法治同行", "线上推送", nullptr, 20000},
    {"2020-03-05", "防疫法治宣传进村入户", "疫情防控", "疫情防控 法治同行", "法律咨询", "黄店镇", 600},
    {"2020-05-08", "“‘典’亮生活，与法同行”民法典宣传活动启动", "民法典", "民法典“四大行动”", "文艺演出", nullptr, 2000},
    {"2020-05-20", "民法典主题公园开园暨宣讲", "民法典", "民法典“四大行动”", "讲座", "永昌街道", 500},
    {"2020-04-10", "“法雨春风”法律服务月·“云”上专题讲座", "企业风险防范", "法雨春风法律服务月", "线上推送", nullptr, 5000},
};

struct Fair {
  char const* township;
  char const* name;
  int month;
  int day;
};
constexpr Fair fairs[] = {{"女埠街道", "女埠甘蔗节“法律赶集”", 11, 15},
                          {"马涧镇", "马涧杨梅节“法律赶集”", 6, 12},
                          {"赤溪街道", "赤溪荷花节“法律赶集”", 7, 18}};

// The stored code of a choice the seed names by its label.
std::string code(registry::ChoiceList const& list, std::string_view label) {
  auto const* choice = list.read(label);
  if (!choice) throw std::logic_error("no choice " + std::string(label) + " in " + std::string(list.name));
  return std::string(choice->code);
}

class Builder {
 public:
  explicit Builder(db::Connection& conn) : conn_(conn), random_(20170101) {}

  void build() {
    load_places();
    build_channels();
    build_activities();
    build_study();
    for (auto const& entity : entities()) auth::regions::fill_region_paths(conn_, entity.table);
    rebuild_counters(conn_);
  }

 private:
  void load_places() {
    auto const root = auth::regions::root(conn_);
    root_ = root.id;
    for (auto const& town : auth::regions::at_level(conn_, root.path, auth::regions::township_level)) {
      townships_.emplace_back(town.id, town.name);
    }
    for (auto const& village : auth::regions::at_level(conn_, root.path, auth::regions::village_level)) {
      villages_.emplace_back(village.id, *village.parent_id);
    }
    std::sort(villages_.begin(), villages_.end());
    std::sort(townships_.begin(), townships_.end());
    for (auto const& unit : org::directory::units_of_type(conn_, org::department_type)) {
      offices_.push_back({unit.id, unit.region_id, unit.name});
    }
    lecturers_ = org::directory::people_tagged(conn_, "lecturer");
  }

  std::optional<std::int64_t> unit_named(std::string const& name) {
    auto unit = org::directory::unit_named(conn_, name);
    if (!unit) return std::nullopt;
    return unit->id;
  }

  std::int64_t township_named(char const* name) {
    for (auto const& [id, n] : townships_) {
      if (n == name) return id;
    }
    return root_;
  }

  void build_channels() {
    struct ChannelSeed {
      char const* name;
      char const* kind;
      char const* unit;
      char const* schedule;
      char const* description;
    };
    constexpr ChannelSeed channels[] = {
        {"兰溪公共法律服务网", "网站", "市司法局", "随时更新", "“三合一”普法信息推广体系之一"},
        {"兰溪普法", "微信公众号", "市司法局", "每周2-3期", "开设“部门微普法”栏目、微信法律知识竞赛"},
        {"之江法云微信塔群", "微信群", "市司法局", "每日", "“三合一”普法信息推广体系之一"},
        {"兰溪普法抖音号", "抖音", "市司法局", "每周1-2期", "2020年上线"},
        {"阿荣说法", "广播", "兰溪广播电台", "每周2期", "2005年开通，持续为市民输送热点性、实用性的普法内容"},
        {"法治大讲堂", "电视", "兰溪电视台", "每周1期", "电视台法治栏目"},
    };
    for (auto const& c : channels) {
      auto const id = conn_.insert(
          "INSERT INTO channels (region_id, name, kind, unit_id, schedule, description, created_at, updated_at)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {root_, c.name, code(choices::channel_kind, c.kind), unit_named(c.unit), c.schedule, c.description, now_, now_});
      channel_ids_[c.name] = id;
    }
    // 阿荣说法: every Tuesday and Friday since 2005-01-04 up to the end of 2020.
    using namespace std::chrono;
    sys_days day{year{2005} / January / 4};
    sys_days const end{year{2020} / December / 31};
    int number = 0;
    for (; day <= end; day += days{1}) {
      weekday const wd{day};
      if (wd != Tuesday && wd != Friday) continue;
      year_month_day const date{day};
      auto const text = base::date_text(int(date.year()), unsigned(date.month()), unsigned(date.day()));
      std::string const title = "阿荣说法第" + std::to_string(++number) + "期：" + random_.pick(radio_topics);
      item(channel_ids_["阿荣说法"], text, title, 5000 + random_.below(20000));
    }
    // 兰溪普法 (WeChat): twice a week 2017-2020, among them the 部门微普法 column.
    for (sys_days d{year{2017} / January / 3}; d <= end; d += days{3 + random_.below(2)}) {
      year_month_day const date{d};
      auto const text = base::date_text(int(date.year()), unsigned(date.month()), unsigned(date.day()));
      auto const& office = offices_[random_.below(int(offices_.size()))];
      std::string const title = "部门微普法｜" + office.name + "：" + random_.pick(radio_topics);
      item(channel_ids_["兰溪普法"], text, title, 800 + random_.below(6000));
    }
  }

  void item(std::int64_t channel, std::string const& date, std::string const& title, int reach) {
    conn_.exec("INSERT INTO channel_items (region_id, channel_id, published_on, title, reach, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)", {root_, channel, date, title, reach, now_, now_});
  }

  // The ledger as the bureau left it: reviewed up to the last month of the demo, December 2020
  // still waiting for the coordinator.
  static std::string status_of(std::string const& date) {
    return std::string(date >= "2020-12-01" ? submitted : approved);
  }

  void activity(std::int64_t region, std::optional<std::int64_t> unit, std::string const& date, std::string const& title,
                std::string const& theme, std::string const& audience, std::string const& six_place,
                std::string const& form, std::optional<std::string> campaign, int participants) {
    std::string lecturers;
    if (!lecturers_.empty() && (form == "讲座" || form == "以案释法")) {
      lecturers = "," + std::to_string(lecturers_[random_.below(int(lecturers_.size()))]) + ",";
    }
    conn_.exec("INSERT INTO activities (region_id, title, starts_on, unit_id, theme, audience, six_place, form,"
               " lecturer_ids, participants, materials, campaign, status, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {region, title, date, unit, theme, "," + code(choices::audience, audience) + ",",
                code(choices::six_place, six_place), code(choices::form, form),
                lecturers.empty() ? db::Param(nullptr) : db::Param(lecturers), participants,
                participants * (1 + random_.below(3)), campaign, status_of(date), now_, now_});
  }

  void build_activities() {
    for (auto const& e : events) {
      auto const region = e.township ? township_named(e.township) : root_;
      activity(region, unit_named("市司法局"), e.date, e.title, e.theme, "群众", "社区", e.form, std::string(e.campaign),
               e.participants);
    }
    for (int y = 2017; y <= 2020; ++y) {
      for (auto const& fair : fairs) {
        auto const date = base::date_text(y, unsigned(fair.month), unsigned(fair.day));
        auto const town = township_named(fair.township);
        std::optional<std::int64_t> host;  // the township's office holds its 法律赶集
        for (auto const& o : offices_) {
          if (o.region == town) host = o.id;
        }
        activity(town, host, date, std::to_string(y) + "年" + fair.name, "乡村振兴",
                 "农民", "乡村", "法律赶集", std::string("法律赶集"), 300 + random_.below(500));
      }
      for (int n = 0; n < 600; ++n) {
        int const month = 1 + random_.below(12);
        // Service days (8th, 18th, 28th) carry about a third of the village work.
        bool const service_day = random_.below(3) == 0;
        int const day = service_day ? std::array{8, 18, 28}[random_.below(3)] : 1 + random_.below(28);
        auto const date = base::date_text(y, unsigned(month), unsigned(day));
        std::string theme = random_.pick(themes);
        if (y == 2020 && month >= 2 && month <= 4 && random_.below(2) == 0) theme = "疫情防控";
        if (y == 2020 && month == 5 && random_.below(2) == 0) theme = "民法典";
        std::optional<std::string> campaign;
        if (service_day) campaign = "公共法律服务日";
        if (month == 12 && day <= 7 && theme == "宪法") campaign = "宪法宣传周";
        if (theme == "疫情防控") campaign = "疫情防控 法治同行";
        if (y == 2020 && month == 5 && theme == "民法典") campaign = "民法典“四大行动”";
        std::string const six_place = random_.pick(six_places);
        std::string const form = random_.pick(forms);
        bool const in_village = six_place == "乡村" || six_place == "社区" || service_day;
        auto office = offices_[random_.below(int(offices_.size()))];
        std::int64_t region = office.region;
        if (in_village && !villages_.empty()) {
          // Village work is organised by its own township's office.
          auto const& [village, township] = villages_[random_.below(int(villages_.size()))];
          region = village;
          for (auto const& o : offices_) {
            if (o.region == township) office = o;
          }
        }
        std::string const title = theme + "法治宣传" + form + (in_village ? "进村（社区）" : "");
        activity(region, office.id, date, title, theme, random_.pick(audiences), six_place, form, campaign,
                 20 + random_.below(380));
      }
    }
  }

  void build_study() {
    struct Kind {
      char const* name;
      int per_year;
    };
    // 三长学法说法讲法: 160 a year, 640 over the four years (the seed: 600+).
    constexpr Kind kinds[] = {{"三长学法说法讲法", 160}, {"党委理论中心组学法", 40}, {"政府常务会议学法", 12},
                              {"述职述法", 16}, {"庭审旁听", 10}};
    for (int y = 2017; y <= 2020; ++y) {
      for (auto const& kind : kinds) {
        for (int n = 0; n < kind.per_year; ++n) {
          auto const& office = offices_[random_.below(int(offices_.size()))];
          auto const date = base::date_text(y, unsigned(1 + random_.below(12)), unsigned(1 + random_.below(28)));
          std::string const topic = std::string(kind.name) + "：" + random_.pick(study_topics);
          conn_.exec("INSERT INTO study_records (region_id, kind, unit_id, held_on, topic, laws, attendees, status,"
                     " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     {office.region, code(choices::study_kind, kind.name), office.id, date, topic, random_.pick(themes) + std::string("相关法律"),
                      10 + random_.below(60), status_of(date), now_, now_});
        }
      }
    }
  }

  struct Office {
    std::int64_t id;
    std::int64_t region;
    std::string name;
  };

  db::Connection& conn_;
  base::Sequence random_;
  base::Millis now_ = base::now_ms();
  std::int64_t root_ = 0;
  std::vector<std::pair<std::int64_t, std::string>> townships_;
  std::vector<std::pair<std::int64_t, std::int64_t>> villages_;
  std::vector<Office> offices_;
  std::vector<std::int64_t> lecturers_;
  std::map<std::string, std::int64_t> channel_ids_;
};

}  // namespace

bool load_demo(db::Connection& conn) {
  if (conn.scalar("SELECT COUNT(*) AS n FROM channels").value_or(0) > 0) return false;
  Builder(conn).build();
  return true;
}

}  // namespace pufa::activity
