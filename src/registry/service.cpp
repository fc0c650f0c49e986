#include "registry/service.hpp"

#include <boost/json/array.hpp>
#include <malloc.h>

#include <algorithm>

#include "auth/audit.hpp"
#include "auth/rate_limit.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "registry/excel.hpp"
#include "text/normalize.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

void require_reveal(auth::Principal const& caller) {
  if (!caller.has("pii.read")) throw ApiError(AppError::forbidden, "您没有查看完整个人信息的权限");
}

std::string Records::action(std::string_view verb) const {
  return std::string(registry_.entity().name) + "." + std::string(verb);
}

ListFilter Records::filter_of(db::Connection& conn, auth::Principal const& caller, ListQuery const& query) const {
  auto const& entity = registry_.entity();
  ListFilter filter;
  // City-wide records (dictionaries) are listed for everyone.
  if (entity.region_from.empty()) {
    filter.region_path = "/";
  } else if (query.shared) {
    // Candidates for a shared reference: the whole city, limited to the shareable kinds.
    if (!entity.shareable) throw ApiError(AppError::validation_failed, "该列表不能跨区域查询", "shared");
    if (!entity.shared_tags.empty() &&
        std::find(entity.shared_tags.begin(), entity.shared_tags.end(), query.tag) == entity.shared_tags.end()) {
      throw ApiError(AppError::validation_failed, "跨区域查询只能按讲师、法律顾问等标签", "tag");
    }
    filter.region_path = "/";
  } else {
    filter.region_path = auth::regions::scope_path(conn, caller, query.region_id);
  }
  filter.q = query.q;
  filter.tag = query.tag;
  filter.equals = query.equals;
  filter.ranges = query.ranges;
  filter.sort = query.sort;
  if (query.mine) {
    if (!entity.owned) throw ApiError(AppError::validation_failed, "该列表不能按创建人筛选", "mine");
    filter.created_by = caller.user_id;
  }
  filter.limit = query.page_size;
  filter.offset = (query.page - 1) * query.page_size;
  return filter;
}

Records::Page Records::list(auth::Actor const& actor, ListQuery const& query) const {
  auto const& caller = actor.user();
  return db_.read([&](db::Connection& conn) {
    auto const filter = filter_of(conn, caller, query);
    return Page{registry_.list(conn, filter), registry_.count(conn, filter)};
  });
}

Detail Records::get(auth::Actor const& actor, std::int64_t id, bool reveal) const {
  auto const& caller = actor.user();
  if (reveal) require_reveal(caller);
  auto read = [&](db::Connection& conn) {
    Detail detail{registry_.load(conn, caller, id), {}};
    if (hooks_.related) detail.related = hooks_.related(conn, caller, detail.record);
    return detail;
  };
  if (!reveal) return db_.read(read);
  return db_.write([&](db::Connection& conn) {
    auto detail = read(conn);
    auth::audit(conn, actor, "pii.reveal", std::string(registry_.entity().name), std::to_string(id));
    return detail;
  });
}

namespace {

// Refusals of a personal number already registered (身份证号): each one tells the caller a
// number exists, so one user gets at most 10 an hour.
constexpr auth::rate_limit::Window unique_refusals{10, 60 * base::minute_ms};

std::string refusal_scope(auth::Principal const& caller) { return "registry.unique:" + std::to_string(caller.user_id); }

// Whether a body sets a 身份证号 (only such writes can be refused as already registered).
bool sets_personal_number(boost::json::object const& body, Entity const& entity) {
  for (auto const& field : entity.fields) {
    if (field.kind != Kind::id_number) continue;
    auto const* value = body.if_contains(field.key);
    if (value && value->is_string() && !value->as_string().empty()) return true;
  }
  return false;
}

bool is_unique_refusal(ApiError const& error, Entity const& entity) {
  auto const* field = entity.field(error.field());
  return error.code().code == http::error_info(AppError::conflict).code && field && field->kind == Kind::id_number;
}

}  // namespace

void Records::check_refusals(auth::Principal const& caller) const {
  auto const now = base::now_ms();
  auto const events = db_.read([&](db::Connection& conn) {
    return auth::rate_limit::events(conn, refusal_scope(caller), now - unique_refusals.span);
  });
  if (auth::rate_limit::wait(events, {unique_refusals}, now) > 0) {
    throw ApiError(AppError::rate_limited, "身份证号核对过于频繁，请一小时后再试");
  }
}

void Records::count_refusals(auth::Principal const& caller, int count) const {
  if (count <= 0) return;
  auto const now = base::now_ms();
  db_.write([&](db::Connection& conn) {
    for (int i = 0; i < count; ++i) auth::rate_limit::record(conn, refusal_scope(caller), now, unique_refusals.span);
  });
}

Record Records::create(auth::Actor const& actor, boost::json::object const& body) const {
  auto const& caller = actor.user();
  if (sets_personal_number(body, registry_.entity())) check_refusals(caller);
  try {
    return create_checked(actor, body);
  } catch (ApiError const& error) {
    if (is_unique_refusal(error, registry_.entity())) count_refusals(caller, 1);
    throw;
  }
}

Record Records::create_checked(auth::Actor const& actor, boost::json::object const& body) const {
  auto const& caller = actor.user();
  return db_.write([&](db::Connection& conn) {
    auto const id = registry_.insert(conn, registry_.prepare(conn, caller, body, nullptr));
    auto created = *registry_.find(conn, id);
    if (hooks_.changed) hooks_.changed(conn, nullptr, &created);
    auth::audit(conn, actor, action("create"), std::string(registry_.entity().name), std::to_string(id));
    return *registry_.find(conn, id);
  });
}

Record Records::update(auth::Actor const& actor, std::int64_t id, boost::json::object const& body) const {
  auto const& caller = actor.user();
  if (sets_personal_number(body, registry_.entity())) check_refusals(caller);
  try {
    return update_checked(actor, id, body);
  } catch (ApiError const& error) {
    if (is_unique_refusal(error, registry_.entity())) count_refusals(caller, 1);
    throw;
  }
}

Record Records::update_checked(auth::Actor const& actor, std::int64_t id, boost::json::object const& body) const {
  auto const& caller = actor.user();
  return db_.write([&](db::Connection& conn) {
    auto const before = registry_.load(conn, caller, id);
    if (!caller.covers(before.region_path)) throw ApiError(AppError::out_of_scope);
    registry_.update(conn, id, registry_.prepare(conn, caller, body, &before));
    auto const after = *registry_.find(conn, id);
    if (hooks_.changed) hooks_.changed(conn, &before, &after);
    auth::audit(conn, actor, action("update"), std::string(registry_.entity().name), std::to_string(id));
    return *registry_.find(conn, id);
  });
}

void Records::remove(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  db_.write([&](db::Connection& conn) {
    auto const before = registry_.load(conn, caller, id);
    if (!caller.covers(before.region_path)) throw ApiError(AppError::out_of_scope);
    registry_.remove(conn, id);
    if (hooks_.changed) hooks_.changed(conn, &before, nullptr);
    auth::audit(conn, actor, action("delete"), std::string(registry_.entity().name), std::to_string(id));
  });
}

struct Records::Attempt {
  ImportFile file;
  std::vector<Failure> failures;
  std::size_t created = 0;
  std::size_t updated = 0;
};

namespace {

// Rolls back a trial run's transaction after every row has been tried.
struct TrialOnly {};

// A check's message, with what the user could not see in the cell ("含全角空格").
std::string explained(ImportRow const& row, std::string const& field, std::string message) {
  auto const original = row.originals.find(field);
  if (original == row.originals.end()) return message;
  if (auto hidden = text::hidden_characters(original->second)) message += "（" + *hidden + "）";
  return message;
}

}  // namespace

Records::Attempt Records::attempt(auth::Actor const& actor, std::string_view bytes, bool commit) const {
  auto const& caller = actor.user();
  Attempt out{read_import(registry_, bytes), {}, 0, 0};  // parsed before the transaction opens
  auto const now = base::now_ms();
  int budget = unique_refusals.count - static_cast<int>(db_.read([&](db::Connection& conn) {
                 return auth::rate_limit::events(conn, refusal_scope(caller), now - unique_refusals.span);
               }).size());
  int refusals = 0;
  auto run = [&](db::Connection& conn) {
    for (auto const& row : out.file.rows) {
      if (row.problem) {
        out.failures.push_back({row.number, row.problem->first, row.problem->second});
        continue;
      }
      // A savepoint per row: a failed row must not poison the transaction (PostgreSQL), and
      // the rows before it are undone with everything else when any row fails.
      conn.exec_script("SAVEPOINT import_row");
      try {
        auto const body = registry_.from_row(conn, caller, row.cells);
        if (row.id) {
          auto const before = registry_.find(conn, *row.id);
          if (!before || !caller.covers(before->region_path)) {
            throw ApiError(AppError::validation_failed,
                           std::string(id_header) + " " + std::to_string(*row.id) +
                               " 的记录不存在或不在您的管理范围内；要新增记录请清空这一格",
                           "id");
          }
          registry_.update(conn, *row.id, registry_.prepare(conn, caller, body, &*before));
          if (hooks_.changed) {
            auto const after = *registry_.find(conn, *row.id);
            hooks_.changed(conn, &*before, &after);
          }
          ++out.updated;
        } else {
          auto const id = registry_.insert(conn, registry_.prepare(conn, caller, body, nullptr));
          if (hooks_.changed) {
            auto const created = *registry_.find(conn, id);
            hooks_.changed(conn, nullptr, &created);
          }
          ++out.created;
        }
        conn.exec_script("RELEASE import_row");
      } catch (ApiError const& error) {
        conn.exec_script("ROLLBACK TO import_row");
        conn.exec_script("RELEASE import_row");
        if (is_unique_refusal(error, registry_.entity())) {
          // Each answer tells whether a number exists: within the hour's budget only.
          if (budget <= 0) {
            out.failures.push_back({row.number, error.field(), "身份证号核对过于频繁，本行未核对，请一小时后再试"});
            continue;
          }
          --budget;
          ++refusals;
        }
        out.failures.push_back({row.number, error.field(), explained(row, error.field(), error.message())});
      }
    }
    if (!commit) throw TrialOnly{};
    if (!out.failures.empty()) return;
    auth::audit(conn, actor, action("import"), std::string(registry_.entity().name), {},
                std::to_string(out.created) + " created, " + std::to_string(out.updated) + " updated");
  };
  try {
    db_.write([&](db::Connection& conn) {
      run(conn);
      // Nothing of a failed import stays: undo the rows that passed.
      if (!out.failures.empty()) throw TrialOnly{};
    });
  } catch (TrialOnly const&) {
  }
  count_refusals(caller, refusals);
  return out;
}

Records::ImportResult Records::import(auth::Actor const& actor, std::string_view bytes) const {
  auto const outcome = attempt(actor, bytes, true);
  if (!outcome.failures.empty()) {
    boost::json::array rows;
    for (auto const& failure : outcome.failures) {
      rows.push_back({{"row", failure.row}, {"field", failure.field}, {"message", failure.message}});
    }
    auto const place = outcome.file.sheet.empty() ? std::string() : "工作表“" + outcome.file.sheet + "”中 ";
    throw ApiError(AppError::import_failed, "导入失败：" + place + std::to_string(outcome.failures.size()) +
                                                " 行有错误，未写入任何数据。可下载出错的行，改正后重新导入")
        .with({{"rows", std::move(rows)}, {"sheet", outcome.file.sheet}});
  }
  return {outcome.created, outcome.updated, outcome.file.examples, outcome.file.sheet, outcome.file.header_row};
}

std::string Records::failed_rows(auth::Actor const& actor, std::string_view bytes) const {
  auto const outcome = attempt(actor, bytes, false);
  return failed_rows_xlsx(registry_, outcome.file, outcome.failures);
}

std::string Records::export_xlsx(auth::Actor const& actor, ListQuery query, bool reveal) const {
  auto const& caller = actor.user();
  if (reveal) require_reveal(caller);
  auto records = db_.read([&](db::Connection& conn) {
    auto filter = filter_of(conn, caller, query);
    filter.limit = max_export_rows;
    filter.offset = 0;
    auto list = registry_.list(conn, filter);
    return std::pair(std::move(list), ambiguous_names(conn, registry_, caller, list));
  });
  db_.write([&](db::Connection& conn) {
    auth::audit(conn, actor, action(reveal ? "export_pii" : "export"), std::string(registry_.entity().name), {},
                std::to_string(records.first.size()) + " rows");
  });
  auto bytes = registry::export_xlsx(registry_, records.first, reveal, records.second);
  bool const large = records.first.size() > 5'000;
  records = {};
  // A large export's rows are freed now; hand the pages back so the process does not keep
  // the peak of its largest export for good (glibc keeps freed memory in its arenas).
  if (large) ::malloc_trim(0);
  return bytes;
}

}  // namespace pufa::registry
