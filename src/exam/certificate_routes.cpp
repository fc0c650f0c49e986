// Certificates: the examinee's certificate and its QR code, the public check of a printed one,
// and the settings they print (issuing body, seal, the standard 考试须知 and 诚信承诺).
#include "auth/principal.hpp"
#include "exam/route_groups.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "render/qr.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr std::size_t settings_body_limit = 32 * 1024;
constexpr std::size_t max_number_chars = 40;

// The page a QR code on a certificate opens: anyone can check the certificate there.
std::string verify_url(Request const& request, Certificate const& c) {
  return request.public_origin() + "/verify/certificate?no=" + c.certificate_no + "&code=" + c.check_code;
}

// The seal's address with the version of the image behind it: a replaced seal is a new URL.
std::string seal_url(std::string const& version) { return "/api/v1/exam-settings/seal?v=" + version; }

json::object settings_json(CertificateSettings const& s) {
  return {{"issuer", s.issuer}, {"notice", s.notice}, {"pledge", s.pledge}, {"has_seal", !s.seal_type.empty()},
          {"seal_url", s.seal_type.empty() ? json::value(nullptr) : json::value(seal_url(s.seal_version))}};
}

// A certificate number as printed, LXPF-2026-0003-000123: letters, digits and '-'.
bool plain_number(std::string_view text) {
  return !text.empty() && text.size() <= max_number_chars && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

}  // namespace

void add_certificate_routes(http::Router& router, Service service) {
  http::RouteOptions const manage{.permission = "exam.manage"};
  router.add(Method::get, "/api/v1/attempts/{id}/certificate", [service](Request& request) {
    auto c = service->certificate(auth::actor(request), request.id_param("id"));
    auto const id = std::to_string(request.id_param("id"));
    return Response::ok({{"name", c.name}, {"unit", c.unit}, {"exam_title", c.exam_title}, {"score", c.score},
                         {"grade", c.grade}, {"passed_on", c.passed_on}, {"certificate_no", c.certificate_no},
                         {"check_code", c.check_code}, {"issuer", c.issuer},
                         {"seal_url", c.has_seal ? json::value(seal_url(c.seal_version)) : json::value(nullptr)},
                         {"verify_url", verify_url(request, c)},
                         {"qr_url", "/api/v1/attempts/" + id + "/certificate/qr.svg"}});
  }, {.action = "exam.certificate.view"});
  router.add(Method::get, "/api/v1/attempts/{id}/certificate/qr.svg", [service](Request& request) {
    auto c = service->certificate(auth::actor(request), request.id_param("id"));
    Response response;
    response.body = render::qr_svg(verify_url(request, c)).svg;
    response.set_header("Content-Type", "image/svg+xml");
    response.set_header("Cache-Control", "private, max-age=3600");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
  });
  router.add(Method::get, "/api/v1/public/certificates/verify", [service](Request& request) {
    auto const number = std::string(request.query_value("no").value_or(""));
    auto const code = std::string(request.query_value("code").value_or(""));
    if (!plain_number(number)) throw ApiError(AppError::validation_failed, "请填写证书编号，如 LXPF-2026-0001-000001", "no");
    if (code.empty() || code.size() > 16) throw ApiError(AppError::validation_failed, "请填写证书上的校验码", "code");
    auto v = service->verify(auth::actor(request), number, code);
    auto response = Response::ok({{"valid", true}, {"name", v.name}, {"exam_title", v.exam_title}, {"grade", v.grade},
                                  {"score", v.score}, {"passed_on", v.passed_on},
                                  {"certificate_no", v.certificate_no}, {"issuer", v.issuer}});
    response.set_header("Cache-Control", "no-store");
    return response;
  }, {.access = http::Access::open});

  router.add(Method::get, "/api/v1/exam-settings", [service](Request&) {
    return Response::ok(settings_json(service->certificate_settings()));
  }, manage);
  router.add(Method::put, "/api/v1/exam-settings", [service](Request& request) {
    auto body = http::json_object(request);
    CertificateSettings input;
    input.issuer = http::opt_string(body, "issuer", "发证机关", max_issuer_chars).value_or("");
    input.notice = http::req_string(body, "notice", "考试须知", max_notice_chars);
    input.pledge = http::req_string(body, "pledge", "诚信承诺", max_notice_chars);
    return Response::ok(settings_json(service->save_certificate_settings(auth::actor(request), std::move(input))));
  }, {.permission = "exam.manage", .action = "exam.settings.update", .body_limit = settings_body_limit});
  router.add(Method::put, "/api/v1/exam-settings/seal", [service](Request& request) {
    service->set_seal(auth::actor(request), request.body);
    return Response::ok(settings_json(service->certificate_settings()));
  }, {.permission = "exam.manage", .action = "exam.settings.seal", .body_limit = max_seal_bytes + 1,
                  .accepts = "image/png,image/jpeg,image/webp"});
  router.add(Method::del, "/api/v1/exam-settings/seal", [service](Request& request) {
    service->remove_seal(auth::actor(request));
    return Response::no_content();
  }, {.permission = "exam.manage", .action = "exam.settings.seal_remove"});
  router.add(Method::get, "/api/v1/exam-settings/seal", [service](Request&) {
    auto seal = service->seal();
    if (!seal) throw ApiError(AppError::not_found, "尚未上传印章图片");
    Response response;
    response.body = std::move(seal->bytes);
    response.set_header("Content-Type", seal->type);
    response.set_header("Cache-Control", "private, max-age=300");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
  });
}

}  // namespace pufa::exam
