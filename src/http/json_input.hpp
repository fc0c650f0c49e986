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

// List query parameters ?page=&page_size= with bounds.
struct Page {
  std::int64_t page = 1;
  std::int64_t size = 20;
  std::int64_t offset() const { return (page - 1) * size; }
};
inline constexpr std::int64_t max_page_size = 100;
Page page_of(Request const& request);
std::optional<std::int64_t> query_int(Request const& request, std::string_view name);

// Counts Unicode code points in valid UTF-8; nullopt when the bytes are not UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

}  // namespace pufa::http
