#include "app/settings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "http/server.hpp"

namespace pufa::app {

namespace {

int to_int(std::string const& key, std::string const& text, int low, int high) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
    throw std::runtime_error("setting " + key + ": expected a number from " + std::to_string(low) +
                             " to " + std::to_string(high) + ", got '" + text + "'");
  }
  return value;
}

bool to_bool(std::string const& key, std::string const& text) {
  if (text == "true" || text == "1" || text == "on" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "off" || text == "no") return false;
  throw std::runtime_error("setting " + key + ": expected true or false, got '" + text + "'");
}

std::map<std::string, std::string> read_toml(std::string const& path) {
  std::map<std::string, std::string> values;
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (toml::parse_error const& error) {
    auto const& at = error.source().begin;
    throw std::runtime_error(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                             std::string(error.description()));
  }
  for (auto const& [name, value] : table) {
    std::string const key(name.str());
    if (std::find(std::begin(setting_keys), std::end(setting_keys), key) == std::end(setting_keys)) {
      throw std::runtime_error(path + ": unknown setting '" + key + "'");
    }
    if (auto text = value.value_exact<std::string>()) values[key] = *text;
    else if (auto number = value.value_exact<std::int64_t>()) values[key] = std::to_string(*number);
    else if (auto flag = value.value_exact<bool>()) values[key] = *flag ? "true" : "false";
    else throw std::runtime_error(path + ": setting '" + key + "' must be text, number or boolean");
  }
  return values;
}

}  // namespace

Settings load_settings(std::map<std::string, std::string> const& flags, std::string const& config) {
  std::map<std::string, std::string> values;
  std::string const file = !config.empty() ? config : "pufa.toml";
  if (!config.empty() || std::filesystem::exists(file)) values = read_toml(file);
  for (auto const* key : setting_keys) {
    std::string name = std::string("PUFA_") + key;
    std::transform(name.begin(), name.end(), name.begin(), ::toupper);
    if (char const* env = std::getenv(name.c_str())) values[key] = env;
  }
  for (auto const& [key, value] : flags) values[key] = value;

  Settings settings;
  settings.threads = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 64);
  if (std::filesystem::exists("web/dist/index.html")) settings.web = "web/dist";
  auto set = [&](char const* key, auto&& apply) {
    if (auto found = values.find(key); found != values.end()) apply(key, found->second);
  };
  set("db", [&](auto, auto const& v) { settings.db = v; });
  set("listen", [&](auto, auto const& v) { settings.listen = v; });
  set("web", [&](auto, auto const& v) { settings.web = v; });
  set("uploads", [&](auto, auto const& v) { settings.uploads = v; });
  set("sms_outbox", [&](auto, auto const& v) { settings.sms_outbox = v; });
  set("reminder_outbox", [&](auto, auto const& v) { settings.reminder_outbox = v; });
  set("trusted_proxies", [&](auto k, auto const& v) {
    settings.trusted_proxies.clear();
    std::size_t start = 0;
    while (start <= v.size()) {
      auto const comma = v.find(',', start);
      auto item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      while (!item.empty() && item.front() == ' ') item.erase(0, 1);
      while (!item.empty() && item.back() == ' ') item.pop_back();
      if (!item.empty()) {
        if (!http::address_in(item.substr(0, item.find('/')), {item.substr(0, item.find('/'))})) {
          throw std::runtime_error(std::string(k) + ": not an address or CIDR range: " + item);
        }
        settings.trusted_proxies.push_back(item);
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  });
  set("audit_key_file", [&](auto, auto const& v) { settings.audit_key_file = v; });
  set("field_key_file", [&](auto, auto const& v) { settings.field_key_file = v; });
  set("legality_review_days", [&](auto k, auto const& v) {
    try {
      settings.legality_review_days = legality::parse_review_days(v);
    } catch (std::invalid_argument const& e) {
      throw std::runtime_error("setting " + std::string(k) + ": " + e.what());
    }
  });
  set("four_eyes_publishing", [&](auto k, auto const& v) { settings.four_eyes_publishing = to_bool(k, v); });
  set("audit_retention_days", [&](auto k, auto const& v) {
    settings.audit_retention_days = to_int(k, v, 184, 36'500);  // 等保: at least six months
  });
  set("threads", [&](auto k, auto const& v) { settings.threads = to_int(k, v, 1, 256); });
  set("workers", [&](auto k, auto const& v) { settings.workers = to_int(k, v, 1, 256); });
  set("access_log", [&](auto k, auto const& v) { settings.access_log = to_bool(k, v); });
  set("session_idle_minutes", [&](auto k, auto const& v) {
    settings.auth.idle_timeout = to_int(k, v, 1, 24 * 60) * base::minute_ms;
  });
  set("session_absolute_hours", [&](auto k, auto const& v) {
    settings.auth.absolute_timeout = to_int(k, v, 1, 24 * 7) * base::hour_ms;
  });
  set("login_address_failures", [&](auto k, auto const& v) {
    settings.auth.address_failure_limit = to_int(k, v, 1, 100'000);
  });
  set("password_max_age_days", [&](auto k, auto const& v) {
    settings.auth.password_max_age = to_int(k, v, 0, 3650) * base::day_ms;
  });
  set("lockout_threshold", [&](auto k, auto const& v) {
    settings.auth.lockout_threshold = to_int(k, v, 1, 100);
  });
  set("lockout_minutes", [&](auto k, auto const& v) {
    settings.auth.lockout_duration = to_int(k, v, 1, 24 * 60) * base::minute_ms;
  });
  set("cookie_secure", [&](auto k, auto const& v) {
    settings.auth.cookie_secure = to_bool(k, v);
    settings.cookie_secure_set = true;
  });
  set("public_url", [&](auto k, auto const& v) {
    if (!v.starts_with("https://") && !v.starts_with("http://")) {
      throw std::runtime_error(std::string(k) + ": should start with https:// (or http://): " + v);
    }
    settings.public_url = v;
  });
  parse_listen(settings.listen);
  return settings;
}

namespace {
// `name` beside the SQLite file, or under var/ for PostgreSQL.
std::string beside_database(Settings const& settings, std::string const& name) {
  if (settings.db.starts_with("sqlite:")) {
    auto const parent = std::filesystem::path(settings.db.substr(7)).parent_path();
    return ((parent.empty() ? std::filesystem::path(".") : parent) / name).string();
  }
  return "var/" + name;
}
}  // namespace

std::string uploads_dir(Settings const& settings) {
  return settings.uploads.empty() ? beside_database(settings, "uploads") : settings.uploads;
}

std::string audit_key_path(Settings const& settings) {
  return settings.audit_key_file.empty() ? beside_database(settings, "audit.key") : settings.audit_key_file;
}

std::string field_key_path(Settings const& settings) {
  return settings.field_key_file.empty() ? beside_database(settings, "field.key") : settings.field_key_file;
}

ListenAddress parse_listen(std::string const& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::runtime_error("listen: expected HOST:PORT, got '" + listen + "'");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return {host, static_cast<std::uint16_t>(to_int("listen", listen.substr(colon + 1), 0, 65535))};
}

}  // namespace pufa::app
