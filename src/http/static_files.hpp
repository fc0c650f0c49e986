// The single-page app from --web: files kept in memory after first use, precompressed
// .gz twins, long cache headers for hashed assets, index.html for client routes.
// Hashed assets never change; other files (index.html) are re-read when their mtime moves,
// so a rebuilt web/dist is picked up without a restart.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>

namespace pufa::http {

struct StaticFile {
  std::string body;
  std::string gzip;  // empty when there is no .gz twin
  std::string content_type;
  std::string cache_control;
  std::filesystem::file_time_type modified;
};

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  bool enabled() const { return !root_.empty(); }
  // The file for a GET path; index.html for a path without an extension; nullptr when none.
  std::shared_ptr<StaticFile const> lookup(std::string_view path);

 private:
  std::shared_ptr<StaticFile const> load(std::string const& relative);
  std::filesystem::path root_;
  std::shared_mutex mutex_;
  std::map<std::string, std::shared_ptr<StaticFile const>, std::less<>> cache_;
};

// With public_url on https: a year, subdomains left alone (a bureau's other sites may not be TLS).
inline constexpr std::string_view hsts_value = "max-age=31536000";

// Security headers every HTML page carries. Scripts and style sheets come from this origin only
// (no <style> or <script> element a page did not ship); style attributes are let through because
// ECharts writes its tooltips as HTML with them (tests/e2e/browser.mjs fails a test on any
// violation).
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
    "style-src-attr 'unsafe-inline'; object-src 'none'; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'";

}  // namespace pufa::http
