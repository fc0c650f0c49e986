// Routes with path parameters ("/api/v1/users/{id}") and per-route options; the pipeline
// 404/405 → guard → handler, and the single place where ApiError becomes a response.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace pufa::http {

inline constexpr std::size_t default_body_limit = 64 * 1024;

enum class Access {
  open,           // no session needed (health, login)
  authenticated,  // any signed-in user
};

struct RouteOptions {
  Access access = Access::authenticated;
  std::string permission;  // empty: none beyond `access`; "a|b": either
  std::string action;      // audit action for writes, e.g. "user.create"
  std::size_t body_limit = default_body_limit;
  std::string accepts = "application/json";  // media types a write's body may have, comma-separated
  // Quick and CPU-bound (a search in memory): runs on the compute pool, one thread per core, instead
  // of among the many workers whose requests wait on the database, so it is not time-sliced.
  bool compute = false;
  // The account's own routes (who am I, change password, preferences, log out): they answer
  // before an initial or reset password has been changed; every other route waits for it.
  bool own_account = false;
};

using Handler = std::function<Response(Request&)>;

struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;  // "{name}" marks a parameter
  Handler handler;
  RouteOptions options;
};

// Called before the handler; may fill request.context or answer instead (401/403/415).
using Guard = std::function<std::optional<Response>(Request&, RouteOptions const&)>;
// Maps an infrastructure exception (say a unique violation) to an application error.
using Translator = std::function<std::optional<AppError>(std::exception const&)>;
// Called after every routed request (audit of refused writes, for instance).
using Observer = std::function<void(Request const&, RouteOptions const&, Response const&)>;

class Router {
 public:
  void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  void set_guard(Guard guard) { guard_ = std::move(guard); }
  void set_observer(Observer observer) { observer_ = std::move(observer); }
  void set_translator(Translator translator) { translator_ = std::move(translator); }

  bool has_prefix(std::string_view path) const;  // path is under a routed prefix (/api/)
  // Largest body the route accepts; the default when no route matches.
  std::size_t body_limit(Method method, std::string_view path) const;

  // The route of a request, matched once: the server reads the route's body limit and pool from
  // it before the body arrives, then hands it to handle(). Fills request.params.
  struct Match {
    Route const* route = nullptr;
    bool path_found = false;
    std::vector<Method> allowed;
  };
  Match match(Request& request) const { return match(request.method, request.path, &request); }
  Response handle(Request& request) const { return handle(request, match(request)); }
  Response handle(Request& request, Match const& found) const;

 private:
  Match match(Method method, std::string_view path, Request* request) const;

  std::vector<Route> routes_;
  Guard guard_;
  Observer observer_;
  Translator translator_;
};

}  // namespace pufa::http
