// The to-do centre: what waits for the signed-in user, counted by each area that has such
// work (records to review, records returned to their author, exams open to sit; the new areas
// add tasks due, rectifications and bookings). The centre owns no table: each area registers a
// provider that counts its own records through its own store, and GET /api/v1/todo asks them all.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "http/router.hpp"

namespace pufa::todo {

// One kind of waiting work. `code` is stable on the wire (activities.review, articles.returned);
// the front end words it from its locale files and links it to the page that lists the items.
struct Item {
  std::string code;
  std::int64_t count = 0;
};

// Counts the caller's items of one area (none when the caller has no such work). Runs on a
// request thread; reads only.
using Provider = std::function<std::vector<Item>(auth::Principal const&)>;

class Centre {
 public:
  void add(Provider provider) { providers_.push_back(std::move(provider)); }
  // Every provider's items with a count above zero, in registration order.
  std::vector<Item> items(auth::Principal const& caller) const;

 private:
  std::vector<Provider> providers_;
};

// GET /api/v1/todo → {"items": [{code, count}], "total": the sum of the counts}.
void add_routes(http::Router& router, Centre const& centre);

}  // namespace pufa::todo
