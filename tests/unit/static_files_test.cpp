#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace pufa::http {

namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / "pufa-static-test";
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<html>app</html>";
    std::ofstream(root_ / "assets" / "app-1a2b.js") << "console.log(1)";
    std::ofstream(root_ / "assets" / "app-1a2b.js.gz") << "GZ";
    std::ofstream(root_.parent_path() / "secret.txt") << "secret";
  }
  void TearDown() override {
    std::filesystem::remove_all(root_);
    std::filesystem::remove(root_.parent_path() / "secret.txt");
  }
  std::filesystem::path root_;
};

}  // namespace

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndCarryTheirGzipTwin) {
  StaticFiles files(root_);
  auto file = files.lookup("/assets/app-1a2b.js");
  ASSERT_TRUE(file);
  EXPECT_EQ(file->body, "console.log(1)");
  EXPECT_EQ(file->gzip, "GZ");
  EXPECT_EQ(file->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(file->cache_control, "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, ClientRoutesGetIndexButMissingAssetsDoNot) {
  StaticFiles files(root_);
  auto page = files.lookup("/system/users");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body, "<html>app</html>");
  EXPECT_EQ(page->cache_control, "no-cache");
  EXPECT_FALSE(files.lookup("/assets/missing-123.js"));
}

TEST_F(StaticFilesTest, NothingOutsideTheRootIsServed) {
  StaticFiles files(root_);
  for (auto const* path : {"/../secret.txt", "/assets/../../secret.txt", "/.hidden", "/a\\b.txt"}) {
    auto file = files.lookup(path);
    EXPECT_TRUE(!file || file->body != "secret") << path;
  }
}

}  // namespace pufa::http

namespace pufa::http {

TEST_F(StaticFilesTest, ARebuiltIndexIsPickedUpWithoutARestart) {
  StaticFiles files(root_);
  ASSERT_EQ(files.lookup("/")->body, "<html>app</html>");
  std::ofstream(root_ / "index.html") << "<html>new build</html>";
  std::filesystem::last_write_time(root_ / "index.html",
                                   std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
  EXPECT_EQ(files.lookup("/")->body, "<html>new build</html>");
}

}  // namespace pufa::http
