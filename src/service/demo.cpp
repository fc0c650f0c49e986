// The Lanxi demo of 公共法律服务: a station in the city, every township (永昌's brand "笠翁") and every village;
// the mountain villages of 柏社乡 and 水亭畲族乡 as remote; 2020's and this year's schedules with most past days
// verified, some only claimed, some missed (a few villages under the standard); 2020's logs; bookings with ratings,
// the 不满意 ones called back but one; the advisor's account `lvshi` bound to 马坞村's advisor. Deterministic.
#include <fmt/format.h>

#include <array>
#include <set>

#include "auth/accounts.hpp"
#include "auth/regions.hpp"
#include "base/random.hpp"
#include "calendar/library.hpp"
#include "org/directory.hpp"
#include "service/common.hpp"
#include "service/routes.hpp"
#include "service/schedule.hpp"
#include "service/store.hpp"

namespace pufa::service {

namespace {

constexpr std::array<char const*, 6> summaries{
    "村民咨询土地承包经营权流转合同的效力和违约责任，已解答并建议书面约定流转期限和费用支付方式。",
    "村民咨询子女赡养父母的义务和赡养费标准，已释明《民法典》相关规定并建议先行协商，必要时申请人民调解。",
    "村民咨询工程款被拖欠如何追讨，已建议收集结算单、转账记录等证据，告知可申请支付令或起诉。",
    "为村委会审查村集体厂房租赁合同，提出租期、押金和违约责任等修改意见 4 条。",
    "村民咨询邻里宅基地界址纠纷，已建议申请村调委会调解，并告知确权途径。",
    "村民咨询交通事故赔偿项目和计算标准，已逐项解答并告知可申请法律援助。"};
constexpr std::array<char const*, 6> kinds{"consult", "consult", "consult", "contract_review", "mediation", "aid_referral"};
constexpr std::array<char const*, 6> topics{"land_contract", "marriage_family", "labour", "contract", "housing_land", "traffic"};
constexpr std::array<char const*, 6> surnames{"王", "李", "张", "刘", "陈", "徐"};
constexpr std::array<char const*, 6> given{"建国", "秀英", "伟", "芳", "国强", "丽华"};

// A stable pseudo-random number per key.
unsigned mix(std::int64_t a, std::int64_t b = 0) {
  auto x = static_cast<unsigned long long>(a) * 0x9E3779B97F4A7C15ULL ^ static_cast<unsigned long long>(b) * 0xC2B2AE3D27D4EB4FULL;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 29;
  return static_cast<unsigned>(x % 1000);
}

base::Millis at(std::string const& date, int hour) {
  // Beijing wall-clock hour of `date` as a UTC instant.
  return static_cast<base::Millis>(calendar::day_number(date)) * base::day_ms + (hour - 8) * base::hour_ms;
}

// A valid 身份证号 of Lanxi (330781), born on `birth` (YYYYMMDD), with the GB 11643 check digit.
std::string id_number(std::string const& birth, int seq) {
  auto body = "330781" + birth + fmt::format("{:03}", seq % 1000);
  static constexpr int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[static_cast<std::size_t>(i)] - '0') * weights[i];
  return body + "10X98765432"[sum % 11];
}

struct AidCase {
  char const* name;
  char const* gender;
  char const* birth;
  char const* matter;
  char const* opponent;
  char const* facts;
  int household, income;
  char const* exemption;
  char const* ends;  // the step it reached: submitted, approved, refused, assigned, closed, followed
  char const* outcome;
};

constexpr std::array<AidCase, 8> aid_cases{{
    {"徐国强", "male", "19780312", "labour", "兰溪某建筑劳务有限公司",
     "申请人在工地务工八个月，被拖欠工资 36800 元，多次讨要未果，请求支付劳动报酬。", 4, 900, "migrant_worker", "followed", "won"},
    {"陈秀英", "female", "19560708", "support", "陈某某、陈某",
     "申请人年迈多病，三名子女中两人拒绝支付赡养费，请求给付赡养费。", 1, 600, "vulnerable", "followed", "mediated"},
    {"刘伟", "male", "19900521", "injury", "王某、某财产保险公司",
     "申请人骑电动车被小轿车撞伤，十级伤残，对方拒绝赔偿，请求交通事故人身损害赔偿。", 3, 1500, "none", "closed", "partly"},
    {"王芳", "female", "19850115", "support", "李某",
     "离婚后对方拒不支付子女抚养费已一年，请求给付抚养费。", 2, 1100, "none", "assigned", nullptr},
    {"张建国", "male", "19700930", "labour", "某食品厂",
     "在厂工作六年未签劳动合同、未缴社保，被辞退，请求确认劳动关系并支付经济补偿。", 3, 4200, "none", "refused", nullptr},
    {"李丽华", "female", "19620403", "social_insurance", "",
     "申请人因病丧失劳动能力，申请最低生活保障被拒，请求给予社会救助。", 2, 500, "assistance", "approved", nullptr},
    {"周志明", "male", "19951111", "labour", "某物流公司",
     "工资拖了三个月不发，公司说年底一起结，请求支付劳动报酬。", 1, 2600, "migrant_worker", "submitted", nullptr},
    {"吴桂芳", "female", "19480219", "injury", "某卫生院",
     "申请人在卫生院输液后出现严重过敏反应，住院治疗二十天，请求医疗损害赔偿。", 2, 800, "vulnerable", "submitted", nullptr},
}};

void stations(db::Connection& conn, auth::Region const& root, base::Millis now) {
  auto const insert = [&](auth::Region const& r, std::string const& name, char const* level, std::string const& windows,
                          char const* brand, char const* intro, std::string const& staff, std::string const& hours) {
    conn.exec("INSERT INTO service_stations (region_id, region_path, name, level, address, phone, hours, staff, windows, brand,"
              " brand_intro, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {r.id, r.path, name, level, r.name + "便民服务中心", "0579-12348", hours, staff, windows,
               brand ? db::Param(brand) : db::Param(nullptr), intro ? db::Param(intro) : db::Param(nullptr), now, now});
  };
  insert(root, "兰溪市公共法律服务中心", "city", ",consult,aid,reception,complaints,", nullptr, nullptr,
         "值班律师 2 名，法律援助中心工作人员 3 名", "工作日 8:30—12:00，14:00—17:30；12348 热线全天");
  for (auto const& town : auth::regions::at_level(conn, root.path, auth::regions::township_level)) {
    bool const yongchang = town.name == "永昌街道";
    insert(town, town.name + "公共法律服务站", "township", ",consult,aid,reception,complaints,", yongchang ? "笠翁" : nullptr,
           yongchang ? "以清代戏剧家李渔（号笠翁）的家乡文化为名，“笠翁说法”调解室和法律服务一站式受理，群众家门口的法律服务品牌。" : nullptr,
           "司法所工作人员 2 名，驻站律师 1 名", "工作日 8:30—17:00；每月 8、18、28 日律师坐班");
    for (auto const& v : auth::regions::at_level(conn, town.path, auth::regions::village_level)) {
      insert(v, v.name + "公共法律服务点", "village", ",consult,reception,", nullptr, nullptr, "村法律顾问、法律明白人",
             "服务日律师在村，平日由法律明白人接待");
    }
  }
}

}  // namespace

void load_demo(db::Connection& conn) {
  if (conn.scalar("SELECT COUNT(*) FROM service_stations").value_or(0) > 0) return;
  auto const root = auth::regions::root(conn);
  auto const now = base::now_ms();
  auto const on = today();
  auto const this_year = std::stoi(on.substr(0, 4));
  stations(conn, root, now);
  // Remote (mountain) villages: one service day a month.
  for (auto const& town : auth::regions::at_level(conn, root.path, auth::regions::township_level)) {
    if (town.name != "柏社乡" && town.name != "水亭畲族乡") continue;
    for (auto const& v : auth::regions::at_level(conn, town.path, auth::regions::village_level)) store::set_remote(conn, v.id, v.path, true);
  }
  auto const standard = store::standard(conn);
  auto const remote = store::remote_villages(conn, root.path);
  std::set<std::int64_t> remote_set(remote.begin(), remote.end());
  // The demo's contracts run from 2025; 2020's days are laid out over the same pairs of village and advisor.
  auto const contracts = org::directory::village_contracts(conn, root.path, "2000-01-01", "2100-12-31");
  std::map<std::int64_t, std::string> paths;
  for (auto const& c : contracts) paths[c.village_id] = c.village_path;
  // Villages under the standard: every 17th village misses most of its days.
  auto const weak = [](std::int64_t village) { return village % 17 == 3; };
  std::int64_t booking_no = 0;
  for (int year : {2020, this_year, this_year + 1}) {
    std::vector<Term> terms;
    for (auto const& c : contracts) {
      terms.push_back({c.village_id, c.advisor_id, c.id, remote_set.contains(c.village_id), fmt::format("{}-01-01", year),
                       fmt::format("{}-12-31", year)});
    }
    auto const cal = calendar::Calendar::load(conn, year, year + 1);
    for (auto const& p : plan_year(standard, cal, year, terms, fmt::format("{}-01-01", year))) {
      if (year > this_year && p.planned_on >= fmt::format("{}-02-01", year)) continue;  // next year: January only
      Day d;
      d.region_id = p.village_id;
      d.region_path = paths[p.village_id];
      d.advisor_id = p.advisor_id;
      d.contract_id = p.contract_id;
      d.year = year;
      d.nominal_on = p.nominal_on;
      d.planned_on = p.planned_on;
      d.moved = p.moved;
      d.status = std::string(day_status::planned);
      bool const past = p.planned_on < on;
      auto const roll = mix(p.village_id, calendar::day_number(p.planned_on));
      if (past) {
        auto const miss = weak(p.village_id) ? 600u : 60u;
        if (roll >= miss + 40) {
          d.status = std::string(day_status::verified);
          d.checked_in_at = at(p.planned_on, 9);
          d.verified_at = *d.checked_in_at + 6 * base::minute_ms;
          d.verified_by = roll % 10 < 7 ? "operator_code" : roll % 10 < 9 ? "operator" : "resident_code";
        } else if (roll >= miss) {
          d.status = std::string(day_status::checked_in);  // claimed, nobody confirmed
          d.checked_in_at = at(p.planned_on, 9);
        }
      }
      auto const day_id = store::insert_day(conn, d);
      if (year != 2020 || d.status != day_status::verified) continue;
      // One log a verified day, a lecture in the first service month of each quarter.
      auto const month = std::stoi(p.planned_on.substr(5, 2));
      bool const lecture = (month % 3 == 1) && std::stoi(p.nominal_on.substr(8, 2)) == standard.days_of_month.front();
      auto const k = roll % kinds.size();
      Log l;
      l.region_id = d.region_id;
      l.region_path = d.region_path;
      l.advisor_id = d.advisor_id;
      l.day_id = day_id;
      l.served_on = d.planned_on;
      l.kind = lecture ? "lecture" : kinds[k];
      l.topic = lecture ? std::nullopt : std::optional<std::string>(topics[k]);
      if (!lecture) l.parties = {std::string(surnames[roll % 6]) + given[(roll / 6) % 6]};
      l.summary = lecture ? "在村文化礼堂开展《民法典》婚姻家庭编和继承编专题讲座，村民 40 余人参加，现场解答问题 6 个。" : summaries[k];
      l.minutes = lecture ? 90 : 20 + static_cast<int>(roll % 40);
      l.created_at = at(d.planned_on, 11);
      store::insert_log(conn, l);
      // Now and then a resident had booked the day: rated afterwards.
      if (roll % 23 != 0) continue;
      Booking b;
      b.ref = fmt::format("FW{}{:03}", p.planned_on.substr(0, 4) + p.planned_on.substr(5, 2) + p.planned_on.substr(8, 2), ++booking_no % 1000);
      b.region_id = d.region_id;
      b.region_path = d.region_path;
      b.advisor_id = d.advisor_id;
      b.topic = topics[k];
      b.preferred_on = b.agreed_on.emplace(d.planned_on);
      b.question = std::string("想当面咨询：") + summaries[k];
      b.name = std::string(surnames[(roll + 1) % 6]) + given[(roll + 2) % 6];
      b.phone = fmt::format("139{:08}", 57000000 + roll * 7 + booking_no);
      b.token_hash = base::sha256_hex("service-booking:" + base::random_hex(16));
      b.status = std::string(booking_status::served);
      b.created_at = at(d.planned_on, 8) - 3 * base::day_ms;
      b.answered_at = b.created_at + (roll % 5 == 0 ? 60 : 5) * base::hour_ms;  // one in five answered late
      b.served_at = at(d.planned_on, 11);
      b.rating = roll % 20 == 0 ? "unsatisfied" : roll % 5 == 0 ? "basic" : "satisfied";
      b.rating_comment = *b.rating == "unsatisfied" ? "律师到得晚，解答不够具体。" : "解答耐心。";
      b.rated_at = b.served_at.value() + base::day_ms;
      b.updated_at = *b.rated_at;
      auto const booking_id = store::insert_booking(conn, b);
      if (*b.rating == "unsatisfied") {
        auto const cb = store::insert_callback(conn, {.booking_id = booking_id, .region_id = b.region_id, .region_path = b.region_path,
                                                      .status = "open", .created_at = *b.rated_at});
        if (booking_no % 3 != 0) {
          store::close_callback(conn, cb, "已电话回访当事人，说明律师当日因交通延误迟到，已安排律师再次上门解答，当事人表示认可。", 0,
                                *b.rated_at + 2 * base::day_ms);
        }
      }
    }
  }
  // Legal aid: the first cases of 2020 through every step, the last two waiting now (one past its seven days).
  {
    auto const majian = auth::regions::by_code(conn, "330781011000");
    auto const town = majian ? *majian : root;
    auto const mawu_village = auth::regions::by_code(conn, "330781011001");
    for (std::size_t i = 0; i < aid_cases.size(); ++i) {
      auto const& c = aid_cases[i];
      std::string const ends = c.ends;
      bool const now_case = ends == "submitted" || ends == "approved";
      Aid a;
      auto const received = now_case ? calendar::date_of(calendar::day_number(on) - (i == 6 ? 9 : i == 7 ? 1 : 2))
                                     : fmt::format("2020-{:02}-{:02}", 3 + static_cast<int>(i), 10 + static_cast<int>(i));
      a.ref = fmt::format("YZ{}{:03}", received.substr(0, 4) + received.substr(5, 2) + received.substr(8, 2), i + 1);
      a.region_id = town.id;
      a.region_path = town.path;
      if (mawu_village && i % 2 == 0) a.village_id = mawu_village->id;
      a.name = c.name;
      a.gender = c.gender;
      a.id_number = id_number(c.birth, 11 + static_cast<int>(i) * 2);
      a.phone = fmt::format("1385791{:04}", 2000 + i);
      a.address = "兰溪市马涧镇" + std::string(i % 2 == 0 ? "马坞村" : "马涧村") + fmt::format("{}号", 10 + i * 7);
      a.matter = c.matter;
      if (*c.opponent) a.opponent = c.opponent;
      a.facts = c.facts;
      a.household_size = c.household;
      a.monthly_income = c.income;
      a.exemption = c.exemption;
      a.status = std::string(aid_status::submitted);
      a.received_on = received;
      a.decide_by = calendar::date_of(calendar::day_number(received) + aid_decide_days);
      a.created_at = a.updated_at = at(received, 10);
      if (ends != "submitted") {
        // One decided late; this year's the day after receipt (never after the day of the load).
        a.decided_on = calendar::date_of(calendar::day_number(received) + (now_case ? 1 : i == 2 ? 9 : 3));
        if (ends == "refused") {
          a.status = std::string(aid_status::refused);
          a.refusal_reason = "经审查，申请人家庭月人均收入 4200 元，高于本市法律援助经济困难标准（最低工资标准），且不属于免予经济困难审查的情形。";
        } else {
          a.status = std::string(aid_status::approved);
          a.assign_by = calendar::date_of(calendar::day_number(*a.decided_on) + aid_assign_days);
        }
      }
      if (ends == "assigned" || ends == "closed" || ends == "followed") {
        a.status = std::string(aid_status::assigned);
        a.assigned_on = calendar::date_of(calendar::day_number(*a.decided_on) + 1);
        a.lawyer = i % 2 == 0 ? "郑律师" : "方律师";
        a.firm = i % 2 == 0 ? "浙江兰江律师事务所" : "浙江婺江律师事务所";
      }
      if (ends == "closed" || ends == "followed") {
        a.status = std::string(aid_status::closed);
        a.closed_on = calendar::date_of(calendar::day_number(*a.assigned_on) + 60);
        a.outcome = c.outcome;
        a.close_note = "经法律援助律师代理，案件已办结。";
      }
      if (ends == "followed") {
        a.followed_up_on = calendar::date_of(calendar::day_number(*a.closed_on) + 10);
        a.follow_up_note = "电话回访受援人，对承办律师的服务表示满意。";
        a.satisfaction = "satisfied";
      }
      auto const aid_id = store::insert_aid(conn, a);
      store::update_aid(conn, [&] {
        auto stored = a;
        stored.id = aid_id;
        return stored;
      }());
    }
  }

  // The demo advisor's account: 马坞村's advisor (马涧镇).
  auto const mawu = auth::regions::by_code(conn, "330781011001");
  auto const account = auth::accounts::id_of(conn, "lvshi");
  if (mawu && account) {
    for (auto const& c : contracts) {
      if (c.village_id != mawu->id) continue;
      org::directory::set_person_user(conn, c.advisor_id, *account);
      // A service day in 马坞村 on the day of the load: the advisor checks in there at once.
      if (!store::day_of(conn, mawu->id, on)) {
        Day d;
        d.region_id = mawu->id;
        d.region_path = mawu->path;
        d.advisor_id = c.advisor_id;
        d.contract_id = c.id;
        d.year = this_year;
        d.nominal_on = d.planned_on = on;
        d.status = std::string(day_status::planned);
        store::insert_day(conn, d);
      }
      // Two residents waiting for an answer.
      auto const upcoming = store::days(conn, {.scope_path = "/", .advisor_id = c.advisor_id, .from = on, .limit = 2});
      for (std::size_t i = 0; i < upcoming.size(); ++i) {
        Booking b;
        b.ref = fmt::format("FW{}{:03}", on.substr(0, 4) + on.substr(5, 2) + on.substr(8, 2), 900 + i);
        b.region_id = upcoming[i].region_id;
        b.region_path = upcoming[i].region_path;
        b.advisor_id = c.advisor_id;
        b.topic = i == 0 ? "labour" : "marriage_family";
        b.preferred_on = upcoming[i].planned_on;
        b.question = i == 0 ? "在厂里干了三个月，工资一直拖着不发，老板说年底一起结，我该怎么办？" : "父亲去世后留下的老房子，兄弟几个怎么分？";
        b.name = i == 0 ? "周志明" : "吴桂芳";
        b.phone = i == 0 ? "13957912345" : "13857954321";
        b.token_hash = base::sha256_hex("service-booking:" + base::random_hex(16));
        b.status = std::string(booking_status::submitted);
        b.created_at = b.updated_at = now - (i + 1) * base::hour_ms;
        store::insert_booking(conn, b);
      }
      break;
    }
  }
}

}  // namespace pufa::service
