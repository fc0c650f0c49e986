#include "registry/excel.hpp"

#include <boost/json/array.hpp>
#include <charconv>
#include <cstdlib>

#include "http/error.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

namespace {

double width_of(Field const& field) {
  switch (field.kind) {
    case Kind::id_number: return 22;
    case Kind::region:
    case Kind::tags: return 24;
    case Kind::text: return field.max > 100 ? 36 : 18;
    default: return 14;
  }
}

std::vector<xlsx::Column> columns_of(Entity const& entity) {
  std::vector<xlsx::Column> columns;
  for (auto const& field : entity.fields) columns.push_back({std::string(field.label), width_of(field)});
  return columns;
}

std::string example_of(Field const& field) {
  switch (field.kind) {
    case Kind::choice:
    case Kind::tags: return std::string(field.choices.front());
    case Kind::date: return "2020-09-01";
    case Kind::phone: return "13800000000";
    case Kind::id_number: return "330781199001011232";
    case Kind::number: return "1";
    case Kind::region: return "马涧镇 马坞村";
    case Kind::unit: return "市司法局";
    case Kind::school: return "兰溪市实验小学";
    case Kind::person: return "张三";
    case Kind::team: return "宪法宣讲团";
    case Kind::user:
    case Kind::ref:
    case Kind::refs: return "";
    case Kind::integer: return "100";
    case Kind::dict: return "宪法";
    default: return field.key == "name" ? "示例" : "";
  }
}

std::string normalise_date(std::string const& text) {
  bool digits = !text.empty() && text.size() <= 6;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (digits) return xlsx::excel_date(std::strtod(text.c_str(), nullptr));
  // 2020/9/1 or 2020.9.1 → 2020-09-01
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c%d", &y, &a, &m, &b, &d) == 5 && a == b &&
      (a == '/' || a == '.' || a == '-')) {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return out;
  }
  return text;
}

// The id of the one record of `table` called `name` in the caller's subtree.
std::int64_t find_by_name(db::Connection& conn, auth::Principal const& caller, Field const& field,
                          std::string const& name) {
  db::ResultSet rows;
  if (field.kind == Kind::region) {
    // "马涧镇 马坞村", a code, or a name that is unique in scope.
    auto const space = name.find(' ');
    if (space != std::string::npos) {
      rows = conn.query("SELECT r.id FROM regions r JOIN regions p ON p.id = r.parent_id"
                        " WHERE p.name = ? AND r.name = ? AND r.path LIKE ?",
                        {name.substr(0, space), name.substr(space + 1), caller.region_path + "%"});
    } else {
      rows = conn.query("SELECT id FROM regions WHERE (code = ? OR name = ?) AND path LIKE ?",
                        {name, name, caller.region_path + "%"});
    }
  } else {
    std::string const table = table_of(field);
    std::string const column = name_column_of(field);
    std::string sql = "SELECT t.id FROM " + table + " t JOIN regions r ON r.id = t.region_id WHERE t." +
                      column + " = ? AND r.path LIKE ?";
    if (field.kind == Kind::school) sql += " AND t.type = '学校'";
    // A shared reference (a city lecturer, lawyer or department) is looked up city-wide.
    rows = conn.query(sql, {name, (field.shared ? std::string("/") : caller.region_path) + "%"});
  }
  if (rows.empty()) {
    throw ApiError(AppError::validation_failed,
                   std::string(field.label) + "“" + name + "”不存在或不在您的管理范围内",
                   std::string(field.key));
  }
  if (rows.size() > 1) {
    throw ApiError(AppError::validation_failed,
                   std::string(field.label) + "“" + name + "”有重名，请在系统中录入",
                   std::string(field.key));
  }
  return rows.front().i64(0);
}

// "a、b，c,d" → {a, b, c, d}
std::vector<std::string> split_list(std::string const& text) {
  std::vector<std::string> items;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) items.push_back(current);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "，") == 0) {
      flush();
      i += 3;
    } else if (text[i] == ',' || text[i] == ' ') {
      flush();
      ++i;
    } else {
      current += text[i++];
    }
  }
  flush();
  return items;
}

boost::json::object body_of(db::Connection& conn, auth::Principal const& caller,
                            std::vector<Field const*> const& fields,
                            std::vector<std::string> const& cells) {
  boost::json::object body;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    Field const* field = fields[c];
    if (!field || c >= cells.size() || cells[c].empty()) continue;
    std::string const& text = cells[c];
    switch (field->kind) {
      case Kind::number: {
        char* end = nullptr;
        double const number = std::strtod(text.c_str(), &end);
        if (end && *end == '\0') body[field->key] = number;
        else body[field->key] = text;  // validation names it
        break;
      }
      case Kind::date: body[field->key] = normalise_date(text); break;
      case Kind::integer: {
        std::int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && end == text.data() + text.size()) body[field->key] = number;
        else body[field->key] = text;  // validation names it
        break;
      }
      case Kind::refs: {
        boost::json::array ids;
        for (auto const& name : split_list(text)) ids.emplace_back(find_by_name(conn, caller, *field, name));
        body[field->key] = std::move(ids);
        break;
      }
      case Kind::tags: {
        boost::json::array tags;
        for (auto const& tag : split_list(text)) tags.emplace_back(tag);
        body[field->key] = std::move(tags);
        break;
      }
      case Kind::region:
      case Kind::unit:
      case Kind::school:
      case Kind::person:
      case Kind::team:
      case Kind::user:
      case Kind::ref: body[field->key] = find_by_name(conn, caller, *field, text); break;
      default: body[field->key] = text;
    }
  }
  return body;
}

}  // namespace

std::string export_xlsx(Registry const& registry, std::vector<Record> const& records, bool reveal) {
  xlsx::Sheet sheet{std::string(registry.entity().label), columns_of(registry.entity()), {}};
  sheet.rows.reserve(records.size());
  for (auto const& record : records) sheet.rows.push_back(registry.to_row(record, reveal));
  return xlsx::write_workbook({sheet});
}

std::string template_xlsx(Registry const& registry) {
  xlsx::Sheet sheet{std::string(registry.entity().label), columns_of(registry.entity()), {}};
  std::vector<std::string> example;
  for (auto const& field : registry.entity().fields) example.push_back(example_of(field));
  sheet.rows.push_back(std::move(example));
  return xlsx::write_workbook({sheet});
}

std::size_t import_xlsx(db::Connection& conn, auth::Principal const& caller,
                        Registry const& registry, std::string_view bytes,
                        std::function<void(std::int64_t id)> const& created) {
  std::vector<std::vector<std::string>> rows;
  try {
    rows = xlsx::read_first_sheet(bytes);
  } catch (xlsx::ReadError const&) {
    throw ApiError(AppError::validation_failed, "文件不是有效的 Excel（.xlsx）文件", "file");
  }
  if (rows.empty()) throw ApiError(AppError::validation_failed, "文件中没有数据", "file");
  if (rows.size() - 1 > max_import_rows) {
    throw ApiError(AppError::validation_failed,
                   "一次最多导入 " + std::to_string(max_import_rows) + " 行", "file");
  }
  auto const& entity = registry.entity();
  std::vector<Field const*> fields;
  bool any = false;
  for (auto const& header : rows.front()) {
    Field const* found = nullptr;
    for (auto const& field : entity.fields) {
      if (header == field.label || header == field.key) found = &field;
    }
    any = any || found;
    fields.push_back(found);
  }
  if (!any) {
    throw ApiError(AppError::validation_failed, "表头与模板不一致，请下载模板后填写", "file");
  }
  boost::json::array problems;
  std::size_t imported = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    bool blank = true;
    for (auto const& cell : rows[r]) blank = blank && cell.empty();
    if (blank) continue;
    // A savepoint per row: a failed row must not poison the transaction (PostgreSQL), and
    // the rows before it are undone with everything else when any row fails.
    conn.exec_script("SAVEPOINT import_row");
    try {
      auto const id = registry.create(conn, caller, body_of(conn, caller, fields, rows[r]));
      if (created) created(id);
      conn.exec_script("RELEASE import_row");
      ++imported;
    } catch (ApiError const& error) {
      conn.exec_script("ROLLBACK TO import_row");
      conn.exec_script("RELEASE import_row");
      if (problems.size() < max_reported_rows) {
        problems.push_back({{"row", r + 1}, {"field", error.field()}, {"message", error.message()}});
      }
    }
  }
  if (!problems.empty()) {
    throw ApiError(AppError::import_failed,
                   "导入失败：" + std::to_string(problems.size()) + " 行有错误，未写入任何数据")
        .with({{"rows", std::move(problems)}});
  }
  if (imported == 0) throw ApiError(AppError::validation_failed, "文件中没有数据", "file");
  return imported;
}

}  // namespace pufa::registry
