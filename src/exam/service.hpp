// The exam use cases, one file per group: banks.cpp (banks, questions, imports, law links),
// examinees.cpp, exams.cpp (exams, publishing, closing), paper_cache.cpp (the published exams as
// the start path needs them), attempts.cpp (start, autosave, events, submit, review,
// certificates, deadlines), results.cpp (results and statistics). Each write is one db.write
// with its audit row inside (attempt starts and autosaves are not audited: the attempt and
// answer rows are the record, and the start burst must stay at one small insert).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "auth/principal.hpp"
#include "db/database.hpp"
#include "exam/model.hpp"
#include "exam/paper.hpp"
#include "exam/questions.hpp"
#include "exam/store.hpp"
#include "http/error.hpp"

namespace pufa::exam {

inline constexpr base::Millis grace_ms = 5'000;         // answers in flight at the deadline
inline constexpr base::Millis sweep_every_ms = 30'000;  // finalising expired attempts
// The attempts whose paper this process keeps for autosaves; past it the cache starts over.
inline constexpr std::size_t attempt_cache_limit = 200'000;

// The exam area's own error codes.
inline constexpr http::ErrorCode attempt_closed{409, "attempt_closed", "考试已结束或已交卷，答案未保存"};
inline constexpr http::ErrorCode review_not_open{403, "review_not_open", "考试结束后才能查看答题详情"};
inline constexpr http::ErrorCode pledge_required{422, "pledge_required", "请先阅读考试须知并勾选诚信承诺，再开始答题"};

inline constexpr std::size_t max_issuer_chars = 60;
inline constexpr std::size_t max_seal_bytes = 512 * 1024;
inline constexpr std::int64_t max_seal_pixels = 2000;

// What a new installation prints until the bureau writes its own (exam settings).
inline constexpr char const* default_notice =
    "一、考试时间从点击“开始答题”起计算，到时系统自动交卷，请合理安排答题时间。\n"
    "二、每道题选择后自动保存；网络中断时请勿关闭页面，恢复后会自动重新保存。\n"
    "三、答题期间请勿切换页面或离开考试窗口，系统会记录离开次数，供考试组织单位核查。\n"
    "四、交卷后不能修改答案；考试结束后可以查看答题情况和解析。\n"
    "五、遇到问题请及时联系本单位普法联络员。";
inline constexpr char const* default_pledge =
    "本人承诺：独立完成本次考试，不请他人代考，不替他人答题，不查阅他人答案，不使用任何作弊手段，"
    "不对外传播试题。如有违反，愿按规定承担相应责任。";

// A published exam as the start path needs it: built once per (exam id, version) from the
// exam row and its frozen pool, identically on every server process.
struct CachedExam {
  Exam exam;
  PaperPlan plan;
};
using ExamPtr = std::shared_ptr<CachedExam const>;

struct LawLink {
  std::string text;
  std::optional<std::int64_t> law_id;
  std::string number;  // 第一千零七十七条
  std::string url;     // /laws/3/articles/1077
};

struct ImportResult {
  std::size_t imported = 0;
  std::vector<std::pair<std::size_t, std::string>> skipped;  // row, stem
};

struct Started {
  Attempt attempt;
  bool created = false;
  ExamPtr exam;
  std::map<std::int64_t, std::string> answers;
};

struct MyExam {
  Exam exam;
  ExamState state = ExamState::open;
  int attempts_used = 0;
  std::optional<Attempt> best;
  std::optional<std::int64_t> attempt_id;
};

struct ResultRow {
  Examinee user;
  std::optional<Attempt> counted;  // the attempt that counts (best or last), if any finished
  int attempts = 0;
};

struct StatsRow {
  std::int64_t id = 0;
  std::string name;
  int eligible = 0, sat = 0, passed = 0;
  double total = 0;
  double average() const { return sat ? total / sat : 0; }
};

struct Stats {
  StatsRow all;
  std::vector<StatsRow> by_unit, by_region;
};

struct Certificate {
  std::string name, unit, exam_title, grade, passed_on, certificate_no, check_code, issuer;
  int score = 0;
  bool has_seal = false;
  std::string seal_version;
};

// What the public check of a certificate shows: the holder's name masked.
struct Verified {
  std::string name, exam_title, grade, passed_on, certificate_no, issuer;
  int score = 0;
};

// The page an examinee reads before the clock starts.
struct ExamNotice {
  Exam exam;
  std::string notice, pledge;
  ExamState state = ExamState::open;
};

class ExamService {
 public:
  explicit ExamService(db::Database& db) : db_(db) {}

  // Banks and questions (exam.manage).
  std::vector<Bank> banks();
  Bank bank(std::int64_t id);
  Bank save_bank(auth::Actor const& actor, std::optional<std::int64_t> id, Bank input);
  void delete_bank(auth::Actor const& actor, std::int64_t id);
  std::pair<std::vector<Question>, std::int64_t> questions(store::QuestionFilter const& filter);
  Question question(std::int64_t id);
  Question save_question(auth::Actor const& actor, std::int64_t bank_id, std::optional<std::int64_t> id, Question input);
  void delete_question(auth::Actor const& actor, std::int64_t id);
  ImportResult import(auth::Actor const& actor, std::int64_t bank_id, std::string_view bytes, Format format);
  std::map<std::string, LawLink> law_links(std::vector<std::string> const& refs);

  // Examinees' unit and rank.
  std::vector<Examinee> examinees(auth::Principal const& caller, std::optional<std::int64_t> unit_id, std::string const& q);
  Examinee set_examinee(auth::Actor const& actor, std::int64_t user_id, std::optional<std::int64_t> unit_id,
                        std::string rank);

  // Exams (exam.manage).
  std::vector<Exam> exams();
  Exam exam(std::int64_t id);
  Exam save_exam(auth::Actor const& actor, std::optional<std::int64_t> id, Exam input);
  void delete_exam(auth::Actor const& actor, std::int64_t id);
  Exam publish(auth::Actor const& actor, std::int64_t id);
  Exam close(auth::Actor const& actor, std::int64_t id);

  // Examinees.
  std::vector<MyExam> my_exams(auth::Principal const& caller);
  ExamNotice notice(auth::Principal const& caller, std::int64_t exam_id);
  // Resumes the attempt in progress, or starts a new one: that needs `pledged` (the examinee
  // accepted the integrity pledge), else 422 pledge_required.
  // A new attempt is audited (exam.attempt.start); a resumed one is not.
  Started start(auth::Actor const& actor, std::int64_t exam_id, bool pledged);
  base::Millis save_answer(auth::Principal const& caller, std::int64_t attempt_id, std::int64_t question_id,
                           std::vector<std::string> const& letters);
  // Audited (exam.attempt.event, the kind as detail): leaving the page is part of the record.
  void record_event(auth::Actor const& actor, std::int64_t attempt_id, std::string const& kind);
  // An attempt's page events, for those who may see the exam's results (exam.manage; report.read
  // within their region): 403 for others, 404 for an attempt outside the caller's region.
  std::vector<store::Event> attempt_events(auth::Principal const& caller, std::int64_t attempt_id);
  std::pair<Attempt, ExamPtr> submit(auth::Actor const& actor, std::int64_t attempt_id);
  std::pair<Attempt, ExamPtr> attempt(auth::Principal const& caller, std::int64_t attempt_id);
  Started review(auth::Principal const& caller, std::int64_t attempt_id);
  // Issues the certificate on first view (its number and check code stay for good).
  Certificate certificate(auth::Actor const& actor, std::int64_t attempt_id);
  // The public check of a printed certificate: 404 unless the number and check code match.
  Verified verify(auth::Actor const& actor, std::string const& number, std::string const& code);

  // Certificate settings (exam.manage; the seal is shown to every signed-in user).
  CertificateSettings certificate_settings();
  CertificateSettings save_certificate_settings(auth::Actor const& actor, CertificateSettings input);
  void set_seal(auth::Actor const& actor, std::string_view bytes);
  void remove_seal(auth::Actor const& actor);
  std::optional<Seal> seal();

  // Results: exam.manage sees everyone; report.read sees examinees in the caller's subtree.
  std::pair<ExamPtr, std::vector<ResultRow>> results(auth::Principal const& caller, std::int64_t exam_id);
  Stats stats(std::vector<ResultRow> const& rows);

  // Finalises every attempt past its deadline and grace (all exams, or one).
  std::size_t sweep(std::optional<std::int64_t> exam_id);

 private:
  ExamPtr cached(db::Connection& conn, std::int64_t exam_id);
  ExamPtr published(db::Connection& conn, std::int64_t exam_id);
  Attempt own_attempt(db::Connection& conn, auth::Principal const& caller, std::int64_t attempt_id);
  // Grades and closes an attempt still in progress; returns it as stored afterwards.
  Attempt finalise(db::Connection& conn, Attempt attempt, CachedExam const& exam, AttemptStatus status,
                   base::Millis now);
  Attempt expire_if_due(Attempt attempt, ExamPtr const& exam, base::Millis now);
  void maybe_sweep();

  db::Database& db_;
  std::mutex mutex_;        // guards the two caches
  std::mutex build_mutex_;  // one paper-cache build at a time
  std::unordered_map<std::int64_t, ExamPtr> exams_;
  struct AttemptKey {
    std::int64_t exam_id = 0, user_id = 0;
    base::Millis deadline = 0;
    std::vector<PaperItem> paper;
  };
  std::unordered_map<std::int64_t, std::shared_ptr<AttemptKey const>> attempts_;
  std::atomic<base::Millis> last_sweep_{0};
};

bool eligible(Exam const& exam, Examinee const& who);
// The questions a published exam draws from, checked against every rule: 422 naming the first
// rule the banks cannot fill.
std::vector<Question> pool_for(db::Connection& conn, Exam const& exam);
// The exam row and its frozen pool as the start path uses them.
std::shared_ptr<CachedExam> load_exam(db::Connection& conn, std::int64_t exam_id);
// The attempt scored (all or nothing per question), graded and closed with `status`.
Attempt graded(Attempt attempt, CachedExam const& exam, std::map<std::int64_t, std::string> const& answers,
               AttemptStatus status, base::Millis now);
std::string certificate_no(Exam const& exam, std::int64_t user_id);
// The attempt that counts among the finished ones: the best score, or the last finished (`counts`).
std::optional<Attempt> counted_attempt(std::vector<Attempt> const& attempts, std::string const& counts);
// An examinee as the results show them: the account (auth's directory), unit and rank (this area's).
std::optional<Examinee> examinee(db::Connection& conn, std::int64_t user_id);
// Every enabled user of a subtree as an examinee, read a page at a time.
void for_each_examinee(db::Connection& conn, std::string const& region_path,
                       std::function<void(Examinee&&)> const& each);

}  // namespace pufa::exam
