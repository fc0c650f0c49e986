#include "auth/service.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "app/areas.hpp"
#include "auth/password.hpp"
#include "auth/principal_cache.hpp"
#include "auth/store.hpp"
#include "http/error.hpp"
#include "test_db.hpp"

namespace pufa::auth {

namespace {

constexpr char const* password = "Pufa-Test-2026";

class AuthServiceTest : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<testing::TempDatabase>(GetParam());
    if (!temp_->available()) GTEST_SKIP() << "no PostgreSQL test server";
    db::migrate(temp_->db(), app::all_migrations());
    auto const hash = hash_password(password);
    user_id_ = temp_->db().write([&](db::Connection& conn) {
      User user;
      user.username = "tester";
      user.display_name = "测试";
      user.password_hash = hash;
      user.region_id = store::root_region(conn)->id;
      auto id = store::insert_user(conn, user, base::now_ms());
      store::set_roles(conn, id, {"coordinator"});
      return id;
    });
  }

  void TearDown() override { base::set_clock_offset(0); }

  struct AppErrorOr {
    std::optional<http::AppError> error;
    std::string message;
  };

  AppErrorOr login(AuthService& service, std::string const& name, std::string const& pass) {
    try {
      service.login(name, pass, actor_);
      return {};
    } catch (http::ApiError const& error) {
      return {error.error(), error.message()};
    }
  }

  // Changes the sessions behind the service's back, as another node would; the service's
  // principal cache is told, as a change through this node would tell it.
  void age_sessions(std::string const& column, base::Millis by) {
    temp_->db().write([&](db::Connection& conn) {
      conn.exec("UPDATE sessions SET " + column + " = " + column + " - ?", {by});
    });
    forget_principals();
  }

  std::unique_ptr<testing::TempDatabase> temp_;
  std::int64_t user_id_ = 0;
  Actor actor_{nullptr, "127.0.0.1", "test", "gtest"};
};

Actor as(Principal const& principal) { return {&principal, "127.0.0.1", "test", "gtest"}; }

}  // namespace

TEST_P(AuthServiceTest, LoginGivesASessionThatResolvesToThePrincipal) {
  AuthService service(temp_->db(), {});
  auto result = service.login("  TESTER ", password, actor_);
  auto principal = service.resolve(result.token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->user_id, user_id_);
  EXPECT_TRUE(principal->has("org.write"));
  EXPECT_FALSE(principal->has("user.manage"));
  EXPECT_EQ(principal->csrf_token, result.csrf_token);
  EXPECT_FALSE(service.resolve(result.token + "x"));
}

TEST_P(AuthServiceTest, UnknownUserAndWrongPasswordGetTheSameAnswer) {
  AuthService service(temp_->db(), {});
  auto unknown = login(service, "nobody", password);
  auto wrong = login(service, "tester", "Wrong-Password-1");
  EXPECT_EQ(unknown.error, http::AppError::invalid_credentials);
  EXPECT_EQ(wrong.error, unknown.error);
  EXPECT_EQ(wrong.message, unknown.message);
}

TEST_P(AuthServiceTest, FiveFailuresLockForFifteenMinutes) {
  AuthService service(temp_->db(), {});
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login(service, "tester", "Wrong-Pass-1").error, http::AppError::invalid_credentials);
  EXPECT_EQ(login(service, "tester", "Wrong-Pass-1").error, http::AppError::account_locked);
  EXPECT_EQ(login(service, "tester", password).error, http::AppError::account_locked);
  // Fifteen minutes later the right password works again: the clock moves, nobody waits.
  base::set_clock_offset(15 * base::minute_ms + 1);
  EXPECT_FALSE(login(service, "tester", password).error);
}

TEST_P(AuthServiceTest, SessionsExpireWhenIdleThirtyMinutes) {
  AuthService service(temp_->db(), {});
  auto result = service.login("tester", password, actor_);
  age_sessions("last_seen_at", 29 * base::minute_ms);
  EXPECT_TRUE(service.resolve(result.token)) << "29 minutes idle is still alive (and touched)";
  age_sessions("last_seen_at", 31 * base::minute_ms);
  EXPECT_FALSE(service.resolve(result.token));
}

TEST_P(AuthServiceTest, ASessionRevokedByAnotherNodeEndsWithinTheCacheTtl) {
  AuthService service(temp_->db(), {});
  auto result = service.login("tester", password, actor_);
  ASSERT_TRUE(service.resolve(result.token));
  temp_->db().write([&](db::Connection& conn) { conn.exec("UPDATE sessions SET revoked = 1"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(PrincipalCache::ttl + 50));
  EXPECT_FALSE(service.resolve(result.token));
}

TEST_P(AuthServiceTest, SessionsExpireTwelveHoursAfterLoginEvenWhenBusy) {
  AuthService service(temp_->db(), {});
  auto result = service.login("tester", password, actor_);
  age_sessions("expires_at", 12 * base::hour_ms);
  EXPECT_FALSE(service.resolve(result.token));
}

TEST_P(AuthServiceTest, LogoutAndPasswordChangeRevokeSessions) {
  AuthService service(temp_->db(), {});
  auto first = service.login("tester", password, actor_);
  auto second = service.login("tester", password, actor_);
  auto principal = service.resolve(first.token);
  service.change_password(as(*principal), password, "Another-Pass-2026");
  EXPECT_TRUE(service.resolve(first.token));
  EXPECT_FALSE(service.resolve(second.token));
  service.logout(as(*principal));
  EXPECT_FALSE(service.resolve(first.token));
}

TEST_P(AuthServiceTest, EveryLoginIsAudited) {
  AuthService service(temp_->db(), {});
  login(service, "tester", "Wrong-Pass-1");
  login(service, "tester", password);
  auto rows = temp_->db().read([](db::Connection& conn) {
    return conn.query("SELECT outcome FROM audit_log WHERE action = 'auth.login' ORDER BY id");
  });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.row(0).str("outcome"), "failure");
  EXPECT_EQ(rows.row(1).str("outcome"), "success");
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthServiceTest,
                         ::testing::Values(db::Engine::sqlite, db::Engine::postgresql),
                         testing::engine_label);

}  // namespace pufa::auth
