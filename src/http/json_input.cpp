#include "http/json_input.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <charconv>

#include "http/error.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace pufa::http {

namespace {

[[noreturn]] void wrong(std::string_view key, std::string message) {
  throw ApiError(AppError::validation_failed, std::move(message), std::string(key));
}

}  // namespace

boost::json::object json_object(Request const& request) {
  if (!request.media_type_is("application/json")) throw ApiError(AppError::unsupported_media_type);
  boost::system::error_code ec;
  auto value = boost::json::parse(request.body, ec);
  if (ec) throw ApiError(AppError::malformed_json);
  if (!value.is_object()) throw ApiError(AppError::malformed_json, "请求内容应为 JSON 对象");
  return std::move(value.as_object());
}

std::optional<std::string> opt_string(boost::json::object const& body, std::string_view key,
                                      std::string_view label, std::size_t max_chars) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) wrong(key, std::string(label) + "应为文本");
  std::string text(value->as_string());
  auto length = text::utf8_length(text);
  if (!length) wrong(key, std::string(label) + "含有无效字符");
  // Names, titles and codes are one line; longer texts (descriptions, notices) may break lines.
  if (auto bad = text::forbidden_character(text, max_chars > 200)) {
    wrong(key, std::string(label) + "含有不允许的控制字符（" + *bad + "）");
  }
  if (*length > max_chars) {
    wrong(key, std::string(label) + "不能超过 " + std::to_string(max_chars) + " 个字");
  }
  return text;
}

std::string req_string(boost::json::object const& body, std::string_view key,
                       std::string_view label, std::size_t max_chars) {
  auto text = opt_string(body, key, label, max_chars);
  auto first = text ? text->find_first_not_of(" \t\r\n") : std::string::npos;
  if (first == std::string::npos) wrong(key, "请填写" + std::string(label));
  return *text;
}

std::optional<std::int64_t> opt_int(boost::json::object const& body, std::string_view key,
                                    std::string_view label) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  wrong(key, std::string(label) + "应为整数");
}

std::optional<bool> opt_bool(boost::json::object const& body, std::string_view key,
                             std::string_view label) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_bool()) wrong(key, std::string(label) + "应为是或否");
  return value->as_bool();
}

std::optional<std::vector<std::string>> opt_string_list(boost::json::object const& body,
                                                        std::string_view key,
                                                        std::string_view label) {
  auto const* value = body.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_array()) wrong(key, std::string(label) + "应为列表");
  std::vector<std::string> items;
  for (auto const& item : value->as_array()) {
    if (!item.is_string()) wrong(key, std::string(label) + "中的每一项应为文本");
    if (!text::valid_utf8(item.as_string())) wrong(key, std::string(label) + "含有无效字符");
    if (auto bad = text::forbidden_character(item.as_string(), false)) {
      wrong(key, std::string(label) + "含有不允许的控制字符（" + *bad + "）");
    }
    items.emplace_back(item.as_string());
  }
  return items;
}

std::optional<std::int64_t> query_int(Request const& request, std::string_view name) {
  auto text = request.query_value(name);
  if (!text || text->empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size()) {
    throw ApiError(AppError::validation_failed, "参数 " + std::string(name) + " 应为整数",
                   std::string(name));
  }
  return value;
}

Page page_of(Request const& request, std::int64_t max_size, std::int64_t default_size) {
  Page page;
  page.page = query_int(request, "page").value_or(1);
  page.size = query_int(request, "page_size").value_or(std::min(default_size, max_size));
  if (page.page < 1 || page.page > max_page_number) {
    throw ApiError(AppError::validation_failed, "页码超出范围", "page");
  }
  if (page.size < 1 || page.size > max_size) {
    throw ApiError(AppError::validation_failed, "每页条数应在 1 到 " + std::to_string(max_size) + " 之间", "page_size");
  }
  return page;
}

std::optional<std::string> upload_name(std::string name, std::string_view field, std::size_t max_chars) {
  if (auto const slash = name.find_last_of("/\\"); slash != std::string::npos) name.erase(0, slash + 1);
  auto const length = text::utf8_length(name);
  if (!length || text::forbidden_character(name, false)) wrong(field, "文件名含有无效字符");
  if (*length > max_chars) wrong(field, "文件名不能超过 " + std::to_string(max_chars) + " 个字");
  if (name.empty()) return std::nullopt;
  return name;
}

}  // namespace pufa::http
