#include "todo/todo.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace pufa::todo {

std::vector<Item> Centre::items(auth::Principal const& caller) const {
  std::vector<Item> out;
  for (auto const& provider : providers_) {
    for (auto& item : provider(caller)) {
      if (item.count > 0) out.push_back(std::move(item));
    }
  }
  return out;
}

void add_routes(http::Router& router, Centre const& centre) {
  router.add(http::Method::get, "/api/v1/todo", [&centre](http::Request& request) {
    boost::json::array items;
    std::int64_t total = 0;
    for (auto const& item : centre.items(auth::principal(request))) {
      items.push_back({{"code", item.code}, {"count", item.count}});
      total += item.count;
    }
    auto response = http::Response::ok({{"items", std::move(items)}, {"total", total}});
    response.set_header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace pufa::todo
