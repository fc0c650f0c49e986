#include "app/settings.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace pufa::app {

namespace {

struct TomlFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() / "pufa-settings-test.toml";
  explicit TomlFile(std::string const& text) { std::ofstream(path) << text; }
  ~TomlFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST(Settings, FlagsBeatEnvironmentWhichBeatsTheFile) {
  TomlFile file("db = \"sqlite:from-file.db\"\nlisten = \"127.0.0.1:9000\"\nthreads = 3\n");
  setenv("PUFA_LISTEN", "127.0.0.1:9001", 1);
  auto settings = load_settings({{"threads", "5"}}, file.path.string());
  unsetenv("PUFA_LISTEN");
  EXPECT_EQ(settings.db, "sqlite:from-file.db");
  EXPECT_EQ(settings.listen, "127.0.0.1:9001");
  EXPECT_EQ(settings.threads, 5);
}

TEST(Settings, SessionAndLockoutKeys) {
  TomlFile file("session_idle_minutes = 10\nlockout_threshold = 3\ncookie_secure = true\n");
  auto settings = load_settings({}, file.path.string());
  EXPECT_EQ(settings.auth.idle_timeout, 10 * base::minute_ms);
  EXPECT_EQ(settings.auth.lockout_threshold, 3);
  EXPECT_TRUE(settings.auth.cookie_secure);
}

// The message of a refused setting, or "" when it was accepted.
std::string refusal(std::map<std::string, std::string> const& flags, std::string const& file) {
  try {
    load_settings(flags, file);
  } catch (std::runtime_error const& error) {
    return error.what();
  }
  return {};
}

TEST(Settings, BadValuesAndUnknownKeysAreNamed) {
  TomlFile unknown("colour = \"red\"\n");
  EXPECT_NE(refusal({}, unknown.path.string()).find("unknown setting 'colour'"), std::string::npos);
  auto const threads = refusal({{"threads", "many"}}, "");
  EXPECT_NE(threads.find("threads"), std::string::npos) << threads;
  EXPECT_NE(threads.find("'many'"), std::string::npos) << threads;
  auto const listen = refusal({{"listen", "nowhere"}}, "");
  EXPECT_NE(listen.find("listen"), std::string::npos) << listen;
  EXPECT_NE(listen.find("'nowhere'"), std::string::npos) << listen;
  auto const retention = refusal({{"audit_retention_days", "30"}}, "");
  EXPECT_NE(retention.find("audit_retention_days"), std::string::npos) << "等保 asks for six months: " << retention;
  TomlFile wrong_type("workers = [1, 2]\n");
  EXPECT_NE(refusal({}, wrong_type.path.string()).find("'workers'"), std::string::npos);
  TomlFile broken("db = \n");
  EXPECT_NE(refusal({}, broken.path.string()).find(broken.path.string() + ":1"), std::string::npos)
      << "a file that does not parse is named with the line";
  EXPECT_NE(refusal({}, "/nonexistent/pufa.toml").find("/nonexistent/pufa.toml"), std::string::npos);
}

TEST(Settings, ListenAcceptsIpv6AndPortZero) {
  auto v6 = parse_listen("[::1]:8080");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 8080);
  EXPECT_EQ(parse_listen("127.0.0.1:0").port, 0);
}

}  // namespace pufa::app
