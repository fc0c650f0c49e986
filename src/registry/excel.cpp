// The registry's export, template and failed-rows workbook (docs/registry.md).
#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "auth/regions.hpp"
#include "base/time.hpp"
#include "http/error.hpp"
#include "registry/cells.hpp"
#include "registry/excel.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "xlsx/csv.hpp"
#include "xlsx/xlsx.hpp"

namespace pufa::registry {

using http::ApiError;
using http::AppError;

namespace {

constexpr std::string_view qualifier_open = "（编号";
constexpr std::string_view qualifier_close = "）";

xlsx::CellType cell_type(Field const& field) {
  switch (field.kind) {
    case Kind::integer:
    case Kind::number: return xlsx::CellType::number;
    case Kind::date: return xlsx::CellType::date;
    default: return xlsx::CellType::text;
  }
}

}  // namespace

bool in_template(Field const& field) { return !field.readonly && field.imported; }

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

std::string qualified(std::string const& name, std::int64_t id) {
  return name + std::string(qualifier_open) + std::to_string(id) + std::string(qualifier_close);
}

// "钟平（编号57）" → {"钟平", 57}; the ASCII form "钟平(编号57)" after NFKC too.
std::pair<std::string, std::optional<std::int64_t>> split_qualifier(std::string const& text) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{qualifier_open, qualifier_close},
                             std::pair<std::string_view, std::string_view>{"(编号", ")"}}) {
    if (!text.ends_with(close)) continue;
    auto const at = text.rfind(open);
    if (at == std::string::npos || at == 0) continue;
    auto const digits = text.substr(at + open.size(), text.size() - at - open.size() - close.size());
    std::int64_t id = 0;
    auto const [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error == std::errc() && end == digits.data() + digits.size()) return {text.substr(0, at), id};
  }
  return {text, std::nullopt};
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
    if (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "，") == 0 || text.compare(i, 3, "；") == 0) {
      flush();
      i += 3;
    } else if (text[i] == ',' || text[i] == ' ' || text[i] == ';') {
      flush();
      ++i;
    } else {
      current += text[i++];
    }
  }
  flush();
  return items;
}

// Names of a refs field as read: joined by '\x1f'.
std::vector<std::string> split_names(std::string const& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto const at = joined.find('\x1f', start);
    out.push_back(joined.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

std::string lookup_scope(Field const& field, auth::Principal const& caller) {
  return field.shared ? std::string("/") : caller.region_path;
}


std::string export_xlsx(Registry const& registry, std::vector<Record> const& records, bool reveal,
                        Ambiguous const& ambiguous) {
  auto const& entity = registry.entity();
  xlsx::Sheet sheet{std::string(entity.label), {{std::string(id_header), 0, xlsx::CellType::number}}, {}};
  for (auto const& field : entity.fields) sheet.columns.push_back({std::string(field.label), 0, cell_type(field)});
  sheet.rows.reserve(records.size());
  for (auto const& record : records) {
    auto row = registry.to_row(record, reveal);
    for (auto const& [index, ids] : ambiguous) {
      auto const& field = entity.fields[index];
      auto const& value = record.values[index];
      if (!value) continue;
      if (field.kind == Kind::ref) {
        std::int64_t id = 0;
        std::from_chars(value->data(), value->data() + value->size(), id);
        if (ids.contains(id)) row[index] = qualified(row[index], id);
      } else if (field.kind == Kind::refs) {
        auto const names = split_names(record.names[index].value_or(""));
        auto const id_list = ids_of(*value);
        std::string text;
        for (std::size_t i = 0; i < id_list.size() && i < names.size(); ++i) {
          if (!text.empty()) text += "、";
          text += ids.contains(id_list[i]) ? qualified(names[i], id_list[i]) : names[i];
        }
        row[index] = std::move(text);
      }
    }
    row.insert(row.begin(), std::to_string(record.id));
    sheet.rows.push_back(std::move(row));
  }
  return xlsx::write_workbook({sheet});
}

std::string template_xlsx(Registry const& registry) {
  xlsx::Sheet sheet{std::string(registry.entity().label), {}, {}};
  std::vector<std::string> example;
  for (auto const& field : registry.entity().fields) {
    if (!in_template(field)) continue;
    auto title = std::string(field.label) + (field.required ? "*" : "");
    sheet.columns.push_back({title, 0, field.kind == Kind::integer || field.kind == Kind::number ? xlsx::CellType::number
                                                                                                 : xlsx::CellType::text});
    example.push_back(example_of(field));
  }
  sheet.columns.push_back({std::string(example_header), 0, xlsx::CellType::text});
  example.emplace_back("示例行，导入时忽略");
  sheet.rows.push_back(std::move(example));
  return xlsx::write_workbook({sheet});
}

std::string failed_rows_xlsx(Registry const& registry, ImportFile const& file, std::vector<Failure> const& failures) {
  xlsx::Sheet sheet{std::string(registry.entity().label) + "（未导入）", {}, {}};
  for (auto const& header : file.headers) sheet.columns.push_back({header, 0, xlsx::CellType::text});
  sheet.columns.push_back({std::string(reason_header), 0, xlsx::CellType::text});
  sheet.columns.push_back({std::string(row_header), 0, xlsx::CellType::number});
  std::map<std::size_t, std::string> reasons;
  for (auto const& failure : failures) {
    auto& reason = reasons[failure.row];
    if (!reason.empty()) reason += "；";
    reason += failure.message;
  }
  for (auto const& row : file.rows) {
    auto const found = reasons.find(row.number);
    if (found == reasons.end()) continue;
    auto cells = row.shown;
    cells.resize(file.headers.size());
    cells.push_back(found->second);
    cells.push_back(std::to_string(row.number));
    sheet.rows.push_back(std::move(cells));
  }
  return xlsx::write_workbook({sheet});
}

Ambiguous ambiguous_names(db::Connection& conn, Registry const& registry, auth::Principal const& caller,
                          std::vector<Record> const& records) {
  Ambiguous out;
  auto const& entity = registry.entity();
  constexpr std::size_t chunk = 500;
  for (std::size_t f = 0; f < entity.fields.size(); ++f) {
    auto const& field = entity.fields[f];
    if ((field.kind != Kind::ref && field.kind != Kind::refs) || !field.imported) continue;
    std::set<std::string> wanted;
    for (auto const& record : records) {
      if (!record.names[f]) continue;
      if (field.kind == Kind::ref) wanted.insert(*record.names[f]);
      else for (auto const& name : split_names(*record.names[f])) wanted.insert(name);
    }
    std::vector<std::string> list(wanted.begin(), wanted.end());
    for (std::size_t at = 0; at < list.size(); at += chunk) {
      std::string marks;
      std::vector<db::Param> params;
      for (std::size_t i = at; i < list.size() && i < at + chunk; ++i) {
        marks += marks.empty() ? "?" : ", ?";
        params.emplace_back(list[i]);
      }
      params.emplace_back(lookup_scope(field, caller) + "%");
      std::string sql = "SELECT id, " + std::string(field.ref->name) + " AS name FROM " + std::string(field.ref->table) +
                        " WHERE " + std::string(field.ref->name) + " IN (" + marks + ") AND region_path LIKE ?";
      if (!field.ref->filter.empty()) sql += " AND " + std::string(field.ref->filter);
      std::map<std::string, std::vector<std::int64_t>> by_name;
      for (auto row : conn.query(sql, params)) by_name[row.opt_str("name").value_or("")].push_back(row.i64("id"));
      for (auto const& [name, ids] : by_name) {
        if (ids.size() > 1) out[f].insert(ids.begin(), ids.end());
      }
    }
  }
  return out;
}

}  // namespace pufa::registry
