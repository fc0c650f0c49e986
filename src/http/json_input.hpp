// Reading JSON request bodies with field-level Chinese errors.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"

namespace pufa::http {

// Parses the body as a JSON object; 415 unless Content-Type is application/json,
// 400 malformed_json when it does not parse or is not an object.
boost::json::object json_object(Request const& request);

// Field readers: a wrong type throws validation_failed naming the field.
// `label` is the field's Chinese name used in messages.
std::optional<std::string> opt_string(boost::json::object const& body, std::string_view key,
                                      std::string_view label, std::size_t max_chars = 200);
std::string req_string(boost::json::object const& body, std::string_view key,
                       std::string_view label, std::size_t max_chars = 200);
std::optional<std::int64_t> opt_int(boost::json::object const& body, std::string_view key,
                                    std::string_view label);
std::optional<bool> opt_bool(boost::json::object const& body, std::string_view key,
                             std::string_view label);
std::optional<std::vector<std::string>> opt_string_list(boost::json::object const& body,
                                                        std::string_view key,
                                                        std::string_view label);

// The one paging contract of every list (docs/api.md): ?page= (from 1) and ?page_size= (default
// 20, at most the route's maximum, a named constant beside the route).
struct Page {
  std::int64_t page = 1;
  std::int64_t size = 20;
  std::int64_t offset() const { return (page - 1) * size; }
};
inline constexpr std::int64_t default_page_size = 20;
inline constexpr std::int64_t max_page_number = 1'000'000;
Page page_of(Request const& request, std::int64_t max_size, std::int64_t default_size = default_page_size);
std::optional<std::int64_t> query_int(Request const& request, std::string_view name);

// An uploaded file's name as the client sent it (decoded): its last path component only (old
// browsers send C:\fakepath\...), shown to users and used as a download name, never a path.
// 400 naming `field` for invalid UTF-8, control or bidi characters, or more than `max_chars`;
// nullopt when empty.
std::optional<std::string> upload_name(std::string name, std::string_view field, std::size_t max_chars);

}  // namespace pufa::http
