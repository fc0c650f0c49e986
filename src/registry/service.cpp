#include "registry/service.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "http/error.hpp"
#include "registry/excel.hpp"

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

Record Records::create(auth::Actor const& actor, boost::json::object const& body) const {
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

std::size_t Records::import(auth::Actor const& actor, std::string_view bytes) const {
  auto const& caller = actor.user();
  auto const rows = read_import(registry_, bytes);  // parsed before the transaction opens
  return db_.write([&](db::Connection& conn) {
    boost::json::array problems;
    std::size_t failed = 0;
    for (auto const& row : rows) {
      // A savepoint per row: a failed row must not poison the transaction (PostgreSQL), and
      // the rows before it are undone with everything else when any row fails.
      conn.exec_script("SAVEPOINT import_row");
      try {
        auto const id = registry_.insert(conn, registry_.prepare(conn, caller, registry_.from_row(conn, caller, row.cells),
                                                                 nullptr));
        if (hooks_.changed) {
          auto const created = *registry_.find(conn, id);
          hooks_.changed(conn, nullptr, &created);
        }
        conn.exec_script("RELEASE import_row");
      } catch (ApiError const& error) {
        conn.exec_script("ROLLBACK TO import_row");
        conn.exec_script("RELEASE import_row");
        ++failed;
        if (problems.size() < max_reported_rows) {
          problems.push_back({{"row", row.number}, {"field", error.field()}, {"message", error.message()}});
        }
      }
    }
    if (failed > 0) {
      throw ApiError(AppError::import_failed, "导入失败：" + std::to_string(failed) + " 行有错误，未写入任何数据")
          .with({{"rows", std::move(problems)}});
    }
    auth::audit(conn, actor, action("import"), std::string(registry_.entity().name), {},
                std::to_string(rows.size()) + " rows");
    return rows.size();
  });
}

std::string Records::export_xlsx(auth::Actor const& actor, ListQuery query, bool reveal) const {
  auto const& caller = actor.user();
  if (reveal) require_reveal(caller);
  auto records = db_.read([&](db::Connection& conn) {
    auto filter = filter_of(conn, caller, query);
    filter.limit = max_export_rows;
    filter.offset = 0;
    return registry_.list(conn, filter);
  });
  db_.write([&](db::Connection& conn) {
    auth::audit(conn, actor, action(reveal ? "export_pii" : "export"), std::string(registry_.entity().name), {},
                std::to_string(records.size()) + " rows");
  });
  return registry::export_xlsx(registry_, records, reveal);
}

}  // namespace pufa::registry
