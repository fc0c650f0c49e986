#include "http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace pufa::http {

namespace {

Request make(Method method, std::string target, std::string body = {},
             std::string content_type = {}) {
  Request request;
  request.method = method;
  request.target = std::move(target);
  EXPECT_TRUE(request.parse_target());
  request.body = std::move(body);
  if (!content_type.empty()) request.headers.emplace_back("content-type", content_type);
  request.request_id = "rid";
  return request;
}

Router sample() {
  Router router;
  router.add(Method::get, "/api/v1/users/{id}", [](Request& r) {
    return Response::ok({{"id", r.id_param("id")}});
  });
  router.add(Method::put, "/api/v1/users/{id}", [](Request&) { return Response::no_content(); });
  router.add(Method::get, "/api/v1/users/{id}/roles/{role}", [](Request& r) {
    return Response::ok({{"role", r.params.at("role")}});
  });
  router.add(Method::post, "/api/v1/boom", [](Request&) -> Response {
    throw std::runtime_error("bug");
  }, {.body_limit = 10});
  return router;
}

}  // namespace

TEST(Router, MatchesPathParameters) {
  auto router = sample();
  auto request = make(Method::get, "/api/v1/users/42/roles/%E7%AE%A1%E7%90%86");
  auto response = router.handle(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"role":"管理"})");
}

TEST(Router, UnknownPathIs404AndKnownPathWithOtherMethodIs405WithAllow) {
  auto router = sample();
  auto missing = make(Method::get, "/api/v1/nothing");
  EXPECT_EQ(router.handle(missing).status, 404);
  auto wrong = make(Method::del, "/api/v1/users/1");
  auto response = router.handle(wrong);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("Allow").value_or(""), "GET, PUT");
}

TEST(Router, NonNumericIdIs404) {
  auto router = sample();
  for (auto const* target : {"/api/v1/users/abc", "/api/v1/users/-1", "/api/v1/users/0",
                             "/api/v1/users/99999999999999999999"}) {
    auto request = make(Method::get, target);
    EXPECT_EQ(router.handle(request).status, 404) << target;
  }
}

TEST(Router, HeadIsServedByTheGetRoute) {
  auto router = sample();
  auto request = make(Method::head, "/api/v1/users/7");
  EXPECT_EQ(router.handle(request).status, 200);
}

TEST(Router, ABugIs500WithoutItsMessage) {
  auto router = sample();
  auto request = make(Method::post, "/api/v1/boom");
  auto response = router.handle(request);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("bug"), std::string::npos);
  EXPECT_NE(response.body.find("\"request_id\":\"rid\""), std::string::npos);
}

TEST(Router, TranslatorTurnsKnownExceptionsIntoErrors) {
  auto router = sample();
  router.set_translator([](std::exception const&) { return std::optional(AppError::conflict); });
  auto request = make(Method::post, "/api/v1/boom");
  EXPECT_EQ(router.handle(request).status, 409);
}

TEST(Router, WriteWithBodyOfAnotherMediaTypeIs415) {
  auto router = sample();
  auto request = make(Method::put, "/api/v1/users/1", "x=1", "text/plain");
  EXPECT_EQ(router.handle(request).status, 415);
  auto json = make(Method::put, "/api/v1/users/1", "{}", "Application/JSON; charset=utf-8");
  EXPECT_EQ(router.handle(json).status, 204);
}

TEST(Router, AcceptsAListOfMediaTypes) {
  Router router;
  router.add(Method::post, "/api/v1/photos", [](Request&) { return Response::no_content(); },
             {.accepts = "image/jpeg,image/png"});
  auto png = make(Method::post, "/api/v1/photos", "x", "image/png");
  EXPECT_EQ(router.handle(png).status, 204);
  auto gif = make(Method::post, "/api/v1/photos", "x", "image/gif");
  EXPECT_EQ(router.handle(gif).status, 415);
}

TEST(Router, GuardCanRefuseAndObserverSeesTheOutcome) {
  auto router = sample();
  int observed = 0;
  router.set_guard([](Request&, RouteOptions const&) -> std::optional<Response> {
    throw ApiError(AppError::forbidden);
  });
  router.set_observer([&](Request const&, RouteOptions const&, Response const& response) {
    observed = response.status;
  });
  auto request = make(Method::get, "/api/v1/users/1");
  EXPECT_EQ(router.handle(request).status, 403);
  EXPECT_EQ(observed, 403);
}

TEST(Router, BodyLimitIsPerRoute) {
  auto router = sample();
  EXPECT_EQ(router.body_limit(Method::post, "/api/v1/boom"), 10u);
  EXPECT_EQ(router.body_limit(Method::get, "/nowhere"), default_body_limit);
}

TEST(Request, ParsesQueryAndCookies) {
  auto request = make(Method::get, "/a?q=%E9%A9%AC%E6%B6%A7&page=2&flag");
  EXPECT_EQ(request.query_value("q").value_or(""), "马涧");
  EXPECT_EQ(request.query_value("page").value_or(""), "2");
  EXPECT_TRUE(request.query_value("flag").has_value());
  request.headers.emplace_back("cookie", "a=1; pufa_session=tok; b=2");
  EXPECT_EQ(request.cookie("pufa_session").value_or(""), "tok");
  EXPECT_FALSE(request.cookie("missing"));
}

TEST(Request, RejectsMalformedTargets) {
  Request request;
  request.target = "no-slash";
  EXPECT_FALSE(request.parse_target());
  request.target = "/a%00b";
  EXPECT_FALSE(request.parse_target());
}

}  // namespace pufa::http

namespace pufa::http {

TEST(ContainsPattern, EscapesWildcardsAndLowersAscii) {
  EXPECT_EQ(contains_pattern("qf_9"), "%qf\\_9%");
  EXPECT_EQ(contains_pattern("100%"), "%100\\%%");
  EXPECT_EQ(contains_pattern("LanXi 马涧"), "%lanxi 马涧%");
}

}  // namespace pufa::http
