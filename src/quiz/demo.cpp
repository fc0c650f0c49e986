// Demo data of the public quiz: the 宪法 question bank, this year's 宪法宣传周 quiz (open while
// the demo is shown around 12·4) and the 2020 国家宪法日 quiz, closed, with participants,
// daily results and a revealed draw that anyone can re-run (docs/quiz.md).
#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <string>
#include <vector>

#include "base/random.hpp"
#include "base/sequence.hpp"
#include "exam/library.hpp"
#include "quiz/draw.hpp"
#include "quiz/routes.hpp"
#include "quiz/store.hpp"

namespace pufa::quiz {

namespace {

namespace json = boost::json;
namespace qs = store;

constexpr char const* bank_title = "宪法知识竞答题库";

struct DemoQuestion {
  char const* type;  // single | multiple | judge
  char const* stem;
  std::vector<char const*> options;  // judge: none (A 正确, B 错误)
  char const* answer;
  char const* explanation;
  char const* law_ref;
};

// Facts from the text of the 宪法 (2018 amendment) and the 2014 decision on 国家宪法日.
std::vector<DemoQuestion> const questions{
    {"single", "现行宪法是在哪一年通过的？", {"1954年", "1975年", "1978年", "1982年"}, "D",
     "现行宪法于1982年12月4日由第五届全国人民代表大会第五次会议通过。", ""},
    {"single", "国家宪法日是每年的哪一天？", {"3月15日", "10月1日", "12月4日", "12月10日"}, "C",
     "2014年11月1日，第十二届全国人大常委会第十一次会议决定将12月4日设立为国家宪法日。", ""},
    {"single", "国家宪法日是哪一年设立的？", {"2012年", "2014年", "2016年", "2018年"}, "B",
     "2014年，全国人大常委会以立法形式将12月4日设立为国家宪法日。", ""},
    {"judge", "新中国第一部宪法是1954年宪法。", {}, "A",
     "1954年9月，第一届全国人民代表大会第一次会议通过了新中国第一部宪法。", ""},
    {"judge", "现行宪法自1982年公布施行以来，先后于1988年、1993年、1999年、2004年和2018年进行了五次修改。",
     {}, "A", "现行宪法共有五个修正案，分别通过于1988年、1993年、1999年、2004年、2018年。", ""},
    {"single", "2018年宪法修正案在国家机构中新增了哪一类机关？",
     {"监察委员会", "审计委员会", "仲裁委员会", "人民陪审委员会"}, "A",
     "2018年宪法修正案在第三章国家机构中增加“监察委员会”一节。", "宪法 第一百二十三条"},
    {"judge", "中国共产党领导是中国特色社会主义最本质的特征。", {}, "A",
     "2018年宪法修正案在第一条第二款中写入这一内容。", "宪法 第一条"},
    {"single", "根据宪法，社会主义制度是中华人民共和国的什么制度？",
     {"基本制度", "根本制度", "重要制度", "主要制度"}, "B",
     "宪法第一条规定：社会主义制度是中华人民共和国的根本制度。", "宪法 第一条"},
    {"single", "中华人民共和国的一切权力属于谁？", {"国家机关", "全国人大", "人民", "政府"}, "C",
     "宪法第二条规定：中华人民共和国的一切权力属于人民。", "宪法 第二条"},
    {"multiple", "人民行使国家权力的机关是哪些？",
     {"全国人民代表大会", "地方各级人民代表大会", "国务院", "最高人民法院"}, "AB",
     "宪法第二条规定：人民行使国家权力的机关是全国人民代表大会和地方各级人民代表大会。",
     "宪法 第二条"},
    {"single", "中华人民共和国的国家机构实行什么原则？",
     {"民主集中制", "三权分立", "地方自治", "首长负责制"}, "A",
     "宪法第三条规定：中华人民共和国的国家机构实行民主集中制的原则。", "宪法 第三条"},
    {"single", "“中华人民共和国实行依法治国，建设社会主义法治国家”是哪一年写入宪法的？",
     {"1988年", "1993年", "1999年", "2004年"}, "C", "1999年宪法修正案将这一内容写入宪法第五条。",
     "宪法 第五条"},
    {"judge", "一切违反宪法和法律的行为，必须予以追究。", {}, "A",
     "宪法第五条规定：一切违反宪法和法律的行为，必须予以追究。", "宪法 第五条"},
    {"judge", "任何组织或者个人都不得有超越宪法和法律的特权。", {}, "A",
     "宪法第五条规定：任何组织或者个人都不得有超越宪法和法律的特权。", "宪法 第五条"},
    {"single", "城市的土地属于谁所有？", {"国家", "集体", "个人", "城市居民委员会"}, "A",
     "宪法第十条规定：城市的土地属于国家所有。", "宪法 第十条"},
    {"judge", "矿藏、水流等自然资源都属于国家所有，即全民所有（由法律规定属于集体所有的森林和山岭、草原、荒地、滩涂除外）。",
     {}, "A", "宪法第九条对自然资源的所有权作了规定。", "宪法 第九条"},
    {"judge", "公民的合法的私有财产不受侵犯。", {}, "A",
     "2004年宪法修正案规定：公民的合法的私有财产不受侵犯。", "宪法 第十三条"},
    {"single", "“国家尊重和保障人权”是哪一年写入宪法的？", {"1993年", "1999年", "2004年", "2018年"},
     "C", "2004年宪法修正案在第三十三条中增加“国家尊重和保障人权”。", "宪法 第三十三条"},
    {"judge", "中华人民共和国公民在法律面前一律平等。", {}, "A",
     "宪法第三十三条第二款的规定。", "宪法 第三十三条"},
    {"single", "中华人民共和国公民享有选举权和被选举权的年龄条件是什么？",
     {"年满十六周岁", "年满十八周岁", "年满二十周岁", "年满二十二周岁"}, "B",
     "宪法第三十四条规定：年满十八周岁的公民，除依照法律被剥夺政治权利的人外，都有选举权和被选举权。",
     "宪法 第三十四条"},
    {"judge", "中华人民共和国公民的人格尊严不受侵犯。", {}, "A", "宪法第三十八条的规定。",
     "宪法 第三十八条"},
    {"judge", "中华人民共和国公民的住宅不受侵犯，禁止非法搜查或者非法侵入公民的住宅。", {}, "A",
     "宪法第三十九条的规定。", "宪法 第三十九条"},
    {"judge", "公民的通信自由和通信秘密受法律的保护。", {}, "A", "宪法第四十条的规定。",
     "宪法 第四十条"},
    {"multiple", "根据宪法，下列哪些既是公民的权利又是公民的义务？",
     {"劳动", "受教育", "纳税", "服兵役"}, "AB",
     "宪法第四十二条、第四十六条规定公民有劳动的权利和义务、有受教育的权利和义务；纳税、服兵役是公民的义务。",
     "宪法 第四十六条"},
    {"judge", "依照法律服兵役和参加民兵组织是中华人民共和国公民的光荣义务。", {}, "A",
     "宪法第五十五条的规定。", "宪法 第五十五条"},
    {"judge", "中华人民共和国公民有依照法律纳税的义务。", {}, "A", "宪法第五十六条的规定。",
     "宪法 第五十六条"},
    {"single", "全国人民代表大会每届任期几年？", {"三年", "四年", "五年", "六年"}, "C",
     "宪法第六十条规定：全国人民代表大会每届任期五年。", "宪法 第六十条"},
    {"single", "全国人民代表大会会议每年举行几次？", {"一次", "两次", "三次", "四次"}, "A",
     "宪法第六十一条规定：全国人民代表大会会议每年举行一次，由全国人民代表大会常务委员会召集。",
     "宪法 第六十一条"},
    {"single", "宪法的修改，由全国人民代表大会以全体代表的多少以上的多数通过？",
     {"过半数", "三分之二", "四分之三", "五分之四"}, "B",
     "宪法第六十四条规定：宪法的修改由全国人大常委会或者五分之一以上的全国人大代表提议，并由全国人大以全体代表的三分之二以上的多数通过。",
     "宪法 第六十四条"},
    {"single", "法律和其他议案由全国人民代表大会以全体代表的多少通过？",
     {"过半数", "三分之二以上", "四分之三以上", "全票"}, "A",
     "宪法第六十四条第二款规定：法律和其他议案由全国人民代表大会以全体代表的过半数通过。",
     "宪法 第六十四条"},
    {"single", "根据宪法，解释宪法、监督宪法的实施是哪个机关的职权？",
     {"全国人民代表大会常务委员会", "国务院", "最高人民法院", "最高人民检察院"}, "A",
     "宪法第六十七条规定全国人大常委会解释宪法，监督宪法的实施。", "宪法 第六十七条"},
    {"single", "有选举权和被选举权的中华人民共和国公民，年满多少周岁可以被选为国家主席、副主席？",
     {"三十五周岁", "四十周岁", "四十五周岁", "五十周岁"}, "C", "宪法第七十九条的规定。",
     "宪法 第七十九条"},
    {"single", "中华人民共和国国务院，即中央人民政府，是最高国家权力机关的执行机关，是什么机关？",
     {"最高国家行政机关", "最高国家权力机关", "最高国家监察机关", "最高审判机关"}, "A",
     "宪法第八十五条的规定。", "宪法 第八十五条"},
    {"single", "领导全国武装力量的是哪个机关？",
     {"中华人民共和国中央军事委员会", "国务院", "全国人大常委会", "国防部"}, "A",
     "宪法第九十三条规定：中华人民共和国中央军事委员会领导全国武装力量。", "宪法 第九十三条"},
    {"single", "根据宪法，人民检察院是国家的什么机关？",
     {"审判机关", "法律监督机关", "行政机关", "监察机关"}, "B",
     "宪法第一百三十四条规定：中华人民共和国人民检察院是国家的法律监督机关。",
     "宪法 第一百三十四条"},
    {"single", "根据宪法，中华人民共和国的最高审判机关是什么？",
     {"最高人民法院", "最高人民检察院", "全国人大常委会", "司法部"}, "A",
     "宪法第一百三十二条规定：最高人民法院是最高审判机关。", "宪法 第一百三十二条"},
    {"multiple", "根据宪法，民族自治地方包括哪些？", {"自治区", "自治州", "自治县", "自治乡"}, "ABC",
     "宪法第三十条规定：自治区、自治州、自治县都是民族自治地方；民族乡不是民族自治地方。",
     "宪法 第三十条"},
    {"judge", "国家在必要时得设立特别行政区。", {}, "A", "宪法第三十一条的规定。",
     "宪法 第三十一条"},
    {"single", "中华人民共和国国歌是什么？",
     {"《义勇军进行曲》", "《歌唱祖国》", "《东方红》", "《我的祖国》"}, "A",
     "2004年宪法修正案在第一百四十一条中增加：中华人民共和国国歌是《义勇军进行曲》。",
     "宪法 第一百四十一条"},
    {"multiple", "关于国家标志，下列说法符合宪法规定的是哪些？",
     {"国旗是五星红旗", "首都是北京", "国徽中间是五星照耀下的天安门，周围是谷穗和齿轮",
      "国歌是《歌唱祖国》"},
     "ABC", "宪法第一百四十一条至第一百四十三条规定了国旗、国歌、国徽和首都。",
     "宪法 第一百四十二条"},
    {"judge", "国家工作人员就职时应当依照法律规定公开进行宪法宣誓。", {}, "A",
     "2018年宪法修正案在第二十七条中增加第三款，确立了宪法宣誓制度。", "宪法 第二十七条"},
    {"judge", "全国人民代表大会常务委员会委员长、副委员长连续任职不得超过两届。", {}, "A",
     "宪法第六十六条的规定。", "宪法 第六十六条"},
    {"judge", "宪法是国家的根本法，具有最高的法律效力。", {}, "A",
     "宪法序言规定：本宪法以法律的形式确认了中国各族人民奋斗的成果，规定了国家的根本制度和根本任务，是国家的根本法，具有最高的法律效力。",
     ""},
    {"judge", "国家实行社会主义市场经济。", {}, "A",
     "1993年宪法修正案将“国家实行社会主义市场经济”写入宪法第十五条。", "宪法 第十五条"},
};

std::vector<exam::Option> options_of(DemoQuestion const& q) {
  if (std::string_view(q.type) == "judge") return {{"A", "正确"}, {"B", "错误"}};
  std::vector<exam::Option> out;
  char key = 'A';
  for (auto const* text : q.options) out.push_back({std::string(1, key++), text});
  return out;
}

// Midnight of a day in Asia/Shanghai, as UTC milliseconds.
base::Millis shanghai_midnight(int year, int month, int day) {
  auto const at = base::parse_iso8601(std::to_string(year) + "-" + (month < 10 ? "0" : "") +
                                      std::to_string(month) + "-" + (day < 10 ? "0" : "") +
                                      std::to_string(day) + "T00:00:00+08:00");
  return *at;
}

std::int64_t ensure_bank(db::Connection& conn, base::Millis at) {
  if (auto id = exam::library::bank_named(conn, bank_title)) return *id;
  exam::Bank bank;
  bank.name = bank_title;
  bank.audience = "public";
  bank.description = "面向群众的宪法知识题，用于国家宪法日和宪法宣传周有奖竞答。";
  auto const bank_id = exam::library::add_bank(conn, bank, at);
  for (auto const& q : questions) {
    exam::Question question;
    question.bank_id = bank_id;
    question.type = q.type;
    question.stem = q.stem;
    question.options = options_of(q);
    question.answer = q.answer;
    question.explanation = q.explanation;
    question.difficulty = 2;
    question.tags = {"宪法"};
    question.law_ref = q.law_ref;
    exam::library::add_question(conn, question, at);
  }
  return bank_id;
}

Quiz quiz_for_year(int year, std::int64_t bank) {
  Quiz quiz;
  quiz.title = std::to_string(year) + "年宪法宣传周“宪法知识天天答”有奖竞答";
  quiz.intro = "12月4日是国家宪法日。宪法宣传周期间，每天答 5 道宪法知识题，累计答对 20 题且参与 5 天"
               "即可参加抽奖。抽奖种子在竞答结束前公布承诺值（SHA-256）；结束后先固定获奖资格名单并公布其哈希，"
               "再结合结束后第一期福利彩票开奖号码抽出中奖者，公开种子，任何人都可复核。";
  quiz.bank_id = bank;
  quiz.opens_at = shanghai_midnight(year, 11, 27);
  quiz.closes_at = shanghai_midnight(year, 12, 11);  // through Dec 10
  quiz.questions_per_day = 5;
  quiz.min_correct = 20;
  quiz.min_days = 5;
  quiz.prize = "宪法读本一册及国家宪法日纪念品一份";
  quiz.winners_count = 10;
  quiz.created_at = quiz.updated_at = quiz.opens_at - 7 * 24 * base::hour_ms;
  return quiz;
}

std::string answer_other_than(std::string const& answer) {
  return answer == "A" ? "B" : "A";
}

// The 2020 quiz: 60 residents answering on some of the 14 days, then the draw.
void load_2020(db::Connection& conn, std::int64_t bank) {
  auto quiz = quiz_for_year(2020, bank);
  quiz.title = "2020年国家宪法日“宪法知识天天答”有奖竞答";
  if (qs::find_quiz_by_title(conn, quiz.title)) return;
  std::string const seed = base::sha256_hex("pufa demo 2020 宪法竞答 seed");
  quiz.seed = seed;
  quiz.commitment = commitment_of(seed);
  quiz.public_source = "竞答结束后第一期中国福利彩票双色球开奖号码（2020年12月13日开奖）";
  quiz.committed_at = shanghai_midnight(2020, 11, 26) + 10 * base::hour_ms;
  quiz.id = qs::insert_quiz(conn, quiz);

  auto const bank_rows = exam::library::questions_of(conn, bank);
  std::vector<std::int64_t> ids;
  for (auto const& q : bank_rows) ids.push_back(q.id);
  base::Sequence rng(20201204);
  for (int p = 0; p < 60; ++p) {
    auto const phone = "139" + std::to_string(10000000 + static_cast<int>(rng.next() % 89999999));
    auto const joined = quiz.opens_at + rng.below(5) * base::day_ms + 9 * base::hour_ms;
    auto const participant = qs::participant_for(conn, quiz.id, phone, joined);
    int const skill = 55 + rng.below(45);  // percent of questions answered right
    for (auto at = joined; at < quiz.closes_at; at += base::day_ms) {
      if (rng.below(100) < 35) continue;  // skipped a day
      auto const submitted = at + rng.below(10 * 60) * base::minute_ms / 60;
      auto const day = base::shanghai_date(submitted);
      auto const chosen = daily_questions(quiz.id, participant, day, ids, 5);
      Day row;
      json::array chosen_json;
      json::object answers;
      for (auto id : chosen) {
        chosen_json.push_back(id);
        auto const& q = *std::find_if(bank_rows.begin(), bank_rows.end(),
                                      [&](auto const& r) { return r.id == id; });
        bool const right = rng.below(100) < skill;
        auto const given = right ? q.answer : answer_other_than(q.answer);
        answers[std::to_string(id)] = given;
        if (right) ++row.correct;
      }
      row.question_ids = json::serialize(chosen_json);
      row.answers = json::serialize(answers);
      row.total = 5;
      row.score = row.correct * 10;
      row.submitted_at = submitted;
      qs::insert_day(conn, quiz.id, participant, day, row);
    }
  }
  auto const pool = qs::qualified_ids(conn, quiz);
  // The demo's public value is made up for the demo (like its seed, so it is reproducible).
  quiz.public_value = "03 09 14 21 26 31 + 07";
  quiz.pool_hash = pool_hash_of(pool);
  quiz.pool_fixed_at = quiz.closes_at + 5 * base::minute_ms;
  auto const chosen = draw_winners(draw_seed_of(seed, *quiz.pool_hash, *quiz.public_value), pool,
                                   static_cast<std::size_t>(quiz.winners_count));
  for (std::size_t i = 0; i < chosen.size(); ++i)
    qs::insert_winner(conn, quiz.id, static_cast<int>(i + 1), chosen[i]);
  json::array pool_json;
  for (auto id : pool) pool_json.push_back(id);
  quiz.draw_pool = json::serialize(pool_json);
  quiz.revealed_at = shanghai_midnight(2020, 12, 14) + 10 * base::hour_ms;  // the morning after that draw
  quiz.updated_at = *quiz.revealed_at;
  qs::update_quiz(conn, quiz);
}

}  // namespace

void load_demo(db::Connection& conn) {
  auto const bank = ensure_bank(conn, shanghai_midnight(2020, 11, 1));
  load_2020(conn, bank);
  auto const year = std::stoi(base::shanghai_date(base::now_ms()).substr(0, 4));
  auto current = quiz_for_year(year, bank);
  if (!qs::find_quiz_by_title(conn, current.title)) qs::insert_quiz(conn, current);
}

}  // namespace pufa::quiz
