#include "app/commands.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "app/areas.hpp"
#include "app/demo.hpp"
#include "app/keys.hpp"
#include "app/settings.hpp"
#include "auth/accounts.hpp"
#include "auth/audit.hpp"
#include "auth/password.hpp"
#include "auth/regions.hpp"
#include "auth/users.hpp"
#include "base/random.hpp"
#include "http/error.hpp"
#include "http/request.hpp"
#include "http/server.hpp"
#include "laws/import.hpp"
#include "quiz/sender.hpp"
#include "service/routes.hpp"

namespace pufa::app {

namespace {

struct Flags {
  std::map<std::string, std::string> values;
  std::string config;
  void add(CLI::App& command, char const* flag, char const* key, char const* help) {
    command.add_option_function<std::string>(flag, [this, key](std::string const& v) { values[key] = v; }, help);
  }
};

std::unique_ptr<db::Database> open_database(Settings const& settings) {
  db::Options options;
  // SQLite readers are cheap; a PostgreSQL connection is a server process, and several nodes
  // share max_connections (100 by default), so a node keeps at most 16.
  options.readers = settings.db.starts_with("postgres") ? std::min(settings.workers, 16) : settings.workers;
  return db::Database::open(settings.db, options);
}

std::unique_ptr<db::Database> open_migrated(Settings const& settings) {
  auto database = open_database(settings);
  int const applied = db::migrate(*database, all_migrations());
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);
  return database;
}

auth::PruneResult prune_audit(db::Database& database, Settings const& settings) {
  return auth::prune_audit(database, auth::system_actor(),
                           base::now_ms() - settings.audit_retention_days * base::day_ms);
}

bool is_loopback(std::string const& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

int serve(Settings const& given, bool test_clock) {
  auto settings = given;
  auto const listen = parse_listen(settings.listen);
  bool const local = is_loopback(listen.host);
  // Beyond this machine: links on documents come from the configuration, never from a Host
  // header, and the session cookie is Secure unless the operator says otherwise.
  if (!local && settings.public_url.empty()) {
    throw std::runtime_error("set public_url (the address residents use, e.g. https://pufa.example.gov.cn) "
                             "when listening on " + listen.host + "; see docs/operations.md");
  }
  if (!local && !settings.cookie_secure_set) settings.auth.cookie_secure = true;
  http::set_public_url(settings.public_url);
  std::shared_ptr<quiz::OtpSender> sms;
  if (!settings.sms_outbox.empty()) sms = std::make_shared<quiz::OutboxSender>(settings.sms_outbox);
  std::shared_ptr<duty::ReminderSender> reminders;
  if (!settings.reminder_outbox.empty()) reminders = std::make_shared<duty::OutboxReminders>(settings.reminder_outbox);
  Application application(open_migrated(settings), settings.auth, uploads_dir(settings), test_clock, std::move(sms),
                          std::move(reminders), settings.four_eyes_publishing, settings.legality_review_days);
  if (test_clock) spdlog::warn("--test-clock: PUT /api/v1/test/clock moves this server's clock (tests only)");
  // Retention: what is older than audit_retention_days goes at every start (and `pufa audit prune`).
  if (auto const pruned = prune_audit(*application.db, settings); pruned.rows > 0) {
    spdlog::info("audit: {} rows older than {} days removed", pruned.rows, settings.audit_retention_days);
  }
  auto const& address = listen;
  http::StaticFiles files(settings.web);
  http::ServerOptions options;
  options.host = address.host;
  options.port = address.port;
  options.io_threads = settings.threads;
  options.workers = settings.workers;
  options.access_log = settings.access_log;
  options.trusted_proxies = settings.trusted_proxies;
  options.hsts = settings.public_url.starts_with("https://");
  http::serve(options, application.router, files, [&](std::string const& host, std::uint16_t port) {
    std::cout << "pufa " << PUFA_VERSION << " listening on http://" << host << ":" << port
              << " (db " << db::engine_name(application.db->engine()) << ", web "
              << (settings.web.empty() ? "off" : settings.web) << ")" << std::endl;
  });
  return 0;
}

std::string read_password(std::string given) {
  if (!given.empty()) return given;
  if (char const* env = std::getenv("PUFA_PASSWORD")) return env;
  std::cerr << "password: " << std::flush;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

struct UserArgs {
  std::string username, display_name, password, region;
  std::vector<std::string> roles;
};

int user_add(Settings const& settings, UserArgs args) {
  auto database = open_migrated(settings);
  auth::UserInput input{auth::normalize_username(args.username), args.display_name,
                        read_password(args.password), args.roles, {}, {}};
  auth::check_username(input.username);
  if (input.display_name.empty()) input.display_name = input.username;
  auth::check_display_name(input.display_name);
  auth::check_roles(input.roles);
  auth::check_password(input.password, "password");
  auto const hash = auth::hash_password(input.password);
  database->write([&](db::Connection& conn) {
    auto region = args.region.empty() ? std::optional(auth::regions::root(conn)) : auth::regions::by_code(conn, args.region);
    if (!region) throw std::runtime_error("no region with code " + args.region);
    if (auth::accounts::id_of(conn, input.username)) throw std::runtime_error("user " + input.username + " exists");
    auth::accounts::add(conn, auth::system_actor(),
                        {input.username, input.display_name, hash, region->id, input.roles, false});
  });
  std::cout << "user " << input.username << " added" << std::endl;
  return 0;
}

// passwd, lock, unlock: one user found by name, one change, audited.
int user_change(Settings const& settings, std::string const& username, std::string const& what,
                std::string const& password) {
  auto database = open_migrated(settings);
  std::string hash;
  if (what == "passwd") {
    auto const text = read_password(password);
    auth::check_password(text, "password");
    hash = auth::hash_password(text);
  }
  database->write([&](db::Connection& conn) {
    auto const id = auth::accounts::id_of(conn, auth::normalize_username(username));
    if (!id) throw std::runtime_error("no user " + username);
    if (what == "passwd") auth::accounts::set_password(conn, auth::system_actor(), *id, hash);
    else auth::accounts::set_disabled(conn, auth::system_actor(), *id, what == "lock");
  });
  std::cout << "user " << username << ": " << what << " done" << std::endl;
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  base::init_crypto();
  CLI::App cli{"Pufa 普法依法治理工作平台"};
  cli.require_subcommand(1);
  cli.fallthrough();
  cli.set_version_flag("--version", PUFA_VERSION);
  Flags flags;
  cli.add_option("--config", flags.config, "settings file (default ./pufa.toml when present)");
  flags.add(cli, "--db", "db", "database URL: sqlite:PATH or postgresql://...");
  flags.add(cli, "--field-key-file", "field_key_file", "the keys sealing 身份证号 and phones (default: field.key beside the SQLite file, else var/field.key)");

  auto* serve_cmd = cli.add_subcommand("serve", "serve the API and the web app");
  flags.add(*serve_cmd, "--listen", "listen", "HOST:PORT (port 0: any free port)");
  flags.add(*serve_cmd, "--web", "web", "folder of the built web app");
  flags.add(*serve_cmd, "--uploads", "uploads", "folder for uploaded photos");
  flags.add(*serve_cmd, "--threads", "threads", "I/O threads");
  flags.add(*serve_cmd, "--workers", "workers", "handler threads and database connections");
  flags.add(*serve_cmd, "--access-log", "access_log", "true or false");
  flags.add(*serve_cmd, "--four-eyes-publishing", "four_eyes_publishing", "true: an article's author cannot publish it (审核发布分离)");
  flags.add(*serve_cmd, "--legality-review-days", "legality_review_days", "合法性审核's time limit in working days: 5, or per kind: normative=5,major_decision=10");
  flags.add(*serve_cmd, "--password-max-age-days", "password_max_age_days", "days a password may be used before it must be changed (default 0: no limit)");
  flags.add(*serve_cmd, "--login-address-failures", "login_address_failures", "failed logins from one address in the lockout window before 429 (default 20)");
  flags.add(*serve_cmd, "--public-url", "public_url", "the address residents use (https://...); required beyond loopback");
  flags.add(*serve_cmd, "--trusted-proxies", "trusted_proxies", "reverse proxies whose X-Forwarded-For is read, comma-separated (127.0.0.1,10.0.0.0/8)");
  flags.add(*serve_cmd, "--sms-outbox", "sms_outbox", "file the quiz's one-time codes go to without an SMS gateway (demo, tests)");
  flags.add(*serve_cmd, "--reminder-outbox", "reminder_outbox", "file the responsibility system's reminders go to without a message channel (demo, tests)");
  bool test_clock = false;
  serve_cmd->add_flag("--test-clock", test_clock, "let tests move the clock (PUT /api/v1/test/clock); never in production");

  auto* migrate_cmd = cli.add_subcommand("migrate", "apply database migrations");
  auto* demo_cmd = cli.add_subcommand("demo", "load the Lanxi demo data and print the logins");

  auto* user_cmd = cli.add_subcommand("user", "manage accounts");
  user_cmd->require_subcommand(1);
  user_cmd->fallthrough();
  UserArgs user_args;
  auto* add_cmd = user_cmd->add_subcommand("add", "add a user");
  add_cmd->add_option("username", user_args.username)->required();
  add_cmd->add_option("--name", user_args.display_name, "display name");
  add_cmd->add_option("--role", user_args.roles, "role code (repeatable)")->required();
  add_cmd->add_option("--region", user_args.region, "region code (default: the root)");
  add_cmd->add_option("--password", user_args.password, "password (else PUFA_PASSWORD or stdin)");
  std::string target_user, new_password;
  auto* passwd_cmd = user_cmd->add_subcommand("passwd", "set a user's password");
  passwd_cmd->add_option("username", target_user)->required();
  passwd_cmd->add_option("--password", new_password, "password (else PUFA_PASSWORD or stdin)");
  auto* lock_cmd = user_cmd->add_subcommand("lock", "disable an account");
  lock_cmd->add_option("username", target_user)->required();
  auto* unlock_cmd = user_cmd->add_subcommand("unlock", "enable an account and clear its lockout");
  unlock_cmd->add_option("username", target_user)->required();

  auto* service_cmd = cli.add_subcommand("service", "公共法律服务");
  service_cmd->require_subcommand(1);
  service_cmd->fallthrough();
  std::string remind_on;
  auto* remind_cmd = service_cmd->add_subcommand("remind", "send the day-before reminders of tomorrow's bookings (run daily, e.g. from cron at 18:00)");
  remind_cmd->add_option("--on", remind_on, "the day to run as (YYYY-MM-DD, Beijing; default today)");
  flags.add(*remind_cmd, "--sms-outbox", "sms_outbox", "file the reminders go to without an SMS gateway (demo, tests)");

  auto* audit_cmd = cli.add_subcommand("audit", "the audit log");
  audit_cmd->require_subcommand(1);
  audit_cmd->fallthrough();
  auto* verify_cmd = audit_cmd->add_subcommand("verify", "check the audit chain: exit 0 when intact, 1 at the first broken row");
  auto* prune_cmd = audit_cmd->add_subcommand("prune", "remove audit rows older than audit_retention_days (default 184, the least allowed); serve does it at start");

  auto* keys_cmd = cli.add_subcommand("keys", "the field keys that seal 身份证号 and phones");
  keys_cmd->require_subcommand(1);
  keys_cmd->fallthrough();
  auto* rotate_cmd = keys_cmd->add_subcommand("rotate", "put a new key first in the field key file and re-seal every value with it");
  auto* reseal_cmd = keys_cmd->add_subcommand("reseal", "re-seal values still sealed with an older key (or written in clear)");

  auto* import_cmd = cli.add_subcommand("import", "import reference data");
  import_cmd->require_subcommand(1);
  import_cmd->fallthrough();
  std::string laws_dir;
  auto* import_laws_cmd =
      import_cmd->add_subcommand("laws", "import law texts (LawRefBook Markdown) from a folder");
  import_laws_cmd->add_option("dir", laws_dir, "folder of category folders of .md files")->required();

  try {
    cli.parse(argc, argv);
  } catch (CLI::ParseError const& error) {
    return cli.exit(error);
  }

  try {
    auto const settings = load_settings(flags.values, flags.config);
    auth::set_audit_key(auth::load_or_create_audit_key(audit_key_path(settings)));
    auto const field_keys = field_key_path(settings);
    base::sealed::install(load_or_create_field_keys(field_keys));
    base::sealed::set_reloader([field_keys] { return load_or_create_field_keys(field_keys); });
    if (serve_cmd->parsed()) return serve(settings, test_clock);
    if (verify_cmd->parsed()) {
      auto database = open_migrated(settings);
      auto const check = database->read([](db::Connection& conn) { return auth::verify_audit_chain(conn); });
      if (!check.problem.empty()) {
        std::cout << "audit chain BROKEN after " << check.rows << " intact rows: "
                  << (check.broken_id ? "row id " + std::to_string(*check.broken_id) + " (seq " +
                                            std::to_string(check.broken_seq.value_or(0)) + "): "
                                      : "seq " + std::to_string(check.broken_seq.value_or(0)) + ": ")
                  << check.problem << std::endl;
        return 1;
      }
      std::cout << "audit chain intact: " << check.rows << " rows" << std::endl;
      return 0;
    }
    if (rotate_cmd->parsed() || reseal_cmd->parsed()) {
      auto const path = field_key_path(settings);
      if (rotate_cmd->parsed()) base::sealed::install(add_field_key(path));
      auto database = open_migrated(settings);
      auto const changed = database->write([](db::Connection& conn) { return reseal_personal_data(conn); });
      std::cout << "field key " << base::sealed::current_key_id() << " (" << path << ") now seals; " << changed
                << " values re-sealed" << std::endl;
      return 0;
    }
    if (remind_cmd->parsed()) {
      std::shared_ptr<quiz::OtpSender> sms;
      if (!settings.sms_outbox.empty()) sms = std::make_shared<quiz::OutboxSender>(settings.sms_outbox);
      auto database = open_migrated(settings);
      auto const on = remind_on.empty() ? base::shanghai_date(base::now_ms()) : remind_on;
      auto const sent = service::send_reminders(*database, sms, on);
      std::cout << "reminders sent: " << sent << std::endl;
      return 0;
    }
    if (prune_cmd->parsed()) {
      auto database = open_migrated(settings);
      auto const result = prune_audit(*database, settings);
      std::cout << "audit rows removed: " << result.rows << " (kept: the last " << settings.audit_retention_days
                << " days)" << std::endl;
      return 0;
    }
    if (migrate_cmd->parsed()) {
      auto database = open_database(settings);
      int const applied = db::migrate(*database, all_migrations());
      std::cout << "migrations applied: " << applied << std::endl;
      return 0;
    }
    if (demo_cmd->parsed()) {
      auto database = open_migrated(settings);
      auto logins = load_demo(*database);
      std::cout << "Demo data loaded into " << settings.db << "\nDemo logins:\n";
      for (auto const& login : logins) {
        std::cout << "  " << login.username << " / " << login.password << "   (" << login.role << ")\n";
      }
      std::cout << std::flush;
      return 0;
    }
    if (import_laws_cmd->parsed()) return laws::import_laws(*open_migrated(settings), laws_dir, std::cout);
    if (add_cmd->parsed()) return user_add(settings, user_args);
    if (passwd_cmd->parsed()) return user_change(settings, target_user, "passwd", new_password);
    if (lock_cmd->parsed()) return user_change(settings, target_user, "lock", {});
    if (unlock_cmd->parsed()) return user_change(settings, target_user, "unlock", {});
  } catch (http::ApiError const& error) {
    std::cerr << "pufa: " << error.message() << std::endl;
    return 2;
  } catch (std::exception const& error) {
    std::cerr << "pufa: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}

}  // namespace pufa::app
