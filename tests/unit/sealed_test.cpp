// Personal data at rest: sealing, opening, rotation and the blind index (base/sealed.hpp), and
// the key file (app/keys.hpp). Also installs the ring every other unit test that writes a
// 身份证号 or phone needs (a global test environment).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "app/keys.hpp"
#include "base/random.hpp"
#include "base/sealed.hpp"

namespace sealed = pufa::base::sealed;

namespace {

sealed::KeyRing test_ring(std::vector<std::string> ids) {
  sealed::KeyRing ring;
  for (auto const& id : ids) ring.keys.push_back({id, std::string(32, id.back())});
  ring.index_key = std::string(32, 'i');
  return ring;
}

struct TestKeys : ::testing::Environment {
  void SetUp() override {
    pufa::base::init_crypto();
    sealed::install(test_ring({"t1"}));
  }
};
auto* const environment = ::testing::AddGlobalTestEnvironment(new TestKeys);

// Each test leaves the ring as the environment set it.
struct Sealed : ::testing::Test {
  void TearDown() override {
    sealed::set_reloader({});
    sealed::install(test_ring({"t1"}));
  }
};

}  // namespace

TEST_F(Sealed, OpensWhatItSealedAndNothingElse) {
  auto const stored = sealed::seal("330781199001011234", "people.id_number");
  EXPECT_TRUE(stored.starts_with("pf1:t1:")) << stored;
  EXPECT_EQ(stored.find("330781"), std::string::npos);
  EXPECT_EQ(sealed::open(stored, "people.id_number"), "330781199001011234");
  // A fresh nonce each time: equal numbers are not equal in the database.
  EXPECT_NE(sealed::seal("330781199001011234", "people.id_number"), stored);
  // Copied to another column it does not open; a changed byte does not open.
  EXPECT_THROW(sealed::open(stored, "people.phone"), std::runtime_error);
  auto changed = stored;
  changed[changed.size() - 3] = changed[changed.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_THROW(sealed::open(changed, "people.id_number"), std::runtime_error);
  EXPECT_THROW(sealed::open("pf1:t1:!!!", "people.id_number"), std::runtime_error);
  EXPECT_THROW(sealed::open("pf1:nokey", "people.id_number"), std::runtime_error);
  // Rows from before sealing read as they are; the empty string survives a round trip.
  EXPECT_EQ(sealed::open("13800001111", "users.phone"), "13800001111");
  EXPECT_EQ(sealed::open(sealed::seal("", "users.phone"), "users.phone"), "");
}

TEST_F(Sealed, OlderKeysOpenTheNewestSeals) {
  auto const old = sealed::seal("13800001111", "users.phone");
  EXPECT_TRUE(sealed::is_current(old));
  sealed::install(test_ring({"t2", "t1"}));
  EXPECT_EQ(sealed::current_key_id(), "t2");
  EXPECT_FALSE(sealed::is_current(old));
  EXPECT_EQ(sealed::open(old, "users.phone"), "13800001111");
  auto const fresh = sealed::seal("13800001111", "users.phone");
  EXPECT_TRUE(fresh.starts_with("pf1:t2:"));
  EXPECT_TRUE(sealed::is_current(fresh));
  EXPECT_FALSE(sealed::is_current("13800001111"));
  // A ring without the key cannot open it.
  sealed::install(test_ring({"t3"}));
  EXPECT_THROW(sealed::open(fresh, "users.phone"), std::runtime_error);
}

TEST_F(Sealed, AKeyRotatedElsewhereIsReadFromTheFile) {
  // Another process put t2 first and sealed with it; this one still holds t1 alone.
  sealed::install(test_ring({"t2", "t1"}));
  auto const stored = sealed::seal("13800001111", "users.phone");
  sealed::install(test_ring({"t1"}));
  EXPECT_THROW(sealed::open(stored, "users.phone"), std::runtime_error);
  int reloads = 0;
  sealed::set_reloader([&] {
    ++reloads;
    return test_ring({"t2", "t1"});
  });
  EXPECT_EQ(sealed::open(stored, "users.phone"), "13800001111");
  EXPECT_EQ(sealed::current_key_id(), "t2");
  EXPECT_EQ(sealed::open(stored, "users.phone"), "13800001111");
  EXPECT_EQ(reloads, 1);
}

TEST_F(Sealed, BlindIndexIsKeyedAndStable) {
  auto const a = sealed::blind_index("phone", "13800001111");
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, sealed::blind_index("phone", "13800001111"));
  EXPECT_NE(a, sealed::blind_index("phone", "13800001112"));
  EXPECT_NE(a, sealed::blind_index("id_number", "13800001111"));
  EXPECT_NE(a, pufa::base::sha256_hex("13800001111"));
  // The index key is not rotated with the sealing keys.
  sealed::install(test_ring({"t2", "t1"}));
  EXPECT_EQ(a, sealed::blind_index("phone", "13800001111"));
  auto other = test_ring({"t1"});
  other.index_key = std::string(32, 'j');
  sealed::install(other);
  EXPECT_NE(a, sealed::blind_index("phone", "13800001111"));
}

TEST_F(Sealed, RingsAreChecked) {
  EXPECT_THROW(sealed::install(test_ring({})), std::invalid_argument);
  EXPECT_THROW(sealed::install(test_ring({"K1"})), std::invalid_argument);
  auto short_key = test_ring({"k1"});
  short_key.keys[0].bytes = "short";
  EXPECT_THROW(sealed::install(short_key), std::invalid_argument);
}

TEST_F(Sealed, KeyFileIsCreatedPrivateAndRotated) {
  auto const dir = std::filesystem::temp_directory_path() / ("pufa-keys-" + pufa::base::random_hex(6));
  auto const path = (dir / "field.key").string();
  auto const ring = pufa::app::load_or_create_field_keys(path);
  ASSERT_EQ(ring.keys.size(), 1u);
  EXPECT_EQ(ring.keys[0].id, "k1");
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  // Read again: the same keys.
  auto const again = pufa::app::load_or_create_field_keys(path);
  EXPECT_EQ(again.keys[0].bytes, ring.keys[0].bytes);
  EXPECT_EQ(again.index_key, ring.index_key);
  // A rotation puts k2 first and keeps k1 and the index key.
  auto const rotated = pufa::app::add_field_key(path);
  ASSERT_EQ(rotated.keys.size(), 2u);
  EXPECT_EQ(rotated.keys[0].id, "k2");
  EXPECT_EQ(rotated.keys[1].bytes, ring.keys[0].bytes);
  EXPECT_EQ(rotated.index_key, ring.index_key);
  // Readable by others: refused.
  ::chmod(path.c_str(), 0644);
  EXPECT_THROW(pufa::app::load_or_create_field_keys(path), std::runtime_error);
  ::chmod(path.c_str(), 0600);
  { std::ofstream(path, std::ios::app) << "key k1 AAAA\n"; }
  EXPECT_THROW(pufa::app::load_or_create_field_keys(path), std::runtime_error);
  std::filesystem::remove_all(dir);
}
