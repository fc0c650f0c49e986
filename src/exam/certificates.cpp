// Certificates: the settings they print (issuing body, seal, the standard 考试须知 and 诚信承诺),
// issuing one to an examinee who passed, and the public check of a printed certificate.
#include <algorithm>

#include "auth/audit.hpp"
#include "auth/rate_limit.hpp"
#include "base/random.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"
#include "media/sniff.hpp"
#include "text/personal.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

namespace {

constexpr char const* issuer_key = "issuer";
constexpr char const* notice_key = "notice";
constexpr char const* pledge_key = "pledge";
constexpr char const* seal_type_key = "seal_type";
constexpr char const* seal_key = "seal";
constexpr char const* seal_version_key = "seal_version";

constexpr std::size_t check_code_length = 8;
constexpr base::Millis verify_window_ms = 10 * base::minute_ms;
constexpr int verify_limit = 60;  // public checks per address per window

CertificateSettings settings_of(std::map<std::string, std::string> const& values) {
  auto value = [&](char const* key, std::string_view fallback) {
    auto found = values.find(key);
    return found == values.end() ? std::string(fallback) : found->second;
  };
  CertificateSettings out;
  out.issuer = value(issuer_key, "");
  out.notice = value(notice_key, default_notice);
  out.pledge = value(pledge_key, default_pledge);
  out.seal_type = value(seal_type_key, "");
  out.seal_version = value(seal_version_key, "0");
  return out;
}

}  // namespace

CertificateSettings ExamService::certificate_settings() {
  return settings_of(db_.read([](db::Connection& conn) { return store::settings(conn); }));
}

CertificateSettings ExamService::save_certificate_settings(auth::Actor const& actor, CertificateSettings input) {
  auto const now = base::now_ms();
  db_.write([&](db::Connection& conn) {
    store::put_setting(conn, issuer_key, input.issuer, now);
    store::put_setting(conn, notice_key, input.notice, now);
    store::put_setting(conn, pledge_key, input.pledge, now);
    auth::audit(conn, actor, "exam.settings.update", "exam_settings", "certificate", input.issuer);
  });
  return certificate_settings();
}

void ExamService::set_seal(auth::Actor const& actor, std::string_view bytes) {
  if (bytes.size() > max_seal_bytes)
    throw ApiError(AppError::payload_too_large, "印章图片不能超过 " + std::to_string(max_seal_bytes / 1024) + " KB");
  auto const header = media::read_header(bytes);
  if (!header) throw ApiError(AppError::unsupported_media_type, "印章图片应为 PNG、JPEG 或 WebP 格式");
  if (header->width > max_seal_pixels || header->height > max_seal_pixels || header->width < 1 || header->height < 1)
    throw ApiError(AppError::validation_failed,
                   "印章图片的宽和高应在 " + std::to_string(max_seal_pixels) + " 像素以内", "seal");
  auto const type = std::string(media::content_type(header->type));
  auto const encoded = base::base64(bytes);
  auto const now = base::now_ms();
  db_.write([&](db::Connection& conn) {
    store::put_setting(conn, seal_key, encoded, now);
    store::put_setting(conn, seal_type_key, type, now);
    store::put_setting(conn, seal_version_key, std::to_string(now), now);
    auth::audit(conn, actor, "exam.settings.seal", "exam_settings", "seal",
                std::to_string(header->width) + "×" + std::to_string(header->height) + " " + type);
  });
}

void ExamService::remove_seal(auth::Actor const& actor) {
  db_.write([&](db::Connection& conn) {
    store::delete_setting(conn, seal_key);
    store::delete_setting(conn, seal_type_key);
    auth::audit(conn, actor, "exam.settings.seal_remove", "exam_settings", "seal");
  });
}

std::optional<Seal> ExamService::seal() {
  auto const values = db_.read([](db::Connection& conn) { return store::settings(conn); });
  auto bytes = values.find(seal_key);
  auto type = values.find(seal_type_key);
  if (bytes == values.end() || type == values.end()) return std::nullopt;
  auto decoded = base::from_base64(bytes->second);
  if (!decoded) return std::nullopt;
  return Seal{type->second, std::move(*decoded)};
}

Certificate ExamService::certificate(auth::Actor const& actor, std::int64_t attempt_id) {
  auto const& caller = actor.user();
  auto [attempt, exam] = this->attempt(caller, attempt_id);
  if (attempt.status == AttemptStatus::in_progress || !attempt.passed)
    throw ApiError(AppError::unprocessable, "只有通过考试的答卷才有合格证书");
  auto const number = certificate_no(exam->exam, caller.user_id);
  // Issued on first view, with a check code of its own; a later passing attempt keeps the
  // number and the code (what was printed stays valid) and the certificate shows that attempt.
  auto issued = db_.write([&](db::Connection& conn) {
    if (auto found = store::certificate_of(conn, exam->exam.id, caller.user_id)) {
      if (found->attempt_id != attempt_id) {
        store::set_certificate_attempt(conn, found->number, attempt_id);
        auth::audit(conn, actor, "exam.certificate.reissue", "exam_certificate", found->number);
        found->attempt_id = attempt_id;
      }
      return *found;
    }
    IssuedCertificate made{number, exam->exam.id, caller.user_id, attempt_id, base::random_code(check_code_length),
                           base::now_ms()};
    store::insert_certificate(conn, made);
    auth::audit(conn, actor, "exam.certificate.issue", "exam_certificate", made.number);
    return made;
  });
  auto who = db_.read([&](db::Connection& conn) { return examinee(conn, caller.user_id); });
  auto const settings = certificate_settings();
  Certificate out;
  out.name = who ? who->display_name : caller.display_name;
  out.unit = who && !who->unit_name.empty() ? who->unit_name : who ? who->region_name : "";
  out.exam_title = exam->exam.title;
  out.score = attempt.score.value_or(0);
  out.grade = attempt.grade;
  // The day a person in Beijing passed, not the UTC date.
  out.passed_on = base::shanghai_date(attempt.submitted_at.value_or(attempt.started_at));
  out.certificate_no = issued.number;
  out.check_code = issued.check_code;
  out.issuer = settings.issuer;
  out.has_seal = !settings.seal_type.empty();
  out.seal_version = settings.seal_version;
  return out;
}

Verified ExamService::verify(auth::Actor const& actor, std::string const& number, std::string const& code) {
  auto const now = base::now_ms();
  auto const scope = "exam.verify:" + actor.ip;
  // Every check counts against the address, so numbers and codes cannot be tried in bulk.
  auto found = db_.write([&](db::Connection& conn) -> std::optional<IssuedCertificate> {
    auth::rate_limit::lock(conn, scope, now);
    auto const events = auth::rate_limit::events(conn, scope, now - verify_window_ms);
    if (auth::rate_limit::wait(events, {{verify_limit, verify_window_ms}}, now) > 0)
      throw ApiError(AppError::rate_limited, "查询过于频繁，请稍后再试");
    auth::rate_limit::record(conn, scope, now, verify_window_ms);
    return store::certificate_by_number(conn, number);
  });
  std::string wanted = code;
  std::transform(wanted.begin(), wanted.end(), wanted.begin(), [](unsigned char c) { return std::toupper(c); });
  if (!found || !base::constant_time_equal(found->check_code, wanted))
    throw ApiError(AppError::not_found, "未找到该证书，请核对证书编号和校验码");
  auto [attempt, exam, who] = db_.read([&](db::Connection& conn) {
    return std::make_tuple(store::attempt(conn, found->attempt_id), cached(conn, found->exam_id),
                           examinee(conn, found->user_id));
  });
  if (!attempt || !attempt->passed) throw ApiError(AppError::not_found, "未找到该证书，请核对证书编号和校验码");
  Verified out;
  out.name = text::mask_name(who ? who->display_name : "");
  out.exam_title = exam->exam.title;
  out.grade = attempt->grade;
  out.score = attempt->score.value_or(0);
  out.passed_on = base::shanghai_date(attempt->submitted_at.value_or(attempt->started_at));
  out.certificate_no = found->number;
  out.issuer = certificate_settings().issuer;
  return out;
}

}  // namespace pufa::exam
