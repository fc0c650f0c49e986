#include "registry/excel.hpp"

#include <boost/json/array.hpp>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "auth/regions.hpp"
#include "base/time.hpp"
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
    case Kind::tags: return std::string(field.choices->items.front().label);
    case Kind::date: return "2020-09-01";
    case Kind::phone: return "13800000000";
    case Kind::id_number: return "330781199001011232";
    case Kind::number: return "1";
    case Kind::region: return "马涧镇 马坞村";
    case Kind::ref:
    case Kind::refs: return std::string(field.ref->example);
    case Kind::integer: return "100";
    case Kind::dict: return std::string(field.dict->example);
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
      (a == '/' || a == '.' || a == '-') && m > 0 && d > 0) {
    return base::date_text(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  }
  return text;
}

// The id of the one record the field can refer to that is called `name`: in the caller's
// subtree, or city-wide for a shared reference (a city lecturer, lawyer or department).
std::int64_t find_by_name(db::Connection& conn, auth::Principal const& caller, Field const& field,
                          std::string const& name) {
  std::vector<std::int64_t> ids;
  if (field.kind == Kind::region) {
    ids = auth::regions::find_by_name(conn, caller.region_path, name);
  } else {
    std::string sql = "SELECT id FROM " + std::string(field.ref->table) + " WHERE " + std::string(field.ref->name) +
                      " = ? AND region_path LIKE ?";
    if (!field.ref->filter.empty()) sql += " AND " + std::string(field.ref->filter);
    auto rows = conn.query(sql, {name, (field.shared ? std::string("/") : caller.region_path) + "%"});
    for (auto row : rows) ids.push_back(row.i64("id"));
  }
  if (ids.empty()) {
    throw ApiError(AppError::validation_failed,
                   std::string(field.label) + "“" + name + "”不存在或不在您的管理范围内",
                   std::string(field.key));
  }
  if (ids.size() > 1) {
    throw ApiError(AppError::validation_failed,
                   std::string(field.label) + "“" + name + "”有重名，请在系统中录入",
                   std::string(field.key));
  }
  return ids.front();
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

}  // namespace

boost::json::object Registry::from_row(db::Connection& conn, auth::Principal const& caller,
                                       std::vector<std::pair<Field const*, std::string>> const& cells) const {
  boost::json::object body;
  for (auto const& [field, text] : cells) {
    if (!field || text.empty()) continue;
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
      case Kind::choice: {
        auto const* choice = field->choices->read(text);
        body[field->key] = choice ? std::string(choice->code) : text;  // validation names it
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
        for (auto const& tag : split_list(text)) {
          auto const* choice = field->choices->read(tag);
          tags.emplace_back(choice ? std::string(choice->code) : tag);
        }
        body[field->key] = std::move(tags);
        break;
      }
      case Kind::region:
      case Kind::ref: body[field->key] = find_by_name(conn, caller, *field, text); break;
      default: body[field->key] = text;
    }
  }
  return body;
}

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

std::vector<ImportRow> read_import(Registry const& registry, std::string_view bytes) {
  if (bytes.empty()) throw ApiError(AppError::validation_failed, "请选择要导入的文件", "file");
  xlsx::Rows rows;
  try {
    rows = xlsx::read_first_sheet(bytes);
  } catch (xlsx::ReadError const&) {
    throw ApiError(AppError::validation_failed, "文件不是有效的 Excel（.xlsx）文件", "file");
  }
  if (rows.size() < 2) throw ApiError(AppError::validation_failed, "文件中没有数据", "file");
  if (rows.size() - 1 > max_import_rows) {
    throw ApiError(AppError::validation_failed, "一次最多导入 " + std::to_string(max_import_rows) + " 行", "file");
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
  if (!any) throw ApiError(AppError::validation_failed, "表头与模板不一致，请下载模板后填写", "file");
  std::vector<ImportRow> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ImportRow row{r + 1, {}};
    bool blank = true;
    for (std::size_t c = 0; c < rows[r].size() && c < fields.size(); ++c) {
      if (!fields[c] || rows[r][c].empty()) continue;
      blank = false;
      row.cells.emplace_back(fields[c], rows[r][c]);
    }
    if (!blank) out.push_back(std::move(row));
  }
  if (out.empty()) throw ApiError(AppError::validation_failed, "文件中没有数据", "file");
  return out;
}

}  // namespace pufa::registry
