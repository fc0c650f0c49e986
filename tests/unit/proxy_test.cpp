// The client's address behind reverse proxies: X-Forwarded-For only from trusted proxies.
#include <gtest/gtest.h>

#include "http/server.hpp"

namespace pufa::http {
namespace {

TEST(TrustedProxies, MatchAddressesAndRanges) {
  std::vector<std::string> const ranges{"127.0.0.1", "10.0.0.0/8", "fd00::/8"};
  EXPECT_TRUE(address_in("127.0.0.1", ranges));
  EXPECT_TRUE(address_in("10.200.3.4", ranges));
  EXPECT_TRUE(address_in("::ffff:10.0.0.7", ranges));  // IPv4 seen through an IPv6 socket
  EXPECT_TRUE(address_in("fd12::1", ranges));
  EXPECT_FALSE(address_in("11.0.0.1", ranges));
  EXPECT_FALSE(address_in("127.0.0.2", ranges));
  EXPECT_FALSE(address_in("fe80::1", ranges));
  EXPECT_FALSE(address_in("not an address", ranges));
  EXPECT_FALSE(address_in("10.0.0.1", {"10.0.0.0/40"}));
}

TEST(TrustedProxies, TakeTheRightMostUntrustedHop) {
  std::vector<std::string> const trusted{"127.0.0.1", "10.0.0.0/8"};
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.5", "", trusted), "203.0.113.5");
  // A client may send its own X-Forwarded-For: the proxies append to it, so the right-most
  // untrusted hop is the real one and the forged left part is never read.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", "", trusted), "198.51.100.7");
  EXPECT_EQ(client_address("127.0.0.1", "", "198.51.100.8", trusted), "198.51.100.8");
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.3", "", trusted), "127.0.0.1");  // all hops trusted
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.5, garbage", "", trusted), "127.0.0.1");
  // Anyone else's headers are ignored.
  EXPECT_EQ(client_address("192.0.2.1", "203.0.113.5", "203.0.113.6", trusted), "192.0.2.1");
  EXPECT_EQ(client_address("192.0.2.1", "203.0.113.5", "", {}), "192.0.2.1");
}

}  // namespace
}  // namespace pufa::http
