#include "http/static_files.hpp"

#include <fstream>
#include <optional>
#include <mutex>
#include <sstream>

namespace pufa::http {

namespace {

std::string_view content_type_of(std::string_view extension) {
  struct Type {
    std::string_view extension, type;
  };
  static constexpr Type types[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},           {".map", "application/json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".jpg", "image/jpeg"},                  {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                   {".webp", "image/webp"},
      {".ico", "image/x-icon"},                {".woff2", "font/woff2"},
      {".woff", "font/woff"},                  {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},   {".wasm", "application/wasm"},
  };
  for (auto const& type : types) {
    if (type.extension == extension) return type.type;
  }
  return "application/octet-stream";
}

std::optional<std::string> read_file(std::filesystem::path const& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

// A safe relative path ("assets/index-abc.js"), or nullopt for anything that could escape.
std::optional<std::string> relative_of(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::string relative(path.substr(1));
  if (relative.empty()) return std::string("index.html");
  if (relative.find('\\') != std::string::npos || relative.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  std::string_view rest = relative;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    auto segment = rest.substr(0, slash);
    if (segment.empty() || segment == "." || segment == ".." || segment.front() == '.') {
      return std::nullopt;
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return relative;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::shared_ptr<StaticFile const> StaticFiles::lookup(std::string_view path) {
  if (!enabled()) return nullptr;
  auto relative = relative_of(path);
  if (!relative) return nullptr;
  {
    std::shared_lock lock(mutex_);
    if (auto found = cache_.find(*relative); found != cache_.end()) {
      std::error_code ec;
      if (relative->starts_with("assets/") ||
          std::filesystem::last_write_time(root_ / *relative, ec) == found->second->modified) {
        return found->second;
      }
    }
  }
  auto file = load(*relative);
  if (!file) {
    // A client route (/system/users) gets the app; a missing asset stays missing.
    auto const last = relative->substr(relative->rfind('/') + 1);
    if (last.find('.') != std::string::npos) return nullptr;
    return lookup("/index.html");
  }
  std::unique_lock lock(mutex_);
  return cache_.insert_or_assign(*relative, std::move(file)).first->second;
}

std::shared_ptr<StaticFile const> StaticFiles::load(std::string const& relative) {
  auto const full = root_ / relative;
  auto body = read_file(full);
  if (!body) return nullptr;
  auto file = std::make_shared<StaticFile>();
  std::error_code ec;
  file->modified = std::filesystem::last_write_time(full, ec);
  file->body = std::move(*body);
  file->gzip = read_file(full.string() + ".gz").value_or("");
  file->content_type = std::string(content_type_of(full.extension().string()));
  if (relative.starts_with("assets/")) {
    file->cache_control = "public, max-age=31536000, immutable";
  } else if (relative == "index.html") {
    file->cache_control = "no-cache";
  } else {
    file->cache_control = "public, max-age=3600";
  }
  return file;
}

}  // namespace pufa::http
