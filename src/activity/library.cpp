#include "activity/library.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "activity/entities.hpp"
#include "activity/store.hpp"
#include "http/request.hpp"

namespace pufa::activity::library {

namespace {

RecordRef record_from(db::Row const& row, std::string_view kind) {
  return {std::string(kind), row.i64("id"), row.opt_i64("unit_id"), row.str("day"), row.str("title"),
          row.str("status"), row.str("region_path")};
}

constexpr char const* activity_columns =
    "SELECT id, unit_id, starts_on AS day, title, status, region_path FROM activities";
constexpr char const* study_columns =
    "SELECT id, unit_id, held_on AS day, topic AS title, status, region_path FROM study_records";
constexpr char const* channel_item_columns =
    "SELECT i.id, c.unit_id, i.published_on AS day, i.title, '' AS status, '' AS region_path FROM channel_items i"
    " JOIN channels c ON c.id = i.channel_id";

std::vector<ChangeObserver>& observers() {
  static std::vector<ChangeObserver> list;
  return list;
}

}  // namespace

bool is_kind(std::string_view kind) { return kind == activity_kind || kind == study_kind; }

void on_change(ChangeObserver observer) {
  auto& list = observers();
  if (std::find(list.begin(), list.end(), observer) == list.end()) list.push_back(observer);
}

void changed(db::Connection& conn, std::string_view kind, std::optional<std::string> const& unit_id,
             std::optional<std::string> const& day) {
  if (!unit_id || !day || day->size() < 4) return;
  auto const unit = std::strtoll(unit_id->c_str(), nullptr, 10);
  auto const year = std::atoi(day->substr(0, 4).c_str());
  if (unit <= 0 || year <= 0) return;
  for (auto observer : observers()) observer(conn, kind, unit, year);
}

std::vector<std::pair<std::int64_t, int>> unit_years(db::Connection& conn, std::string_view kind) {
  std::vector<std::pair<std::int64_t, int>> out;
  if (!is_kind(kind)) return out;
  auto const sql = kind == activity_kind
      ? "SELECT DISTINCT unit_id, substr(starts_on, 1, 4) AS y FROM activities WHERE unit_id IS NOT NULL"
      : "SELECT DISTINCT unit_id, substr(held_on, 1, 4) AS y FROM study_records";
  for (auto const& row : conn.query(sql)) out.emplace_back(row.i64("unit_id"), std::atoi(row.str("y").c_str()));
  return out;
}

std::vector<Match> matching(db::Connection& conn, Criteria const& criteria, std::size_t limit) {
  bool const activity = criteria.kind == activity_kind;
  std::string sql = activity ? "SELECT id, starts_on AS day, title FROM activities WHERE unit_id = ?"
                               " AND starts_on >= ? AND starts_on <= ?"
                             : "SELECT id, held_on AS day, topic AS title FROM study_records WHERE unit_id = ?"
                               " AND held_on >= ? AND held_on <= ?";
  std::vector<db::Param> params{criteria.unit_id, criteria.from, criteria.to};
  sql += " AND status <> ?";
  params.emplace_back(std::string(returned));
  auto add = [&](char const* column, std::optional<std::string> const& value) {
    if (!value) return;
    sql += std::string(" AND ") + column + " = ?";
    params.emplace_back(*value);
  };
  if (activity) {
    add("theme", criteria.theme);
    add("form", criteria.form);
    add("six_place", criteria.six_place);
    sql += " ORDER BY starts_on, id";
  } else {
    add("kind", criteria.study_kind);
    sql += " ORDER BY held_on, id";
  }
  sql += " LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit));
  std::vector<Match> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) {
    out.push_back({row.i64("id"), row.str("day"), row.str("title")});
  }
  return out;
}

std::vector<Fact> facts(db::Connection& conn, std::string_view kind, std::vector<std::int64_t> const& unit_ids,
                        std::string const& from, std::string const& to) {
  std::vector<Fact> out;
  if (!is_kind(kind)) return out;
  bool const activity = kind == activity_kind;
  constexpr std::size_t chunk = 500;
  for (std::size_t start = 0; start < unit_ids.size(); start += chunk) {
    auto const end = std::min(unit_ids.size(), start + chunk);
    std::string marks;
    std::vector<db::Param> params;
    for (auto i = start; i < end; ++i) {
      marks += i == start ? "?" : ", ?";
      params.emplace_back(unit_ids[i]);
    }
    params.emplace_back(from);
    params.emplace_back(to);
    params.emplace_back(std::string(returned));
    auto const sql = activity
        ? "SELECT unit_id, starts_on AS day, theme, form, six_place FROM activities WHERE unit_id IN (" + marks +
              ") AND starts_on >= ? AND starts_on <= ? AND status <> ? ORDER BY unit_id, starts_on"
        : "SELECT unit_id, held_on AS day, kind FROM study_records WHERE unit_id IN (" + marks +
              ") AND held_on >= ? AND held_on <= ? AND status <> ? ORDER BY unit_id, held_on";
    auto const rows = conn.query(sql, std::span<db::Param const>(params));
    auto const unit = rows.index_of("unit_id"), day = rows.index_of("day");
    auto const a = rows.index_of(activity ? "theme" : "kind");
    auto const b = activity ? rows.index_of("form") : 0, c = activity ? rows.index_of("six_place") : 0;
    out.reserve(out.size() + rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      auto const row = rows.row(r);
      Fact fact{row.i64_at(unit), row.str_at(day), {}, {}, {}, {}};
      if (activity) {
        fact.theme = row.opt_str_at(a);
        fact.form = row.opt_str_at(b);
        fact.six_place = row.opt_str_at(c);
      } else {
        fact.study_kind = row.opt_str_at(a);
      }
      out.push_back(std::move(fact));
    }
  }
  return out;
}

bool is_record_kind(std::string_view kind) { return is_kind(kind) || kind == channel_item_kind; }

std::optional<RecordRef> record(db::Connection& conn, std::string_view kind, std::int64_t id) {
  if (kind == channel_item_kind) {
    auto const rows = conn.query(std::string(channel_item_columns) + " WHERE i.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return record_from(rows.front(), kind);
  }
  if (!is_kind(kind)) return std::nullopt;
  auto const sql = std::string(kind == activity_kind ? activity_columns : study_columns) + " WHERE id = ?";
  auto const rows = conn.query(sql, {id});
  if (rows.empty()) return std::nullopt;
  return record_from(rows.front(), kind);
}

std::vector<RecordRef> unit_records(db::Connection& conn, std::string_view kind, std::int64_t unit_id,
                                    std::string const& q, std::size_t limit, std::string const& from,
                                    std::string const& to) {
  auto const within = [&](std::string& sql, std::vector<db::Param>& params, std::string_view column) {
    if (from.empty() || to.empty()) return;
    sql += fmt::format(" AND {} >= ? AND {} <= ?", column, column);
    params.emplace_back(from);
    params.emplace_back(to);
  };
  if (kind == channel_item_kind) {
    std::string sql = std::string(channel_item_columns) + " WHERE c.unit_id = ?";
    std::vector<db::Param> params{unit_id};
    if (!q.empty()) {
      sql += " AND LOWER(i.title) LIKE ? ESCAPE '\\'";
      params.emplace_back(http::contains_pattern(q));
    }
    within(sql, params, "i.published_on");
    sql += " ORDER BY i.published_on DESC, i.id DESC LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(limit));
    std::vector<RecordRef> out;
    for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(record_from(row, kind));
    return out;
  }
  if (!is_kind(kind)) return {};
  bool const activity = kind == activity_kind;
  std::string sql = std::string(activity ? activity_columns : study_columns) + " WHERE unit_id = ? AND status <> ?";
  std::vector<db::Param> params{unit_id, std::string(returned)};
  if (!q.empty()) {
    sql += activity ? " AND LOWER(title) LIKE ? ESCAPE '\\'" : " AND LOWER(topic) LIKE ? ESCAPE '\\'";
    params.emplace_back(http::contains_pattern(q));
  }
  within(sql, params, activity ? "starts_on" : "held_on");
  sql += activity ? " ORDER BY starts_on DESC, id DESC LIMIT ?" : " ORDER BY held_on DESC, id DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(limit));
  std::vector<RecordRef> out;
  for (auto const& row : conn.query(sql, std::span<db::Param const>(params))) out.push_back(record_from(row, kind));
  return out;
}

bool theme_exists(db::Connection& conn, std::string_view theme) {
  return store::dictionary_has(conn, "activity_theme", theme);
}

bool has_choice(std::string_view list, std::string_view code) {
  registry::ChoiceList const* found = list == "activity_form" ? &choices::form
                                      : list == "six_place"   ? &choices::six_place
                                      : list == "study_kind"  ? &choices::study_kind
                                                              : nullptr;
  return found && found->find(code);
}

std::map<std::int64_t, std::int64_t> activities_by_region(db::Connection& conn, std::string const& region_path,
                                                          std::string const& from, std::string const& to) {
  std::map<std::int64_t, std::int64_t> out;
  for (auto row : conn.query("SELECT region_id, COUNT(*) AS n FROM activities WHERE region_path LIKE ? AND starts_on >= ?"
                             " AND starts_on <= ? AND status <> ? GROUP BY region_id",
                             {region_path + "%", from, to, std::string(returned)})) {
    out[row.i64("region_id")] = row.i64("n");
  }
  return out;
}

}  // namespace pufa::activity::library
