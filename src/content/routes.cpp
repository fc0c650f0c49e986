#include "base/time.hpp"
#include "content/routes.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>

#include "auth/principal.hpp"
#include "content/files.hpp"
#include "content/service.hpp"
#include "content/view.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/utf8.hpp"

namespace pufa::content {

using http::ApiError;
using http::AppError;
using http::Method;
using http::Request;
using http::Response;
namespace json = boost::json;

namespace {

constexpr auto visit_flush_interval = std::chrono::seconds(5);
constexpr std::size_t article_body_limit = 1024 * 1024;  // rich text with inline tables
constexpr std::size_t max_body_chars = 200'000;
constexpr std::size_t max_case_chars = 20'000;
constexpr std::size_t max_citations = 30;
constexpr std::size_t max_review_comments = 50;
constexpr std::size_t max_name_chars = 200;
constexpr std::int64_t max_list_page = 100;

[[noreturn]] void invalid(std::string message, std::string field) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}

bool blank(std::optional<std::string> const& text) {
  return !text || text->find_first_not_of(" \t\r\n") == std::string::npos;
}


// Reads a member of the nested "case" object; errors name "case.<member>".
template <class F>
auto in_case(F&& read) {
  try {
    return read();
  } catch (ApiError const& error) {
    if (error.field().empty() || error.field().starts_with("case.")) throw;
    throw ApiError(error.code(), error.message(), "case." + error.field());
  }
}

std::vector<Citation> parse_cited(json::object const& body) {
  std::vector<Citation> out;
  auto const* value = body.if_contains("cited");
  if (!value || value->is_null()) return out;
  if (!value->is_array()) invalid("所引法条应为列表", "case.cited");
  if (value->as_array().size() > max_citations)
    invalid("所引法条不能超过 " + std::to_string(max_citations) + " 条", "case.cited");
  for (auto const& item : value->as_array()) {
    if (!item.is_object()) invalid("所引法条的每一项应为 {law, number}", "case.cited");
    auto const& cite = item.as_object();
    auto const* law = cite.if_contains("law");
    auto const* number = cite.if_contains("number");
    if (!law || !law->is_string() || blank(std::string(law->as_string())))
      invalid("请填写所引法律的名称", "case.cited");
    std::string written;
    if (number && number->is_string()) written = number->as_string();
    else if (number && number->is_int64()) written = std::to_string(number->as_int64());
    auto const ref = laws::parse_article_ref(written);
    if (!ref) invalid("条号应为 1077、第1077条或第一千零七十七条", "case.cited");
    auto const name = std::string(law->as_string());
    if (name.size() > 200) invalid("法律名称过长", "case.cited");
    out.push_back({name, *ref});
  }
  return out;
}

std::vector<std::int64_t> parse_ids(json::object const& body) {
  std::vector<std::int64_t> ids;
  auto const* value = body.if_contains("attachment_ids");
  if (!value || value->is_null()) return ids;
  if (!value->is_array()) invalid("附件应为编号列表", "attachment_ids");
  for (auto const& item : value->as_array()) {
    if (!item.is_int64() || item.as_int64() <= 0) invalid("附件编号应为正整数", "attachment_ids");
    if (std::find(ids.begin(), ids.end(), item.as_int64()) == ids.end()) ids.push_back(item.as_int64());
  }
  return ids;
}

ArticleInput parse_input(Request const& request) {
  auto const body = http::json_object(request);
  ArticleInput in;
  in.column = http::req_string(body, "column", "栏目", 20);
  in.title = http::req_string(body, "title", "标题", 200);
  in.summary = http::opt_string(body, "summary", "摘要", 500);
  in.body_html = http::req_string(body, "body_html", "正文", max_body_chars);
  if (auto publisher = http::opt_string(body, "publisher", "发布机构", 100); !blank(publisher))
    in.publisher = std::move(publisher);
  if (auto written = http::opt_string(body, "written_on", "成文日期", 10); !blank(written)) {
    if (!base::is_date(*written)) invalid("成文日期应为 1900 至 2100 年间的日期，格式 YYYY-MM-DD", "written_on");
    in.written_on = std::move(written);
  }
  if (auto disclosure = http::opt_string(body, "disclosure", "公开方式", 10); !blank(disclosure)) {
    if (*disclosure != disclosure_active && *disclosure != disclosure_on_request)
      invalid("公开方式应为主动公开（active）或依申请公开（on_request）", "disclosure");
    in.disclosure = std::move(disclosure);
  }
  in.attachment_ids = parse_ids(body);
  if (auto const* value = body.if_contains("case"); value && !value->is_null()) {
    if (!value->is_object()) invalid("案例信息应为对象", "case");
    auto const& c = value->as_object();
    CaseInput input;
    input.facts = in_case([&] { return http::req_string(c, "facts", "案情", max_case_chars); });
    input.analysis = in_case([&] { return http::req_string(c, "analysis", "法律分析", max_case_chars); });
    input.cited = parse_cited(c);
    in.case_input = std::move(input);
  }
  return in;
}

ListQuery list_query(Request const& request, bool staff) {
  ListQuery query;
  query.column = std::string(request.query_value("column").value_or(""));
  if (staff) {
    query.status = std::string(request.query_value("status").value_or(""));
    static constexpr std::string_view statuses[] = {status::draft, status::review, status::published,
                                                    status::returned, status::withdrawn};
    if (!query.status.empty() && std::find(std::begin(statuses), std::end(statuses), query.status) == std::end(statuses))
      invalid("状态应为 draft、review、published、returned 或 withdrawn", "status");
    query.q = std::string(request.query_value("q").value_or(""));
    query.mine = request.query_value("mine").value_or("") == "1";
    if (query.q.size() > 400) invalid("搜索词过长", "q");
  }
  auto const page = http::page_of(request, max_list_page);
  query.page = page.page;
  query.page_size = page.size;
  return query;
}

// ?name=文件名.pdf: shown to users and used as the download name, never as a path.
std::optional<std::string> file_name(Request const& request) {
  auto raw = request.query_value("name");
  if (!raw || raw->empty()) return std::nullopt;
  return http::upload_name(std::string(*raw), "name", max_name_chars);
}

// "comments": [{"field": "body_html", "paragraph": 2, "text": "……"}]: at most 50, each on a
// field the author can change.
std::vector<ReviewComment> review_comments(json::object const& body) {
  std::vector<ReviewComment> out;
  auto const* value = body.if_contains("comments");
  if (!value || value->is_null()) return out;
  if (!value->is_array()) invalid("审核意见应为列表", "comments");
  if (value->as_array().size() > max_review_comments)
    invalid("审核意见最多 " + std::to_string(max_review_comments) + " 条", "comments");
  for (std::size_t i = 0; i < value->as_array().size(); ++i) {
    auto const& item = value->as_array()[i];
    auto const at = "comments[" + std::to_string(i) + "]";
    if (!item.is_object()) invalid("审核意见应为对象", at);
    auto const& o = item.as_object();
    ReviewComment c;
    c.field = http::req_string(o, "field", "意见对应的栏目", 20);
    if (std::find(std::begin(comment_fields), std::end(comment_fields), c.field) == std::end(comment_fields))
      invalid("意见对应的栏目“" + c.field + "”不存在", at + ".field");
    if (auto paragraph = http::opt_int(o, "paragraph", "段落")) {
      if (c.field != "body_html") invalid("只有正文的意见可以指定段落", at + ".paragraph");
      if (*paragraph < 0 || *paragraph > 10'000) invalid("段落序号超出范围", at + ".paragraph");
      c.paragraph = static_cast<int>(*paragraph);
    }
    c.text = http::req_string(o, "text", "意见内容", 500);
    out.push_back(std::move(c));
  }
  return out;
}

bool inline_type(std::string_view type) {
  return type == "application/pdf" || type == "image/jpeg" || type == "image/png";
}

}  // namespace

void add_routes(http::Router& router, db::Database& db, std::filesystem::path uploads, todo::Centre& todo,
                bool four_eyes) {
  // The counter lives as long as the routes (the Application's router): its destructor writes
  // the last counts while the database is still open.
  auto visits = std::make_shared<VisitCounter>(db, std::chrono::duration_cast<std::chrono::milliseconds>(visit_flush_interval));
  ContentService const service(db, std::move(uploads), visits, four_eyes);
  todo.add([service](auth::Principal const& caller) { return service.todo(caller); });
  http::RouteOptions const open{.access = http::Access::open};
  http::RouteOptions const read{.permission = "content.write"};
  auto write = [](char const* action) {
    return http::RouteOptions{.permission = "content.write", .action = action, .body_limit = article_body_limit};
  };
  auto publish = [](char const* action) {
    return http::RouteOptions{.permission = "content.publish", .action = action};
  };

  router.add(Method::get, "/api/v1/columns", [service](Request&) {
    json::array items;
    for (auto const& column : service.columns()) items.push_back(column_json(column));
    return Response::ok({{"items", std::move(items)}});
  }, open);

  // The staff view says whether publishing is kept from the author, so that the page offers 发布
  // only to whom may.
  auto one = [four_eyes](ArticleView const& view) {
    auto out = article_json(view);
    out["four_eyes"] = four_eyes;
    return out;
  };
  router.add(Method::get, "/api/v1/articles", [service](Request& request) {
    auto const page = service.list(auth::actor(request), list_query(request, true));
    json::array items;
    for (auto const& view : page.items) items.push_back(article_json(view, false));
    return Response::ok({{"items", std::move(items)}, {"total", page.total}});
  }, read);
  router.add(Method::post, "/api/v1/articles", [service, one](Request& request) {
    return Response::created(one(service.create(auth::actor(request), parse_input(request))));
  }, write("articles.create"));
  router.add(Method::get, "/api/v1/articles/{id}", [service, one](Request& request) {
    return Response::ok(one(service.get(auth::actor(request), request.id_param("id"))));
  }, read);
  router.add(Method::put, "/api/v1/articles/{id}", [service, one](Request& request) {
    auto const id = request.id_param("id");
    return Response::ok(one(service.update(auth::actor(request), id, parse_input(request))));
  }, write("articles.update"));
  router.add(Method::del, "/api/v1/articles/{id}", [service](Request& request) {
    service.remove(auth::actor(request), request.id_param("id"));
    return Response::no_content();
  }, write("articles.delete"));
  router.add(Method::post, "/api/v1/articles/{id}/submit", [service, one](Request& request) {
    return Response::ok(one(service.submit(auth::actor(request), request.id_param("id"))));
  }, write("articles.submit"));
  router.add(Method::post, "/api/v1/articles/{id}/return", [service, one](Request& request) {
    auto const id = request.id_param("id");
    auto const body = http::json_object(request);
    auto const reason = http::req_string(body, "reason", "退回原因", 500);
    return Response::ok(one(service.send_back(auth::actor(request), id, reason, review_comments(body))));
  }, publish("articles.return"));
  router.add(Method::post, "/api/v1/articles/{id}/publish", [service, one](Request& request) {
    return Response::ok(one(service.publish(auth::actor(request), request.id_param("id"))));
  }, publish("articles.publish"));
  router.add(Method::post, "/api/v1/articles/{id}/withdraw", [service, one](Request& request) {
    return Response::ok(one(service.withdraw(auth::actor(request), request.id_param("id"))));
  }, publish("articles.withdraw"));

  router.add(Method::post, "/api/v1/attachments", [service](Request& request) {
    auto const file = service.upload(auth::actor(request), request.body, request.media_type(), file_name(request));
    return Response::created(attachment_json(file));
  }, {.permission = "content.write", .action = "attachments.create", .body_limit = max_attachment_bytes,
      .accepts = accepted_content_types()});
  router.add(Method::get, "/api/v1/attachments/{id}", [service](Request& request) {
    auto file = service.download(auth::principal_if(request), request.id_param("id"));
    Response response;
    response.set_header("Content-Type", file.content_type);
    response.set_header("Content-Disposition",
                        http::content_disposition(inline_type(file.content_type) ? "inline" : "attachment", file.name));
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Content-Security-Policy", "sandbox");
    response.set_header("Cache-Control", "private, max-age=300");
    response.body = std::move(file.bytes);
    return response;
  }, open);

  router.add(Method::get, "/api/v1/public/home", [service](Request&) {
    json::array columns;
    for (auto const& section : service.home()) {
      json::array items;
      for (auto const& article : section.items) {
        auto item = list_item_json(article);
        item.erase("column");
        items.push_back(std::move(item));
      }
      auto out = column_json(section.column);
      out["items"] = std::move(items);
      columns.push_back(std::move(out));
    }
    return Response::ok({{"columns", std::move(columns)}});
  }, open);
  router.add(Method::get, "/api/v1/public/articles", [service](Request& request) {
    auto const query = list_query(request, false);
    auto const page = service.public_list(query.column, query.page, query.page_size);
    json::array items;
    for (auto const& article : page.items) items.push_back(list_item_json(article));
    return Response::ok({{"items", std::move(items)}, {"total", page.total}});
  }, open);
  router.add(Method::get, "/api/v1/public/articles/{id}", [service](Request& request) {
    auto const id = request.id_param("id");
    auto response = Response::ok(public_article_json(service.public_article(id), public_url(request.public_origin(), id)));
    response.set_header("Cache-Control", "no-store");  // every view is counted
    return response;
  }, open);
  router.add(Method::get, "/api/v1/public/articles/{id}/qr.svg", [service](Request& request) {
    Response response;
    response.body = service.qr_svg(request.id_param("id"), request.public_origin());
    response.set_header("Content-Type", "image/svg+xml");
    response.set_header("Cache-Control", "public, max-age=3600");
    response.set_header("X-Content-Type-Options", "nosniff");
    return response;
  }, open);
}

}  // namespace pufa::content
