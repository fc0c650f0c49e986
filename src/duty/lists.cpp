// Responsibility lists (普法责任清单): a unit drafts its year's list, the coordinator returns it
// with a reason or approves it, and it is published on the portal with its 信息索引号. A change
// after publication is version n+1 with its reason; the published versions stay readable.
#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "auth/audit.hpp"
#include "base/time.hpp"
#include "content/disclosure.hpp"
#include "duty/common.hpp"
#include "laws/library.hpp"
#include "duty/judged.hpp"
#include "duty/rules.hpp"
#include "duty/service.hpp"
#include "duty/sheets.hpp"
#include "duty/store.hpp"
#include "duty/view.hpp"
#include "http/error.hpp"
#include "text/utf8.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

namespace {

DutyList load(db::Connection& conn, std::int64_t id) {
  auto list = store::list(conn, id);
  if (!list) throw ApiError(AppError::not_found, "责任清单不存在");
  return *list;
}

void check_items(db::Connection& conn, DutyList const* list, std::vector<ListItem> const& items) {
  std::set<std::int64_t> known;
  if (list) {
    for (auto const& item : list->items) known.insert(item.id);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto const field = fmt::format("items[{}]", i);
    if (items[i].id && !known.contains(items[i].id)) {
      throw ApiError(AppError::validation_failed, "清单条目编号不属于这份清单", field + ".id");
    }
    check_rule(conn, items[i].rule, field + ".rule");
  }
}

Annex annex_of(db::Connection& conn, DutyList const& list) {
  Annex annex;
  annex.new_laws = laws::library::issued_in(conn, list.year);
  auto const plan = store::plan_of_year(conn, list.year);
  if (!plan) return annex;
  for (auto const& point : plan->points) {
    if (point.kind == point_kind::theme) annex.themes.push_back(point);
    if (point.kind != point_kind::date_node) continue;
    bool const concerns = point.lead_unit_id == list.unit_id ||
                          std::find(point.co_unit_ids.begin(), point.co_unit_ids.end(), list.unit_id) != point.co_unit_ids.end();
    if (concerns) annex.date_nodes.push_back(point);
  }
  name_units(conn, annex.date_nodes);
  return annex;
}

// The list as its page shows it: the unit's name, the items' laws linked, the annexes.
ListView view_of(db::Connection& conn, DutyList list) {
  list.unit_name = names_of(conn, {list.unit_id})[list.unit_id];
  link_laws(conn, list.items);
  auto annex = annex_of(conn, list);
  return {std::move(list), std::move(annex)};
}

ListView view_of(db::Connection& conn, std::int64_t id) { return view_of(conn, load(conn, id)); }

// A page of lists with their units' names.
ListPage named_page(db::Connection& conn, store::ListFilter const& filter) {
  ListPage page{store::lists(conn, filter), store::count_lists(conn, filter)};
  name_lists(conn, page.items);
  return page;
}

// Loads the list and checks that the caller acts for its unit.
DutyList load_for(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto list = load(conn, id);
  require_unit(caller, unit_or_fail(conn, list.unit_id, "unit_id"));
  return list;
}

}  // namespace

void sync_list_tasks(db::Connection& conn, DutyList const& list, base::Millis now) {
  std::set<std::int64_t> items;
  for (auto const& item : list.items) {
    Task task;
    task.year = list.year;
    task.source = "list_item";
    task.source_id = item.id;
    task.unit_id = list.unit_id;
    task.role = "owner";
    task.region_path = list.region_path;
    task.title = item.content;
    task.deadline = item.deadline;
    task.rule = item.rule;
    store::upsert_task(conn, task, now);
    items.insert(item.id);
  }
  store::TaskFilter filter{.region_path = "/", .unit_id = list.unit_id, .year = list.year};
  for (auto const& task : store::tasks(conn, filter)) {
    if (task.source == "list_item" && !items.contains(task.source_id)) store::delete_task(conn, task.id);
  }
}

ListPage DutyService::lists(auth::Actor const& actor, ListQuery const& query) const {
  auto const& caller = actor.user();
  require_duty(caller);
  store::ListFilter filter{.region_path = caller.region_path, .unit_id = query.unit_id, .year = query.year,
                           .status = query.status};
  if (!caller.has(manage) && caller.unit_id) {
    if (query.unit_id && *query.unit_id != *caller.unit_id) return {};
    filter.unit_id = caller.unit_id;
  }
  filter.limit = query.page_size;
  filter.offset = (query.page - 1) * query.page_size;
  return db_.read([&](db::Connection& conn) { return named_page(conn, filter); });
}

ListView DutyService::list(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.read([&](db::Connection& conn) { return view_of(conn, load_for(conn, caller, id)); });
}

ListView DutyService::create_list(auth::Actor const& actor, ListInput input) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.write([&](db::Connection& conn) {
    auto const unit = unit_or_fail(conn, input.unit_id, "unit_id");
    require_unit(caller, unit);
    check_items(conn, nullptr, input.items);
    if (store::count_lists(conn, {.region_path = "/", .unit_id = unit.id, .year = input.year})) {
      throw ApiError(AppError::conflict, fmt::format("{}{}年的责任清单已存在", unit.name, input.year), "year");
    }
    DutyList list;
    list.unit_id = unit.id;
    list.year = input.year;
    list.region_id = unit.region_id;
    list.region_path = unit.region_path;
    auto const id = store::insert_list(conn, list, caller.user_id, base::now_ms());
    store::save_items(conn, id, std::move(input.items));
    auth::audit(conn, actor, "duty.list.create", "duty_list", std::to_string(id), fmt::format("{} {}", unit.name, input.year));
    return view_of(conn, id);
  });
}

ListView DutyService::update_list(auth::Actor const& actor, std::int64_t id, ListInput input) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.write([&](db::Connection& conn) {
    auto list = load_for(conn, caller, id);
    if (list.status == list_status::submitted) throw ApiError(wrong_state, "清单正在审核中，不能修改");
    if (list.status == list_status::published) {
      if (!input.reason) throw ApiError(reason_required, {}, "reason");
      list.version += 1;
      list.status = list_status::draft;
      list.change_reason = input.reason;
      list.return_reason.reset();
    } else if (input.reason) {
      list.change_reason = input.reason;
    }
    check_items(conn, &list, input.items);
    auto const now = base::now_ms();
    store::set_list_state(conn, list, now);
    store::save_items(conn, id, std::move(input.items));
    auth::audit(conn, actor, "duty.list.update", "duty_list", std::to_string(id),
                input.reason ? fmt::format("v{}：{}", list.version, text::prefix_bytes(*input.reason, 200)) : "");
    return view_of(conn, id);
  });
}

ListView DutyService::submit_list(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  return db_.write([&](db::Connection& conn) {
    auto list = load_for(conn, caller, id);
    if (list.status != list_status::draft && list.status != list_status::returned) {
      throw ApiError(wrong_state, "只有草稿或已退回的清单可以报送");
    }
    if (list.items.empty()) throw ApiError(AppError::unprocessable, "清单没有任何条目，不能报送", "items");
    list.status = list_status::submitted;
    store::set_list_state(conn, list, base::now_ms());
    auth::audit(conn, actor, "duty.list.submit", "duty_list", std::to_string(id));
    return view_of(conn, id);
  });
}

ListView DutyService::return_list(auth::Actor const& actor, std::int64_t id, std::string const& reason) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto list = load_for(conn, caller, id);
    if (list.status != list_status::submitted) throw ApiError(wrong_state, "只有待审核的清单可以退回");
    list.status = list_status::returned;
    list.return_reason = reason;
    store::set_list_state(conn, list, base::now_ms());
    auth::audit(conn, actor, "duty.list.return", "duty_list", std::to_string(id), std::string(text::prefix_bytes(reason, 200)));
    return view_of(conn, id);
  });
}

ListView DutyService::approve_list(auth::Actor const& actor, std::int64_t id) const {
  auto const& caller = actor.user();
  require_manage(caller);
  return db_.write([&](db::Connection& conn) {
    auto list = load_for(conn, caller, id);
    if (list.status != list_status::submitted) throw ApiError(wrong_state, "只有待审核的清单可以审核发布");
    auto const now = base::now_ms();
    list.unit_name = names_of(conn, {list.unit_id})[list.unit_id];
    link_laws(conn, list.items);
    ListVersion version{list.version, list.change_reason.value_or(""),
                        content::assign_index_no(conn, base::shanghai_year(now)), now};
    store::insert_version(conn, id, version, snapshot_text(list, version), caller.user_id);
    list.status = list_status::published;
    list.published_version = list.version;
    list.return_reason.reset();
    store::set_list_state(conn, list, now);
    sync_list_tasks(conn, list, now);
    auth::audit(conn, actor, "duty.list.publish", "duty_list", std::to_string(id),
                fmt::format("v{} {}", list.version, version.index_no));
    return view_of(conn, id);
  });
}

ListView DutyService::import_items(auth::Actor const& actor, std::int64_t id, std::string_view bytes,
                                   std::optional<std::string> reason) const {
  require_duty(actor.user());
  auto read = read_items(bytes);  // parsed before any transaction opens
  return update_list(actor, id, {.items = std::move(read.items), .reason = std::move(reason)});
}

std::string DutyService::version(auth::Principal const* caller, std::int64_t id, std::optional<int> version) const {
  if (caller) require_duty(*caller);
  bool const published_only = caller == nullptr;
  return db_.read([&](db::Connection& conn) {
    auto const list = caller ? load_for(conn, *caller, id) : load(conn, id);
    auto const wanted = version ? version : list.published_version;
    auto snapshot = wanted ? store::version_snapshot(conn, id, *wanted) : std::nullopt;
    if (!snapshot) throw ApiError(AppError::not_found, published_only ? "该清单尚未发布" : "该版本不存在");
    // The versions published so far, so the page links the older ones, and this year's annexes.
    auto value = boost::json::parse(*snapshot);
    auto& out = value.as_object();
    out["versions"] = versions_json(list.versions);
    out["id"] = id;
    out["annex"] = annex_json(annex_of(conn, list));
    return boost::json::serialize(value);
  });
}

ListPage DutyService::public_lists(std::optional<int> year, std::int64_t page, std::int64_t size) const {
  store::ListFilter filter{.region_path = "/", .year = year, .published_only = true};
  filter.limit = size;
  filter.offset = (page - 1) * size;
  return db_.read([&](db::Connection& conn) { return named_page(conn, filter); });
}

}  // namespace pufa::duty
