#include "registry/registry.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "auth/regions.hpp"
#include "base/sealed.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "http/request.hpp"
#include "text/personal.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

namespace {

// ",3,7," → {3, 7}; "/1/5/" → {1, 5}
std::vector<std::int64_t> split_ids(std::string_view text, char separator) {
  std::vector<std::int64_t> ids;
  while (!text.empty()) {
    auto const at = text.find(separator);
    auto const part = text.substr(0, at);
    std::int64_t id = 0;
    if (!part.empty() && std::from_chars(part.data(), part.data() + part.size(), id).ec == std::errc{}) {
      ids.push_back(id);
    }
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return ids;
}

std::vector<std::string_view> split_tags(std::string_view stored) {
  std::vector<std::string_view> out;
  while (!stored.empty()) {
    auto const comma = stored.find(',');
    auto const tag = stored.substr(0, comma);
    if (!tag.empty()) out.push_back(tag);
    if (comma == std::string_view::npos) break;
    stored.remove_prefix(comma + 1);
  }
  return out;
}

std::string format_number(double value) { return fmt::format("{:.10g}", value); }

// Columns of the select list, by position: id, region_id, region_path, one per field, then one
// display name per field (NULL unless the field is a reference to another table).
constexpr std::size_t first_field = 3;

std::int64_t to_int(std::string const& text) { return std::strtoll(text.c_str(), nullptr, 10); }


// Personal data at rest (base/sealed.hpp): where a sealed value lives, its blind index column.
std::string seal_context(Entity const& entity, Field const& field) {
  return std::string(entity.table) + "." + std::string(field.key);
}
bool indexed(Field const& field) { return field.kind == Kind::id_number; }
std::string index_column(Field const& field) { return std::string(field.key) + "_index"; }

// The columns and values a field writes: itself (sealed when personal data) and, for a 身份证号,
// its blind index.
void add_written(Entity const& entity, Field const& field, Cell const& cell,
                 std::vector<std::pair<std::string, Cell>>& out) {
  auto const* text = std::get_if<std::string>(&cell.value);
  if (!is_sealed(field.kind)) {
    out.emplace_back(std::string(field.key), cell);
    return;
  }
  out.emplace_back(std::string(field.key), text ? Cell(base::sealed::seal(*text, seal_context(entity, field))) : Cell(nullptr));
  if (indexed(field)) {
    out.emplace_back(index_column(field), text ? Cell(index_value(field, *text)) : Cell(nullptr));
  }
}

}  // namespace

std::string index_value(Field const& field, std::string_view plain) {
  return base::sealed::blind_index(field.kind == Kind::id_number ? base::sealed::id_number_kind : base::sealed::phone_kind, plain);
}

std::vector<std::int64_t> path_ids(std::string_view path) { return split_ids(path, '/'); }

std::vector<std::int64_t> ids_of(std::string_view stored) { return split_ids(stored, ','); }

std::string Registry::select_sql() const {
  std::string columns = "SELECT t.id, t.region_id, t.region_path";
  std::string joins = " FROM " + std::string(entity_.table) + " t";
  for (auto const& field : entity_.fields) columns += ", t." + std::string(field.key);
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    if (field.kind != Kind::ref) {
      columns += ", NULL";
      continue;
    }
    std::string const j = "j" + std::to_string(i);
    columns += ", " + j + "." + std::string(field.ref->name);
    joins += " LEFT JOIN " + std::string(field.ref->table) + " " + j + " ON " + j + ".id = t." + std::string(field.key);
  }
  if (entity_.owned) columns += ", t.created_by";
  return columns + joins;
}

std::string Registry::where_sql(ListFilter const& filter, std::vector<Cell>& params) const {
  std::string where = " WHERE t.region_path LIKE ?";
  params.emplace_back(filter.region_path + "%");
  if (!entity_.fixed_column.empty()) {
    where += " AND t." + std::string(entity_.fixed_column) + " = ?";
    params.emplace_back(entity_.fixed_value);
  }
  if (!filter.q.empty() && !entity_.search_column.empty()) {
    where += " AND LOWER(t." + std::string(entity_.search_column) + ") LIKE ? ESCAPE '\\'";
    params.emplace_back(http::contains_pattern(filter.q));
  }
  if (!filter.tag.empty()) {
    where += " AND t.tags LIKE ?";
    params.emplace_back("%," + filter.tag + ",%");
  }
  if (filter.created_by) {
    where += " AND t.created_by = ?";
    params.emplace_back(*filter.created_by);
  }
  if (filter.after_id > 0) {
    where += " AND t.id > ?";
    params.emplace_back(filter.after_id);
  }
  for (auto const& range : filter.ranges) {
    if (!range.from.empty()) {
      where += " AND t." + std::string(range.field->key) + " >= ?";
      params.emplace_back(range.from);
    }
    if (!range.to.empty()) {
      where += " AND t." + std::string(range.field->key) + " <= ?";
      params.emplace_back(range.to);
    }
  }
  for (auto const& [field, value] : filter.equals) {
    if (is_multi(field->kind)) {
      where += " AND t." + std::string(field->key) + " LIKE ?";
      params.emplace_back("%," + value + ",%");
      continue;
    }
    where += " AND t." + std::string(field->key) + " = ?";
    if (is_reference(field->kind) || field->kind == Kind::integer) {
      params.emplace_back(to_int(value));
    } else {
      params.emplace_back(value);
    }
  }
  return where;
}

Record Registry::read_record(db::Row const& row) const {
  Record record;
  record.id = row.i64_at(0);
  record.region_id = row.i64_at(1);
  record.region_path = row.str_at(2);
  std::size_t const n = entity_.fields.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto const column = first_field + i;
    if (row.is_null_at(column)) {
      record.values.emplace_back();
    } else if (is_sealed(entity_.fields[i].kind)) {
      record.values.emplace_back(base::sealed::open(row.str_at(column), seal_context(entity_, entity_.fields[i])));
    } else if (entity_.fields[i].kind == Kind::number) {
      record.values.emplace_back(format_number(row.f64_at(column)));
    } else {
      record.values.emplace_back(row.str_at(column));
    }
    record.names.push_back(row.opt_str_at(first_field + n + i));
  }
  if (entity_.owned) record.created_by = row.opt_i64_at(first_field + 2 * n);
  return record;
}

std::vector<Record> Registry::list(db::Connection& conn, ListFilter const& filter) const {
  std::vector<Cell> params;
  std::string sql = select_sql() + where_sql(filter, params);
  bool const descending = filter.sort.starts_with('-');
  std::string const key = descending ? filter.sort.substr(1) : filter.sort;
  std::string column = "t.id";
  if (auto const* field = entity_.field(key)) column = "t." + std::string(field->key);
  sql += " ORDER BY " + column + (descending ? " DESC" : "") + ", t.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto rows = conn.query(sql, params);
  std::vector<Record> out;
  out.reserve(rows.size());
  for (auto row : rows) out.push_back(read_record(row));
  resolve_names(conn, out);
  return out;
}

// Names of the records' regions (and of region fields), and of the records a refs field holds.
void Registry::resolve_names(db::Connection& conn, std::vector<Record>& records) const {
  std::set<std::int64_t> region_ids;
  for (auto const& record : records) {
    region_ids.insert(record.region_id);
    for (std::size_t f = 0; f < entity_.fields.size(); ++f) {
      if (entity_.fields[f].kind == Kind::region && record.values[f]) region_ids.insert(to_int(*record.values[f]));
    }
  }
  auto const region_names = auth::regions::full_names(conn, {region_ids.begin(), region_ids.end()});
  auto name_of_region = [&](std::int64_t id) {
    auto found = region_names.find(id);
    return found == region_names.end() ? std::string() : found->second;
  };
  for (auto& record : records) {
    record.region_name = name_of_region(record.region_id);
    for (std::size_t f = 0; f < entity_.fields.size(); ++f) {
      if (entity_.fields[f].kind == Kind::region && record.values[f]) {
        record.names[f] = name_of_region(to_int(*record.values[f]));
      }
    }
  }
  constexpr std::size_t chunk = 200;
  for (std::size_t f = 0; f < entity_.fields.size(); ++f) {
    auto const& field = entity_.fields[f];
    if (field.kind != Kind::refs) continue;
    std::set<std::int64_t> wanted;
    for (auto const& record : records) {
      if (!record.values[f]) continue;
      for (auto id : ids_of(*record.values[f])) wanted.insert(id);
    }
    std::vector<std::int64_t> ids(wanted.begin(), wanted.end());
    std::map<std::int64_t, std::string> names;
    for (std::size_t at = 0; at < ids.size(); at += chunk) {
      std::size_t const n = std::min(chunk, ids.size() - at);
      std::string marks;
      std::vector<Cell> params;
      for (std::size_t i = 0; i < n; ++i) {
        marks += i ? ", ?" : "?";
        params.emplace_back(ids[at + i]);
      }
      auto rows = conn.query("SELECT id, " + std::string(field.ref->name) + " AS name FROM " +
                                 std::string(field.ref->table) + " WHERE id IN (" + marks + ")",
                             params);
      for (auto row : rows) names[row.i64("id")] = row.opt_str("name").value_or("");
    }
    for (auto& record : records) {
      if (!record.values[f]) continue;
      std::string joined;
      bool first = true;
      for (auto id : ids_of(*record.values[f])) {
        if (!first) joined += '\x1f';
        first = false;
        if (auto found = names.find(id); found != names.end()) joined += found->second;
      }
      record.names[f] = joined;
    }
  }
}

std::int64_t Registry::count(db::Connection& conn, ListFilter const& filter) const {
  std::vector<Cell> params;
  std::string sql = "SELECT COUNT(*) AS n FROM " + std::string(entity_.table) + " t" + where_sql(filter, params);
  return conn.query(sql, params).front().i64("n");
}

std::optional<Record> Registry::find(db::Connection& conn, std::int64_t id) const {
  std::string sql = select_sql() + " WHERE t.id = ?";
  std::vector<Cell> params{id};
  if (!entity_.fixed_column.empty()) {
    sql += " AND t." + std::string(entity_.fixed_column) + " = ?";
    params.emplace_back(entity_.fixed_value);
  }
  auto rows = conn.query(sql, params);
  if (rows.empty()) return std::nullopt;
  std::vector<Record> one{read_record(rows.front())};
  resolve_names(conn, one);
  return std::move(one.front());
}

Record Registry::load(db::Connection& conn, auth::Principal const& caller, std::int64_t id) const {
  auto found = find(conn, id);
  // City-wide records (dictionaries) are read by everyone; the rest only in scope, and outside
  // it a record is as missing as one that never was (a 403 would confirm that the id exists).
  bool const city_wide = entity_.region_from.empty();
  if (!found) throw ApiError(AppError::not_found, std::string(entity_.label) + "不存在");
  if (!city_wide && !caller.covers(found->region_path)) {
    throw ApiError(http::concealed_refusal, std::string(entity_.label) + "不存在");
  }
  return std::move(*found);
}

std::int64_t Registry::insert(db::Connection& conn, Prepared const& prepared) const {
  std::string columns = "region_id, region_path";
  std::string marks = "?, ?";
  std::vector<Cell> params{prepared.place.region_id, prepared.place.region_path};
  std::vector<std::pair<std::string, Cell>> written;
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    if (field.key == "region_id" || (field.readonly && field.initial.empty())) continue;
    add_written(entity_, field, field.readonly ? Cell(field.initial) : prepared.cells[i], written);
  }
  for (auto& [column, cell] : written) {
    columns += ", " + column;
    marks += ", ?";
    params.push_back(std::move(cell));
  }
  if (!entity_.fixed_column.empty()) {
    columns += ", " + std::string(entity_.fixed_column);
    marks += ", ?";
    params.emplace_back(entity_.fixed_value);
  }
  if (entity_.owned) {
    columns += ", created_by";
    marks += ", ?";
    params.push_back(prepared.owner ? Cell(*prepared.owner) : Cell(nullptr));
  }
  auto const now = base::now_ms();
  params.emplace_back(now);
  params.emplace_back(now);
  auto rows = conn.query("INSERT INTO " + std::string(entity_.table) + " (" + columns +
                             ", created_at, updated_at) VALUES (" + marks + ", ?, ?) RETURNING id",
                         params);
  return rows.front().i64("id");
}

void Registry::update(db::Connection& conn, std::int64_t id, Prepared const& prepared) const {
  std::string sets = "region_id = ?, region_path = ?";
  std::vector<Cell> params{prepared.place.region_id, prepared.place.region_path};
  std::vector<std::pair<std::string, Cell>> written;
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    if (entity_.fields[i].key == "region_id" || entity_.fields[i].readonly) continue;
    add_written(entity_, entity_.fields[i], prepared.cells[i], written);
  }
  for (auto& [column, cell] : written) {
    sets += ", " + column + " = ?";
    params.push_back(std::move(cell));
  }
  params.emplace_back(base::now_ms());
  params.emplace_back(id);
  conn.query("UPDATE " + std::string(entity_.table) + " SET " + sets + ", updated_at = ? WHERE id = ?", params);
}

void Registry::remove(db::Connection& conn, std::int64_t id) const {
  try {
    conn.exec("DELETE FROM " + std::string(entity_.table) + " WHERE id = ?", {id});
  } catch (db::DbError const& error) {
    if (error.kind() != db::ErrorKind::foreign_key_violation) throw;
    throw ApiError(AppError::conflict, "仍有其他记录引用该" + std::string(entity_.label) + "，不能删除");
  }
}

void Registry::set(db::Connection& conn, std::int64_t id, std::string_view key, Cell value) const {
  auto const& field = entity_.fields[entity_.index_of(key)];
  if (is_sealed(field.kind)) throw std::logic_error("Registry::set is for statuses, not personal data");
  conn.exec("UPDATE " + std::string(entity_.table) + " SET " + std::string(field.key) + " = ?, updated_at = ? WHERE id = ?",
            {std::move(value), base::now_ms(), id});
}

std::string Registry::seal(std::string_view key, std::string_view plain) const {
  auto const& field = entity_.fields[entity_.index_of(key)];
  if (!is_sealed(field.kind)) throw std::logic_error("Registry::seal: " + std::string(key) + " is not personal data");
  return base::sealed::seal(plain, seal_context(entity_, field));
}

std::int64_t Registry::reseal(db::Connection& conn) const {
  std::int64_t changed = 0;
  std::string const current = base::sealed::current_like();
  for (auto const& field : entity_.fields) {
    if (!is_sealed(field.kind)) continue;
    std::string const column(field.key);
    std::string const table(entity_.table);
    auto const context = seal_context(entity_, field);
    std::string sql = "SELECT id, " + column + " AS value FROM " + table + " WHERE " + column + " IS NOT NULL AND (" +
                      column + " NOT LIKE ?" + (indexed(field) ? " OR " + index_column(field) + " IS NULL" : "") + ")";
    for (auto row : conn.query(sql, {current})) {
      auto const plain = base::sealed::open(row.str("value"), context);
      std::vector<std::pair<std::string, Cell>> written;
      add_written(entity_, field, Cell(plain), written);
      std::string sets;
      std::vector<Cell> params;
      for (auto& [name, cell] : written) {
        sets += (sets.empty() ? "" : ", ") + name + " = ?";
        params.push_back(std::move(cell));
      }
      params.emplace_back(row.i64("id"));
      conn.query("UPDATE " + table + " SET " + sets + " WHERE id = ?", params);
      ++changed;
    }
  }
  return changed;
}

boost::json::object Registry::to_json(Record const& record, bool reveal) const {
  boost::json::object out;
  out["id"] = record.id;
  out["region_id"] = record.region_id;
  out["region_name"] = record.region_name;
  if (entity_.owned) out["created_by"] = record.created_by ? boost::json::value(*record.created_by) : nullptr;
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    auto const& value = record.values[i];
    if (field.key == "region_id") continue;
    if (!value) {
      out[field.key] = is_multi(field.kind) ? boost::json::value(boost::json::array{}) : nullptr;
      if (is_reference(field.kind)) out[name_key(field.key)] = nullptr;
      if (field.kind == Kind::refs) out[name_key(field.key)] = boost::json::array{};
      continue;
    }
    switch (field.kind) {
      case Kind::number: out[field.key] = std::strtod(value->c_str(), nullptr); break;
      case Kind::integer: out[field.key] = to_int(*value); break;
      case Kind::refs: {
        boost::json::array ids, names;
        for (auto id : ids_of(*value)) ids.emplace_back(id);
        std::string const joined_names = record.names[i].value_or("");
        std::string_view rest = joined_names;
        for (std::size_t k = 0; k < ids.size(); ++k) {
          auto const sep = rest.find('\x1f');
          names.emplace_back(rest.substr(0, sep));
          rest = sep == std::string_view::npos ? std::string_view{} : rest.substr(sep + 1);
        }
        out[field.key] = std::move(ids);
        out[name_key(field.key)] = std::move(names);
        break;
      }
      case Kind::phone: out[field.key] = reveal ? *value : text::mask_phone(*value); break;
      case Kind::id_number: out[field.key] = reveal ? *value : text::mask_id_number(*value); break;
      case Kind::tags: {
        boost::json::array tags;
        for (auto tag : split_tags(*value)) tags.emplace_back(tag);
        out[field.key] = std::move(tags);
        break;
      }
      case Kind::region:
      case Kind::ref:
        out[field.key] = to_int(*value);
        out[name_key(field.key)] = record.names[i] ? boost::json::value(*record.names[i]) : nullptr;
        break;
      default: out[field.key] = *value;
    }
  }
  return out;
}

std::vector<std::string> Registry::to_row(Record const& record, bool reveal) const {
  std::vector<std::string> row;
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    auto const& value = record.values[i];
    if (field.key == "region_id") {
      row.push_back(record.region_name);
      continue;
    }
    if (!value) {
      row.emplace_back();
      continue;
    }
    switch (field.kind) {
      case Kind::choice: row.emplace_back(field.choices->label(*value)); break;
      case Kind::tags: {
        std::string text;
        for (auto tag : split_tags(*value)) {
          if (!text.empty()) text += "、";
          text += field.choices->label(tag);
        }
        row.push_back(std::move(text));
        break;
      }
      case Kind::refs: {
        std::string text = record.names[i].value_or("");
        for (std::size_t at = text.find('\x1f'); at != std::string::npos; at = text.find('\x1f', at)) {
          text.replace(at, 1, "、");
        }
        row.push_back(std::move(text));
        break;
      }
      case Kind::region:
      case Kind::ref: row.push_back(record.names[i].value_or("")); break;
      case Kind::phone: row.push_back(reveal ? *value : text::mask_phone(*value)); break;
      case Kind::id_number: row.push_back(reveal ? *value : text::mask_id_number(*value)); break;
      default: row.push_back(*value);
    }
  }
  return row;
}

}  // namespace pufa::registry
