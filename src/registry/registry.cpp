#include "registry/registry.hpp"

#include <boost/json/array.hpp>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "base/time.hpp"
#include "http/error.hpp"
#include "http/json_input.hpp"
#include "text/personal.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

Field const* Entity::field(std::string_view key) const {
  for (auto const& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

namespace {

bool is_reference(Kind kind) {
  return kind == Kind::region || kind == Kind::unit || kind == Kind::school ||
         kind == Kind::person || kind == Kind::team || kind == Kind::user || kind == Kind::ref;
}

bool is_multi(Kind kind) { return kind == Kind::tags || kind == Kind::refs; }

// unit_id → unit_name, client_region_id → client_region_name, lecturer_ids → lecturer_names.
std::string name_key(std::string_view key) {
  std::string base(key);
  if (base.ends_with("_ids")) return base.substr(0, base.size() - 4) + "_names";
  if (base.ends_with("_id")) base.resize(base.size() - 3);
  return base + "_name";
}

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

std::vector<std::int64_t> ids_of(std::string_view stored) { return split_ids(stored, ','); }

[[noreturn]] void invalid(Field const& field, std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), std::string(field.key));
}

std::string trimmed(std::string_view text) {
  auto const first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto const last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string joined(std::vector<std::string_view> const& items, std::string_view separator) {
  std::string out;
  for (auto item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string format_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", value);
  return text;
}

bool valid_date(std::string const& text) {
  return text.size() == 10 && base::parse_iso8601(text).has_value();
}

std::string id_problem(text::IdCheck check) {
  switch (check) {
    case text::IdCheck::wrong_length: return "身份证号应为 18 位";
    case text::IdCheck::bad_character: return "身份证号只能包含数字，最后一位可以是 X";
    case text::IdCheck::bad_date: return "身份证号中的出生日期不正确";
    case text::IdCheck::bad_check_digit: return "身份证号校验位错误";
    case text::IdCheck::ok: break;
  }
  return {};
}

// Region of a referenced record, or nullopt when there is none.
std::optional<std::pair<std::int64_t, std::string>> reference_region(db::Connection& conn,
                                                                      Field const& field, std::int64_t id) {
  db::ResultSet rows;
  if (field.kind == Kind::region) {
    rows = conn.query("SELECT id, path FROM regions WHERE id = ?", {id});
  } else {
    std::string sql = "SELECT r.id, r.path FROM " + table_of(field) +
                      " t JOIN regions r ON r.id = t.region_id WHERE t.id = ?";
    if (field.kind == Kind::school) sql += " AND t.type = '学校'";
    rows = conn.query(sql, {id});
  }
  if (rows.empty()) return std::nullopt;
  return std::pair(rows.front().i64(0), rows.front().str(1));
}

}  // namespace

std::string table_of(Field const& field) {
  switch (field.kind) {
    case Kind::region: return "regions";
    case Kind::unit:
    case Kind::school: return "units";
    case Kind::person: return "people";
    case Kind::team: return "teams";
    case Kind::user: return "users";
    case Kind::ref:
    case Kind::refs: return std::string(field.ref);
    default: return "";
  }
}

// The column shown as a reference's name.
std::string name_column_of(Field const& field) {
  if (field.kind == Kind::user) return "username";
  if (field.kind == Kind::ref || field.kind == Kind::refs) return std::string(field.ref_name);
  return "name";
}

std::vector<std::int64_t> path_ids(std::string_view path) { return split_ids(path, '/'); }

std::optional<RegionRef> region_ref(db::Connection& conn, std::int64_t id) {
  auto rows = conn.query(
      "SELECT r.id, r.path, r.name, r.level, p.name FROM regions r"
      " LEFT JOIN regions p ON p.id = r.parent_id WHERE r.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto row = rows.front();
  std::string name = row.i64(3) >= 3 ? row.str(4) + " " + row.str(2) : row.str(2);
  return RegionRef{row.i64(0), row.str(1), name};
}

std::string Registry::select_sql() const {
  std::string columns = "SELECT t.id, t.region_id, rg.name, rg.level, rgp.name, rg.path";
  std::string joins = " FROM " + std::string(entity_.table) +
                      " t JOIN regions rg ON rg.id = t.region_id"
                      " LEFT JOIN regions rgp ON rgp.id = rg.parent_id";
  for (auto const& field : entity_.fields) columns += ", t." + std::string(field.key);
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    std::string const j = "j" + std::to_string(i);
    if (!is_reference(field.kind)) {
      columns += ", NULL";
    } else if (field.kind == Kind::region) {
      columns += ", CASE WHEN " + j + ".level >= 3 THEN " + j + "p.name || ' ' || " + j +
                 ".name ELSE " + j + ".name END";
      joins += " LEFT JOIN regions " + j + " ON " + j + ".id = t." + std::string(field.key) +
               " LEFT JOIN regions " + j + "p ON " + j + "p.id = " + j + ".parent_id";
    } else {
      columns += ", " + j + "." + name_column_of(field);
      joins += " LEFT JOIN " + table_of(field) + " " + j + " ON " + j + ".id = t." +
               std::string(field.key);
    }
  }
  return columns + joins;
}

std::string Registry::where_sql(ListFilter const& filter, std::vector<Cell>& params) const {
  std::string where = " WHERE rg.path LIKE ?";
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
      std::int64_t id = 0;
      std::from_chars(value.data(), value.data() + value.size(), id);
      params.emplace_back(id);
    } else {
      params.emplace_back(value);
    }
  }
  return where;
}

Record Registry::read_record(db::Row const& row) const {
  Record record;
  record.id = row.i64(0);
  record.region_id = row.i64(1);
  record.region_name = row.i64(3) >= 3 ? row.str(4) + " " + row.str(2) : row.str(2);
  record.region_path = row.str(5);
  std::size_t const n = entity_.fields.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto const& field = entity_.fields[i];
    std::size_t const column = 6 + i;
    if (row.is_null(column)) {
      record.values.emplace_back();
    } else if (field.kind == Kind::number) {
      record.values.emplace_back(format_number(row.f64(column)));
    } else {
      record.values.emplace_back(row.str(column));
    }
    record.names.push_back(row.opt_str(6 + n + i));
  }
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
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(read_record(rows.row(i)));
  resolve_names(conn, out);
  return out;
}

void Registry::resolve_names(db::Connection& conn, std::vector<Record>& records) const {
  constexpr std::size_t chunk = 200;
  for (std::size_t f = 0; f < entity_.fields.size(); ++f) {
    auto const& field = entity_.fields[f];
    if (field.kind != Kind::refs) continue;
    std::vector<std::int64_t> wanted;
    for (auto const& record : records) {
      if (record.values[f]) {
        auto ids = ids_of(*record.values[f]);
        wanted.insert(wanted.end(), ids.begin(), ids.end());
      }
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::map<std::int64_t, std::string> names;
    for (std::size_t at = 0; at < wanted.size(); at += chunk) {
      std::size_t const n = std::min(chunk, wanted.size() - at);
      std::string marks;
      std::vector<Cell> params;
      for (std::size_t i = 0; i < n; ++i) {
        marks += i ? ", ?" : "?";
        params.emplace_back(wanted[at + i]);
      }
      auto rows = conn.query("SELECT id, " + name_column_of(field) + " FROM " + table_of(field) +
                                 " WHERE id IN (" + marks + ")", params);
      for (std::size_t r = 0; r < rows.size(); ++r) names[rows.row(r).i64(0)] = rows.row(r).str(1);
    }
    for (auto& record : records) {
      if (!record.values[f]) continue;
      std::string joined_names;
      for (auto id : ids_of(*record.values[f])) {
        if (!joined_names.empty()) joined_names += '\x1f';
        joined_names += names.contains(id) ? names[id] : "";
      }
      record.names[f] = joined_names;
    }
  }
}

std::int64_t Registry::count(db::Connection& conn, ListFilter const& filter) const {
  std::vector<Cell> params;
  std::string sql = "SELECT COUNT(*) FROM " + std::string(entity_.table) +
                    " t JOIN regions rg ON rg.id = t.region_id" + where_sql(filter, params);
  auto rows = conn.query(sql, params);
  return rows.front().i64(0);
}

Record Registry::load(db::Connection& conn, auth::Principal const& caller, std::int64_t id) const {
  std::string sql = select_sql() + " WHERE t.id = ?";
  std::vector<Cell> params{id};
  if (!entity_.fixed_column.empty()) {
    sql += " AND t." + std::string(entity_.fixed_column) + " = ?";
    params.emplace_back(entity_.fixed_value);
  }
  auto rows = conn.query(sql, params);
  if (rows.empty()) throw ApiError(AppError::not_found, std::string(entity_.label) + "不存在");
  std::vector<Record> one{read_record(rows.front())};
  resolve_names(conn, one);
  // City-wide records (dictionaries) are read by everyone; the rest only in scope.
  bool const city_wide = entity_.region_from.empty();
  if (!city_wide && !caller.covers(one.front().region_path)) throw ApiError(AppError::out_of_scope);
  return std::move(one.front());
}

std::vector<Cell> Registry::validate(db::Connection& conn, auth::Principal const& caller,
                                     boost::json::object const& body, Record const* existing,
                                     std::int64_t& region_id) const {
  std::vector<Cell> cells;
  std::vector<std::optional<std::int64_t>> regions(entity_.fields.size());
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    auto const& field = entity_.fields[i];
    if (field.readonly) {
      cells.emplace_back(nullptr);  // never written from input
      continue;
    }
    auto const* value = body.if_contains(field.key);
    bool is_null = true;
    if (!value && existing) {
      // Absent on update: keep what is stored (phones and ID numbers are only ever seen masked).
      auto const& kept = existing->values[i];
      is_null = !kept.has_value();
      if (!kept) {
        cells.emplace_back(nullptr);
      } else if (field.kind == Kind::number) {
        cells.emplace_back(std::strtod(kept->c_str(), nullptr));
      } else if (field.kind == Kind::integer) {
        cells.emplace_back(std::int64_t{std::strtoll(kept->c_str(), nullptr, 10)});
      } else if (is_reference(field.kind)) {
        std::int64_t id = std::strtoll(kept->c_str(), nullptr, 10);
        cells.emplace_back(id);
        if (auto ref = reference_region(conn, field, id)) regions[i] = ref->first;
      } else {
        cells.emplace_back(*kept);
      }
    } else if (!value || value->is_null() || (value->is_string() && trimmed(value->as_string()).empty())) {
      cells.emplace_back(nullptr);
    } else {
      is_null = false;
      switch (field.kind) {
        case Kind::text:
        case Kind::choice:
        case Kind::date:
        case Kind::phone:
        case Kind::id_number: {
          if (!value->is_string()) invalid(field, std::string(field.label) + "应为文本");
          std::string text = trimmed(value->as_string());
          auto length = http::utf8_length(text);
          if (!length) invalid(field, std::string(field.label) + "含有无效字符");
          if (field.kind == Kind::text && *length > field.max) {
            invalid(field, std::string(field.label) + "不能超过 " + std::to_string(field.max) + " 个字");
          }
          if (field.kind == Kind::choice &&
              std::find(field.choices.begin(), field.choices.end(), text) == field.choices.end()) {
            invalid(field, std::string(field.label) + "应为：" + joined(field.choices, "、"));
          }
          if (field.kind == Kind::date && !valid_date(text)) {
            invalid(field, std::string(field.label) + "应为日期，如 2020-09-01");
          }
          if (field.kind == Kind::phone && !text::is_mobile(text)) {
            invalid(field, std::string(field.label) + "应为 11 位手机号码");
          }
          if (field.kind == Kind::id_number) {
            if (!text.empty() && text.back() == 'x') text.back() = 'X';
            if (auto check = text::check_id_number(text); check != text::IdCheck::ok) {
              invalid(field, id_problem(check));
            }
            auto taken = conn.scalar("SELECT id FROM " + std::string(entity_.table) + " WHERE " +
                                         std::string(field.key) + " = ? AND id <> ?",
                                     {text, existing ? existing->id : 0});
            if (taken) throw ApiError(AppError::conflict, "该身份证号已登记", std::string(field.key));
          }
          cells.emplace_back(text);
          break;
        }
        case Kind::number: {
          if (!value->is_number()) invalid(field, std::string(field.label) + "应为数字");
          double const number = value->to_number<double>();
          if (field.high > field.low && (number < field.low || number > field.high)) {
            invalid(field, std::string(field.label) + "应在 " + format_number(field.low) + " 到 " +
                               format_number(field.high) + " 之间");
          }
          cells.emplace_back(number);
          break;
        }
        case Kind::integer: {
          if (!value->is_int64()) invalid(field, std::string(field.label) + "应为整数");
          auto const number = value->as_int64();
          if (field.high > field.low && (number < field.low || number > field.high)) {
            invalid(field, std::string(field.label) + "应在 " + format_number(field.low) + " 到 " +
                               format_number(field.high) + " 之间");
          }
          cells.emplace_back(number);
          break;
        }
        case Kind::dict: {
          if (!value->is_string()) invalid(field, std::string(field.label) + "应为文本");
          std::string text = trimmed(value->as_string());
          if (!conn.scalar("SELECT 1 FROM dictionary_items WHERE dict = ? AND value = ?", {field.dict, text})) {
            invalid(field, std::string(field.label) + "“" + text + "”不在可选项中");
          }
          cells.emplace_back(text);
          break;
        }
        case Kind::refs: {
          if (!value->is_array()) invalid(field, std::string(field.label) + "应为列表");
          std::string stored = ",";
          for (auto const& item : value->as_array()) {
            if (!item.is_int64() || item.as_int64() <= 0) invalid(field, std::string(field.label) + "应为记录编号");
            auto ref = reference_region(conn, field, item.as_int64());
            if (!ref) invalid(field, std::string(field.label) + "中有不存在的记录");
            if (!field.shared && !caller.covers(ref->second)) {
              throw ApiError(AppError::out_of_scope, std::string(field.label) + "不在您的管理范围内",
                             std::string(field.key));
            }
            auto const id = std::to_string(item.as_int64());
            if (stored.find("," + id + ",") == std::string::npos) stored += id + ",";
          }
          is_null = stored == ",";
          cells.emplace_back(is_null ? db::Param(nullptr) : db::Param(stored));
          break;
        }
        case Kind::tags: {
          if (!value->is_array()) invalid(field, std::string(field.label) + "应为列表");
          std::string stored = ",";
          for (auto const& item : value->as_array()) {
            if (!item.is_string() ||
                std::find(field.choices.begin(), field.choices.end(), item.as_string()) == field.choices.end()) {
              invalid(field, std::string(field.label) + "只能是：" + joined(field.choices, "、"));
            }
            std::string tag(item.as_string());
            if (stored.find("," + tag + ",") == std::string::npos) stored += tag + ",";
          }
          cells.emplace_back(stored == "," ? std::string() : stored);
          is_null = stored == ",";
          break;
        }
        default: {  // references
          if (!value->is_int64() || value->as_int64() <= 0) {
            invalid(field, std::string(field.label) + "应为记录编号");
          }
          auto const id = value->as_int64();
          auto ref = reference_region(conn, field, id);
          if (!ref) invalid(field, std::string(field.label) + "不存在");
          if (!field.shared && !caller.covers(ref->second)) {
            throw ApiError(AppError::out_of_scope, std::string(field.label) + "不在您的管理范围内",
                           std::string(field.key));
          }
          regions[i] = ref->first;
          cells.emplace_back(id);
        }
      }
    }
    if (is_null && field.required) invalid(field, "请填写" + std::string(field.label));
  }
  if (!entity_.one_of.empty()) {
    bool any = false;
    for (auto key : entity_.one_of) {
      for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
        if (entity_.fields[i].key == key && !std::holds_alternative<std::monostate>(cells[i].value)) any = true;
      }
    }
    if (!any) {
      auto const* first = entity_.field(entity_.one_of.front());
      invalid(*first, "请选择" + std::string(first->label));
    }
  }
  region_id = 0;
  if (entity_.region_from.empty()) {
    // City-wide records (dictionaries) sit at the root; only a caller at the root may write them.
    auto root = conn.query("SELECT id, path FROM regions WHERE parent_id IS NULL ORDER BY id LIMIT 1");
    if (!caller.covers(root.front().str(1))) throw ApiError(AppError::out_of_scope);
    region_id = root.front().i64(0);
  }
  for (auto key : entity_.region_from) {
    for (std::size_t i = 0; i < entity_.fields.size() && region_id == 0; ++i) {
      if (entity_.fields[i].key == key && regions[i]) region_id = *regions[i];
    }
  }
  if (region_id == 0) {
    auto const* first = entity_.field(entity_.region_from.front());
    invalid(*first, "请选择" + std::string(first->label));
  }
  return cells;
}

std::int64_t Registry::create(db::Connection& conn, auth::Principal const& caller,
                              boost::json::object const& body) const {
  std::int64_t region_id = 0;
  auto cells = validate(conn, caller, body, nullptr, region_id);
  std::string columns = "region_id";
  std::string marks = "?";
  std::vector<Cell> params{region_id};
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    if (entity_.fields[i].key == "region_id" || entity_.fields[i].readonly) continue;
    columns += ", " + std::string(entity_.fields[i].key);
    marks += ", ?";
    params.push_back(cells[i]);
  }
  if (!entity_.fixed_column.empty()) {
    columns += ", " + std::string(entity_.fixed_column);
    marks += ", ?";
    params.emplace_back(entity_.fixed_value);
  }
  auto const now = base::now_ms();
  params.emplace_back(now);
  params.emplace_back(now);
  auto rows = conn.query("INSERT INTO " + std::string(entity_.table) + " (" + columns +
                             ", created_at, updated_at) VALUES (" + marks + ", ?, ?) RETURNING id",
                         params);
  return rows.front().i64(0);
}

void Registry::update(db::Connection& conn, auth::Principal const& caller, Record const& existing,
                      boost::json::object const& body) const {
  auto const id = existing.id;
  if (!caller.covers(existing.region_path)) throw ApiError(AppError::out_of_scope);
  std::int64_t region_id = 0;
  auto cells = validate(conn, caller, body, &existing, region_id);
  std::string sets = "region_id = ?";
  std::vector<Cell> params{region_id};
  for (std::size_t i = 0; i < entity_.fields.size(); ++i) {
    if (entity_.fields[i].key == "region_id" || entity_.fields[i].readonly) continue;
    sets += ", " + std::string(entity_.fields[i].key) + " = ?";
    params.push_back(cells[i]);
  }
  params.emplace_back(base::now_ms());
  params.emplace_back(id);
  conn.query("UPDATE " + std::string(entity_.table) + " SET " + sets + ", updated_at = ? WHERE id = ?",
             params);
}

void Registry::remove(db::Connection& conn, auth::Principal const& caller, Record const& existing) const {
  if (!caller.covers(existing.region_path)) throw ApiError(AppError::out_of_scope);
  auto const id = existing.id;
  try {
    conn.exec("DELETE FROM " + std::string(entity_.table) + " WHERE id = ?", {id});
  } catch (db::DbError const& error) {
    if (error.kind() != db::ErrorKind::foreign_key_violation) throw;
    throw ApiError(AppError::conflict, "仍有其他记录引用该" + std::string(entity_.label) + "，不能删除");
  }
}

boost::json::object Registry::to_json(Record const& record, bool reveal) const {
  boost::json::object out;
  out["id"] = record.id;
  out["region_id"] = record.region_id;
  out["region_name"] = record.region_name;
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
      case Kind::integer: out[field.key] = std::strtoll(value->c_str(), nullptr, 10); break;
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
        std::string_view rest = *value;
        while (!rest.empty()) {
          auto comma = rest.find(',');
          auto tag = rest.substr(0, comma);
          if (!tag.empty()) tags.emplace_back(tag);
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
        out[field.key] = std::move(tags);
        break;
      }
      default:
        if (is_reference(field.kind)) {
          out[field.key] = std::strtoll(value->c_str(), nullptr, 10);
          out[name_key(field.key)] = record.names[i] ? boost::json::value(*record.names[i]) : nullptr;
        } else {
          out[field.key] = *value;
        }
    }
  }
  return out;
}

std::vector<std::string> Registry::to_row(Record const& record, bool reveal) const {
  auto json = to_json(record, reveal);
  std::vector<std::string> row;
  for (auto const& field : entity_.fields) {
    if (field.key == "region_id") {
      row.push_back(record.region_name);
      continue;
    }
    auto const& value = json[field.key];
    if (field.kind == Kind::refs) {
      std::string text;
      for (auto const& name : json[name_key(field.key)].as_array()) {
        if (!text.empty()) text += "、";
        text += name.as_string();
      }
      row.push_back(text);
    } else if (is_reference(field.kind)) {
      auto const& name = json[name_key(field.key)];
      row.push_back(name.is_string() ? std::string(name.as_string()) : "");
    } else if (value.is_string()) {
      row.emplace_back(value.as_string());
    } else if (value.is_double()) {
      row.push_back(format_number(value.as_double()));
    } else if (value.is_int64()) {
      row.push_back(std::to_string(value.as_int64()));
    } else if (value.is_array()) {
      std::string text;
      for (auto const& tag : value.as_array()) {
        if (!text.empty()) text += "、";
        text += tag.as_string();
      }
      row.push_back(text);
    } else {
      row.emplace_back();
    }
  }
  return row;
}

}  // namespace pufa::registry
