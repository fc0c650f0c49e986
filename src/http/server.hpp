// The HTTP/1.1 server: Beast on a few I/O threads, handlers on a worker pool.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>
#include <string>

#include "http/router.hpp"
#include "http/static_files.hpp"

namespace pufa::http {

inline constexpr std::size_t header_limit = 16 * 1024;
inline constexpr std::chrono::seconds read_timeout{30};   // a request's header and body
inline constexpr std::chrono::seconds idle_timeout{75};   // keep-alive between requests
inline constexpr std::chrono::seconds write_timeout{60};
inline constexpr std::chrono::seconds drain_timeout{20};  // graceful stop waits this long

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (reported through on_listening)
  int io_threads = 2;
  int workers = 8;
  int compute_threads = 0;  // for RouteOptions::compute routes; 0: one per core
  bool access_log = true;
  // Addresses (or CIDR ranges: 10.0.0.0/8, fd00::/8) of reverse proxies in front of the server.
  // Only a request from one of them has its client address taken from X-Forwarded-For (the
  // right-most address that is not a trusted proxy) or X-Real-IP; from anyone else those headers
  // are ignored, so a client cannot choose the address that rate limits and the audit see.
  std::vector<std::string> trusted_proxies;
  // Strict-Transport-Security on every response (set when public_url is https://: browsers
  // then never speak plain HTTP to the site for a year, whatever a link or a network says).
  bool hsts = false;
};

// True when `ip` is one of `ranges` (an address or address/prefix); false for anything unparsable.
bool address_in(std::string_view ip, std::vector<std::string> const& ranges);

// The client address of a request from `peer` with these headers' values (see trusted_proxies).
std::string client_address(std::string const& peer, std::string_view forwarded_for, std::string_view real_ip,
                           std::vector<std::string> const& trusted_proxies);

// Serves until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish
// (up to drain_timeout) and returns.
void serve(ServerOptions const& options, Router const& router, StaticFiles& files,
           std::function<void(std::string const& host, std::uint16_t port)> const& on_listening);

}  // namespace pufa::http
