#include "app/areas.hpp"

#include "auth/guard.hpp"
#include "auth/store.hpp"
#include "org/entities.hpp"
#include "quiz/store.hpp"
#include "base/time.hpp"
#include "http/json_input.hpp"
#include "assess/routes.hpp"
#include "calendar/routes.hpp"
#include "legality/routes.hpp"
#include "service/routes.hpp"
#include "village/routes.hpp"
#include "auth/routes.hpp"
#include "content/routes.hpp"
#include "duty/routes.hpp"
#include "org/directory.hpp"
#include "exam/routes.hpp"
#include "laws/routes.hpp"
#include "search/search.hpp"
#include "media/routes.hpp"
#include "activity/routes.hpp"
#include "org/routes.hpp"
#include "quiz/routes.hpp"
#include "registry/routes.hpp"

namespace pufa::app {

std::int64_t reseal_personal_data(db::Connection& conn) {
  return auth::store::reseal_phones(conn) + org::reseal(conn) + quiz::store::reseal(conn) + service::reseal(conn);
}

std::vector<db::Migration> all_migrations() {
  std::vector<db::Migration> out;
  for (auto&& area : {auth::migrations(), org::migrations(), media::migrations(), activity::migrations(),
                        laws::migrations(), search::migrations(), content::migrations(),
                        exam::migrations(), quiz::migrations(), duty::migrations(), assess::migrations(),
                        calendar::migrations(), legality::migrations(), service::migrations(), village::migrations()}) out.insert(out.end(), area.begin(), area.end());
  return out;
}

Application::Application(std::unique_ptr<db::Database> database, auth::AuthSettings settings,
                         std::filesystem::path uploads, bool test_clock, std::shared_ptr<quiz::OtpSender> sms,
                         std::shared_ptr<duty::ReminderSender> reminders, bool four_eyes_publishing,
                         legality::ReviewDays review_days)
    : db(std::move(database)), auth(*db, settings), users(*db, settings), grants(*db) {
  router.set_guard(auth::make_guard(auth));
  router.set_observer(auth::make_refusal_auditor(*db));
  router.set_translator(auth::make_db_translator());
  router.add(http::Method::get, "/api/v1/health", [this](http::Request&) {
    db->read([](db::Connection& conn) { conn.query("SELECT 1"); });
    return http::Response::ok({{"status", "ok"},
                               {"db", db::engine_name(db->engine())},
                               {"version", PUFA_VERSION}});
  }, {.access = http::Access::open});
  if (test_clock) {
    router.add(http::Method::put, "/api/v1/test/clock", [](http::Request& request) {
      auto const body = http::json_object(request);
      auto const offset = http::opt_int(body, "offset_ms", "时钟偏移").value_or(0);
      base::set_clock_offset(offset);
      return http::Response::ok({{"offset_ms", offset}, {"now", base::iso8601(base::now_ms())}});
    }, {.access = http::Access::open});
  }
  auth::add_routes(router, auth, users, grants);
  // Role changes waiting for a second security administrator (auth owns them; the centre is todo's).
  todo.add([this](auth::Principal const& caller) {
    std::vector<todo::Item> out;
    if (auto const count = grants.to_approve(caller)) out.push_back({"roles.approve", count});
    return out;
  });
  // A liaison's unit is org's: auth asks where it sits.
  users.set_unit_lookup([](db::Connection& conn, std::int64_t unit_id) -> std::optional<std::string> {
    auto const unit = org::directory::unit(conn, unit_id);
    if (!unit) return std::nullopt;
    return unit->region_path;
  });
  org::add_routes(router, *db, {duty::add_overview, assess::add_overview, legality::add_overview, service::add_overview, village::add_overview});
  activity::add_routes(router, *db, todo);
  media::add_routes(router, *db, uploads);
  laws::add_routes(router, *db);
  search::add_routes(router, *db);
  calendar::add_routes(router, *db);
  legality::add_routes(router, *db, uploads, std::move(review_days), todo);
  content::add_routes(router, *db, std::move(uploads), todo, four_eyes_publishing);
  exam::add_routes(router, *db, todo);
  quiz::add_routes(router, *db, sms);
  service::add_routes(router, *db, sms, todo);  // bookings' phone codes share the quiz's sender
  village::add_routes(router, *db, todo);
  duty::add_routes(router, *db, todo, std::move(sms), std::move(reminders));  // 履职评议's public votes share the quiz's sender
  assess::add_routes(router, *db, todo);
  registry::add_choice_routes(router);
  todo::add_routes(router, todo);
}

}  // namespace pufa::app
